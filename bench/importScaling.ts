/**
 * Import scaling: `kg import <corpus>` into a fresh embedded store, in a child process, per
 * corpus size. Measures documents per second (over the import itself, and over the whole
 * process including start-up), the child's peak RSS and CPU time, and the rate in each tenth
 * of the run (from the per-file progress lines), so a slowdown as the graph grows shows.
 * Internal to bench.
 */
import fs from 'node:fs';
import path from 'node:path';
import { dirBytes, peakRssOf, runCli, type Rusage } from './child';
import { boltPort, cpuMsOf, emptyDatabase, pidListeningOn } from './neo4jAdmin';

export interface ImportRun {
  size: number;
  command: string;
  /** False when the import hit the time limit and was stopped (figures are then partial). */
  completed: boolean;
  exitCode: number | null;
  imported: number;
  unchanged: number;
  failed: number;
  /** First few failure messages, verbatim. */
  failures: string[];
  /** Wall time of the child process, start to exit. */
  processMs: number;
  /** Wall time of the import itself (the report's startedAt → finishedAt; process time when stopped). */
  importMs: number;
  rusage: Rusage | null;
  /** CPU the database server spent during the import (Neo4j on this machine; null otherwise). */
  serverCpuMs?: number | null;
  /** How long emptying the database took before the import (Neo4j). */
  resetMs?: number;
  /** Documents per second over each tenth of the files done, in order. */
  decileRates: number[];
  /** Size of the store on disk (the embedded engine's folder; null for Neo4j's single database). */
  storeBytes: number | null;
  /** `kg stats --json` after the import. */
  stats: { labels: Record<string, number>; relationships: Record<string, number> } | null;
}

/**
 * Where an import goes: the embedded store's folder (a fresh one per size) or the Neo4j
 * database (emptied before each size). `env` is what the CLI is given to reach it.
 */
export interface ImportTarget {
  env: Record<string, string>;
  /** Empties the target; resolves when it is empty. */
  reset(): Promise<void>;
  /** Bytes on disk, or null when not measurable. */
  bytes(): number | null;
  /** CPU ms the database server has used so far (a separate process), or null. */
  serverCpuMs(): number | null;
}

export interface ImportOptions {
  /** KG_WORKERS, or null for the CLI's default. */
  workers: number | null;
  /** Stop the import after this long and report what it did. */
  timeoutMs: number;
}

const PROGRESS = /^\[(\d+)\/(\d+)\] (imported|unchanged|failed)\s+(.*)$/;

/** The progress text of a line of the CLI's stderr: the message of a JSON log line, or the line. */
function progressText(line: string): string {
  if (!line.startsWith('{')) return line;
  try {
    const msg = (JSON.parse(line) as { msg?: unknown }).msg;
    return typeof msg === 'string' ? msg : '';
  } catch {
    return line;
  }
}

/** A fresh embedded store in `dataDir`. */
export function grafeoTarget(dataDir: string): ImportTarget {
  return {
    env: { KG_DATA_DIR: dataDir },
    reset: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    bytes: () => (fs.existsSync(dataDir) ? dirBytes(dataDir) : null),
    serverCpuMs: () => null,
  };
}

/** The Neo4j at `uri`, emptied before each import; its CPU read from /proc when it runs here. */
export function neo4jTarget(uri: string): ImportTarget {
  const pid = pidListeningOn(boltPort(uri));
  return {
    env: { KG_STORE: 'neo4j', NEO4J_URI: uri },
    reset: async () => void (await emptyDatabase(uri)),
    bytes: () => null,
    serverCpuMs: () => cpuMsOf(pid),
  };
}

/** Imports `corpusDir` into a fresh `dataDir` with the CLI and measures it. */
export async function importCorpus(
  size: number,
  corpusDir: string,
  target: ImportTarget,
  workDir: string,
  options: ImportOptions,
  say: (msg: string) => void,
): Promise<ImportRun> {
  const r0 = performance.now();
  await target.reset();
  const resetMs = performance.now() - r0;
  const reportFile = path.join(workDir, `import-report-${size}.json`);
  fs.rmSync(reportFile, { force: true });
  const env: Record<string, string> = { ...target.env };
  const serverCpu0 = target.serverCpuMs();
  if (options.workers !== null) env.KG_WORKERS = String(options.workers);
  const doneAt: number[] = [];
  const failures: string[] = [];
  const counts = { imported: 0, unchanged: 0, failed: 0 };
  let t0 = 0;
  let lastShown = performance.now();
  const run = runCli(
    ['import', corpusDir, '--report', reportFile],
    env,
    path.join(workDir, `rusage-import-${size}.json`),
    (line) => {
      const m = PROGRESS.exec(progressText(line));
      if (!m) return;
      const now = performance.now();
      if (doneAt.length === 0) t0 = now;
      doneAt.push(now - t0);
      counts[m[3] as keyof typeof counts] += 1;
      if (m[3] === 'failed' && failures.length < 5) failures.push(m[4] as string);
      if (now - lastShown > 30_000) {
        lastShown = now;
        say(`  import ${size}: ${m[1]}/${m[2]} files`);
      }
    },
  );
  say(`  $ ${run.command}`);
  let stoppedRss: number | null = null;
  const timer = setTimeout(() => {
    say(
      `  import ${size}: over the ${Math.round(options.timeoutMs / 60000)} min limit after ${doneAt.length} files; stopping it`,
    );
    stoppedRss = peakRssOf(run.child.pid);
    run.child.kill('SIGKILL');
  }, options.timeoutMs);
  const exit = await run.done.finally(() => clearTimeout(timer));
  const serverCpu1 = target.serverCpuMs();
  const completed = fs.existsSync(reportFile);
  const report = completed
    ? (JSON.parse(fs.readFileSync(reportFile, 'utf8')) as {
        startedAt: string;
        finishedAt: string;
        totals: { imported: number; unchanged: number; failed: number };
      })
    : null;
  const stats = await cliStats(target.env, workDir);
  return {
    size,
    command: run.command,
    completed,
    exitCode: exit.code,
    ...(report?.totals ?? counts),
    failures,
    processMs: exit.wallMs,
    importMs: report ? Date.parse(report.finishedAt) - Date.parse(report.startedAt) : exit.wallMs,
    rusage: exit.rusage ?? (stoppedRss !== null ? { maxRssBytes: stoppedRss, cpuMs: Number.NaN } : null),
    serverCpuMs: serverCpu0 !== null && serverCpu1 !== null ? serverCpu1 - serverCpu0 : null,
    resetMs,
    decileRates: decileRates(doneAt),
    storeBytes: target.bytes(),
    stats,
  };
}

/** Files per second in each tenth of the run, from the completion times (ms since the first). */
function decileRates(doneAt: readonly number[]): number[] {
  const n = doneAt.length;
  if (n < 20) return [];
  const rates: number[] = [];
  for (let d = 0; d < 10; d += 1) {
    const from = Math.floor((n * d) / 10);
    const to = Math.floor((n * (d + 1)) / 10) - 1;
    const ms = (doneAt[to] as number) - (d === 0 ? 0 : (doneAt[from - 1] as number));
    const files = d === 0 ? to : to - from + 1; // the first completion is time zero
    rates.push(ms > 0 ? (files * 1000) / ms : 0);
  }
  return rates;
}

async function cliStats(env: Record<string, string>, workDir: string): Promise<ImportRun['stats']> {
  let out = '';
  const run = runCli(['stats', '--json'], env, path.join(workDir, 'rusage-stats.json'), (line, stream) => {
    if (stream === 'stdout') out += `${line}\n`;
  });
  const exit = await run.done;
  if (exit.code !== 0) return null;
  try {
    return JSON.parse(out) as ImportRun['stats'];
  } catch {
    return null;
  }
}

/**
 * Projects how long importing `size` documents would take from a finished run's rate per
 * tenth: per-document time fitted as a + b·k (k = documents already stored), so a slowdown
 * as the store grows is carried forward (total a·n + b·n²/2). Null without enough data.
 */
export function projectImportMs(run: ImportRun, size: number): number | null {
  const rates = run.decileRates;
  if (!run.completed || rates.length < 10 || rates.some((r) => r <= 0)) return null;
  const xs = rates.map((_, d) => ((d + 0.5) * run.imported) / 10);
  const ys = rates.map((r) => 1000 / r); // ms per document
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const sxy = xs.reduce((s, x, i) => s + (x - mx) * ((ys[i] as number) - my), 0);
  const sxx = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  const b = Math.max(0, sxx > 0 ? sxy / sxx : 0);
  const a = Math.max(0, my - b * mx);
  return a * size + (b * size * size) / 2;
}
