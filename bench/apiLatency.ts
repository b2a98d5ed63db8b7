/**
 * API latency: `kg serve` over the largest imported graph in a child process, loaded over
 * loopback with autocannon from this process: p50, p99 and requests/second for each of the
 * queries (QUERIES) at each connection count, bounded duration per run. A query that does not
 * answer within the request timeout, or drives the server past the memory limit, is reported
 * as failing; the server is then restarted so the other queries are still measured.
 * Internal to bench.
 */
import path from 'node:path';
import autocannon from 'autocannon';
import { memoryGuard, peakRssOf, runCli, type ChildRun } from './child';
import { assertOk, gql, requestBody, type GqlResult } from './http';
import { QUERIES, type BenchQuery } from './queries';

export interface LatencyRun {
  query: BenchQuery['key'];
  connections: number;
  durationS: number;
  requests: number;
  reqPerSec: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Set when the run was not made or was cut short (then the figures are zero or partial). */
  skipped: string | null;
  /** How long the server took to drain the requests still in flight when the run ended. */
  drainMs: number;
}

export interface QueryProbe {
  query: BenchQuery['key'];
  /** One request on an idle server. */
  ms: number;
  bytes: number;
  roundTrips: number | null;
  rows: number | null;
  /** How much came back, e.g. "programs.nodes: 50, programs.nodes.related: 380". */
  shape: string;
  /** The response data, reused as the canned rows of the GraphQL-cost stub. */
  data: unknown;
  /** Set when the query failed (then it is not put under load). */
  error: string | null;
}

export interface LatencyResult {
  command: string;
  /** The server's peak RSS over the run (from /proc, across restarts), null where unavailable. */
  serverPeakRssBytes: number | null;
  /** Why the server had to be restarted, if it was. */
  restarts: string[];
  probes: QueryProbe[];
  runs: LatencyRun[];
}

export interface LatencyOptions {
  connections: readonly number[];
  durationS: number;
  /** A single request without an answer after this long fails (and the server is restarted). */
  requestTimeoutS: number;
  /** The server is killed (and restarted) when its RSS passes this. */
  memoryLimitBytes: number;
}

/** Counts list items per response path (`programs.nodes`, `programs.nodes.related` …). */
export function describeShape(data: unknown): string {
  const counts = new Map<string, number>();
  const walk = (v: unknown, at: string) => {
    if (Array.isArray(v)) {
      counts.set(at, (counts.get(at) ?? 0) + v.length);
      for (const x of v) walk(x, at);
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, at ? `${at}.${k}` : k);
    }
  };
  walk(data, '');
  return [...counts.entries()].map(([k, n]) => `${k}: ${n}`).join(', ') || 'no lists';
}

const MiB = 1024 * 1024;

/** `kg serve` in a child, restartable, with a memory guard and its peak RSS over all its lives. */
export class ServerChild {
  private run: ChildRun | null = null;
  private guard: ReturnType<typeof memoryGuard> | null = null;
  url = '';
  command = '';
  peakRss: number | null = null;
  readonly restarts: string[] = [];

  constructor(
    /** How the CLI reaches the store (KG_DATA_DIR, or KG_STORE=neo4j and NEO4J_URI). */
    private readonly storeEnv: Record<string, string>,
    private readonly workDir: string,
    private readonly limitBytes: number,
    private readonly say: (m: string) => void,
  ) {}

  async start(): Promise<void> {
    const lines: string[] = [];
    let resolveUrl: (url: string) => void = () => undefined;
    const url = new Promise<string>((resolve) => (resolveUrl = resolve));
    const run = runCli(
      ['serve'],
      { ...this.storeEnv, HOST: '127.0.0.1', PORT: '0', KG_TRACE: '1', NODE_ENV: 'production' },
      path.join(this.workDir, 'rusage-serve.json'),
      (line) => {
        lines.push(line);
        const m = /serving \S+ store at (http:\/\/\S+\/graphql)/.exec(line);
        if (m) resolveUrl((m[1] as string).replace('//localhost:', '//127.0.0.1:'));
      },
    );
    this.run = run;
    if (!this.command) {
      this.command = run.command;
      this.say(`  $ ${run.command}`);
    }
    const exited = run.done.then((exit) => {
      throw new Error(
        `kg serve exited (code ${exit.code}) before listening:\n${lines.slice(-20).join('\n')}`,
      );
    });
    this.url = await Promise.race([url, exited]);
    this.guard = memoryGuard(run.child, this.limitBytes);
  }

  /** RSS at which the guard killed the server, or null. */
  tripped(): number | null {
    return this.guard?.tripped() ?? null;
  }

  private notePeak(): void {
    const p = peakRssOf(this.run?.child.pid);
    if (p !== null) this.peakRss = Math.max(this.peakRss ?? 0, p);
  }

  async stop(): Promise<void> {
    const run = this.run;
    if (!run) return;
    this.guard?.stop();
    // Read before stopping: on SIGTERM Apollo re-raises the signal, so the exit hook never runs.
    this.notePeak();
    if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
    await run.done;
    this.run = null;
  }

  async restart(why: string): Promise<void> {
    this.restarts.push(why);
    this.say(`  restarting the server: ${why}`);
    const tripped = this.tripped();
    if (tripped !== null) this.peakRss = Math.max(this.peakRss ?? 0, tripped);
    await this.stop();
    await this.start();
  }
}

export async function cannon(
  url: string,
  q: Pick<BenchQuery, 'query' | 'variables'>,
  connections: number,
  durationS: number,
): Promise<autocannon.Result> {
  return autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: requestBody(q.query, q.variables),
    connections,
    duration: durationS,
    timeout: 60,
  });
}

function failure(what: string, r: GqlResult): string | null {
  try {
    assertOk(what, r);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

/**
 * One request under the guards: the answer, or why there was none (timeout, memory limit,
 * server gone). After a failure of that kind the server is restarted.
 */
async function guarded(
  server: ServerChild,
  q: BenchQuery,
  timeoutS: number,
  limitBytes: number,
): Promise<{ r: GqlResult | null; error: string | null }> {
  const t0 = performance.now();
  try {
    const r = await gql(server.url, q.query, q.variables, timeoutS * 1000);
    return { r, error: failure(`query (${q.key})`, r) };
  } catch (e) {
    const s = ((performance.now() - t0) / 1000).toFixed(0);
    const tripped = server.tripped();
    const error =
      tripped !== null
        ? `the server passed the ${Math.round(limitBytes / MiB)} MiB memory limit (${Math.round(tripped / MiB)} MiB) after ${s} s on this query and was killed`
        : (e as Error).name === 'TimeoutError'
          ? `no answer within ${timeoutS} s (the server was still working on it)`
          : `request failed after ${s} s: ${(e as Error).message}`;
    await server.restart(`(${q.key}): ${error}`);
    return { r: null, error };
  }
}

/**
 * Waits until the server has worked off the requests autocannon left in flight (it closes
 * the sockets, the server still runs them): the same query, sent alone, answers within twice
 * its idle time again, or two minutes pass. Returns how long that took.
 */
export async function drain(
  url: string,
  q: Pick<BenchQuery, 'query' | 'variables'>,
  idleMs: number,
): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < 120_000) {
    const r = await gql(url, q.query, q.variables, 120_000);
    if (r.ms <= Math.max(2 * idleMs, idleMs + 20)) break;
  }
  return performance.now() - t0;
}

const EMPTY_RUN: Omit<LatencyRun, 'query' | 'connections' | 'durationS' | 'skipped'> = {
  requests: 0,
  reqPerSec: 0,
  p50Ms: 0,
  p90Ms: 0,
  p99Ms: 0,
  maxMs: 0,
  errors: 0,
  timeouts: 0,
  non2xx: 0,
  drainMs: 0,
};

/** Serves the store `storeEnv` names in a child and measures every query of QUERIES at each connection count. */
export async function measureLatency(
  storeEnv: Record<string, string>,
  workDir: string,
  opts: LatencyOptions,
  say: (m: string) => void,
): Promise<LatencyResult> {
  const server = new ServerChild(storeEnv, workDir, opts.memoryLimitBytes, say);
  await server.start();
  try {
    const probes: QueryProbe[] = [];
    for (const q of QUERIES) {
      // First touch (JIT, store caches), then the measured one; a failure of the first is final.
      let { r, error } = await guarded(server, q, opts.requestTimeoutS, opts.memoryLimitBytes);
      if (r && !error) ({ r, error } = await guarded(server, q, opts.requestTimeoutS, opts.memoryLimitBytes));
      probes.push({
        query: q.key,
        ms: r?.ms ?? Number.NaN,
        bytes: r?.bytes ?? 0,
        roundTrips: r?.db?.roundTrips ?? null,
        rows: r?.db?.rows ?? null,
        shape: r ? describeShape(r.data) : '',
        data: r?.data ?? null,
        error,
      });
      say(
        `  probe (${q.key}): ${r ? `${r.ms.toFixed(1)} ms, ${r.db?.roundTrips} round trips, ` : ''}${error ?? describeShape(r?.data)}`,
      );
    }
    // A query that fails is reported, not put under load.
    const healthy = QUERIES.filter((q) => probes.some((p) => p.query === q.key && p.error === null));
    const idleMs = (q: BenchQuery) => probes.find((p) => p.query === q.key)?.ms ?? 0;
    const budget = opts.durationS * 1000;
    // Warm-up, not recorded: a short run per query so the JIT and the store's caches settle.
    for (const q of healthy) {
      if (idleMs(q) * 4 > budget) continue;
      await cannon(server.url, q, 4, Math.min(2, opts.durationS));
      await drain(server.url, q, idleMs(q));
    }
    const runs: LatencyRun[] = [];
    for (const q of healthy) {
      for (const c of opts.connections) {
        // A run in which no request can finish measures nothing and leaves a backlog behind.
        if (idleMs(q) * (c > 1 ? 4 : 1) > budget) {
          const why = `not run: one request alone takes ${Math.round(idleMs(q))} ms${c > 1 ? `; ${c} in flight would not finish` : ''} within the ${opts.durationS} s run`;
          runs.push({ ...EMPTY_RUN, query: q.key, connections: c, durationS: opts.durationS, skipped: why });
          say(`  (${q.key}) c=${c}: ${why}`);
          continue;
        }
        const r = await cannon(server.url, q, c, opts.durationS);
        const tripped = server.tripped();
        let drainMs = 0;
        let skipped: string | null = null;
        if (tripped !== null) {
          skipped = `cut short: the server passed the ${Math.round(opts.memoryLimitBytes / MiB)} MiB memory limit (${Math.round(tripped / MiB)} MiB) under this load and was killed`;
          await server.restart(`(${q.key}) at ${c} connections: ${skipped}`);
        } else {
          drainMs = await drain(server.url, q, idleMs(q));
        }
        runs.push({
          query: q.key,
          connections: c,
          durationS: opts.durationS,
          requests: r.requests.total,
          reqPerSec: r.requests.total / r.duration,
          p50Ms: r.latency.p50,
          p90Ms: r.latency.p90,
          p99Ms: r.latency.p99,
          maxMs: r.latency.max,
          errors: r.errors,
          timeouts: r.timeouts,
          non2xx: r.non2xx,
          skipped,
          drainMs,
        });
        say(
          `  (${q.key}) c=${c}: p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${(r.requests.total / r.duration).toFixed(1)} req/s, ${r.requests.total} requests; ${skipped ?? `drained in ${Math.round(drainMs)} ms`}`,
        );
      }
      // A request after the load still answers cleanly (autocannon does not read bodies).
      const after = await guarded(server, q, opts.requestTimeoutS, opts.memoryLimitBytes);
      const probe = probes.find((p) => p.query === q.key);
      if (after.error && probe) probe.error = `after load: ${after.error}`;
    }
    await server.stop();
    return {
      command: server.command,
      serverPeakRssBytes: server.peakRss,
      restarts: server.restarts,
      probes,
      runs,
    };
  } finally {
    await server.stop();
  }
}
