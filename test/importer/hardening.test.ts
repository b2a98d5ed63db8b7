/**
 * Importer defects found by a bad-input run, each reproduced on real folders and a real
 * Grafeo store: duplicated content, same-named files in different folders, symlink loops,
 * and the messages for an empty folder, a named pipe and a UTF-8 file with a few bad bytes.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openGrafeo } from '../../src/graph/drivers/grafeo';
import { GraphStore } from '../../src/graph/store';
import { importPaths } from '../../src/importer/importer';
import type { FileResult } from '../../src/importer/types';
import { dingzhouGraph, langfangGraph } from '../fixtures/graphs';
import { tempDir } from '../helpers/engines';
import { ROOT, runCli } from '../helpers/cli';

const CORPUS = path.join(ROOT, 'import');
const ARTICLES = fs
  .readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const article = (i: number) => fs.readFileSync(path.join(CORPUS, ARTICLES[i] as string));
const opts = { maxFileBytes: 5 * 1024 * 1024, workers: 2 };

let dir: string;
let store: GraphStore;
beforeEach(async () => {
  dir = tempDir('kg-hard-');
  store = new GraphStore(openGrafeo(path.join(dir, 'data')));
  await store.setup();
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes files (paths relative to dir/in) and returns dir/in. */
function input(files: Record<string, Buffer | string>): string {
  const root = path.join(dir, 'in');
  fs.mkdirSync(root, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), content);
  }
  return root;
}

const failure = (r: FileResult | undefined) => r as Extract<FileResult, { status: 'failed' }>;

test('the same content under several names, imported by several lanes at once, is written once', async () => {
  const same = article(0);
  const root = input({ 'a.txt': same, 'b.txt': same, 'c.txt': same, 'd.txt': same });
  const single = await importPaths([path.join(root, 'a.txt')], store, opts);
  const expected = await store.stats();
  const first = single.files[0];
  if (first?.status !== 'imported') throw new Error(`a.txt was not imported: ${JSON.stringify(first)}`);
  await store.removeDocument(first.docId);
  const report = await importPaths([root], store, opts);
  expect(report.totals).toMatchObject({ files: 4, imported: 1, unchanged: 3, failed: 0 });
  expect(await store.stats()).toEqual(expected);
});

test('two articles with the same file name in different folders are both kept', async () => {
  const root = input({ '2021/article.txt': article(0), '2022/article.txt': article(1) });
  const report = await importPaths([root], store, opts);
  expect(report.totals).toMatchObject({ imported: 2, failed: 0 });
  const files = (await store.page('documents', {}, 10)).items.map((d) => d.file).sort();
  expect(files).toEqual(['2021/article.txt', '2022/article.txt']);
  // Named one by one, the common root of the paths identifies them the same way.
  const again = await importPaths(
    [path.join(root, '2021', 'article.txt'), path.join(root, '2022', 'article.txt')],
    store,
    opts,
  );
  expect(again.totals).toMatchObject({ unchanged: 2 });
  // A changed version replaces its own previous version only.
  fs.writeFileSync(path.join(root, '2022', 'article.txt'), article(2));
  const changed = await importPaths([root], store, opts);
  expect(changed.totals).toMatchObject({ imported: 1, unchanged: 1 });
  expect((await store.stats()).documents).toBe(2);
});

test('a symlink loop does not hang the importer', async () => {
  const root = input({ 'a.txt': article(0), 'sub/b.txt': article(1) });
  fs.symlinkSync('.', path.join(root, 'loop'));
  fs.symlinkSync('..', path.join(root, 'sub', 'back'));
  const t0 = Date.now();
  const report = await importPaths([root], store, opts);
  expect(Date.now() - t0).toBeLessThan(20000);
  expect(report.totals).toMatchObject({ files: 2, imported: 2 });
  // A glob with ** does not enter symlinked folders either.
  const glob = await importPaths([`${root}/**/*.txt`], store, opts);
  expect(glob.totals).toMatchObject({ files: 2, unchanged: 2 });
}, 30000);

test('an empty folder is reported, not silently skipped', async () => {
  const empty = path.join(dir, 'empty');
  fs.mkdirSync(empty);
  const report = await importPaths([empty], store, opts);
  expect(report.totals).toMatchObject({ files: 1, failed: 1 });
  expect(failure(report.files[0])).toMatchObject({ code: 'NO_FILES' });
  expect(failure(report.files[0]).error).toContain('holds no files to import');
});

test('kg import of an empty folder exits 1 saying so (the CLI, built)', async () => {
  const empty = path.join(dir, 'empty');
  fs.mkdirSync(empty);
  const r = await runCli(['import', empty], { KG_DATA_DIR: path.join(dir, 'cli-data') });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('the folder holds no files to import');
  expect(r.stderr).toContain('0 imported, 0 unchanged, 1 failed');
});

test('a named pipe is refused as not a regular file, not as missing', async () => {
  const fifo = path.join(dir, 'pipe.txt');
  execFileSync('mkfifo', [fifo]);
  const report = await importPaths([fifo], store, opts);
  expect(failure(report.files[0])).toMatchObject({ code: 'NOT_A_FILE' });
  expect(failure(report.files[0]).error).toContain('not a regular file');
  expect(failure(report.files[0]).error).not.toContain('no such file');
});

test('a UTF-8 file with a few bad bytes says where they are', async () => {
  const text = article(0);
  const lines = text.toString('utf8').split('\n');
  const damaged = Buffer.concat([
    Buffer.from(`${lines.slice(0, 2).join('\n')}\n`),
    Buffer.from([0xff, 0xfe, 0x80]),
    Buffer.from(lines.slice(2).join('\n')),
  ]);
  const offset = Buffer.byteLength(`${lines.slice(0, 2).join('\n')}\n`);
  const root = input({ 'damaged.txt': damaged });
  const report = await importPaths([root], store, opts);
  const f = failure(report.files[0]);
  expect(f.code).toBe('UNKNOWN_ENCODING');
  expect(f.error).toContain(`UTF-8 except for 3 invalid bytes at byte ${offset} (line 3)`);
  expect(f.error).not.toMatch(/detected|Shift_JIS/);
});

test("a program's kind and aliases come from the documents that still support it", async () => {
  const program = async () =>
    (
      await store.runner.read(
        `MATCH (p:Program {name: '双报到'}) RETURN p.kind AS kind, p.aliases AS aliases`,
      )
    )[0];
  // b.txt calls 双报到 a campaign and gives it an alias; the two versions of a langfang article
  // call it a mechanism. b.txt is written last: the kind is still what most documents say.
  const campaign = dingzhouGraph();
  for (const p of campaign.programs) if (p.key === '双报到') p.kind = 'CAMPAIGN';
  const a = await store.writeDocument(langfangGraph(), 'a.txt');
  await store.writeDocument(langfangGraph('，成效明显'), 'c.txt');
  const b = await store.writeDocument(campaign, 'b.txt');
  expect(await program()).toEqual({ kind: 'MECHANISM', aliases: ['“双报到”制度'] });
  // Removing b.txt takes its alias with it.
  await store.removeDocument(b.docId);
  expect(await program()).toEqual({ kind: 'MECHANISM', aliases: [] });
  // A new version of c.txt that gives the alias, then one that does not: replacing a file
  // takes its word with it too.
  await store.writeDocument(dingzhouGraph(), 'c.txt');
  expect(await program()).toEqual({ kind: 'MECHANISM', aliases: ['“双报到”制度'] });
  await store.writeDocument(langfangGraph('，又一版本'), 'c.txt');
  expect(await program()).toEqual({ kind: 'MECHANISM', aliases: [] });
  // With a.txt gone, b.txt and c.txt tie: the tie goes to the earlier kind (CAMPAIGN before MECHANISM).
  await store.removeDocument(a.docId);
  await store.writeDocument(campaign, 'b.txt');
  await store.writeDocument(langfangGraph('，第三版'), 'c.txt');
  expect(await program()).toEqual({ kind: 'CAMPAIGN', aliases: ['“双报到”制度'] });
  // The name lookup and search follow: the alias is found while a document gives it.
  const lookup = await store.runner.read(
    `MATCH (p:Program) WHERE any(a IN p.aliases WHERE a CONTAINS '制度') RETURN p.name AS name`,
  );
  expect(lookup.map((r) => r.name)).toEqual(['双报到']);
});
