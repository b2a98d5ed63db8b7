/**
 * Files and URLs → format → extract → store, per document. Extraction runs in worker threads;
 * each document is written in its own transaction, so a document that fails leaves nothing of
 * itself and the others go on. Re-importing the same content is a no-op (content hash); a file
 * (by its path under the root) or a URL whose content changed replaces its previous version.
 * Files found in folders that are not an article format are skipped, each with its reason.
 * Public.
 */
import fs from 'node:fs';
import path from 'node:path';
import Piscina from 'piscina';
import { messageOf } from '../errors';
import type { GraphStore } from '../graph/store';
import { formatOfName, SUPPORTED_EXTENSIONS } from '../text';
import { DEFAULT_FETCH, fetchPage, isUrl, type FetchOptions } from './fetchPage';
import { expandPaths, fileKey } from './files';
import { extractFile, type ExtractResult, type ExtractTask } from './pipeline';
import type { FileResult, ImportReport, ProgressSink } from './types';

export interface ImportOptions {
  /** Files (and fetched pages) over this size are refused (default 5 MB). */
  maxFileBytes: number;
  /** Extraction worker threads; 0 extracts on the main thread. */
  workers: number;
  progress?: ProgressSink;
  /** How pages are fetched (defaults: `DEFAULT_FETCH`). */
  fetch?: Partial<Omit<FetchOptions, 'maxBytes'>>;
  /** Pages fetched at once, at most (default 4). */
  fetchParallel?: number;
  /**
   * The folder relative paths and globs are read from (default: this process's): a running
   * server importing for `kg import` reads them where that command was typed.
   */
  cwd?: string;
}

/** One thing to import: a file (its store key and whether it was named one by one) or a URL. */
type Item = { kind: 'file'; file: string; key: string; named: boolean } | { kind: 'url'; url: string };

/** A counting semaphore: at most `n` holders at once. */
function limiter(n: number): <T>(fn: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (fn) => {
    if (active >= n) await new Promise<void>((r) => waiting.push(r));
    active += 1;
    try {
      return await fn();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
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
  if (!filename) return { run: (task) => extractFile(task), close: async () => undefined };
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

/** Why a file found in a folder is not read, or null when its format is one the importer reads. */
function unsupported(file: string): string | null {
  if (formatOfName(file) !== null) return null;
  const ext = path.extname(file).toLowerCase();
  const kind = /^\.(png|jpe?g|gif|bmp|webp|svg|tiff?|ico)$/.test(ext)
    ? 'an image'
    : /^\.(zip|rar|7z|tar|gz|tgz|bz2|xz)$/.test(ext)
      ? 'an archive'
      : /^\.(doc|xls|xlsx|ppt|pptx|wps|odt|ods|odp|rtf)$/.test(ext)
        ? 'an office format the importer does not read (save it as .docx or .pdf)'
        : /^\.(json|csv|tsv|xml|ya?ml)$/.test(ext)
          ? 'data, not an article'
          : 'not an article format';
  return `${ext} is ${kind}; the importer reads ${SUPPORTED_EXTENSIONS.join(' ')}`;
}

async function importOne(
  item: Item,
  store: GraphStore,
  extractor: Extractor,
  options: ImportOptions,
  fetchLimit: <T>(fn: () => Promise<T>) => Promise<T>,
): Promise<FileResult> {
  const t0 = performance.now();
  const ms = () => Math.round(performance.now() - t0);
  let task: ExtractTask;
  let key: string;
  if (item.kind === 'url') {
    const { url } = item;
    const page = await fetchLimit(() =>
      fetchPage(url, { ...DEFAULT_FETCH, ...options.fetch, maxBytes: options.maxFileBytes }),
    );
    if (!page.ok) return { file: url, status: 'failed', code: page.code, error: page.error, ms: ms() };
    task = {
      file: url,
      bytes: page.bytes,
      url,
      ...(page.contentType !== undefined ? { contentType: page.contentType } : {}),
    };
    key = url; // a URL is its own identity: importing it again replaces the page's previous version
  } else {
    const { file } = item;
    const reason = unsupported(file);
    if (reason !== null && item.named) {
      return { file, status: 'failed', code: 'UNSUPPORTED_FORMAT', error: `${file}: ${reason}`, ms: ms() };
    }
    if (reason !== null) return { file, status: 'skipped', reason, ms: ms() };
    const input = readInput(file, options.maxFileBytes);
    if (!('bytes' in input))
      return { file, status: 'failed', code: input.code, error: input.error, ms: ms() };
    task = { file, bytes: input.bytes };
    key = item.key;
  }
  const file = task.file;
  const extracted = await extractor.run(task);
  if (!extracted.ok)
    return { file, status: 'failed', code: extracted.code, error: extracted.message, ms: ms() };
  const g = extracted.graph;
  try {
    const out = await store.writeDocument(g, key, { format: extracted.format, url: extracted.url });
    if (out.status === 'unchanged') return { file, status: 'unchanged', docId: out.docId, ms: ms() };
    return {
      file,
      status: 'imported',
      docId: out.docId,
      title: g.document.title,
      format: extracted.format,
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

/**
 * Imports every file the paths name and every page the URLs (`http://`, `https://`) name;
 * never throws for a bad file or page: its result says why.
 */
export async function importPaths(
  inputs: readonly string[],
  store: GraphStore,
  options: ImportOptions,
): Promise<ImportReport> {
  const startedAt = new Date().toISOString();
  const urls = [...new Set(inputs.filter(isUrl))];
  const paths = inputs.filter((i) => !isUrl(i));
  const expanded =
    paths.length > 0
      ? await expandPaths(paths, options.cwd)
      : { files: [], problems: [], root: '.', named: new Set<string>() };
  const { problems, root, named } = expanded;
  const files: Item[] = [
    ...expanded.files.map((file): Item => ({
      kind: 'file',
      file,
      key: fileKey(file, root),
      named: named.has(file),
    })),
    ...urls.map((url): Item => ({ kind: 'url', url })),
  ];
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
  const fetchParallel = options.fetchParallel ?? 4;
  const fetchLimit = limiter(fetchParallel);
  // Extraction of a few files runs ahead of the writes; the bound keeps memory flat on big folders.
  // Pages wait on the network, so URL imports get enough lanes to fetch `fetchParallel` at once.
  const lanes = Math.max(1, options.workers * 2, urls.length > 0 ? fetchParallel : 1);
  try {
    await Promise.all(
      Array.from({ length: Math.min(lanes, files.length) }, async () => {
        while (next < files.length) {
          const i = next++;
          const r = await importOne(files[i] as Item, store, extractor, options, fetchLimit);
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
      skipped: count('skipped'),
    },
    files: results,
  };
}
