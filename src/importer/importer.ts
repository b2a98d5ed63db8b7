/**
 * Files → extract → store, per document. Extraction runs in worker threads; each document
 * is written in its own transaction, so a document that fails leaves nothing of itself and
 * the others go on. Re-importing the same content is a no-op (content hash). Public.
 */
import fs from 'node:fs';
import path from 'node:path';
import Piscina from 'piscina';
import { messageOf } from '../errors';
import type { GraphStore } from '../graph/store';
import { expandPaths, fileKey } from './files';
import { extractFile, type ExtractResult, type ExtractTask } from './pipeline';
import type { FileResult, ImportReport, ProgressSink } from './types';

export interface ImportOptions {
  /** Files over this size are refused (default 5 MB). */
  maxFileBytes: number;
  /** Extraction worker threads; 0 extracts on the main thread. */
  workers: number;
  progress?: ProgressSink;
}

/** The compiled worker: beside this file in dist/, or dist/ when running from sources (tests). */
function workerFile(): string | null {
  for (const candidate of [
    path.join(__dirname, 'worker.js'),
    path.resolve(__dirname, '..', '..', 'dist', 'importer', 'worker.js'),
  ]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

type Extractor = { run(task: ExtractTask): Promise<ExtractResult>; close(): Promise<void> };

function makeExtractor(workers: number): Extractor {
  const filename = workers > 0 ? workerFile() : null;
  if (!filename) return { run: async (task) => extractFile(task), close: async () => undefined };
  const pool = new Piscina({ filename, minThreads: 1, maxThreads: workers, idleTimeout: 1000 });
  return { run: (task) => pool.run(task) as Promise<ExtractResult>, close: () => pool.destroy() };
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** Reads a file the importer may take, or says why not. */
function readInput(file: string, maxFileBytes: number): { bytes: Buffer } | { code: string; error: string } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    return {
      code: 'NOT_FOUND',
      error: `${file}: cannot read it (${(error as NodeJS.ErrnoException).code}); check the path`,
    };
  }
  // Reading a named pipe would wait for a writer forever.
  if (!stat.isFile()) return { code: 'NOT_A_FILE', error: `${file}: not a regular file` };
  if (stat.size > maxFileBytes) {
    return {
      code: 'TOO_LARGE',
      error: `${file}: ${formatBytes(stat.size)} is over the ${formatBytes(maxFileBytes)} limit; split the article or raise KG_MAX_FILE_BYTES (or --max-bytes)`,
    };
  }
  try {
    return { bytes: fs.readFileSync(file) };
  } catch (error) {
    return { code: 'UNREADABLE', error: `${file}: cannot read it (${messageOf(error)})` };
  }
}

async function importOne(
  file: string,
  key: string,
  store: GraphStore,
  extractor: Extractor,
  options: ImportOptions,
): Promise<FileResult> {
  const t0 = performance.now();
  const ms = () => Math.round(performance.now() - t0);
  const input = readInput(file, options.maxFileBytes);
  if (!('bytes' in input)) return { file, status: 'failed', code: input.code, error: input.error, ms: ms() };
  const extracted = await extractor.run({ file, bytes: input.bytes });
  if (!extracted.ok)
    return { file, status: 'failed', code: extracted.code, error: extracted.message, ms: ms() };
  const g = extracted.graph;
  try {
    const out = await store.writeDocument(g, key);
    if (out.status === 'unchanged') return { file, status: 'unchanged', docId: out.docId, ms: ms() };
    return {
      file,
      status: 'imported',
      docId: out.docId,
      title: g.document.title,
      counts: {
        places: g.places.length,
        organizations: g.organizations.length,
        programs: g.programs.length,
        people: g.people.length,
        metrics: g.metrics.length,
        relations: g.relations.length,
      },
      replaced: out.replaced,
      ms: ms(),
    };
  } catch (error) {
    return {
      file,
      status: 'failed',
      code: 'IMPORT_FAILED',
      error: `${file}: writing it to the store failed, nothing of it was kept (${messageOf(error)})`,
      ms: ms(),
    };
  }
}

/** Imports every file the paths name; never throws for a bad file: its result says why. */
export async function importPaths(
  inputs: readonly string[],
  store: GraphStore,
  options: ImportOptions,
): Promise<ImportReport> {
  const startedAt = new Date().toISOString();
  const { files, problems, root } = await expandPaths(inputs);
  const results: FileResult[] = problems.map((p) => ({
    file: p.input,
    status: 'failed',
    code: p.code,
    error: p.error,
    ms: 0,
  }));
  const progress = options.progress;
  progress?.start(files.length + problems.length);
  let done = 0;
  for (const r of results) progress?.fileDone(r, ++done);

  const extractor = makeExtractor(Math.min(options.workers, Math.max(1, files.length)));
  const byIndex: FileResult[] = new Array(files.length);
  let next = 0;
  // Extraction of a few files runs ahead of the writes; the bound keeps memory flat on big folders.
  const lanes = Math.max(1, options.workers * 2);
  try {
    await Promise.all(
      Array.from({ length: Math.min(lanes, files.length) }, async () => {
        while (next < files.length) {
          const i = next++;
          const file = files[i] as string;
          const r = await importOne(file, fileKey(file, root), store, extractor, options);
          byIndex[i] = r;
          progress?.fileDone(r, ++done);
        }
      }),
    );
  } finally {
    await extractor.close();
    progress?.stop();
  }
  results.push(...byIndex);
  const count = (s: FileResult['status']) => results.filter((r) => r.status === s).length;
  return {
    store: store.kind,
    startedAt,
    finishedAt: new Date().toISOString(),
    totals: {
      files: results.length,
      imported: count('imported'),
      unchanged: count('unchanged'),
      failed: count('failed'),
    },
    files: results,
  };
}
