/**
 * Runs the product's CLI (`node dist/cli.js …`) as a child process, the way a user would,
 * with `bench/rusage.cjs` preloaded so the child reports its own peak RSS and CPU time.
 * Internal to bench.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

export const ROOT = path.resolve(__dirname, '..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');
const RUSAGE_HOOK = path.join(ROOT, 'bench', 'rusage.cjs');

export interface Rusage {
  maxRssBytes: number;
  cpuMs: number;
}

export interface ChildRun {
  /** The command as a user would type it (env first, paths relative to the repo). */
  command: string;
  child: ChildProcess;
  /** Resolves when the child exits. */
  done: Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    wallMs: number;
    rusage: Rusage | null;
  }>;
}

function shellQuote(s: string): string {
  return /^[\w./=:,@+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** `node dist/cli.js <args>` with `env` added; `onLine` sees stderr and stdout line by line. */
export function runCli(
  args: readonly string[],
  env: Record<string, string>,
  rusageFile: string,
  onLine: (line: string, stream: 'stdout' | 'stderr') => void = () => undefined,
): ChildRun {
  if (!fs.existsSync(CLI))
    throw new Error(`${CLI} is missing; run \`npm run build\` first (npm run bench does)`);
  fs.rmSync(rusageFile, { force: true });
  const rel = (p: string) => (path.isAbsolute(p) && p.startsWith(ROOT) ? path.relative(ROOT, p) || '.' : p);
  const command = [
    ...Object.entries(env).map(([k, v]) => `${k}=${shellQuote(rel(v))}`),
    'node',
    'dist/cli.js',
    ...args.map((a) => shellQuote(rel(a))),
  ].join(' ');
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--require', RUSAGE_HOOK, CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, BENCH_RUSAGE_FILE: rusageFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of ['stdout', 'stderr'] as const) {
    const source = child[stream];
    if (source) readline.createInterface({ input: source }).on('line', (line) => onLine(line, stream));
  }
  const done = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    wallMs: number;
    rusage: Rusage | null;
  }>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      const wallMs = performance.now() - t0;
      let rusage: Rusage | null = null;
      try {
        const r = JSON.parse(fs.readFileSync(rusageFile, 'utf8')) as {
          maxRssKiB: number;
          userCpuUs: number;
          systemCpuUs: number;
        };
        rusage = { maxRssBytes: r.maxRssKiB * 1024, cpuMs: (r.userCpuUs + r.systemCpuUs) / 1000 };
      } catch {
        rusage = null; // killed before its exit handler ran
      }
      resolve({ code, signal, wallMs, rusage });
    });
  });
  return { command, child, done };
}

/**
 * Peak RSS of a running process from /proc (Linux), for a child that will not reach its exit
 * handler (killed by a signal); null elsewhere.
 */
export function peakRssOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Runs a bench TypeScript file in a child node with this process's loader flags (tsx), so a
 * phase that could exhaust memory runs where it can be killed. Lines of its stderr go to `onLine`.
 */
export function runBenchScript(
  file: string,
  env: Record<string, string>,
  onLine: (line: string) => void,
): { child: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null }> } {
  const child = spawn(process.execPath, [...process.execArgv, file], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  if (child.stderr) readline.createInterface({ input: child.stderr }).on('line', onLine);
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  return { child, done };
}

/** Current RSS of a running process from /proc (Linux); null elsewhere. */
export function rssOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Kills the child with SIGKILL when its RSS passes `limitBytes` (checked twice a second), so a
 * runaway query cannot take the machine's memory from everyone else. `tripped` says whether it
 * fired and at what size.
 */
export function memoryGuard(
  child: ChildProcess,
  limitBytes: number,
): { stop(): void; tripped: () => number | null } {
  let tripped: number | null = null;
  const timer = setInterval(() => {
    const rss = rssOf(child.pid);
    if (rss !== null && rss > limitBytes && tripped === null) {
      tripped = rss;
      child.kill('SIGKILL');
    }
  }, 500);
  timer.unref();
  return { stop: () => clearInterval(timer), tripped: () => tripped };
}

/** Total size of the files under `dir`, in bytes. */
export function dirBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    total += entry.isDirectory() ? dirBytes(p) : fs.statSync(p).size;
  }
  return total;
}
