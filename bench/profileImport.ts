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
import type { CypherRunner } from '../src/graph/runner';
import { GraphStore } from '../src/graph/store';
import { importPaths } from '../src/importer/importer';
import { timingRunner, unionMs } from './statementTimer';

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
  /** Time inside store statements, summed over statements (lanes write concurrently, so this can pass wallMs). */
  storeMs: number;
  /** Time during which at least one store statement was in flight (union of intervals, ≤ wallMs). */
  storeBusyMs?: number;
  /** CPU of this process over the import (main thread, driver and extraction workers). */
  clientCpuMs?: number;
  /** CPU of the database server over the import (Neo4j on this machine), or null. */
  serverCpuMs?: number | null;
  /** Writer lanes (the importer writes up to 2 × workers documents at once). */
  workers?: number;
  queries: QueryProfile[];
}

interface Acc {
  calls: number;
  totalMs: number;
  rows: number;
  early: number[];
  late: number[];
}

/** Where the profile imports: a fresh store opened by `open`, and the server's CPU if known. */
export interface ProfileTarget {
  open(): Promise<CypherRunner>;
  serverCpuMs(): number | null;
}

/** A fresh embedded store under `dataDir`. */
export const grafeoProfileTarget = (dataDir: string): ProfileTarget => ({
  open: async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    return openGrafeo(dataDir);
  },
  serverCpuMs: () => null,
});

/** Imports `corpusDir` into a fresh store and profiles the statements. */
export async function profileImport(
  corpusDir: string,
  target: ProfileTarget,
  workers: number,
): Promise<ImportProfile> {
  const files = fs.readdirSync(corpusDir).filter((f) => !f.startsWith('.'));
  const fifth = Math.max(1, Math.floor(files.length / 5));
  let done = 0;
  const accs = new Map<string, Acc>();
  const intervals: Array<[number, number]> = [];
  const runner = timingRunner(await target.open(), (key, ms, rows, start, end) => {
    intervals.push([start, end]);
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
  const cpu0 = process.cpuUsage();
  const server0 = target.serverCpuMs();
  const report = await importPaths([corpusDir], store, {
    maxFileBytes: 5 * 1024 * 1024,
    workers,
    progress: { start: () => undefined, fileDone: () => void (done += 1), stop: () => undefined },
  });
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const server1 = target.serverCpuMs();
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
    storeBusyMs: unionMs(intervals),
    clientCpuMs: (cpu.user + cpu.system) / 1000,
    serverCpuMs: server0 !== null && server1 !== null ? server1 - server0 : null,
    workers,
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
  profileImport(
    path.resolve(corpus),
    grafeoProfileTarget(dataDir),
    Math.min(8, os.availableParallelism()),
  ).then(
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
