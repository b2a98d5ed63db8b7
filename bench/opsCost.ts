/**
 * What the access log and the metrics cost on query (b): two `kg serve` children over copies
 * of one store, one as shipped (LOG_LEVEL=info, every access line written to a file, /metrics
 * with every request and statement timed), one with both off (KG_ACCESS_LOG=0 KG_METRICS=0).
 * Rounds alternate between them (on, off, then off, on …) so drift of the machine hits both;
 * each round sends a block of requests at each connection count, timed per request in this
 * process. The p50 of all rounds per configuration, and the cost as a share of the p50 without.
 *
 * A phase of `npm run bench` (bench/run.ts), or alone on a small corpus:
 * `npm run build && BENCH_OPS_SIZE=100 npx tsx bench/opsCost.ts` (generates and imports the
 * corpus into bench/out/ when it is not there, writes bench/out/ops-cost.json and prints the
 * RESULTS.md section). Internal to bench.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CLI, ROOT, runCli } from './child';
import { DEFAULTS } from './config';
import { writeCorpus } from './corpus';
import { QUERIES } from './queries';

export interface OpsCostOptions {
  /** Alternating rounds per configuration. */
  rounds: number;
  /** Requests per connection count per round and configuration. */
  requestsPerRound: number;
  connections: readonly number[];
}

export const OPS_COST_DEFAULTS: OpsCostOptions = { rounds: 8, requestsPerRound: 300, connections: [1, 8] };

export interface Latencies {
  requests: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  meanMs: number;
}

export interface OpsCostRun {
  connections: number;
  on: Latencies;
  off: Latencies;
  /** (p50 on − p50 off) / p50 off, in %. */
  p50CostPct: number;
  /** The same over the mean. */
  meanCostPct: number;
  /** The p50 cost within each round (on vs off of the same round), in %: the run's noise. */
  roundCostPct: number[];
}

export interface OpsCostResult {
  startedAt: string;
  /** Articles in the store served. */
  size: number;
  query: string;
  commands: { on: string; off: string };
  options: OpsCostOptions;
  /** Access-log lines the "on" server wrote (one per request, warm-up included). */
  accessLines: number;
  /** The machine's 1-minute load average before and after (other work on it is noise). */
  load: [number, number];
  runs: OpsCostRun[];
}

const ON_ENV = { LOG_LEVEL: 'info', KG_ACCESS_LOG: '1', KG_METRICS: '1' };
const OFF_ENV = { LOG_LEVEL: 'info', KG_ACCESS_LOG: '0', KG_METRICS: '0' };
const COMMON_ENV = { HOST: '127.0.0.1', NODE_ENV: 'production' };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

interface Served {
  child: ChildProcess;
  url: string;
  command: string;
  logFile: string;
}

/** `kg serve` over `dataDir` with its log (stderr) written to `logFile`, once /healthz answers. */
async function serve(dataDir: string, env: Record<string, string>, logFile: string): Promise<Served> {
  const port = await freePort();
  const all = { ...COMMON_ENV, ...env, KG_DATA_DIR: dataDir, PORT: String(port) };
  const log = fs.openSync(logFile, 'w');
  const child = spawn(process.execPath, [CLI, 'serve'], {
    cwd: ROOT,
    env: { ...process.env, ...all },
    stdio: ['ignore', 'ignore', log],
  });
  fs.closeSync(log);
  const base = `http://127.0.0.1:${port}`;
  const command = [
    ...Object.entries(all).map(([k, v]) => `${k}=${path.isAbsolute(v) ? path.relative(ROOT, v) : v}`),
    'node dist/cli.js serve',
  ].join(' ');
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${base}/healthz`)).status === 200)
        return { child, url: `${base}/graphql`, command, logFile };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`kg serve did not answer /healthz:\n${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
}

async function stop(s: Served): Promise<void> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    s.child.once('exit', () => resolve());
    s.child.kill('SIGTERM');
  });
}

/** One POST of `body` on a keep-alive agent; the milliseconds to the last byte, and the text. */
function post(
  agent: http.Agent,
  url: URL,
  body: string,
): Promise<{ ms: number; status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const req = http.request(
      url,
      {
        agent,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            ms: Number(process.hrtime.bigint() - t0) / 1e6,
            status: res.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** `count` requests from `connections` loops at once; each request's time. */
async function block(url: string, body: string, connections: number, count: number): Promise<number[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL(url);
  const times: number[] = [];
  let left = count;
  try {
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (left > 0) {
          left -= 1;
          const r = await post(agent, target, body);
          if (r.status !== 200 || r.text.includes('"errors"'))
            throw new Error(`query (b): HTTP ${r.status}: ${r.text.slice(0, 300)}`);
          times.push(r.ms);
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  return times;
}

function summarize(times: number[]): Latencies {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    requests: sorted.length,
    p50Ms: round(at(0.5)),
    p90Ms: round(at(0.9)),
    p99Ms: round(at(0.99)),
    meanMs: round(sorted.reduce((s, t) => s + t, 0) / Math.max(1, sorted.length)),
  };
}

const pct = (on: number, off: number) => Math.round(((on - off) / off) * 1000) / 10;

/**
 * Measures the cost on the store at `dataDir` (copied twice into `workDir`, since one process
 * at a time holds an embedded store).
 */
export async function measureOpsCost(
  dataDir: string,
  size: number,
  workDir: string,
  options: OpsCostOptions = OPS_COST_DEFAULTS,
  say: (msg: string) => void = () => undefined,
): Promise<OpsCostResult> {
  const q = QUERIES.find((x) => x.key === 'b');
  if (!q) throw new Error('query (b) is missing from bench/queries.ts');
  const body = JSON.stringify({ query: q.query, variables: q.variables });
  const copies = { on: path.join(workDir, 'ops-cost-on'), off: path.join(workDir, 'ops-cost-off') };
  for (const dir of Object.values(copies)) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.cpSync(dataDir, dir, { recursive: true });
    fs.rmSync(path.join(dir, 'admin.json'), { force: true });
  }
  const on = await serve(copies.on, ON_ENV, path.join(workDir, 'ops-cost-on.log'));
  const off = await serve(copies.off, OFF_ENV, path.join(workDir, 'ops-cost-off.log')).catch(async (e) => {
    await stop(on);
    throw e;
  });
  say(`  $ ${on.command}\n  $ ${off.command}`);
  const startedAt = new Date().toISOString();
  const load0 = os.loadavg()[0] ?? 0;
  const times = new Map<string, number[]>();
  const perRound = new Map<string, number[][]>();
  const add = (key: string, t: number[]) => {
    times.set(key, [...(times.get(key) ?? []), ...t]);
    perRound.set(key, [...(perRound.get(key) ?? []), t]);
  };
  try {
    // The same answer from both, and warm caches and JIT before any timing.
    const [a, b] = [await block(on.url, body, 1, 1), await block(off.url, body, 1, 1)];
    if (a.length !== 1 || b.length !== 1) throw new Error('no answer to query (b)');
    for (const s of [on, off]) await block(s.url, body, 4, 400);
    for (let round = 0; round < options.rounds; round++) {
      const order =
        round % 2 === 0
          ? ([
              ['on', on],
              ['off', off],
            ] as const)
          : ([
              ['off', off],
              ['on', on],
            ] as const);
      for (const [name, s] of order) {
        for (const c of options.connections)
          add(`${name}/${c}`, await block(s.url, body, c, options.requestsPerRound));
      }
      say(`  ops cost: round ${round + 1}/${options.rounds}`);
    }
  } finally {
    await stop(on);
    await stop(off);
  }
  const accessLines = fs
    .readFileSync(on.logFile, 'utf8')
    .split('\n')
    .filter((l) => l.includes('"POST /graphql 200')).length;
  const runs = options.connections.map((c): OpsCostRun => {
    const withOps = summarize(times.get(`on/${c}`) ?? []);
    const without = summarize(times.get(`off/${c}`) ?? []);
    return {
      connections: c,
      on: withOps,
      off: without,
      p50CostPct: pct(withOps.p50Ms, without.p50Ms),
      meanCostPct: pct(withOps.meanMs, without.meanMs),
      roundCostPct: (perRound.get(`on/${c}`) ?? []).map((t, i) =>
        pct(summarize(t).p50Ms, summarize(perRound.get(`off/${c}`)?.[i] ?? []).p50Ms),
      ),
    };
  });
  for (const dir of Object.values(copies)) fs.rmSync(dir, { recursive: true, force: true });
  return {
    startedAt,
    size,
    query: q.title,
    commands: { on: on.command, off: off.command },
    options,
    accessLines,
    load: [load0, os.loadavg()[0] ?? 0],
    runs,
  };
}

/** The RESULTS.md section. */
export function renderOpsCost(r: OpsCostResult): string {
  const sign = (n: number) => `${n >= 0 ? '+' : ''}${n.toFixed(1)}`;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const rows = r.runs.map(
    (x) =>
      `| ${x.connections} | ${x.off.p50Ms.toFixed(2)} | ${x.on.p50Ms.toFixed(2)} | **${x.p50CostPct >= 0 ? '+' : ''}${x.p50CostPct.toFixed(1)} %** | ${x.off.meanMs.toFixed(2)} | ${x.on.meanMs.toFixed(2)} | ${x.meanCostPct >= 0 ? '+' : ''}${x.meanCostPct.toFixed(1)} % | ${sign(median(x.roundCostPct))} % (${sign(Math.min(...x.roundCostPct))} … ${sign(Math.max(...x.roundCostPct))}) | ${x.off.p99Ms.toFixed(2)} / ${x.on.p99Ms.toFixed(2)} | ${x.on.requests} |`,
  );
  return [
    '',
    '## 5. What the access log and the metrics cost (query b)',
    '',
    `Measured ${r.startedAt} on the ${r.size.toLocaleString('en')}-article graph by \`bench/opsCost.ts\`: two servers over`,
    'copies of the same store, one as shipped (every request an access-log line, written to a file;',
    'every request and store statement timed into `/metrics`), one with both off; alternating rounds',
    `(${r.options.rounds} per server, ${r.options.requestsPerRound} requests per connection count each), every request timed in the`,
    `bench's process. Query (b), ${r.query}. The "on" server wrote ${r.accessLines.toLocaleString('en')} access lines.`,
    `Machine: ${os.cpus().length} cores, 1-minute load average ${r.load[0].toFixed(1)} before and ${r.load[1].toFixed(1)} after`,
    '(other work on the machine shows as the spread of the per-round costs).',
    '',
    `* on: \`${r.commands.on}\``,
    `* off: \`${r.commands.off}\``,
    '',
    '| connections | p50 ms off | p50 ms on | p50 cost | mean ms off | mean ms on | mean cost | p50 cost per round: median (min … max) | p99 ms off / on | requests each |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    'The target is a cost under 5 % of the p50. Alone: `npm run build && BENCH_OPS_SIZE=100 npx tsx bench/opsCost.ts`.',
    '',
  ].join('\n');
}

/** Appends the section of bench/out/ops-cost.json to `resultsFile`, when there is one. */
export function appendOpsCost(resultsFile: string, outDir: string): void {
  const file = path.join(outDir, 'ops-cost.json');
  if (!fs.existsSync(file)) return;
  fs.appendFileSync(resultsFile, renderOpsCost(JSON.parse(fs.readFileSync(file, 'utf8')) as OpsCostResult));
}

/** Alone: generate and import a small corpus when needed, measure, save and print the section. */
async function main(): Promise<void> {
  const size = Number(process.env.BENCH_OPS_SIZE ?? 100);
  if (!Number.isInteger(size) || size < 5)
    throw new Error(`BENCH_OPS_SIZE must be an integer ≥ 5; got ${process.env.BENCH_OPS_SIZE}`);
  const outDir = path.join(ROOT, 'bench', 'out');
  const corpus = path.join(outDir, `corpus-${size}`);
  const data = path.join(outDir, `data-${size}`);
  const say = (m: string) => process.stderr.write(`${m}\n`);
  fs.mkdirSync(outDir, { recursive: true });
  if (!fs.existsSync(path.join(data, 'graph.grafeo'))) {
    writeCorpus(path.join(ROOT, 'import'), corpus, size, Number(process.env.BENCH_SEED ?? DEFAULTS.seed));
    say(`importing ${size} articles into ${path.relative(ROOT, data)} …`);
    const run = runCli(
      ['import', corpus],
      { KG_DATA_DIR: data, LOG_LEVEL: 'warn' },
      path.join(outDir, 'rusage-ops-import.json'),
    );
    const exit = await run.done;
    if (exit.code !== 0 && exit.code !== 1)
      throw new Error(`the import ended with ${exit.signal ?? exit.code}`);
  }
  const result = await measureOpsCost(data, size, outDir, OPS_COST_DEFAULTS, say);
  fs.writeFileSync(path.join(outDir, 'ops-cost.json'), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(renderOpsCost(result));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `ops cost: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
}
