/**
 * A real API server for the end-to-end tests: a fresh store on the given engine (Grafeo in its
 * own directory by default; Neo4j's database emptied), seeded, served over HTTP on a free
 * loopback port, queried with fetch.
 */
import { startServer, type RunningServer } from '../../src/api/server';
import type { ContextOptions } from '../../src/api/context';
import path from 'node:path';
import { GraphStore } from '../../src/graph/store';
import { importPaths } from '../../src/importer/importer';
import { createLogger, type Logger } from '../../src/log';
import { ROOT } from './cli';
import { grafeo, type Engine } from './engines';

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: unknown[] }>;
  extensions?: { db?: { roundTrips: number; rows: number } } & Record<string, unknown>;
}

export interface TestServer {
  url: string;
  store: GraphStore;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GqlResponse<T>>;
  /** Like gql, but fails the test on any GraphQL error and returns data. */
  data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

export async function startTestServer(
  seed: (store: GraphStore) => Promise<void>,
  options: {
    trace?: boolean;
    production?: boolean;
    debug?: boolean;
    corsOrigins?: string[] | '*';
    /** What a browser gets at GET /graphql (default: the bundled GraphiQL). */
    sandbox?: 'graphiql' | 'apollo';
    /** Receives what the server logs (default: dropped). */
    log?: (msg: string) => void;
    /** The structured log: access lines, slow requests (default: silent). */
    logger?: Logger;
    /** KG_SLOW_MS (default 1000). */
    slowMs?: number;
    /** KG_ACCESS_LOG (default on). */
    accessLog?: boolean;
    /** KG_METRICS (default on). */
    metrics?: boolean;
    engine?: Engine;
  } & ContextOptions = {},
): Promise<TestServer> {
  const opened = await (options.engine ?? grafeo).open();
  const store = new GraphStore(opened.runner);
  await store.setup();
  await seed(store);
  const server: RunningServer = await startServer(
    store,
    {
      port: 0,
      host: '127.0.0.1',
      trace: options.trace ?? false,
      production: options.production ?? false,
      debug: options.debug ?? false,
      corsOrigins: options.corsOrigins ?? [],
      sandbox: options.sandbox ?? 'graphiql',
      slowMs: options.slowMs ?? 1000,
      accessLog: options.accessLog ?? true,
      metrics: options.metrics ?? true,
    },
    {
      log: options.log ?? (() => undefined),
      logger: options.logger ?? createLogger({ level: 'silent' }),
      batch: options.batch,
    },
  );
  const gql = async <T>(query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>> => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, ...((await res.json()) as object) };
  };
  return {
    url: server.url,
    store,
    gql,
    async data(query, variables) {
      const r = await gql(query, variables);
      if (r.errors) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
      return r.data as never;
    },
    async stop() {
      await server.stop();
      await opened.cleanup();
    },
  };
}

/** Seeds a test store with the five bundled articles of import/ (one worker); fails unless all five import. */
export async function importBundled(store: GraphStore): Promise<void> {
  const report = await importPaths([path.join(ROOT, 'import')], store, { maxFileBytes: 5 << 20, workers: 1 });
  if (report.totals.imported !== 5) throw new Error(`corpus import failed: ${JSON.stringify(report.files)}`);
}
