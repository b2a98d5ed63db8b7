/**
 * Configuration from the environment, validated once at start. A wrong value stops the
 * process with one line naming the variable and what it accepts. Public.
 */
import path from 'node:path';
import { KgError } from './errors';
import { LOG_LEVELS, type LogLevel } from './log';

export type StoreKind = 'grafeo' | 'neo4j';

export type SandboxKind = 'graphiql' | 'apollo';

export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  database: string | undefined;
}

export interface Config {
  store: StoreKind;
  /** Directory of the embedded store (KG_DATA_DIR, default ./data). */
  dataDir: string;
  neo4j: Neo4jConfig;
  port: number;
  host: string;
  /** KG_TRACE=1: responses carry extensions.db = { roundTrips, rows }. */
  trace: boolean;
  /** NODE_ENV=production hides error details from clients. */
  production: boolean;
  /** KG_DEBUG=1: error responses carry stack traces (never set it on a server others reach). */
  debug: boolean;
  /**
   * Origins a browser may call the API from (KG_CORS_ORIGINS, comma-separated `scheme://host[:port]`,
   * or `*` for any). Default none: only pages served by the API itself (same origin).
   */
  corsOrigins: string[] | '*';
  /**
   * What a browser sees at GET /graphql (KG_SANDBOX): `graphiql` (default), the bundled offline
   * workbench, or `apollo`, Apollo's Sandbox, which loads its code from Apollo's CDN.
   */
  sandbox: SandboxKind;
  /** Largest file the importer reads (KG_MAX_FILE_BYTES, default 5 MB). */
  maxFileBytes: number;
  /** Directory `kg start` imports (KG_IMPORT_DIR, default ./import). */
  importDir: string;
  /**
   * Extraction worker threads (KG_WORKERS; 0 extracts on the main thread). Default: one core
   * less than the machine has (at least 1, at most 8): the main thread and the store's threads
   * write while the workers extract, and each worker holds its own heap and dictionaries.
   */
  workers: number;
  /** Least severe log level written (LOG_LEVEL: fatal, error, warn, info (default), debug, trace, silent). */
  logLevel: LogLevel;
  /** GraphQL requests slower than this many milliseconds are logged as slow (KG_SLOW_MS, default 1000). */
  slowMs: number;
  /** KG_ACCESS_LOG=0: no access log line and no X-Request-Id (default on). */
  accessLog: boolean;
  /** KG_METRICS=0: no GET /metrics and no timing of requests and statements (default on). */
  metrics: boolean;
}

/**
 * NEO4J_PASSWORD's default: the password docker-compose.yml gives Neo4j. The local server of
 * `npm run neo4j` runs without authentication and accepts any password.
 */
export const DEFAULT_NEO4J_PASSWORD = 'kg-password';

type Env = Record<string, string | undefined>;

function invalid(name: string, accepts: string, got: string): never {
  throw new KgError('CONFIG_INVALID', `${name} must be ${accepts}; got ${JSON.stringify(got)}`, {
    variable: name,
  });
}

function intVar(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) invalid(name, `an integer from ${min} to ${max}`, raw);
  return n;
}

function boolVar(env: Env, name: string, fallback = false): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === '0' || raw === 'false') return false;
  if (raw === '1' || raw === 'true') return true;
  return invalid(name, '1, true, 0 or false', raw);
}

function sandboxVar(env: Env): SandboxKind {
  const raw = env.KG_SANDBOX ?? '';
  if (raw === '' || raw === 'graphiql') return 'graphiql';
  if (raw === 'apollo') return 'apollo';
  return invalid('KG_SANDBOX', 'graphiql or apollo', raw);
}

function originsVar(env: Env, name: string): string[] | '*' {
  const raw = (env[name] ?? '').trim();
  if (raw === '*') return '*';
  const origins = raw
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  for (const o of origins) {
    if (!/^https?:\/\/[^\s/?#]+$/.test(o)) {
      invalid(
        name,
        'a comma-separated list of origins such as https://kg.example.org,http://localhost:5173, or *',
        raw,
      );
    }
  }
  return origins;
}

function logLevelVar(env: Env): LogLevel {
  const raw = env.LOG_LEVEL ?? '';
  if (raw === '') return 'info';
  const level = LOG_LEVELS.find((l) => l === raw);
  return level ?? invalid('LOG_LEVEL', LOG_LEVELS.join(', '), raw);
}

/** Reads and validates the configuration; throws KgError('CONFIG_INVALID') naming the variable. */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const storeRaw = env.KG_STORE ?? 'grafeo';
  if (storeRaw !== 'grafeo' && storeRaw !== 'neo4j') invalid('KG_STORE', 'grafeo or neo4j', storeRaw);
  const uri = env.NEO4J_URI ?? 'bolt://localhost:7687';
  if (!/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s]+$/.test(uri)) {
    invalid('NEO4J_URI', 'a bolt:// or neo4j:// URI such as bolt://localhost:7687', uri);
  }
  const cpu = Math.max(1, Math.min(8, require('node:os').availableParallelism?.() ?? 2));
  return {
    store: storeRaw,
    dataDir: path.resolve(cwd, env.KG_DATA_DIR || 'data'),
    neo4j: {
      uri,
      user: env.NEO4J_USER ?? 'neo4j',
      password: env.NEO4J_PASSWORD ?? DEFAULT_NEO4J_PASSWORD,
      database: env.NEO4J_DATABASE || undefined,
    },
    port: intVar(env, 'PORT', 4000, 0, 65535),
    // Loopback unless asked: a development server is not reachable from the network by default.
    host: env.HOST || '127.0.0.1',
    trace: boolVar(env, 'KG_TRACE'),
    production: env.NODE_ENV === 'production',
    debug: boolVar(env, 'KG_DEBUG'),
    corsOrigins: originsVar(env, 'KG_CORS_ORIGINS'),
    sandbox: sandboxVar(env),
    maxFileBytes: intVar(env, 'KG_MAX_FILE_BYTES', 5 * 1024 * 1024, 1, 1024 * 1024 * 1024),
    importDir: path.resolve(cwd, env.KG_IMPORT_DIR || 'import'),
    workers: intVar(env, 'KG_WORKERS', Math.max(1, cpu - 1), 0, 64),
    logLevel: logLevelVar(env),
    slowMs: intVar(env, 'KG_SLOW_MS', 1000, 0, 3_600_000),
    accessLog: boolVar(env, 'KG_ACCESS_LOG', true),
    metrics: boolVar(env, 'KG_METRICS', true),
  };
}
