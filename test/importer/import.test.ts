/**
 * The importer on real folders: bad files beside good ones, re-imports, changed and removed
 * articles, on every engine. Every test has its own input folder and an empty store (its own
 * data directory on Grafeo).
 */
import fs from 'node:fs';
import path from 'node:path';
import { entityId } from '../../src/graph/ids';
import { GraphStore } from '../../src/graph/store';
import { importPaths } from '../../src/importer/importer';
import { extractFile } from '../../src/importer/pipeline';
import type { FileResult } from '../../src/importer/types';
import { describeEngines, tempDir, type StoreLocation } from '../helpers/engines';
import { ROOT, runCli } from '../helpers/cli';

const CORPUS = path.join(ROOT, 'import');
const ARTICLES = fs
  .readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const opts = { maxFileBytes: 5 * 1024 * 1024, workers: 2 };

describeEngines('importer', (engine) => {
  let dir: string;
  /** The store the tests and their `kg` processes share. */
  let at: StoreLocation;
  let store: GraphStore;
  beforeEach(async () => {
    dir = tempDir('kg-imp-');
    at = engine.at(path.join(dir, 'data'));
    await at.empty();
    store = new GraphStore(await at.open());
    await store.setup();
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function inputDir(files: Record<string, Buffer | string>): string {
    const input = path.join(dir, 'input');
    fs.mkdirSync(input, { recursive: true });
    for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(input, name), content);
    return input;
  }

  const article = (name: string) => fs.readFileSync(path.join(CORPUS, name));
  const byName = (results: FileResult[]) =>
    Object.fromEntries(results.map((r) => [path.basename(r.file), r]));

  test('bad files are reported one by one and the graph holds exactly the good documents', async () => {
    const binary = Buffer.alloc(4096);
    for (let i = 0; i < binary.length; i++) binary[i] = (i * 7919) % 256;
    const input = inputDir({
      'good1.txt': article(ARTICLES[0] as string),
      'good2.txt': article(ARTICLES[1] as string),
      'empty.txt': '',
      'blank.txt': '  \n\n ',
      'binary.txt': binary,
      'binary.bin': binary,
      'data.json': '{"标题": "不是文章"}',
      'english.txt': 'Grassroots party building in Langfang: a report. Nothing in Chinese here at all.',
      'big.txt': '党建'.repeat(40000),
    });
    const report = await importPaths([input, path.join(dir, 'nope.txt')], store, {
      ...opts,
      maxFileBytes: 200 * 1024,
    });
    const r = byName(report.files);
    expect(report.totals).toEqual({ files: 10, imported: 2, unchanged: 0, failed: 6, skipped: 2 });
    expect(r['good1.txt']?.status).toBe('imported');
    expect(r['good2.txt']?.status).toBe('imported');
    const failed = (name: string) => r[name] as Extract<FileResult, { status: 'failed' }>;
    expect(failed('empty.txt')).toMatchObject({ status: 'failed', code: 'EMPTY_DOCUMENT' });
    expect(failed('blank.txt')).toMatchObject({ status: 'failed', code: 'EMPTY_DOCUMENT' });
    expect(failed('binary.txt')).toMatchObject({ status: 'failed', code: 'BINARY_FILE' });
    // Found in a folder, not an article format: skipped with the reason, never a document.
    expect(r['binary.bin']).toMatchObject({
      status: 'skipped',
      reason: expect.stringContaining('.bin is not an article format'),
    });
    expect(r['data.json']).toMatchObject({
      status: 'skipped',
      reason: expect.stringContaining('.json is data'),
    });
    expect(failed('english.txt')).toMatchObject({ status: 'failed', code: 'NO_CHINESE_TEXT' });
    expect(failed('big.txt')).toMatchObject({ status: 'failed', code: 'TOO_LARGE' });
    expect(failed('big.txt').error).toContain('over the 200 KB limit');
    expect(failed('nope.txt')).toMatchObject({ status: 'failed', code: 'NOT_FOUND' });
    for (const name of ['empty.txt', 'binary.txt', 'english.txt', 'big.txt'])
      expect(failed(name).error).toContain(name);
    const docs = await store.page('documents', {}, 100);
    expect(docs.items.map((d) => d.file).sort()).toEqual(['good1.txt', 'good2.txt']);
  });

  test('the CLI exits non-zero after a bad file and writes a JSON report', async () => {
    const input = inputDir({ 'good.txt': article(ARTICLES[2] as string), 'empty.txt': '' });
    const reportFile = path.join(dir, 'report.json');
    // The CLI imports into the store this test opened (empty so far); Grafeo lets one process
    // at a time hold it.
    await store.close();
    const r = await runCli(['import', input, '--report', reportFile], at.env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('2 files: 1 imported, 0 unchanged, 1 failed, 0 skipped');
    expect(r.stderr).toMatch(/failed\s+.*empty\.txt/);
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
    const good = report.files.find((f: FileResult) => f.file.endsWith('good.txt'));
    expect(good).toMatchObject({ status: 'imported', docId: expect.stringMatching(/^doc_/) });
    expect(good.counts.programs).toBeGreaterThan(0);
    expect(typeof good.ms).toBe('number');
    expect(report.files.find((f: FileResult) => f.file.endsWith('empty.txt'))).toMatchObject({
      status: 'failed',
      code: 'EMPTY_DOCUMENT',
    });

    // kg stats: counts per label and relationship type, as text and as JSON.
    const json = await runCli(['stats', '--json'], at.env);
    const stats = JSON.parse(json.stdout);
    expect(stats.labels).toMatchObject({
      Document: 1,
      Program: good.counts.programs,
      Place: good.counts.places,
    });
    expect(stats.relationships.MENTIONS).toBeGreaterThan(0);
    const text = await runCli(['stats'], at.env);
    expect(text.stdout).toMatch(new RegExp(`^store: ${engine.name}\nnodes:\n {2}Document +1\n`));
    expect(text.stdout).toMatch(/relationships:\n(.|\n)* {2}MENTIONS +\d+/);
  });

  test('re-importing the same content changes nothing', async () => {
    await importPaths([CORPUS], store, opts);
    const before = await store.detailedStats();
    const again = await importPaths([CORPUS], store, opts);
    expect(again.totals).toMatchObject({ imported: 0, unchanged: 5, failed: 0 });
    expect(await store.detailedStats()).toEqual(before);
  });

  /** Entity ids an article yields, by label (metrics are per document, so left out). */
  async function idsOf(file: string, bytes: Buffer): Promise<Set<string>> {
    const out = await extractFile({ file, bytes });
    if (!out.ok) throw new Error(out.message);
    const g = out.graph;
    return new Set([
      ...g.places.map((e) => entityId('Place', e.key, '')),
      ...g.programs.map((e) => entityId('Program', e.key, '')),
      ...g.organizations.map((e) => entityId('Organization', e.key, '')),
      ...g.people.map((e) => entityId('Person', e.key, '')),
    ]);
  }

  async function storedIds(): Promise<Set<string>> {
    const rows = await store.runner.read(
      'MATCH (n) WHERE n:Place OR n:Organization OR n:Program OR n:Person RETURN n.id AS id',
    );
    return new Set(rows.map((r) => r.id as string));
  }

  test('a changed article replaces only its own facts; removing it drops what only it supported', async () => {
    const [a, b] = [ARTICLES[0] as string, ARTICLES[4] as string]; // two 廊坊 articles: they share entities
    const input = inputDir({ [a]: article(a), [b]: article(b) });
    await importPaths([input], store, opts);
    const idsA = await idsOf(a, article(a));
    const idsB = await idsOf(b, article(b));
    const shared = [...idsA].filter((id) => idsB.has(id));
    const onlyA = [...idsA].filter((id) => !idsB.has(id));
    expect(shared.length).toBeGreaterThan(0);
    expect(onlyA.length).toBeGreaterThan(0);

    // Change article a: drop its second half. Its old facts go, b's stay.
    const text = article(a).toString('utf8');
    const changed = text.slice(0, Math.floor(text.length / 2));
    fs.writeFileSync(path.join(input, a), changed);
    const report = await importPaths([path.join(input, a)], store, opts);
    expect(report.files[0]).toMatchObject({ status: 'imported', replaced: [expect.stringMatching(/^doc_/)] });
    const idsA2 = await idsOf(a, Buffer.from(changed));
    const expected = new Set([...idsA2, ...idsB]);
    expect(await storedIds()).toEqual(expected);
    expect((await store.stats()).documents).toBe(2);

    // Remove a through the CLI by path: only b's entities remain.
    await store.close();
    const r = await runCli(['remove', path.join(input, a)], at.env);
    expect(r.code).toBe(0);
    store = new GraphStore(await at.open());
    expect(await storedIds()).toEqual(idsB);
    expect((await store.stats()).documents).toBe(1);
    await store.close();
    const missing = await runCli(['remove', 'doc_00000000000000000000'], at.env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no stored document matches doc_00000000000000000000');
  });
});
