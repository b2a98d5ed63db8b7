/**
 * `npm run bench`: corpus → import scaling → import profile → API latency → batching ratios
 * → GraphQL cost, then bench/RESULTS.md. Options come from BENCH_* variables
 * (bench/config.ts); everything generated lands in bench/out/. Expects `npm run build` to
 * have run (the CLI and the importer's worker are the compiled ones). A phase that fails is
 * reported in RESULTS.md and the others still run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { measureLatency } from './apiLatency';
import { memoryGuard, ROOT, runBenchScript } from './child';
import { benchEnv, DEFAULTS, loadBenchConfig } from './config';
import { writeCorpus } from './corpus';
import { measureExtractTime } from './extractTime';
import { measureGraphqlCost } from './graphqlCost';
import { appendOpsCost, measureOpsCost } from './opsCost';
import { loadConfig } from '../src/config';
import { openRunner } from '../src/graph/open';
import { grafeoTarget, importCorpus, neo4jTarget, projectImportMs } from './importScaling';
import { machine, sampleLoad, versions } from './machine';
import { boltPort, cpuMsOf, emptyDatabase, neo4jVersion, pidListeningOn } from './neo4jAdmin';
import { measurePeer } from './peer';
import { grafeoProfileTarget, profileImport, type ProfileTarget } from './profileImport';
import type { RatioResult, RatiosChildArgs } from './ratios';
import { rawFileOf, writeResults, type BenchResults } from './report';

const t0 = Date.now();
const say = (msg: string) =>
  process.stderr.write(`[bench ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${msg}\n`);

async function main(): Promise<void> {
  const config = loadBenchConfig();
  if (process.argv.includes('--render')) {
    // Re-renders RESULTS.md from the raw results of the last run of each engine (no measuring).
    writeResults(config.outDir, config.resultsFile);
    appendOpsCost(config.resultsFile, config.outDir);
    say(`re-rendered ${path.relative(ROOT, config.resultsFile)}`);
    return;
  }
  const { outDir, resultsFile, ...shown } = config;
  fs.mkdirSync(outDir, { recursive: true });
  const neo4j = config.store === 'neo4j';
  const rawFile = rawFileOf(outDir, config.store);
  const dataDir = (size: number) => path.join(outDir, `data-${size}`);
  const corpusDir = (size: number) => path.join(outDir, `corpus-${size}`);
  // Neo4j community has one user database: every size is imported into it, emptied first, so
  // it holds the last size imported, which the API figures then use.
  const storeEnv = (size: number): Record<string, string> =>
    neo4j ? { KG_STORE: 'neo4j', NEO4J_URI: config.neo4jUri } : { KG_DATA_DIR: dataDir(size) };
  const neo4jPid = neo4j ? pidListeningOn(boltPort(config.neo4jUri)) : null;
  const profileTarget: ProfileTarget = neo4j
    ? {
        open: async () => {
          await emptyDatabase(config.neo4jUri);
          return openRunner(loadConfig({ ...process.env, ...storeEnv(0) }));
        },
        serverCpuMs: () => cpuMsOf(neo4jPid),
      }
    : grafeoProfileTarget(path.join(outDir, 'profile'));

  // Read before the first phase saves this run's results over the file.
  const previous = config.reuseImport ? (JSON.parse(fs.readFileSync(rawFile, 'utf8')) as BenchResults) : null;
  const results: BenchResults = {
    startedAt: new Date(t0).toISOString(),
    finishedAt: '',
    totalMs: 0,
    command: [...benchEnv(), 'npm run bench'].join(' '),
    config: shown,
    machine: machine(),
    versions: versions(),
    corpora: [],
    imports: [],
    profile: null,
    apiSize: null,
    latency: null,
    ratios: null,
    graphqlCost: [],
    errors: [],
    extractTime: [],
    load: null,
    skippedImports: [],
    store: config.store,
    neo4jVersion: neo4j ? await neo4jVersion(config.neo4jUri) : null,
    peer: null,
  };
  if (neo4j && results.neo4jVersion === null) {
    throw new Error(
      `BENCH_STORE=neo4j: no Neo4j answers at ${config.neo4jUri} (start one with npm run neo4j, set NEO4J_URI)`,
    );
  }
  const load = sampleLoad();
  const save = () => fs.writeFileSync(rawFile, `${JSON.stringify(results, null, 2)}\n`);
  const phase = async (name: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      results.errors.push({ phase: name, message });
      say(`${name} FAILED: ${message}`);
    }
    save();
  };
  say(
    `sizes ${config.sizes.join(', ')}; ${results.machine.cpuModel} × ${results.machine.cores}; ` +
      `out: ${path.relative(ROOT, outDir)}`,
  );

  await phase('extraction time', async () => {
    const smallest = Math.min(...config.sizes);
    const generated = corpusDir(smallest);
    if (!fs.existsSync(generated)) writeCorpus(path.join(ROOT, 'import'), generated, smallest, config.seed);
    results.extractTime = measureExtractTime(ROOT, generated);
    for (const t of results.extractTime)
      say(
        `extraction ${t.set}: median ${t.medianMs.toFixed(1)} ms, p95 ${t.p95Ms.toFixed(1)} ms per article`,
      );
  });

  const profile = async () => {
    await phase('import profile', async () => {
      // The first N articles again, in-process, every statement timed: where the time goes.
      const n = Math.min(DEFAULTS.profileSize, Math.max(...config.sizes));
      const dir = corpusDir(n);
      if (!fs.existsSync(dir)) writeCorpus(path.join(ROOT, 'import'), dir, n, config.seed);
      // As many extraction workers as the CLI's imports use (its default: cores - 1).
      const workers = config.workers ?? loadConfig(process.env).workers;
      say(`import profile (${n} articles, in-process, ${workers} workers) …`);
      const p = await profileImport(dir, profileTarget, workers);
      results.profile = { size: n, ...p };
      say(
        `import profile: ${(p.wallMs / 1000).toFixed(1)} s, statements in flight ${((p.storeBusyMs ?? p.storeMs) / 1000).toFixed(1)} s`,
      );
    });
  };
  // On Neo4j the profile imports into the one database too: it runs first, so the database
  // ends with the largest corpus.
  if (config.profile && neo4j && !config.reuseImport) await profile();

  if (previous) {
    results.corpora = previous.corpora.filter((c) => config.sizes.includes(c.count));
    results.imports = previous.imports.filter((i) => config.sizes.includes(i.size));
    results.skippedImports = (previous.skippedImports ?? []).filter((i) => config.sizes.includes(i.size));
    results.profile = previous.profile;
    results.warmup = previous.warmup ?? null;
    say(`reusing the corpora, stores and import figures of ${previous.startedAt}`);
  } else {
    for (const size of config.sizes) {
      const c = writeCorpus(path.join(ROOT, 'import'), corpusDir(size), size, config.seed);
      results.corpora.push(c);
      say(
        `corpus ${size}: ${(c.bytes / 1048576).toFixed(1)} MB, ${c.distinctPrograms} program names${c.reused ? ' (reused)' : ''}`,
      );
    }
    // A freshly started Neo4j plans its statements and compiles its code during its first
    // import (the first thousand documents at half the rate of the next); a long-running server
    // has done that. So the first size is preceded by an import that is thrown away, on both
    // engines alike (the embedded one into a scratch folder).
    if (config.warmup > 0) {
      await phase('warm-up import', async () => {
        const dir = corpusDir(config.warmup);
        writeCorpus(path.join(ROOT, 'import'), dir, config.warmup, config.seed);
        const scratch = path.join(outDir, 'data-warmup');
        say(`warm-up: importing ${config.warmup} articles, then throwing them away …`);
        const run = await importCorpus(
          config.warmup,
          dir,
          neo4j ? neo4jTarget(config.neo4jUri) : grafeoTarget(scratch),
          outDir,
          { workers: config.workers, timeoutMs: config.importTimeoutMin * 60_000 },
          say,
        );
        // On Neo4j the first size's reset empties the database again (importCorpus).
        results.warmup = run;
        fs.rmSync(scratch, { recursive: true, force: true });
        if (!config.sizes.includes(config.warmup)) fs.rmSync(dir, { recursive: true, force: true });
        say(`warm-up: ${run.imported} imported in ${(run.importMs / 1000).toFixed(1)} s`);
      });
    }
    for (const size of config.sizes) {
      // A size the last finished run projects far over the time limit is not started: as the
      // code is, the import is quadratic and 10,000 articles would take many hours.
      const previous = results.imports.filter((i) => i.completed).at(-1);
      const projected = previous ? projectImportMs(previous, size) : null;
      if (projected !== null && projected > config.importTimeoutMin * 60_000 * 1.5) {
        const reason = `not run: the ${previous?.size}-article import's slowdown projects ≈ ${(projected / 60000).toFixed(0)} min, over the ${config.importTimeoutMin} min limit (BENCH_IMPORT_TIMEOUT)`;
        results.skippedImports.push({ size, reason, projectedMs: projected });
        say(`import ${size}: ${reason}`);
        continue;
      }
      await phase(`import ${size}`, async () => {
        say(`import ${size} …`);
        const run = await importCorpus(
          size,
          corpusDir(size),
          neo4j ? neo4jTarget(config.neo4jUri) : grafeoTarget(dataDir(size)),
          outDir,
          {
            workers: config.workers,
            timeoutMs: config.importTimeoutMin * 60_000,
          },
          say,
        );
        results.imports.push(run);
        say(
          `import ${size}: ${run.imported} imported, ${run.failed} failed in ${(run.importMs / 1000).toFixed(1)} s ` +
            `(${((run.imported * 1000) / Math.max(1, run.importMs)).toFixed(1)} docs/s), ` +
            `peak RSS ${Math.round((run.rusage?.maxRssBytes ?? 0) / 1048576)} MiB${run.completed ? '' : ' — STOPPED at the time limit'}`,
        );
      });
    }
    if (config.profile && !neo4j) await profile();
  }
  // The API figures use the largest store whose import finished (else the largest there is).
  const stored = neo4j
    ? results.imports.slice(-1) // the database holds the last import
    : results.imports.filter((i) => fs.existsSync(dataDir(i.size)));
  const api = [...stored].sort((a, b) => Number(b.completed) - Number(a.completed) || b.size - a.size)[0];
  if (!api) {
    results.errors.push({ phase: 'api', message: 'no imported store to serve' });
  } else {
    results.apiSize = api.size;
    await phase('API latency', async () => {
      say(`API latency on the ${api.size}-article graph …`);
      results.latency = await measureLatency(
        storeEnv(api.size),
        outDir,
        {
          connections: config.connections,
          durationS: config.durationS,
          requestTimeoutS: config.requestTimeoutS,
          memoryLimitBytes: config.memoryLimitMb * 1024 * 1024,
        },
        say,
      );
    });
    await phase('batching ratios', async () => {
      say('batching ratios (in a child process) …');
      const failedB = results.latency?.probes.find((p) => p.query === 'b')?.error ?? null;
      results.ratios = await ratiosInChild(storeEnv(api.size), failedB, config, outDir);
    });
    // The embedded store only: the phase copies the served data folder.
    if (!neo4j)
      await phase('ops cost', async () => {
        say('what the access log and the metrics cost on query (b) …');
        fs.rmSync(path.join(outDir, 'ops-cost.json'), { force: true });
        const cost = await measureOpsCost(dataDir(api.size), api.size, outDir, undefined, say);
        fs.writeFileSync(path.join(outDir, 'ops-cost.json'), `${JSON.stringify(cost, null, 2)}\n`);
      });
    if (neo4j && config.peer) {
      await phase('peer', async () => {
        say(`ours and @neo4j/graphql on the same ${api.size}-article Neo4j database …`);
        results.peer = await measurePeer(
          config.neo4jUri,
          outDir,
          {
            connections: config.connections,
            durationS: config.durationS,
            requestTimeoutS: config.requestTimeoutS,
            memoryLimitBytes: config.memoryLimitMb * 1024 * 1024,
          },
          say,
        );
      });
    }
    await phase('GraphQL cost', async () => {
      say('GraphQL cost …');
      const canned: Record<string, unknown> = { ...(results.ratios?.canned ?? {}) };
      for (const p of results.latency?.probes ?? [])
        if (!(p.query in canned) && p.error === null) canned[p.query] = p.data;
      results.graphqlCost = measureGraphqlCost(canned);
    });
  }

  results.finishedAt = new Date().toISOString();
  results.totalMs = Date.now() - t0;
  results.load = load.stop();
  save();
  writeResults(outDir, resultsFile);
  appendOpsCost(resultsFile, outDir);
  say(`wrote ${path.relative(ROOT, resultsFile)} and ${path.relative(ROOT, rawFile)}`);
}

/**
 * The batching comparison runs in-process with the store, so it runs in a child of its own,
 * killed when it passes the memory limit or runs far over its budget.
 */
async function ratiosInChild(
  storeEnv: Record<string, string>,
  knownFailure: string | null,
  config: ReturnType<typeof loadBenchConfig>,
  outDir: string,
): Promise<RatioResult> {
  const out = path.join(outDir, `ratios-${storeEnv.KG_STORE ?? 'grafeo'}.json`);
  fs.rmSync(out, { force: true });
  const args: RatiosChildArgs = {
    storeEnv,
    maxRounds: config.rounds,
    budgetS: config.ratioBudgetS,
    knownFailure,
    out,
  };
  const run = runBenchScript(
    path.join(ROOT, 'bench', 'ratios.ts'),
    { BENCH_RATIOS_ARGS: JSON.stringify(args) },
    (line) => say(line),
  );
  const limit = config.memoryLimitMb * 1024 * 1024;
  const guard = memoryGuard(run.child, limit);
  const hardCapMs = (config.ratioBudgetS * 4 + 600) * 1000;
  const timer = setTimeout(() => run.child.kill('SIGKILL'), hardCapMs);
  const exit = await run.done.finally(() => {
    guard.stop();
    clearTimeout(timer);
  });
  const tripped = guard.tripped();
  if (tripped !== null) {
    throw new Error(
      `the comparison passed the ${config.memoryLimitMb} MiB memory limit (${Math.round(tripped / 1048576)} MiB) and was killed`,
    );
  }
  if (exit.code !== 0 || !fs.existsSync(out)) {
    throw new Error(
      `the comparison child ended with ${exit.signal ?? `code ${exit.code}`}${exit.signal === 'SIGKILL' ? ` (over ${Math.round(hardCapMs / 60000)} min)` : ''}`,
    );
  }
  return JSON.parse(fs.readFileSync(out, 'utf8')) as RatioResult;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
