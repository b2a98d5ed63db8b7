/**
 * The access log and what the server records about each GraphQL request: pino-http writes
 * one line per HTTP request (method, path, status, duration, request id, and for GraphQL the
 * operation and store round trips), the id is echoed in `X-Request-Id`; an Apollo plugin adds
 * the operation to that line, counts the request in the metrics and logs slow requests (with
 * KG_DEBUG, each of their store statements by name and time).
 * Request bodies, query strings and headers are never logged. Internal to the API.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Request, RequestHandler, Response } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../log';
import type { ApiContext } from './context';
import type { Metrics } from './metrics';

/** What the GraphQL layer learned about a request, for its access-log line. */
interface GraphqlFacts {
  operation: string;
  roundTrips: number;
  rows: number;
}

const FACTS = Symbol('kg.graphqlFacts');
type WithFacts = ServerResponse & { [FACTS]?: GraphqlFacts };

/** Statements listed in one slow-request line at most (an unbatched request can run thousands). */
const MAX_SLOW_STATEMENTS = 100;

/** A client's own id is kept when it is short and plain; otherwise the server makes one. */
const CLIENT_ID = /^[\w.:-]{1,128}$/;

const pathOf = (req: IncomingMessage): string =>
  ((req as Partial<Request>).originalUrl ?? req.url ?? '').split('?')[0] ?? '';

/** pino-http over `logger`: one line per request when its response is finished. */
export function accessLog(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    quietReqLogger: true,
    genReqId(req, res) {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && CLIENT_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customAttributeKeys: { reqId: 'reqId', responseTime: 'ms' },
    // Method and path only: the query string of a GET /graphql is the request's document.
    serializers: {
      req: (req: { method?: string; raw?: IncomingMessage }) => ({
        method: req.method,
        path: req.raw ? pathOf(req.raw) : undefined,
      }),
      res: (res: { statusCode?: number }) => ({ status: res.statusCode }),
    },
    customProps: (_req, res) => ({ graphql: (res as WithFacts)[FACTS] }),
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: (req, res, ms) => `${req.method} ${pathOf(req)} ${res.statusCode} ${ms}ms`,
    customErrorMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
  }) as unknown as RequestHandler;
}

/**
 * Links each request's context to its HTTP request, for the plugin below. Keyed by the
 * context's `trace` counter: Apollo hands plugins a shallow clone of the context, whose
 * members are the request's own objects.
 */
export class RequestRegistry {
  private readonly byContext = new WeakMap<object, { req: Request; res: Response }>();

  /** Records `context` as the context of (req, res); returns it. */
  track(context: ApiContext, req: Request, res: Response): ApiContext {
    this.byContext.set(context.trace, { req, res });
    return context;
  }

  get(context: ApiContext): { req: Request; res: Response } | undefined {
    return this.byContext.get(context.trace);
  }
}

export interface ObserveOptions {
  registry: RequestRegistry;
  metrics: Metrics;
  /** Requests at or over this many milliseconds are logged as slow (KG_SLOW_MS). */
  slowMs: number;
  /** Where slow requests are logged when the request has no logger of its own. */
  logger: Logger;
}

/**
 * Per GraphQL request: the operation name (`anonymous` for an unnamed operation, `invalid`
 * when none was resolved), the outcome (`error` when the response carries any error) and the
 * store round trips, into the metrics, the access-log line and, when slow, a warning.
 */
export function observePlugin({
  registry,
  metrics,
  slowMs,
  logger,
}: ObserveOptions): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      const start = process.hrtime.bigint();
      return {
        async willSendResponse({ response, contextValue, operation, operationName }) {
          const ms = Number(process.hrtime.bigint() - start) / 1e6;
          const name = operation ? (operationName ?? 'anonymous') : 'invalid';
          const failed =
            response.body.kind === 'single' && (response.body.singleResult.errors?.length ?? 0) > 0;
          metrics.graphqlRequest(name, failed ? 'error' : 'ok', ms / 1000);
          const http = registry.get(contextValue);
          const facts: GraphqlFacts = {
            operation: name,
            roundTrips: contextValue.trace.roundTrips,
            rows: contextValue.trace.rows,
          };
          if (http) (http.res as unknown as WithFacts)[FACTS] = facts;
          if (ms >= slowMs) {
            const log = (http?.req as { log?: Logger } | undefined)?.log ?? logger;
            // KG_DEBUG: which statements, by name (never their text or values), and how long each.
            const statements = contextValue.statements;
            const listed =
              statements === null
                ? {}
                : {
                    statements: statements.slice(0, MAX_SLOW_STATEMENTS),
                    ...(statements.length > MAX_SLOW_STATEMENTS
                      ? { statementsOmitted: statements.length - MAX_SLOW_STATEMENTS }
                      : {}),
                  };
            log.warn(
              { slow: { ...facts, ms: Math.round(ms), ...listed } },
              `slow request: ${name} ${Math.round(ms)}ms, ${facts.roundTrips} store round trips`,
            );
          }
        },
      };
    },
  };
}
