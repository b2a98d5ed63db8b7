#!/usr/bin/env node
/**
 * `kg import | remove | serve | start | stats | extract | eval`: the shell around the stages.
 * Configuration is validated once here; any error at start is one clear line and exit 1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createMetrics, type Metrics } from './api/metrics';
import { startServer } from './api/server';
import { DEFAULT_NEO4J_PASSWORD, loadConfig, type Config } from './config';
import { KgError, messageOf } from './errors';
import { evalFolder, formatSummary } from './eval';
import { labelOfId } from './graph/ids';
import { openRunner } from './graph/open';
import { GraphStore } from './graph/store';
import { isUrl } from './importer/fetchPage';
import {
  importThroughServer,
  removeThroughServer,
  serveHandover,
  type ImportRequest,
  type RemoveResult,
} from './importer/handover';
import { importPaths } from './importer/importer';
import { extractFile } from './importer/pipeline';
import { createProgress, resultLine } from './importer/progress';
import type { ImportReport, ProgressSink } from './importer/types';
import { createLogger, log, logger, setLogger } from './log';

const USAGE = `usage: kg <command> [options]

  start                      import ./import (KG_IMPORT_DIR), then serve GraphQL
  serve                      serve what is stored, without importing
  import <paths | URLs…>     import files, folders, globs and web pages (http:// or https://);
                             a kg serve/start holding the embedded store imports them itself
      --urls FILE              also import the URLs listed in FILE (one a line, # comments)
      --fetch-parallel N       pages fetched at once (default 4)
      --fetch-timeout MS       time for one page (default 20000); 5xx and timeouts are retried twice
      --report FILE            write a JSON report (per file: status, document id, counts, time, error)
      --max-bytes N            refuse files over N bytes (default KG_MAX_FILE_BYTES or 5 MB)
      --workers N              extraction threads, 0 = main thread (default KG_WORKERS or cores - 1)
  remove <doc id | path>…    remove documents and the facts only they supported
  stats [--json]             counts per label and relationship type
  extract FILE [--json]      print the DocumentGraph of one file (nothing is stored)
  eval FOLDER [--json]       score extraction on a folder of articles with a gold.json
      --no-misses              print the table only

environment: KG_STORE=grafeo|neo4j, KG_DATA_DIR, NEO4J_URI (bolt://localhost:7687),
NEO4J_USER (neo4j), NEO4J_PASSWORD (${DEFAULT_NEO4J_PASSWORD}), NEO4J_DATABASE, PORT (4000),
HOST (127.0.0.1), KG_TRACE=1, KG_DEBUG=1, KG_CORS_ORIGINS, NODE_ENV=production, KG_MAX_FILE_BYTES,
KG_WORKERS, LOG_LEVEL (info), KG_SLOW_MS (1000), KG_ACCESS_LOG=0, KG_METRICS=0`;

async function openStore(config: Config): Promise<GraphStore> {
  const store = new GraphStore(await openRunner(config));
  await store.setup();
  return store;
}

function summary(report: ImportReport): string {
  const t = report.totals;
  return `${t.files} files: ${t.imported} imported, ${t.unchanged} unchanged, ${t.failed} failed, ${t.skipped} skipped`;
}

/** The URLs of a `--urls` file: one a line; blank lines and `#` comments ignored. */
function readUrlList(file: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new KgError(
      'BAD_USER_INPUT',
      `--urls ${file}: cannot read it (${(error as NodeJS.ErrnoException).code})`,
    );
  }
  const urls: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') return;
    if (!/^https?:\/\/\S+$/i.test(line)) {
      throw new KgError(
        'BAD_USER_INPUT',
        `--urls ${file}, line ${i + 1}: expected an http(s) URL; got ${line}`,
      );
    }
    urls.push(line);
  });
  return urls;
}

interface FetchSettings {
  parallel?: number;
  timeoutMs?: number;
}

function writeReport(report: ImportReport, reportFile: string | undefined, by = ''): void {
  if (reportFile) fs.writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
  log(`import: ${summary(report)}${by}${reportFile ? `; report written to ${reportFile}` : ''}`);
}

async function runImport(
  store: GraphStore,
  config: Config,
  paths: string[],
  reportFile?: string,
  fetch: FetchSettings = {},
  metrics?: Metrics,
): Promise<ImportReport> {
  const progress = createProgress();
  const report = await importPaths(paths, store, {
    maxFileBytes: config.maxFileBytes,
    workers: config.workers,
    progress: metrics
      ? { ...progress, fileDone: (r, done) => (metrics.importResult(r), progress.fileDone(r, done)) }
      : progress,
    ...(fetch.parallel !== undefined ? { fetchParallel: fetch.parallel } : {}),
    ...(fetch.timeoutMs !== undefined ? { fetch: { timeoutMs: fetch.timeoutMs } } : {}),
  });
  writeReport(report, reportFile);
  return report;
}

/**
 * What a serving process imports for `kg import` (see importer/handover.ts): the normal
 * importer over the served store, each file counted on /metrics and logged.
 */
function importForClient(store: GraphStore, metrics: Metrics) {
  return async (request: ImportRequest, progress: ProgressSink): Promise<ImportReport> => {
    const report = await importPaths(request.inputs, store, {
      maxFileBytes: request.maxFileBytes,
      workers: request.workers,
      cwd: request.cwd,
      ...(request.fetchParallel !== undefined ? { fetchParallel: request.fetchParallel } : {}),
      ...(request.fetchTimeoutMs !== undefined ? { fetch: { timeoutMs: request.fetchTimeoutMs } } : {}),
      progress: {
        start: (n) => progress.start(n),
        fileDone: (r, done) => {
          metrics.importResult(r);
          logger().info({ import: { file: r.file, status: r.status } }, `import: ${resultLine(r)}`);
          progress.fileDone(r, done);
        },
        stop: () => progress.stop(),
      },
    });
    log(`import for kg import: ${summary(report)}`);
    return report;
  };
}

async function serve(store: GraphStore, config: Config, metrics = createMetrics()): Promise<void> {
  const server = await startServer(store, config, { metrics });
  // The embedded store is this process's alone: `kg import` and `kg remove` hand their work over
  // (see importer/handover.ts).
  const admin =
    store.kind === 'grafeo'
      ? await serveHandover(
          config.dataDir,
          {
            import: importForClient(store, metrics),
            remove: (targets) => removeTargets(store, targets),
          },
          { info: (m) => log(m), error: (m) => logger().error(m) },
        )
      : null;
  log(
    `serving ${store.kind} store at ${server.url} (health: ${server.url.replace(/\/graphql$/, '/healthz')})` +
      (admin ? `; kg import and kg remove hand their work to it (admin endpoint ${admin.url})` : ''),
  );
  const shutdown = async (signal: string) => {
    log(`${signal}: shutting down`);
    await admin?.stop(); // finishes an import in progress first
    await server.stop();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

/**
 * Documents imported from `target`: a document's file is its path under the folder it was
 * imported from (`2021/article.txt`), so the longest tail of the path that names one wins
 * (`in/2021/article.txt` → `2021/article.txt`, else `article.txt`).
 */
async function documentIdsByPath(store: GraphStore, target: string): Promise<string[]> {
  if (isUrl(target)) return store.documentIdsByFile(target); // a page is stored under its URL
  const parts = path
    .normalize(target)
    .split(path.sep)
    .filter((p) => p !== '' && p !== '.');
  for (let i = 0; i < parts.length; i++) {
    const ids = await store.documentIdsByFile(parts.slice(i).join('/'));
    if (ids.length > 0) return ids;
  }
  return [];
}

/** Removes the documents each target names (a document id, an imported file's path, a URL). */
async function removeTargets(store: GraphStore, targets: string[]): Promise<RemoveResult[]> {
  const results: RemoveResult[] = [];
  for (const target of targets) {
    const ids = labelOfId(target) === 'Document' ? [target] : await documentIdsByPath(store, target);
    const removed: string[] = [];
    for (const id of ids) if (await store.removeDocument(id)) removed.push(id);
    results.push({ target, removed });
  }
  return results;
}

/** Logs what `kg remove` did, target by target; the exit code (1 when a target matched nothing). */
function reportRemoved(results: RemoveResult[], by = ''): number {
  let failed = 0;
  for (const { target, removed } of results) {
    if (removed.length === 0) {
      failed += 1;
      log(
        `remove: no stored document matches ${target} (give a document id like doc_… or an imported file name)`,
      );
    } else {
      log(`remove: ${target}: removed ${removed.join(', ')}${by}`);
    }
  }
  return failed > 0 ? 1 : 0;
}

function intOption(name: string, raw: string | undefined, min = 1): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) {
    const what = min === 0 ? 'an integer ≥ 0' : 'a positive integer';
    throw new KgError('BAD_USER_INPUT', `--${name} must be ${what}; got ${raw}`);
  }
  return n;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      report: { type: 'string' },
      'max-bytes': { type: 'string' },
      workers: { type: 'string' },
      urls: { type: 'string' },
      'fetch-parallel': { type: 'string' },
      'fetch-timeout': { type: 'string' },
      json: { type: 'boolean' },
      'no-misses': { type: 'boolean' },
    },
  });
  const base = loadConfig();
  setLogger(createLogger({ level: base.logLevel }));
  const config: Config = {
    ...base,
    maxFileBytes: intOption('max-bytes', values['max-bytes']) ?? base.maxFileBytes,
    workers: intOption('workers', values.workers, 0) ?? base.workers,
  };

  switch (command) {
    case 'start': {
      const store = await openStore(config);
      // One registry for the import and the server after it: /metrics shows what was imported.
      const metrics = createMetrics();
      if (fs.existsSync(config.importDir)) {
        await runImport(store, config, [config.importDir], undefined, {}, metrics);
      } else {
        log(`import: ${config.importDir} does not exist; serving what is stored`);
      }
      await serve(store, config, metrics);
      return -1;
    }
    case 'serve': {
      await serve(await openStore(config), config);
      return -1;
    }
    case 'import': {
      const inputs = [...positionals, ...(values.urls !== undefined ? readUrlList(values.urls) : [])];
      if (inputs.length === 0)
        throw new KgError('BAD_USER_INPUT', 'kg import needs at least one file, folder, glob or URL');
      const fetch = {
        parallel: intOption('fetch-parallel', values['fetch-parallel']),
        timeoutMs: intOption('fetch-timeout', values['fetch-timeout']),
      };
      if (config.store === 'grafeo') {
        // A running server holds the embedded store: it imports for us.
        const handed = await importThroughServer(
          config.dataDir,
          {
            inputs,
            cwd: process.cwd(),
            maxFileBytes: config.maxFileBytes,
            workers: config.workers,
            ...(fetch.parallel !== undefined ? { fetchParallel: fetch.parallel } : {}),
            ...(fetch.timeoutMs !== undefined ? { fetchTimeoutMs: fetch.timeoutMs } : {}),
          },
          createProgress(),
        );
        if (handed) {
          writeReport(
            handed.report,
            values.report,
            ` (imported by the running server, pid ${handed.server.pid})`,
          );
          return handed.report.totals.failed > 0 ? 1 : 0;
        }
      }
      const store = await openStore(config);
      try {
        const report = await runImport(store, config, inputs, values.report, fetch);
        return report.totals.failed > 0 ? 1 : 0;
      } finally {
        await store.close();
      }
    }
    case 'remove': {
      if (positionals.length === 0)
        throw new KgError('BAD_USER_INPUT', 'kg remove needs a document id or a file path');
      if (config.store === 'grafeo') {
        const handed = await removeThroughServer(config.dataDir, positionals);
        if (handed)
          return reportRemoved(handed.results, ` (by the running server, pid ${handed.server.pid})`);
      }
      const store = await openStore(config);
      try {
        return reportRemoved(await removeTargets(store, positionals));
      } finally {
        await store.close();
      }
    }
    case 'stats': {
      const store = await openStore(config);
      try {
        const s = await store.detailedStats();
        if (values.json) {
          process.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
        } else {
          process.stdout.write(`store: ${store.kind}\nnodes:\n`);
          for (const [k, v] of Object.entries(s.labels)) process.stdout.write(`  ${k.padEnd(16)} ${v}\n`);
          process.stdout.write('relationships:\n');
          for (const [k, v] of Object.entries(s.relationships).sort())
            process.stdout.write(`  ${k.padEnd(16)} ${v}\n`);
          process.stdout.write('documents per format:\n');
          for (const [k, v] of Object.entries(s.formats)) process.stdout.write(`  ${k.padEnd(16)} ${v}\n`);
        }
      } finally {
        await store.close();
      }
      return 0;
    }
    case 'extract': {
      const file = positionals[0];
      if (!file) throw new KgError('BAD_USER_INPUT', 'kg extract needs a file');
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file);
      } catch (error) {
        throw new KgError(
          'BAD_USER_INPUT',
          `${file}: cannot read it (${(error as NodeJS.ErrnoException).code})`,
        );
      }
      // The importer's path (format, text, extraction, the file's own metadata), nothing stored.
      const extracted = await extractFile({ file: path.basename(file), bytes });
      if (!extracted.ok) throw new KgError('BAD_USER_INPUT', extracted.message);
      const graph = extracted.graph;
      if (values.json) {
        process.stdout.write(`${JSON.stringify(graph, null, 2)}\n`);
      } else {
        const d = graph.document;
        const out = [
          `format:      ${extracted.format}`,
          `title:       ${d.title}`,
          `publishedAt: ${d.publishedAt ?? '-'}   source: ${d.source ?? '-'}   authors: ${d.authors.join('、') || '-'}`,
          `places:      ${graph.places.map((p) => `${p.name}(${p.level})`).join(' ')}`,
          `orgs:        ${graph.organizations.map((o) => o.name).join(' ')}`,
          `programs:    ${graph.programs.map((p) => `${p.name}[${p.kind}]`).join(' ')}`,
          `people:      ${graph.people.map((p) => p.name).join(' ')}`,
          `metrics:     ${graph.metrics.map((m) => `${m.text}=${m.value}${m.unit}${m.subject ? `(${m.subject})` : ''}`).join(' ')}`,
          `relations:   ${graph.relations.length}`,
        ];
        process.stdout.write(`${out.join('\n')}\n`);
      }
      return 0;
    }
    case 'eval': {
      const folder = positionals[0];
      if (!folder) throw new KgError('BAD_USER_INPUT', 'kg eval needs a folder that holds a gold.json');
      const { scores: _scores, ...summary } = evalFolder(folder);
      if (values.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      else process.stdout.write(`${formatSummary(summary, values['no-misses'] !== true)}\n`);
      return 0;
    }
    default:
      throw new KgError('BAD_USER_INPUT', `unknown command "${command}"; run kg help`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    const message = error instanceof KgError ? error.message : messageOf(error);
    process.stderr.write(`kg: error: ${message}\n`);
    if (process.env.KG_DEBUG === '1' && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exit(error instanceof KgError && error.code === 'BAD_USER_INPUT' ? 2 : 1);
  },
);
