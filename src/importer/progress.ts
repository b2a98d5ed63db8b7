/**
 * Import progress: a bar with counts and rate on a terminal (cli-progress), one log line per
 * file otherwise (CI logs, pipes: JSON through the process's logger). Public.
 */
import path from 'node:path';
import cliProgress from 'cli-progress';
import { logger, type Logger } from '../log';
import type { FileResult, ProgressSink } from './types';

/** One file's result as a line of the import's output (`imported  a.txt → doc_… (…)`). */
export function resultLine(r: FileResult): string {
  const name = path.basename(r.file);
  switch (r.status) {
    case 'imported':
      return `imported  ${name} → ${r.docId} (${r.counts.programs} programs, ${r.counts.places} places, ${r.counts.metrics} metrics; ${r.ms} ms)`;
    case 'unchanged':
      return `unchanged ${name} (already imported as ${r.docId})`;
    case 'failed':
      return `failed    ${r.error}`;
    case 'skipped':
      return `skipped   ${r.file}: ${r.reason}`;
    default: {
      const never: never = r;
      return String(never);
    }
  }
}

/**
 * A bar on a TTY; elsewhere (CI logs, pipes, a service's journal) one line per file through the
 * process's logger, so the import's lines are JSON like every other log line. Failures are always
 * printed as lines.
 */
export function createProgress(
  stream: NodeJS.WriteStream = process.stderr,
  log: Pick<Logger, 'info' | 'warn'> = logger(),
): ProgressSink {
  if (!stream.isTTY) {
    let total = 0;
    return {
      start: (n) => {
        total = n;
      },
      fileDone: (r, done) => {
        const fields = {
          file: r.file,
          status: r.status,
          done,
          total,
          ...(r.status === 'imported' ? { docId: r.docId, ms: r.ms } : {}),
        };
        const line = `[${done}/${total}] ${resultLine(r)}`;
        if (r.status === 'failed' || r.status === 'skipped') log.warn(fields, line);
        else log.info(fields, line);
      },
      stop: () => undefined,
    };
  }
  // MultiBar, even for one bar, because it can print failure lines above the bar.
  const multi = new cliProgress.MultiBar(
    {
      stream,
      format: 'import {bar} {value}/{total} files | {rate} files/s | {failed} failed | {eta_formatted} left',
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let bar: cliProgress.SingleBar | undefined;
  let failed = 0;
  let t0 = 0;
  return {
    start: (n) => {
      t0 = performance.now();
      bar = multi.create(n, 0, { rate: '0.0', failed: 0 });
    },
    fileDone: (r, done) => {
      if (r.status === 'failed') failed += 1;
      if (r.status === 'failed' || r.status === 'skipped') multi.log(`${resultLine(r)}\n`);
      const rate = (done / Math.max(0.001, (performance.now() - t0) / 1000)).toFixed(1);
      bar?.update(done, { rate, failed });
    },
    stop: () => multi.stop(),
  };
}
