/** The machine and the versions a benchmark ran on. Internal to bench. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './child';

export interface Machine {
  cpuModel: string;
  cores: number;
  memoryBytes: number;
  os: string;
}

export interface Versions {
  node: string;
  grafeo: string;
  graphql: string;
  apolloServer: string;
  autocannon: string;
  package: string;
  commit: string;
}

/**
 * Samples the 1-minute load average every `everyMs` until stopped: other work on the machine
 * (a test run, a build) skews every figure, so the report says how busy it was.
 */
export function sampleLoad(everyMs = 10_000): {
  stop(): { min: number; median: number; max: number; samples: number };
} {
  const xs: number[] = [os.loadavg()[0] ?? 0];
  const timer = setInterval(() => xs.push(os.loadavg()[0] ?? 0), everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      xs.push(os.loadavg()[0] ?? 0);
      const s = [...xs].sort((a, b) => a - b);
      return {
        min: s[0] as number,
        median: s[Math.floor(s.length / 2)] as number,
        max: s[s.length - 1] as number,
        samples: s.length,
      };
    },
  };
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism?.() ?? cpus.length,
    memoryBytes: os.totalmem(),
    os: `${os.type()} ${os.release()} (${os.arch()})`,
  };
}

function packageVersion(name: string): string {
  try {
    const file = path.join(ROOT, 'node_modules', ...name.split('/'), 'package.json');
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

export function versions(): Versions {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  const head = git(['rev-parse', '--short', 'HEAD']);
  const dirty = git(['status', '--porcelain', '--', 'src', 'schema']);
  return {
    node: process.version,
    grafeo: packageVersion('@grafeo-db/js'),
    graphql: packageVersion('graphql'),
    apolloServer: packageVersion('@apollo/server'),
    autocannon: packageVersion('autocannon'),
    package: `${pkg.name}@${pkg.version}`,
    commit: head
      ? `${head}${dirty ? ' with uncommitted changes in src/ or schema/' : ''}`
      : 'unknown (not a git checkout)',
  };
}
