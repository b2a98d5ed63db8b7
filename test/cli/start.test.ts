/**
 * The README's quick start, as a user runs it: `kg start` imports ./import and serves;
 * a second start imports nothing new; bad configuration fails fast with one clear line. What
 * touches a store runs on every engine.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describeEngines, tempDir, type Engine } from '../helpers/engines';
import { ROOT, runCli, startCli, stopCli } from '../helpers/cli';

const SERVING = /serving (?:grafeo|neo4j) store at (http:\/\/\S+\/graphql)/;

async function stats(url: string): Promise<number> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ stats { documents } }' }),
  });
  return ((await res.json()) as { data: { stats: { documents: number } } }).data.stats.documents;
}

describeEngines('kg start', (engine) => {
  const dataDir = tempDir('kg-start-');
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test('imports the bundled corpus, serves it, and a second start imports nothing new', async () => {
    const at = engine.at(dataDir);
    await at.empty();
    const env = { ...at.env, PORT: '0', HOST: '127.0.0.1' };
    const first = await startCli(['start'], env, SERVING);
    try {
      expect(first.stderr()).toContain('5 files: 5 imported, 0 unchanged, 0 failed');
      expect(await stats(first.match[1] as string)).toBe(5);
      const health = await fetch((first.match[1] as string).replace('/graphql', '/healthz'));
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', store: engine.name, documents: 5 });
      const landing = await fetch(first.match[1] as string, { headers: { accept: 'text/html' } });
      expect(await landing.text()).toContain('/web/workbench/workbench.js');
      // The import before serving is counted on the server's /metrics.
      const metrics = await (await fetch((first.match[1] as string).replace('/graphql', '/metrics'))).text();
      expect(metrics).toMatch(/^kg_import_documents_total\{status="imported"\} 5$/m);
      expect(metrics).toMatch(/^kg_import_document_duration_seconds_count\{status="imported"\} 5$/m);
      // stderr is not a terminal here: the log is JSON lines, the import progress lines too.
      const logLines = first
        .stderr()
        .split('\n')
        .filter((l) => l.startsWith('{'));
      expect(logLines.map((l) => JSON.parse(l).msg)).toContain(
        'import: 5 files: 5 imported, 0 unchanged, 0 failed, 0 skipped',
      );
    } finally {
      await stopCli(first.child);
    }
    const second = await startCli(['start'], env, SERVING);
    try {
      expect(second.stderr()).toContain('5 files: 0 imported, 5 unchanged, 0 failed');
      const metrics = await (await fetch((second.match[1] as string).replace('/graphql', '/metrics'))).text();
      expect(metrics).toMatch(/^kg_import_documents_total\{status="unchanged"\} 5$/m);
      expect(await stats(second.match[1] as string)).toBe(5);
    } finally {
      await stopCli(second.child);
    }
  });
});

describe('fail fast on bad configuration', () => {
  test.each([
    [{ KG_STORE: 'mongo' }, 'KG_STORE must be grafeo or neo4j; got "mongo"'],
    [{ PORT: 'eighty' }, 'PORT must be an integer from 0 to 65535; got "eighty"'],
    [{ KG_TRACE: 'yes' }, 'KG_TRACE must be 1, true, 0 or false; got "yes"'],
    [{ NEO4J_URI: 'http://localhost:7474' }, 'NEO4J_URI must be a bolt:// or neo4j:// URI'],
    [{ KG_WORKERS: '-1' }, 'KG_WORKERS must be an integer from 0 to 64; got "-1"'],
  ])('%j stops with one line naming the variable', async (env, message) => {
    const r = await runCli(['serve'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('an unwritable data directory stops the server with the reason', async () => {
    const dir = tempDir('kg-ro-');
    const file = path.join(dir, 'not-a-dir');
    fs.writeFileSync(file, 'x');
    try {
      const r = await runCli(['serve'], { KG_DATA_DIR: path.join(file, 'data') });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /^kg: error: KG_DATA_DIR .*not-a-dir\/data is not a writable directory \(ENOTDIR\)/,
      );
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a data directory held by another kg process is refused with what to do', async () => {
    const dataDir = tempDir('kg-lock-');
    const first = await startCli(['serve'], { KG_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' }, SERVING);
    try {
      const r = await runCli(['stats'], { KG_DATA_DIR: dataDir });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('another kg process (serve/start/import) holds it');
    } finally {
      await stopCli(first.child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('KG_STORE=neo4j at a closed port fails fast naming the URI', async () => {
    const r = await runCli(['serve'], { KG_STORE: 'neo4j', NEO4J_URI: 'bolt://127.0.0.1:1' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^kg: error: cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1 \(.+\); start Neo4j/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.ms).toBeLessThan(30000);
  });
});

/** What the refusal of an old store tells to do, per engine. */
const REBUILD: Record<Engine['name'], string> = {
  grafeo: 'delete the data directory (KG_DATA_DIR, default ./data) and import again (npm start does)',
  neo4j: 'empty the Neo4j database (MATCH (n) DETACH DELETE n) and import again',
};

describeEngines('kg on a store', (engine) => {
  test('a store in an older format is refused with how to rebuild it', async () => {
    const dataDir = tempDir('kg-old-');
    const at = engine.at(dataDir);
    try {
      await at.empty();
      expect(
        (await runCli(['import', path.join(ROOT, 'import', '000_cd5570a6f70beb67.txt')], at.env)).code,
      ).toBe(0);
      // What a store written before the format mark looks like to this version.
      const runner = await at.open();
      await runner.write('MATCH (f:StoreFormat) DELETE f');
      await runner.close();
      const r = await runCli(['serve'], { ...at.env, PORT: '0' });
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe(
        `kg: error: the store was written by an earlier version (no format mark); this version reads format 4 only. To rebuild it, ${REBUILD[engine.name]}`,
      );
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('0 extracts on the main thread and imports as the workers do', async () => {
    const dataDir = tempDir('kg-w0-');
    const at = engine.at(dataDir);
    try {
      await at.empty();
      const r = await runCli(['import', 'import/000_cd5570a6f70beb67.txt', '--workers', '0'], at.env);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('1 files: 1 imported, 0 unchanged, 0 failed');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('kg import --workers', () => {
  test('a negative count is refused with what is expected', async () => {
    const r = await runCli(['import', 'import', '--workers=-1'], {});
    expect(r.code).toBe(2); // a usage error
    expect(r.stderr).toContain('--workers must be an integer ≥ 0; got -1');
  });
});
