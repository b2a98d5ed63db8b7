/**
 * Turns any error of a GraphQL response into a safe, coded one: our KgErrors keep their code
 * and details, limit rejections are LIMIT_EXCEEDED with the limit named, Apollo's client errors
 * (syntax, validation, bad request) keep their code, anything else is INTERNAL and logged. No
 * stack reaches a client unless KG_DEBUG=1; in production no Cypher, store message or cause.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { KgError } from '../errors';
import { LimitExceededError } from './limits';

/** Codes Apollo gives to errors of the request itself: the client's to fix, never logged. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export interface FormatErrorOptions {
  production: boolean;
  /** KG_DEBUG: keep Apollo's `stacktrace` extension. */
  debug: boolean;
  log: (msg: string) => void;
}

function limitErrorOf(error: unknown): LimitExceededError | null {
  if (error instanceof LimitExceededError) return error;
  // Validation errors arrive wrapped in Apollo's ValidationError.
  if (error instanceof GraphQLError && error.originalError instanceof LimitExceededError)
    return error.originalError;
  return null;
}

/** Apollo's HTTP status for an error without a code (e.g. a persisted-query hash mismatch). */
function httpStatusOf(error: unknown): number | undefined {
  const http =
    error instanceof GraphQLError ? (error.extensions.http as { status?: unknown } | undefined) : undefined;
  return typeof http?.status === 'number' ? http.status : undefined;
}

export function makeFormatError({ production, debug, log }: FormatErrorOptions) {
  const withStack = (ext: Record<string, unknown>, formatted: GraphQLFormattedError) =>
    debug && formatted.extensions?.stacktrace ? { ...ext, stacktrace: formatted.extensions.stacktrace } : ext;

  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof KgError) {
      const { query: _query, ...details } = original.details;
      const internal = original.code === 'STORE_ERROR' || original.code === 'INTERNAL';
      if (internal) log(`error: ${original.message}`);
      return {
        message: production && internal ? 'The store could not answer this request' : original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: withStack(
          { code: original.code, ...(production && original.code === 'STORE_ERROR' ? {} : details) },
          formatted,
        ),
      };
    }
    const limit = limitErrorOf(error);
    if (limit) {
      return {
        message: limit.message,
        extensions: { code: 'LIMIT_EXCEEDED', limit: limit.limit, max: limit.max },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      return { ...formatted, extensions: withStack({ code }, formatted) };
    }
    if (code === 'BAD_REQUEST') {
      // A malformed request (batching, a non-string query …): one code for "fix your request".
      return { message: formatted.message, extensions: { code: 'BAD_USER_INPUT' } };
    }
    const status = httpStatusOf(error);
    if (status !== undefined && status >= 400 && status < 500) {
      // Apollo raises the persisted-query hash mismatch as a code-less 400.
      const message =
        formatted.message === 'provided sha does not match query'
          ? 'extensions.persistedQuery.sha256Hash is not the SHA-256 of `query`; send the hash of the exact query text, or leave persistedQuery out.'
          : formatted.message;
      return { message, extensions: { code: 'BAD_USER_INPUT' } };
    }
    log(`error: ${original instanceof Error ? (original.stack ?? original.message) : String(original)}`);
    if (production)
      return { message: 'Internal error', path: formatted.path, extensions: { code: 'INTERNAL' } };
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: withStack({ code: 'INTERNAL' }, formatted),
    };
  };
}
