/**
 * A real API server for the end-to-end tests: a fresh Grafeo store in its own directory,
 * seeded, served over HTTP on a free loopback port, queried with fetch.
 */
import fs from 'node:fs';
import { startServer, type RunningServer } from '../../src/api/server';
import type { ContextOptions } from '../../src/api/context';
import { openGrafeo } from '../../src/graph/drivers/grafeo';
import { GraphStore } from '../../src/graph/store';
import { tempDir } from './engines';

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
    /** Receives what the server logs (default: dropped). */
    log?: (msg: string) => void;
  } & ContextOptions = {},
): Promise<TestServer> {
  const dir = tempDir('kg-api-');
  const store = new GraphStore(openGrafeo(dir));
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
    },
    { log: options.log ?? (() => undefined), batch: options.batch },
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
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
