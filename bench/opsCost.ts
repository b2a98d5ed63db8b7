/**
 * What the access log and the metrics cost on query (b): `kg serve` children over copies of one
 * store, with both off (KG_ACCESS_LOG=0 KG_METRICS=0), each alone, and both as shipped
 * (LOG_LEVEL=info, every access line written to a file; /metrics with every request and
 * statement timed). Rounds visit the servers in a rotating order so drift of the machine hits
 * all; each round sends a block of requests at each connection count, timed per request in
 * this process, and reads each server's CPU time around its block. The p50 of all rounds per
 * configuration, the cost as a share of the p50 with both off, and the same for CPU time.
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
  /** Rounds per configuration, at most. */
  rounds: number;
  /** No round starts after this many seconds (at least `MIN_ROUNDS` run): large graphs answer slower. */
  budgetS: number;
  /** Requests per connection count per round and configuration. */
  requestsPerRound: number;
  connections: readonly number[];
}

export const OPS_COST_DEFAULTS: OpsCostOptions = {
  rounds: 30,
  budgetS: 240,
  requestsPerRound: 100,
  connections: [1, 4],
};

/** Rounds run whatever the budget: each configuration first and last in a round at least once. */
const MIN_ROUNDS = 4;

export interface Latencies {
  requests: number;
  /** The server's CPU time (all its threads) per request, from /proc; null where unavailable. */
  cpuMsPerRequest: number | null;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  meanMs: number;
}

/** The server configurations compared: "off" is the baseline of the others. */
export const OPS_CONFIGS = {
  off: { KG_ACCESS_LOG: '0', KG_METRICS: '0' },
  'access log': { KG_ACCESS_LOG: '1', KG_METRICS: '0' },
  metrics: { KG_ACCESS_LOG: '0', KG_METRICS: '1' },
  both: { KG_ACCESS_LOG: '1', KG_METRICS: '1' },
} as const;
export type OpsConfig = keyof typeof OPS_CONFIGS;

export interface OpsCostRun {
  connections: number;
  config: OpsConfig;
  latencies: Latencies;
  /** (p50 − p50 off) / p50 off, in %; 0 for "off". */
  p50CostPct: number;
  /** The p50 cost within each round (against "off" of the same round), in %: the run's noise. */
  roundCostPct: number[];
  /** (CPU per request − off's) / off's, in %; null where unavailable. */
  cpuCostPct: number | null;
}

export interface OpsCostResult {
  startedAt: string;
  /** Articles in the store served. */
  size: number;
  query: string;
  /** The command of each configuration's server. */
  commands: Record<OpsConfig, string>;
  options: OpsCostOptions;
  /** Rounds run (the budget may end them before `options.rounds`; absent: all of them). */
  rounds?: number;
  /** Access-log lines the "both" server wrote (one per request, warm-up included). */
  accessLines: number;
  /** The machine's 1-minute load average before and after (other work on it is noise). */
  load: [number, number];
  runs: OpsCostRun[];
}

const COMMON_ENV = { HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: 'info' };

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

/** User + system CPU milliseconds of a process so far (Linux /proc; null elsewhere). */
function cpuMsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / CLOCK_TICKS : null;
  } catch {
    return null;
  }
}

/** USER_HZ: 100 on every Linux the bench runs on. */
const CLOCK_TICKS = 100;

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

function summarize(times: number[], cpuMs: number | null = null): Latencies {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    requests: sorted.length,
    cpuMsPerRequest: cpuMs === null ? null : round(cpuMs / Math.max(1, sorted.length)),
    p50Ms: round(at(0.5)),
    p90Ms: round(at(0.9)),
    p99Ms: round(at(0.99)),
    meanMs: round(sorted.reduce((s, t) => s + t, 0) / Math.max(1, sorted.length)),
  };
}

const pct = (on: number, off: number) => Math.round(((on - off) / off) * 1000) / 10;

/** A name usable in a file name. */
const slug = (c: OpsConfig) => c.replace(/ /g, '-');

/**
 * Measures the cost on the store at `dataDir` (copied once per configuration into `workDir`,
 * since one process at a time holds an embedded store).
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
  const configs = Object.keys(OPS_CONFIGS) as OpsConfig[];
  const servers = new Map<OpsConfig, Served>();
  const startedAt = new Date().toISOString();
  const load0 = os.loadavg()[0] ?? 0;
  let roundsRun = 0;
  const times = new Map<string, number[][]>();
  const cpu = new Map<string, number | null>();
  const add = (key: string, t: number[], cpuMs: number | null) => {
    times.set(key, [...(times.get(key) ?? []), t]);
    const had = cpu.has(key) ? (cpu.get(key) as number | null) : 0;
    cpu.set(key, had === null || cpuMs === null ? null : had + cpuMs);
  };
  try {
    for (const c of configs) {
      const dir = path.join(workDir, `ops-cost-${slug(c)}`);
      fs.rmSync(dir, { recursive: true, force: true });
      fs.cpSync(dataDir, dir, { recursive: true });
      fs.rmSync(path.join(dir, 'admin.json'), { force: true });
      const s = await serve(dir, OPS_CONFIGS[c], path.join(workDir, `ops-cost-${slug(c)}.log`));
      servers.set(c, s);
      say(`  $ ${s.command}`);
    }
    // Warm caches and JIT before any timing (and fail early when a server cannot answer).
    for (const s of servers.values()) await block(s.url, body, 4, 400);
    const t0 = Date.now();
    for (let round = 0; round < options.rounds; round++) {
      if (round >= MIN_ROUNDS && Date.now() - t0 > options.budgetS * 1000) break;
      roundsRun = round + 1;
      // A different order each round: no configuration always follows the same one.
      const order = configs.map((_, i) => configs[(i + round) % configs.length] as OpsConfig);
      if (round % 2 === 1) order.reverse();
      for (const name of order) {
        const s = servers.get(name) as Served;
        for (const c of options.connections) {
          const cpu0 = cpuMsOf(s.child.pid);
          const t = await block(s.url, body, c, options.requestsPerRound);
          const cpu1 = cpuMsOf(s.child.pid);
          add(`${name}/${c}`, t, cpu0 === null || cpu1 === null ? null : cpu1 - cpu0);
        }
      }
      say(`  ops cost: round ${round + 1}/${options.rounds}`);
    }
  } finally {
    for (const s of servers.values()) await stop(s);
  }
  const both = servers.get('both');
  const accessLines = both
    ? fs
        .readFileSync(both.logFile, 'utf8')
        .split('\n')
        .filter((l) => l.includes('"POST /graphql 200')).length
    : 0;
  const runs: OpsCostRun[] = [];
  for (const c of options.connections) {
    const roundsOf = (config: OpsConfig) => times.get(`${config}/${c}`) ?? [];
    const base = summarize(roundsOf('off').flat(), cpu.get(`off/${c}`) ?? null);
    for (const config of configs) {
      const latencies = summarize(roundsOf(config).flat(), cpu.get(`${config}/${c}`) ?? null);
      runs.push({
        connections: c,
        config,
        latencies,
        p50CostPct: pct(latencies.p50Ms, base.p50Ms),
        roundCostPct: roundsOf(config).map((t, i) =>
          pct(summarize(t).p50Ms, summarize(roundsOf('off')[i] ?? []).p50Ms),
        ),
        cpuCostPct:
          latencies.cpuMsPerRequest === null || base.cpuMsPerRequest === null
            ? null
            : pct(latencies.cpuMsPerRequest, base.cpuMsPerRequest),
      });
    }
  }
  for (const c of configs)
    fs.rmSync(path.join(workDir, `ops-cost-${slug(c)}`), { recursive: true, force: true });
  const commands = Object.fromEntries(configs.map((c) => [c, servers.get(c)?.command ?? ''])) as Record<
    OpsConfig,
    string
  >;
  return {
    startedAt,
    size,
    query: q.title,
    commands,
    options,
    rounds: roundsRun,
    accessLines,
    load: [load0, os.loadavg()[0] ?? 0],
    runs,
  };
}

/** The RESULTS.md section. */
export function renderOpsCost(r: OpsCostResult): string {
  const sign = (n: number) => `${n >= 0 ? '+' : ''}${n.toFixed(1)}`;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const rows = r.runs.map((x) => {
    const base = x.config === 'off';
    return [
      x.connections,
      x.config,
      x.latencies.p50Ms.toFixed(2),
      base ? '' : `**${sign(x.p50CostPct)} %**`,
      base
        ? ''
        : `${sign(median(x.roundCostPct))} % (${sign(Math.min(...x.roundCostPct))} … ${sign(Math.max(...x.roundCostPct))})`,
      x.latencies.meanMs.toFixed(2),
      x.latencies.cpuMsPerRequest === null ? 'n/a' : x.latencies.cpuMsPerRequest.toFixed(3),
      base || x.cpuCostPct === null ? '' : `**${sign(x.cpuCostPct)} %**`,
      x.latencies.requests,
    ].join(' | ');
  });
  return [
    '',
    '## 6. What the access log and the metrics cost (query b)',
    '',
    `Measured ${r.startedAt} on the ${r.size.toLocaleString('en')}-article graph by \`bench/opsCost.ts\`: four servers over`,
    'copies of the same store — both off (`KG_ACCESS_LOG=0 KG_METRICS=0`), the access log only (every',
    'request a JSON line, written to a file), the metrics only (every request and store statement',
    'timed into `/metrics`), both (as shipped) — in alternating rounds',
    `(${r.rounds ?? r.options.rounds} per server, ${r.options.requestsPerRound} requests per connection count each), every request timed in the`,
    `bench's process. Query (b), ${r.query}. The "both" server wrote ${r.accessLines.toLocaleString('en')} access lines.`,
    `Machine: ${os.cpus().length} cores, 1-minute load average ${r.load[0].toFixed(1)} before and ${r.load[1].toFixed(1)} after`,
    "(other work on the machine shows as the spread of the per-round costs). The server's CPU time",
    'per request (all its threads, from /proc) is the steadier figure on a busy machine.',
    '',
    ...(Object.entries(r.commands) as Array<[OpsConfig, string]>).map(([c, cmd]) => `* ${c}: \`${cmd}\``),
    '',
    '| connections | server | p50 ms | p50 cost | p50 cost per round: median (min … max) | mean ms | server CPU ms per request | CPU cost | requests |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map((row) => `| ${row} |`),
    '',
    'The target is a cost under 5 % of the p50. This section is rendered from `bench/out/ops-cost.json`, which the',
    'phase can also write alone, on a smaller graph than the sections above (its date and graph size are the ones',
    'stated here): `npm run build && BENCH_OPS_SIZE=100 npx tsx bench/opsCost.ts`.',
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
