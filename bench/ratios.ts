/**
 * Batching, measured in one process over one store: query (b) through the DataLoader
 * resolvers, through the same resolvers with `batch: false` (one store call per key), and as
 * the single hand-written Cypher statement on the store's runner (the floor). Reports round
 * trips, the median time of interleaved rounds and whether all three return the same data;
 * times every store statement of a batched and an unbatched request, so the query that
 * dominates is named; and counts the round trips of all five queries with and without
 * batching. Run as a child process by bench/run.ts (see the entry point at the end).
 * Internal to bench.
 */
import fs from 'node:fs';
import { startServer, type RunningServer } from '../src/api/server';
import { createLogger } from '../src/log';
import { loadConfig } from '../src/config';
import { openRunner } from '../src/graph/open';
import { countingRunner, type RunCounter } from '../src/graph/runner';
import { GraphStore } from '../src/graph/store';
import { describeShape } from './apiLatency';
import { assertOk, gql, type GqlResult } from './http';
import {
  HAND_WRITTEN_PROGRAMS_50,
  PROGRAMS_50,
  QUERIES,
  programs50FromGraphql,
  programs50FromRows,
  type BenchQuery,
} from './queries';
import { timingRunner, unionMs } from './statementTimer';

export type VariantName = 'batched' | 'unbatched' | 'hand-written';

export interface Variant {
  name: VariantName;
  /** measured; failed (the request errored); skipped (estimated over the time budget). */
  status: 'measured' | 'failed' | 'skipped';
  note: string;
  roundTrips: number | null;
  rows: number | null;
  medianMs: number | null;
  minMs: number | null;
  samplesMs: number[];
}

/**
 * One store statement's share of a request: calls and rows per request, and the time during
 * which at least one of its calls was in flight (median over requests). Calls issued together
 * overlap, so this is the union of their intervals, never the sum of their durations.
 */
export interface StatementCost {
  statement: string;
  calls: number;
  rows: number;
  ms: number;
}

/**
 * A request's wall time and the time during which any store statement was in flight (the
 * union of all statement intervals, so at most the wall time), medians over requests.
 */
export interface RequestTime {
  wallMs: number;
  storeMs: number;
}

export interface RatioResult {
  rounds: number;
  variants: Variant[];
  /** unbatched ÷ batched median time (the issue expects ≥ 5); null when one is missing. */
  unbatchedOverBatched: number | null;
  /** batched ÷ hand-written median time (issue 17 expects ≤ 1.5). */
  batchedOverHand: number | null;
  sameData: { unbatched: boolean | null; handWritten: boolean | null; note: string };
  /** An HTTP request that touches no store: what loopback + Express + Apollo cost alone. */
  httpFloorMs: number;
  /** Store statements of one batched and one unbatched request of (b), most expensive first. */
  batchedStatements: StatementCost[];
  unbatchedStatements: StatementCost[];
  /** Wall time of those requests and the statements' share of it. */
  batchedRequest: RequestTime | null;
  unbatchedRequest: RequestTime | null;
  /** Round trips of all five queries, batched vs unbatched (one request each). */
  allQueries: Array<{
    query: BenchQuery['key'];
    batched: number | null;
    unbatched: number | null;
    batchedMs: number;
    unbatchedMs: number | null;
    shape: string;
    error: string | null;
  }>;
  /** Data of the five queries from the batched server (canned rows for the GraphQL-cost stub). */
  canned: Record<string, unknown>;
}

/** The benchmark prints its own report: no access log from its servers. */
const quiet = createLogger({ level: 'silent' });

/** Rounds run before the recorded ones (their times are dropped). */
const WARMUP_ROUNDS = 3;

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

const messageOf = (e: unknown) =>
  (e instanceof Error ? e.message : String(e)).split('\n')[0]?.slice(0, 300) ?? '';

function failure(r: GqlResult): string | null {
  try {
    assertOk('(b)', r);
    return null;
  } catch (e) {
    return messageOf(e);
  }
}

function firstDifference(
  a: ReturnType<typeof programs50FromRows>,
  b: ReturnType<typeof programs50FromRows>,
): string {
  if (a.length !== b.length) return `(${a.length} vs ${b.length} programs)`;
  for (let i = 0; i < a.length; i += 1) {
    const x = JSON.stringify(a[i]);
    const y = JSON.stringify(b[i]);
    if (x !== y) return `(first difference at program ${i}: ${x.slice(0, 160)} vs ${y.slice(0, 160)})`;
  }
  return '';
}

type Interval = readonly [number, number];

/** What the runner records while `recording.on`: per statement, calls, rows and intervals. */
export type StatementSink = Map<string, { calls: number; rows: number; intervals: Interval[] }>;

/**
 * Per-statement cost of `requests` runs of `run`: calls and rows of the first, median time in
 * flight; and the requests' median wall time and the median time any statement was in flight.
 */
async function statementCosts(
  recording: { on: boolean; sink: StatementSink },
  requests: number,
  run: () => Promise<unknown>,
): Promise<{ statements: StatementCost[]; request: RequestTime }> {
  const perRequest: StatementSink[] = [];
  const walls: number[] = [];
  const stores: number[] = [];
  for (let i = 0; i < requests; i += 1) {
    recording.sink = new Map();
    recording.on = true;
    const t0 = performance.now();
    try {
      await run();
    } finally {
      recording.on = false;
    }
    walls.push(performance.now() - t0);
    stores.push(unionMs([...recording.sink.values()].flatMap((s) => s.intervals)));
    perRequest.push(recording.sink);
  }
  const keys = new Set(perRequest.flatMap((m) => [...m.keys()]));
  const statements = [...keys]
    .map((statement) => {
      const first = perRequest[0]?.get(statement);
      return {
        statement,
        calls: first?.calls ?? 0,
        rows: first?.rows ?? 0,
        ms: median(perRequest.map((m) => unionMs(m.get(statement)?.intervals ?? []))),
      };
    })
    .sort((a, b) => b.ms - a.ms);
  return { statements, request: { wallMs: median(walls), storeMs: median(stores) } };
}

/**
 * Runs the comparison on the store `storeEnv` names (an embedded store no other process may hold, or a Neo4j).
 * `knownFailure`: the latency phase's error for (b), if any; (b) is then not rerun here.
 */
export async function measureRatios(
  storeEnv: Record<string, string>,
  maxRounds: number,
  budgetS: number,
  knownFailure: string | null,
  say: (m: string) => void,
): Promise<RatioResult> {
  const base = await openRunner(loadConfig({ ...process.env, ...storeEnv }));
  const recording: { on: boolean; sink: StatementSink } = { on: false, sink: new Map() };
  const runner = timingRunner(base, (key, _ms, rows, start, end) => {
    if (!recording.on) return;
    const s = recording.sink.get(key) ?? { calls: 0, rows: 0, intervals: [] };
    s.calls += 1;
    s.rows += rows;
    s.intervals.push([start, end]);
    recording.sink.set(key, s);
  });
  const store = new GraphStore(runner);
  const started: RunningServer[] = [];
  try {
    const config = { port: 0, host: '127.0.0.1', trace: true, production: false };
    const batched = await startServer(store, config, { batch: true, log: () => undefined, logger: quiet });
    started.push(batched);
    const unbatched = await startServer(store, config, { batch: false, log: () => undefined, logger: quiet });
    started.push(unbatched);
    const httpFloorMs = await floor(batched.url);

    const q = PROGRAMS_50;
    const variant = (name: VariantName, status: Variant['status'], note = ''): Variant => ({
      name,
      status,
      note,
      roundTrips: null,
      rows: null,
      medianMs: null,
      minMs: null,
      samplesMs: [],
    });
    const handCounter: RunCounter = { roundTrips: 0, rows: 0 };
    const handRows = await countingRunner(base, handCounter).read(HAND_WRITTEN_PROGRAMS_50);
    const hand: Variant = { ...variant('hand-written', 'measured'), ...handCounter };

    let b: Variant;
    let b0: GqlResult | null = null;
    if (knownFailure) {
      b = variant('batched', 'failed', `not rerun: ${knownFailure}`);
    } else {
      b0 = await gql(batched.url, q.query, q.variables);
      const err = failure(b0);
      b = err ? variant('batched', 'failed', err) : { ...variant('batched', 'measured'), ...(b0.db ?? {}) };
    }
    // Unbatched makes the batched path's calls once per key: skip it when that is sure to overrun.
    let u: Variant;
    let u0: GqlResult | null = null;
    const estimateMs = b0 ? b0.ms * 50 : null;
    if (b.status === 'failed') {
      u = variant(
        'unbatched',
        'skipped',
        'not run: the batched request failed, and this one makes the same store calls key by key',
      );
    } else if (estimateMs !== null && estimateMs > budgetS * 1000) {
      u = variant(
        'unbatched',
        'skipped',
        `not run: up to ≈ ${Math.round(estimateMs / 1000)} s (50 keys × the batched request) is over BENCH_RATIO_BUDGET=${budgetS} s`,
      );
    } else {
      u0 = await gql(unbatched.url, q.query, q.variables);
      const err = failure(u0);
      u = err
        ? variant('unbatched', 'failed', err)
        : { ...variant('unbatched', 'measured'), ...(u0.db ?? {}) };
    }
    const sameData: RatioResult['sameData'] = { unbatched: null, handWritten: null, note: '' };
    if (b0 && b.status === 'measured') {
      const fromB = JSON.stringify(programs50FromGraphql(b0.data));
      const fromH = JSON.stringify(programs50FromRows(handRows));
      sameData.handWritten = fromH === fromB;
      if (fromH !== fromB)
        sameData.note = firstDifference(programs50FromGraphql(b0.data), programs50FromRows(handRows));
      if (u0 && u.status === 'measured')
        sameData.unbatched = JSON.stringify(programs50FromGraphql(u0.data)) === fromB;
    }
    say(
      `  same data: unbatched ${sameData.unbatched}, hand-written ${sameData.handWritten} ${sameData.note}`,
    );

    // Interleaved rounds, the order rotating, so drift (caches, GC, other load) hits every variant alike.
    const live: Array<{ v: Variant; run: () => Promise<unknown> }> = [
      { v: b, run: () => gql(batched.url, q.query, q.variables) },
      { v: u, run: () => gql(unbatched.url, q.query, q.variables) },
      { v: hand, run: () => base.read(HAND_WRITTEN_PROGRAMS_50) },
    ].filter((x) => x.v.status === 'measured');
    // Unrecorded rounds first: the first requests pay for JIT compilation and plan caching.
    for (let k = 0; k < WARMUP_ROUNDS; k += 1) for (const x of live) await x.run();
    const t0 = performance.now();
    let rounds = 0;
    while (rounds < maxRounds && (rounds === 0 || performance.now() - t0 < budgetS * 1000)) {
      for (let k = 0; k < live.length; k += 1) {
        const x = live[(rounds + k) % live.length] as (typeof live)[number];
        x.v.samplesMs.push((await timed(x.run)).ms);
      }
      rounds += 1;
      say(
        `  round ${rounds}/${maxRounds}: ${live.map((x) => `${x.v.name} ${(x.v.samplesMs.at(-1) as number).toFixed(1)} ms`).join(', ')}`,
      );
    }
    for (const x of live) {
      x.v.medianMs = median(x.v.samplesMs);
      x.v.minMs = Math.min(...x.v.samplesMs);
    }

    // Which store statements the time goes to, batched and not.
    const breakdownRuns = Math.min(maxRounds, 5);
    const batchedCosts =
      b.status === 'measured'
        ? await statementCosts(recording, breakdownRuns, () => gql(batched.url, q.query, q.variables))
        : null;
    const unbatchedCosts =
      u.status === 'measured'
        ? await statementCosts(recording, 1, () => gql(unbatched.url, q.query, q.variables))
        : null;

    // Round trips of every query, batched and not, and the batched answers as canned rows.
    const canned: Record<string, unknown> = {};
    const allQueries: RatioResult['allQueries'] = [];
    for (const bq of QUERIES) {
      if (bq.key === 'b' && b.status !== 'measured') {
        allQueries.push({
          query: bq.key,
          batched: null,
          unbatched: null,
          batchedMs: Number.NaN,
          unbatchedMs: null,
          shape: '',
          error: b.note,
        });
        continue;
      }
      await gql(batched.url, bq.query, bq.variables); // first touch; the second is timed
      const br = await gql(batched.url, bq.query, bq.variables);
      const bErr = failure(br);
      if (!bErr) canned[bq.key] = br.data;
      const skipU = bErr !== null || (bq.key === 'b' && u.status !== 'measured');
      if (!skipU) await gql(unbatched.url, bq.query, bq.variables);
      const ur = skipU ? null : await gql(unbatched.url, bq.query, bq.variables);
      allQueries.push({
        query: bq.key,
        batched: br.db?.roundTrips ?? null,
        unbatched: ur?.db?.roundTrips ?? null,
        batchedMs: br.ms,
        unbatchedMs: ur?.ms ?? null,
        shape: bErr ?? describeShape(br.data),
        error: bErr ?? (ur ? failure(ur) : null),
      });
    }
    return {
      rounds,
      variants: [b, u, hand],
      unbatchedOverBatched: b.medianMs !== null && u.medianMs !== null ? u.medianMs / b.medianMs : null,
      batchedOverHand: b.medianMs !== null && hand.medianMs !== null ? b.medianMs / hand.medianMs : null,
      sameData,
      httpFloorMs,
      batchedStatements: batchedCosts?.statements ?? [],
      unbatchedStatements: unbatchedCosts?.statements ?? [],
      batchedRequest: batchedCosts?.request ?? null,
      unbatchedRequest: unbatchedCosts?.request ?? null,
      allQueries,
      canned,
    };
  } finally {
    for (const s of started) await s.stop();
    await store.close();
  }
}

/** Median time of `{ __typename }` over HTTP: loopback, Express and Apollo, no store. */
async function floor(url: string): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < 20; i += 1) await gql(url, '{ __typename }'); // warm-up, unrecorded
  for (let i = 0; i < 50; i += 1) xs.push((await gql(url, '{ __typename }')).ms);
  return median(xs);
}

/** Arguments of the child-process entry point (BENCH_RATIOS_ARGS, JSON). */
export interface RatiosChildArgs {
  /** How the store is reached (KG_DATA_DIR, or KG_STORE=neo4j and NEO4J_URI). */
  storeEnv: Record<string, string>;
  maxRounds: number;
  budgetS: number;
  knownFailure: string | null;
  /** Where the child writes its RatioResult as JSON. */
  out: string;
}

// Entry point when run as a child process (bench/run.ts), so the phase can be killed when a
// query runs away with memory. Progress goes to stderr, the result to `out`.
if (require.main === module) {
  const args = JSON.parse(process.env.BENCH_RATIOS_ARGS ?? 'null') as RatiosChildArgs | null;
  if (!args) {
    process.stderr.write('bench/ratios.ts is run by bench/run.ts (it reads BENCH_RATIOS_ARGS)\n');
    process.exit(2);
  }
  measureRatios(args.storeEnv, args.maxRounds, args.budgetS, args.knownFailure, (m) =>
    process.stderr.write(`${m}\n`),
  ).then(
    (result) => {
      fs.writeFileSync(args.out, JSON.stringify(result));
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(
        `ratios: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
