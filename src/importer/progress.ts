/**
 * Import progress: a bar with counts and rate on a terminal (cli-progress), one quiet line
 * per file otherwise (CI logs, pipes). Public.
 */
import path from 'node:path';
import cliProgress from 'cli-progress';
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

/** A bar on a TTY, lines elsewhere; failures are always printed as lines. */
export function createProgress(stream: NodeJS.WriteStream = process.stderr): ProgressSink {
  if (!stream.isTTY) {
    let total = 0;
    return {
      start: (n) => {
        total = n;
      },
      fileDone: (r, done) => stream.write(`[${done}/${total}] ${resultLine(r)}\n`),
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
