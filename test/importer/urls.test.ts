/**
 * `kg import https://…` against a local HTTP server on 127.0.0.1: a page imports through the
 * HTML stage and keeps its URL; redirects are followed; 404, a timeout and an oversize page are
 * reported with their reasons; 5xx answers are retried; a wrong charset header does not garble
 * the text; a changed page replaces its previous version; `--urls FILE` reads a list.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import iconv from 'iconv-lite';
import { GraphStore } from '../../src/graph/store';
import { importPaths } from '../../src/importer/importer';
import type { FileResult } from '../../src/importer/types';
import { govPage, type ArticleParts } from '../fixtures/formats';
import { describeEngines, tempDir, type StoreLocation } from '../helpers/engines';
import { runCli } from '../helpers/cli';

// Written for these tests (not from a corpus).
const PAGE: ArticleParts = {
  title: '保定市竞秀区推行“小区夜话”议事机制',
  date: '2023-06-02',
  source: '保定日报',
  paragraphs: [
    '今年以来，保定市竞秀区把“小区夜话”作为党建引领基层治理的重要抓手，组织社区党员干部与居民面对面议事，推动群众身边的急难愁盼问题就地解决。',
    '截至目前，全区开展“小区夜话”活动420余场，收集居民意见建议1860条，解决停车难、加装电梯等问题1530个。',
    '竞秀区委组织部有关负责同志表示，将持续完善议事协商机制，让更多居民参与到小区治理中来。',
  ],
};
const CHANGED: ArticleParts = {
  ...PAGE,
  paragraphs: [
    ...PAGE.paragraphs.slice(0, 2),
    '下一步，竞秀区将在全区所有小区推广这一做法，推动治理重心向小区延伸。',
  ],
};

// A generous time limit (a loaded CI machine is slow), a short one only for the page that never answers.
const opts = {
  maxFileBytes: 200 * 1024,
  workers: 0,
  fetch: { timeoutMs: 10_000, retries: 1, backoffMs: 20 },
};
const impatient = { ...opts, fetch: { ...opts.fetch, timeoutMs: 400 } };

describeEngines('URL import', (engine) => {
  let dir: string;
  let at: StoreLocation;
  let store: GraphStore;
  let server: http.Server;
  let base: string;
  const hits = new Map<string, number>();
  let changing = PAGE;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const url = req.url ?? '/';
      hits.set(url, (hits.get(url) ?? 0) + 1);
      const html = (body: Buffer, type = 'text/html; charset=utf-8') => {
        res.writeHead(200, { 'content-type': type });
        res.end(body);
      };
      switch (url) {
        case '/article.html':
          return html(govPage(PAGE));
        case '/moved':
          res.writeHead(301, { location: '/article.html' });
          return res.end();
        case '/missing':
          res.writeHead(404, { 'content-type': 'text/html' });
          return res.end('<html><body>页面不存在</body></html>');
        case '/slow':
          return; // never answers
        case '/flaky':
          if ((hits.get(url) ?? 0) === 1) {
            res.writeHead(503);
            return res.end('busy');
          }
          return html(govPage(CHANGED));
        case '/gbk-says-utf8':
          // GBK bytes (its <meta> says gb2312) served as charset=utf-8.
          return html(govPage(PAGE, 'gbk'));
        case '/big':
          return html(Buffer.concat([govPage(PAGE), Buffer.alloc(300 * 1024, 0x20)]));
        case '/big-chunked': {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); // no length: chunked
          for (let i = 0; i < 30; i++) res.write(Buffer.alloc(10 * 1024, 0x20));
          return res.end(govPage(PAGE));
        }
        case '/changing':
          return html(govPage(changing));
        default:
          res.writeHead(404);
          return res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });
  beforeEach(async () => {
    dir = tempDir('kg-url-');
    at = engine.at(path.join(dir, 'data'));
    await at.empty();
    store = new GraphStore(await at.open());
    await store.setup();
    hits.clear();
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const byUrl = (results: FileResult[]) =>
    Object.fromEntries(results.map((r) => [r.file.replace(base, ''), r]));

  test('pages import through the HTML stage; failures say why; 5xx is retried, 404 is not', async () => {
    const urls = ['/article.html', '/moved', '/missing', '/flaky', '/big', '/big-chunked'].map(
      (u) => base + u,
    );
    const report = await importPaths(urls, store, opts);
    const slow = await importPaths([`${base}/slow`], store, impatient);
    const r = byUrl([...report.files, ...slow.files]);
    // The redirect lands on the same page: the same content, stored once — by whichever of the two
    // parallel fetches is written first; the other is unchanged.
    const pair = [r['/article.html'], r['/moved']];
    expect(pair.map((x) => x?.status).sort()).toEqual(['imported', 'unchanged']);
    expect(pair.find((x) => x?.status === 'imported')).toMatchObject({ format: 'HTML', title: PAGE.title });
    expect(r['/missing']).toMatchObject({ status: 'failed', code: 'HTTP_ERROR' });
    expect((r['/missing'] as { error: string }).error).toContain('HTTP 404');
    expect(hits.get('/missing')).toBe(1);
    expect(r['/slow']).toMatchObject({ status: 'failed', code: 'TIMEOUT' });
    expect((r['/slow'] as { error: string }).error).toContain('no answer within 400 ms after 2 attempts');
    expect(hits.get('/slow')).toBe(2);
    expect(r['/flaky']).toMatchObject({ status: 'imported' });
    expect(hits.get('/flaky')).toBe(2);
    expect(r['/big']).toMatchObject({ status: 'failed', code: 'TOO_LARGE' });
    expect(r['/big-chunked']).toMatchObject({ status: 'failed', code: 'TOO_LARGE' });
    expect((r['/big-chunked'] as { error: string }).error).toContain('over the 200 KB limit');

    const docs = (await store.page('documents', {}, 10)).items;
    // Stored once, under the URL of whichever of the two fetches was written first.
    const stored = docs.filter((d) => d.file === `${base}/article.html` || d.file === `${base}/moved`);
    expect(stored).toHaveLength(1);
    const article = stored[0];
    expect(article?.url).toBe(article?.file);
    expect(article).toMatchObject({
      format: 'HTML',
      title: PAGE.title,
      publishedAt: '2023-06-02',
      source: '保定日报',
    });
    expect((await store.detailedStats()).formats).toEqual({ HTML: docs.length });
  });

  test('a wrong charset header does not garble a GBK page', async () => {
    const report = await importPaths([`${base}/gbk-says-utf8`], store, opts);
    expect(report.files[0]).toMatchObject({ status: 'imported', title: PAGE.title });
  });

  test('a page whose content changed replaces its previous version, like a changed file', async () => {
    changing = PAGE;
    const first = await importPaths([`${base}/changing`], store, opts);
    expect(first.files[0]).toMatchObject({ status: 'imported', replaced: [] });
    const again = await importPaths([`${base}/changing`], store, opts);
    expect(again.files[0]).toMatchObject({ status: 'unchanged' });
    changing = CHANGED;
    const changed = await importPaths([`${base}/changing`], store, opts);
    const before = (first.files[0] as { docId: string }).docId;
    expect(changed.files[0]).toMatchObject({ status: 'imported', replaced: [before] });
    expect((await store.stats()).documents).toBe(1);
  });

  test('kg import --urls FILE reads one URL a line with # comments; kg stats counts documents per format', async () => {
    const list = path.join(dir, 'urls.txt');
    fs.writeFileSync(list, `# pages to import\n${base}/article.html\n\n${base}/missing   # gone\n`);
    const input = path.join(dir, 'in');
    fs.mkdirSync(input);
    fs.writeFileSync(
      path.join(input, 'notes.md'),
      `# ${CHANGED.title}\n\n${CHANGED.paragraphs.join('\n\n')}\n`,
    );
    fs.writeFileSync(path.join(input, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    await store.close();
    const reportFile = path.join(dir, 'report.json');
    const r = await runCli(
      ['import', input, '--urls', list, '--report', reportFile, '--workers', '0'],
      at.env,
    );
    expect(r.stderr).toContain('4 files: 2 imported, 0 unchanged, 1 failed, 1 skipped');
    expect(r.stderr).toMatch(/skipped\s+\S*photo\.jpg: \.jpg is an image; the importer reads \.txt/);
    expect(r.code).toBe(1); // the 404
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
    expect(report.totals).toMatchObject({ skipped: 1, imported: 2, failed: 1 });
    const stats = await runCli(['stats'], at.env);
    expect(stats.stdout).toMatch(/documents per format:\n {2}HTML +1\n {2}MARKDOWN +1\n/);
    // kg extract reads any format the importer reads, with the file's own metadata.
    const page = path.join(dir, 'page.html');
    fs.writeFileSync(page, govPage(PAGE, 'gbk'));
    const extracted = await runCli(['extract', page], at.env);
    expect(extracted.stdout).toMatch(
      /^format: +HTML\ntitle: +保定市竞秀区推行“小区夜话”议事机制\npublishedAt: 2023-06-02 +source: 保定日报/,
    );
    // A page is removed by its URL.
    const removed = await runCli(['remove', `${base}/article.html`], at.env);
    expect(removed.code).toBe(0);
    // A photo named on the command line is an error, not a skip.
    const named = await runCli(['import', path.join(input, 'photo.jpg')], at.env);
    expect(named.code).toBe(1);
    expect(named.stderr).toMatch(/failed\s+.*photo\.jpg: \.jpg is an image/);
    store = new GraphStore(await at.open());
  });
});

// GBK decoding of the fixture itself, so a failure above is not the fixture's.
test('the GBK fixture is GBK', () => {
  expect(iconv.decode(govPage(PAGE, 'gbk'), 'gbk')).toContain(PAGE.paragraphs[1]);
});
