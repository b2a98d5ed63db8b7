/**
 * Where import time goes: imports a corpus in-process through `importPaths`, over a runner
 * that times every statement, and groups the time by query (its first line). Also reports
 * the time per statement in the first and last fifth of the run, so a query that slows down
 * as the graph grows stands out. Internal to bench; standalone:
 * `npx tsx bench/profileImport.ts <corpus dir> [data dir]` (after `npm run build`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openGrafeo } from '../src/graph/drivers/grafeo';
import { GraphStore } from '../src/graph/store';
import { importPaths } from '../src/importer/importer';
import { timingRunner } from './statementTimer';

export interface QueryProfile {
  /** The statement, whitespace folded, first 150 characters (its labels and type show the variant). */
  query: string;
  calls: number;
  totalMs: number;
  rows: number;
  /** Mean ms per call over the first and the last fifth of the documents. */
  earlyMeanMs: number;
  lateMeanMs: number;
}

export interface ImportProfile {
  documents: number;
  wallMs: number;
  /** Time inside store statements (the main thread waits on these one at a time). */
  storeMs: number;
  queries: QueryProfile[];
}

interface Acc {
  calls: number;
  totalMs: number;
  rows: number;
  early: number[];
  late: number[];
}

/** Imports `corpusDir` into a fresh store under `dataDir` and profiles the statements. */
export async function profileImport(
  corpusDir: string,
  dataDir: string,
  workers: number,
): Promise<ImportProfile> {
  fs.rmSync(dataDir, { recursive: true, force: true });
  const files = fs.readdirSync(corpusDir).filter((f) => !f.startsWith('.'));
  const fifth = Math.max(1, Math.floor(files.length / 5));
  let done = 0;
  const accs = new Map<string, Acc>();
  const runner = timingRunner(openGrafeo(dataDir), (key, ms, rows) => {
    let a = accs.get(key);
    if (!a) accs.set(key, (a = { calls: 0, totalMs: 0, rows: 0, early: [], late: [] }));
    a.calls += 1;
    a.totalMs += ms;
    a.rows += rows;
    if (done < fifth) a.early.push(ms);
    else if (done >= files.length - fifth) a.late.push(ms);
  });
  const store = new GraphStore(runner);
  await store.setup();
  const t0 = performance.now();
  const report = await importPaths([corpusDir], store, {
    maxFileBytes: 5 * 1024 * 1024,
    workers,
    progress: { start: () => undefined, fileDone: () => void (done += 1), stop: () => undefined },
  });
  const wallMs = performance.now() - t0;
  await store.close();
  const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
  const queries = [...accs.entries()]
    .map(([query, a]) => ({
      query,
      calls: a.calls,
      totalMs: a.totalMs,
      rows: a.rows,
      earlyMeanMs: mean(a.early),
      lateMeanMs: mean(a.late),
    }))
    .sort((a, b) => b.totalMs - a.totalMs);
  return {
    documents: report.totals.imported,
    wallMs,
    storeMs: queries.reduce((s, q) => s + q.totalMs, 0),
    queries,
  };
}

if (require.main === module) {
  const [corpus, data] = process.argv.slice(2);
  if (!corpus) {
    process.stderr.write('usage: npx tsx bench/profileImport.ts <corpus dir> [data dir]\n');
    process.exit(2);
  }
  const dataDir = data ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kg-profile-'));
  profileImport(path.resolve(corpus), dataDir, Math.min(8, os.availableParallelism())).then(
    (p) => {
      process.stdout.write(
        `${p.documents} documents in ${(p.wallMs / 1000).toFixed(1)} s; ${(p.storeMs / 1000).toFixed(1)} s in store statements\n`,
      );
      for (const q of p.queries.slice(0, 15)) {
        process.stdout.write(
          `${q.totalMs.toFixed(0).padStart(8)} ms ${String(q.calls).padStart(6)} calls  early ${q.earlyMeanMs.toFixed(2)} ms → late ${q.lateMeanMs.toFixed(2)} ms  ${q.query}\n`,
        );
      }
      if (!data) fs.rmSync(dataDir, { recursive: true, force: true });
    },
    (error: unknown) => {
      process.stderr.write(`profile: ${String(error)}\n`);
      process.exit(1);
    },
  );
}
