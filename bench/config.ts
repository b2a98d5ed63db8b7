/**
 * The benchmark's options, from BENCH_* environment variables, validated once: a wrong value
 * stops the run with one line naming the variable and what it accepts. Internal to bench.
 */
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './child';

export interface BenchConfig {
  /** Corpus sizes to generate and import (BENCH_SIZES, default 100,1000,10000). */
  sizes: number[];
  /** Seconds per autocannon run (BENCH_DURATION, default 10). */
  durationS: number;
  /** Connection counts for the latency runs (BENCH_CONNECTIONS, default 1,32). */
  connections: number[];
  /** Interleaved rounds of the batching comparison (BENCH_ROUNDS, default 25). */
  rounds: number;
  /** KG_WORKERS for the imports (BENCH_WORKERS); null leaves the CLI's default (cores, at most 8). */
  workers: number | null;
  /** Seed of the corpus generator (BENCH_SEED, default 20261122). */
  seed: number;
  /** BENCH_REUSE_IMPORT=1: skip corpus and import, reuse bench/out from the last run. */
  reuseImport: boolean;
  /** An import running longer is stopped and reported as partial (BENCH_IMPORT_TIMEOUT minutes, default 30). */
  importTimeoutMin: number;
  /** Time budget of the batching comparison's rounds (BENCH_RATIO_BUDGET seconds, default 240; at least one round). */
  ratioBudgetS: number;
  /** A single API request without an answer after this long fails (BENCH_REQUEST_TIMEOUT seconds, default 120). */
  requestTimeoutS: number;
  /** The server (or the comparison's process) is killed past this RSS (BENCH_MEMORY_LIMIT MiB; default 35 % of memory, at most 6 GiB). */
  memoryLimitMb: number;
  /** BENCH_PROFILE=0 skips the import profile (where import time goes, statement by statement). */
  profile: boolean;
  /** Articles imported and discarded before the first measured import (BENCH_WARMUP, default 300; 0 = none). */
  warmup: number;
  /** Which engine is measured (BENCH_STORE: grafeo, the default, or neo4j). */
  store: 'grafeo' | 'neo4j';
  /** The Neo4j to import into and serve from when store is neo4j (NEO4J_URI; its database is emptied before each import). */
  neo4jUri: string;
  /** BENCH_PEER=0 skips the @neo4j/graphql comparison (run only with BENCH_STORE=neo4j). */
  peer: boolean;
  /** Where corpora, stores and raw results go (gitignored). */
  outDir: string;
  /** Where the report goes. */
  resultsFile: string;
}

export const DEFAULTS = {
  sizes: [100, 1000, 10000],
  durationS: 10,
  connections: [1, 32],
  rounds: 25,
  warmup: 300,
  seed: 20261122,
  importTimeoutMin: 30,
  ratioBudgetS: 240,
  profileSize: 1000,
  requestTimeoutS: 120,
} as const;

/** 35 % of the machine's memory, at most 6 GiB: a runaway query must not take it from everyone else. */
export function defaultMemoryLimitMb(): number {
  return Math.min(6144, Math.floor((os.totalmem() * 0.35) / 1048576));
}

type Env = Record<string, string | undefined>;

function fail(name: string, accepts: string, got: string): never {
  throw new Error(`${name} must be ${accepts}; got ${JSON.stringify(got)}`);
}

function intList(env: Env, name: string, fallback: readonly number[], min: number, max: number): number[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return [...fallback];
  const items = raw.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
  if (items.some((n) => !Number.isInteger(n) || n < min || n > max)) {
    fail(name, `a comma-separated list of integers from ${min} to ${max} (e.g. ${fallback.join(',')})`, raw);
  }
  return [...new Set(items)].sort((a, b) => a - b);
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name] ?? '';
  if (raw === '') return fallback;
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  return fail(name, '1 or 0', raw);
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) fail(name, `an integer from ${min} to ${max}`, raw);
  return n;
}

function storeOf(env: Env): BenchConfig['store'] {
  const raw = env.BENCH_STORE ?? '';
  if (raw === '' || raw === 'grafeo') return 'grafeo';
  if (raw === 'neo4j') return 'neo4j';
  return fail('BENCH_STORE', 'grafeo or neo4j', raw);
}

export function loadBenchConfig(env: Env = process.env): BenchConfig {
  return {
    sizes: intList(env, 'BENCH_SIZES', DEFAULTS.sizes, 5, 1_000_000),
    durationS: int(env, 'BENCH_DURATION', DEFAULTS.durationS, 1, 600),
    connections: intList(env, 'BENCH_CONNECTIONS', DEFAULTS.connections, 1, 1024),
    rounds: int(env, 'BENCH_ROUNDS', DEFAULTS.rounds, 1, 1000),
    workers: env.BENCH_WORKERS ? int(env, 'BENCH_WORKERS', os.availableParallelism(), 1, 64) : null,
    seed: int(env, 'BENCH_SEED', DEFAULTS.seed, 0, 2 ** 32 - 1),
    reuseImport: flag(env, 'BENCH_REUSE_IMPORT', false),
    importTimeoutMin: int(env, 'BENCH_IMPORT_TIMEOUT', DEFAULTS.importTimeoutMin, 1, 24 * 60),
    ratioBudgetS: int(env, 'BENCH_RATIO_BUDGET', DEFAULTS.ratioBudgetS, 1, 24 * 3600),
    profile: flag(env, 'BENCH_PROFILE', true),
    warmup: int(env, 'BENCH_WARMUP', DEFAULTS.warmup, 0, 100_000),
    requestTimeoutS: int(env, 'BENCH_REQUEST_TIMEOUT', DEFAULTS.requestTimeoutS, 1, 3600),
    memoryLimitMb: int(env, 'BENCH_MEMORY_LIMIT', defaultMemoryLimitMb(), 256, 1024 * 1024),
    store: storeOf(env),
    neo4jUri: env.NEO4J_URI || 'bolt://127.0.0.1:7687',
    peer: flag(env, 'BENCH_PEER', true),
    outDir: path.join(ROOT, 'bench', 'out'),
    resultsFile: path.join(ROOT, 'bench', 'RESULTS.md'),
  };
}

/** The BENCH_* variables that were set, as `K=V` words (for the report's command line). */
export function benchEnv(env: Env = process.env): string[] {
  return Object.keys(env)
    .filter((k) => k.startsWith('BENCH_') && k !== 'BENCH_RUSAGE_FILE' && env[k] !== '')
    .sort()
    .map((k) => `${k}=${env[k]}`);
}
