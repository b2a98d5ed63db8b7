/**
 * The HTTP edge around Apollo: what is refused before a document is parsed (a body that is not
 * JSON, one too large, a document over the token limit) and the JSON error every refusal gets,
 * so a client never sees Express's HTML page or a stack. Internal to the API.
 */
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { messageOf } from '../errors';
import { tokenLimitError } from './limits';

/** A GraphQL-shaped error response, in the media type the client accepts. */
export function sendErrors(
  req: Request,
  res: Response,
  status: number,
  errors: Array<{ message: string; extensions: Record<string, unknown> }>,
): void {
  const graphqlResponse = /application\/graphql-response\+json/.test(req.get('accept') ?? '');
  res
    .status(status)
    .type(
      graphqlResponse
        ? 'application/graphql-response+json; charset=utf-8'
        : 'application/json; charset=utf-8',
    )
    .send(JSON.stringify({ errors }));
}

/** Refuses a document over LIMITS.maxTokens before Apollo parses it (POST body or GET `query`). */
export const tokenLimit: RequestHandler = (req, res, next) => {
  const query: unknown = req.method === 'GET' ? req.query.query : (req.body as { query?: unknown })?.query;
  const error = typeof query === 'string' ? tokenLimitError(query) : null;
  if (!error) return next();
  const { http: _http, ...extensions } = error.extensions;
  sendErrors(req, res, 400, [{ message: error.message, extensions }]);
};

/** body-parser's failures by their `type`: status, code and a message that never echoes the body. */
const BODY_ERRORS: Record<string, [number, string, string]> = {
  'entity.parse.failed': [400, 'BAD_USER_INPUT', 'The request body is not valid JSON.'],
  'entity.too.large': [413, 'LIMIT_EXCEEDED', 'The request body is over 1 MB.'],
  'entity.verify.failed': [400, 'BAD_USER_INPUT', 'The request body could not be read.'],
  'request.aborted': [400, 'BAD_USER_INPUT', 'The request was aborted while its body was read.'],
  'request.size.invalid': [400, 'BAD_USER_INPUT', 'The request body is shorter than its Content-Length.'],
  'charset.unsupported': [415, 'BAD_USER_INPUT', 'The request body must be UTF-8 JSON.'],
  'encoding.unsupported': [415, 'BAD_USER_INPUT', 'The request body encoding is not supported.'],
};

/**
 * The last Express handler: anything thrown before or around Apollo becomes a JSON error.
 * Logs the error's message for server faults only, never the request body.
 */
export function errorHandler(log: (msg: string) => void): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const type = (error as { type?: unknown })?.type;
    const known = typeof type === 'string' ? BODY_ERRORS[type] : undefined;
    if (known) {
      const [status, code, message] = known;
      return sendErrors(req, res, status, [{ message, extensions: { code } }]);
    }
    const status = Number((error as { status?: unknown })?.status);
    if (status >= 400 && status < 500) {
      return sendErrors(req, res, status, [
        { message: 'The request could not be read.', extensions: { code: 'BAD_USER_INPUT' } },
      ]);
    }
    log(`error: ${req.method} ${req.path}: ${messageOf(error)}`);
    sendErrors(req, res, 500, [{ message: 'Internal error', extensions: { code: 'INTERNAL' } }]);
  };
}
