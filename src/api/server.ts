/**
 * The HTTP layer: Apollo Server under Express, `/graphql` (a browser gets the bundled GraphiQL
 * workbench, or Apollo's Sandbox with KG_SANDBOX=apollo), `/explore`, `/healthz` and `/metrics`. Thin:
 * everything else is the context, the resolvers and the store. Public.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import cors from 'cors';
import express from 'express';
import type { Config } from '../config';
import { KgError, messageOf } from '../errors';
import { meteredRunner } from '../graph/metered';
import { GraphStore } from '../graph/store';
import { logger as rootLogger, type Logger } from '../log';
import { accessLog, observePlugin, RequestRegistry } from './accessLog';
import { createMetrics, metricsHandler, noMetrics, type Metrics } from './metrics';
import { resolvers } from './resolvers';
import { createContext, type ApiContext, type ContextOptions } from './context';
import { makeFormatError } from './formatError';
import { errorHandler, tokenLimit } from './http';
import { armorConfig, costLimitPlugin } from './limits';
import { loadTypeDefs } from './typeDefs';
import { knownOperationTypes } from './validation';
import { page, prefersHtml, webAssets } from './web';

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface ServerOptions extends ContextOptions {
  /** Where error messages go (default: `logger` at level error). */
  log?: (msg: string) => void;
  /** The structured log of the access log, Apollo and slow requests (default: the process's logger). */
  logger?: Logger;
  /**
   * The metrics served at /metrics (default: a fresh registry; cli.ts passes the importer's).
   * Ignored when `config.metrics` is false.
   */
  metrics?: Metrics;
}

/** Starts the API on config.host:config.port (0 = any free port) over `store`. */
export async function startServer(
  store: GraphStore,
  config: Pick<Config, 'port' | 'host' | 'trace' | 'production'> &
    Partial<Pick<Config, 'debug' | 'corsOrigins' | 'sandbox' | 'slowMs' | 'accessLog' | 'metrics'>>,
  options: ServerOptions = {},
): Promise<RunningServer> {
  const logger = options.logger ?? rootLogger();
  const log = options.log ?? ((m: string) => logger.error(m));
  const metricsOn = config.metrics ?? true;
  const metrics = metricsOn ? (options.metrics ?? createMetrics()) : noMetrics();
  const requests = new RequestRegistry();
  // Every statement of the API is timed into the metrics, at the runner: one place.
  const metered = metricsOn ? new GraphStore(meteredRunner(store.runner, metrics.statement)) : store;
  const debug = config.debug ?? false;
  const apolloSandbox = config.sandbox === 'apollo';
  const app = express();
  app.disable('x-powered-by');
  if (config.accessLog ?? true) app.use(accessLog(logger));
  // No origin list: no CORS headers, so browsers allow only pages the API serves itself.
  const origins = config.corsOrigins ?? [];
  app.use(cors({ origin: origins === '*' ? '*' : origins.length > 0 ? origins : false }));
  const httpServer = http.createServer(app);
  const armor = new ApolloArmor(armorConfig()).protect();
  const server = new ApolloServer<ApiContext>({
    typeDefs: loadTypeDefs(),
    resolvers,
    introspection: true,
    logger: logger.child({ component: 'apollo' }),
    // cli.ts owns SIGINT/SIGTERM: it stops this server, then closes the store, then exits 0.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: debug,
    // Production drops "Did you mean …?" from validation messages: the schema's shape stays ours.
    hideSchemaDetailsFromClientErrors: config.production,
    formatError: makeFormatError({ production: config.production, debug, log }),
    validationRules: [...armor.validationRules, knownOperationTypes],
    plugins: [
      costLimitPlugin<ApiContext>(),
      observePlugin({ registry: requests, metrics, slowMs: config.slowMs ?? 1000, logger }),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // The schema sets no cache hints: without this, Apollo's cache-control plugin runs a hook
      // for every resolved field (its own 1.5 % of the server's CPU on query (a)).
      ApolloServerPluginCacheControlDisabled(),
      // The Sandbox loads from Apollo's CDN: opt-in only; by default /graphql serves our GraphiQL.
      apolloSandbox
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false })
        : ApolloServerPluginLandingPageDisabled(),
      {
        async requestDidStart() {
          return {
            async willSendResponse({ response, contextValue }) {
              if (config.trace && response.body.kind === 'single') {
                response.body.singleResult.extensions = {
                  ...response.body.singleResult.extensions,
                  db: { ...contextValue.trace },
                };
              }
            },
          };
        },
      },
    ],
  });
  await server.start();

  // Node counts only: the relationship total (GraphQL `stats`) is too slow for every probe.
  app.get('/healthz', async (_req, res) => {
    try {
      await store.ping();
      res.status(200).json({ status: 'ok', store: store.kind, ...(await store.nodeStats()) });
    } catch (error) {
      res.status(503).json({ status: 'unavailable', store: store.kind, reason: messageOf(error) });
    }
  });
  if (metricsOn) app.get('/metrics', metricsHandler(metrics));
  app.use('/web', webAssets());
  app.get('/explore', page('explore/index.html'));
  if (!apolloSandbox) {
    const workbench = page('workbench/index.html');
    app.get('/graphql', (req, res, next) => (prefersHtml(req) ? workbench(req, res, next) : next()));
  }
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    tokenLimit,
    expressMiddleware(server, {
      context: async ({ req, res }) =>
        requests.track(
          createContext(metered, { ...options, recordStatements: options.recordStatements ?? debug }),
          req,
          res,
        ),
    }),
  );
  app.get('/', (_req, res) => res.redirect('/graphql'));
  app.use(errorHandler(log));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new KgError(
          'CONFIG_INVALID',
          error.code === 'EADDRINUSE'
            ? `PORT ${config.port} is already in use; stop the other server or set PORT to a free port`
            : `cannot listen on ${config.host}:${config.port}: ${error.message}`,
        ),
      ),
    );
    httpServer.listen(config.port, config.host, resolve);
  });
  const port = (httpServer.address() as AddressInfo).port;
  const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;
  return {
    url: `http://${shownHost}:${port}/graphql`,
    port,
    stop: () => server.stop(),
  };
}
