/**
 * Adding articles while the API serves, over real processes: `kg serve` runs, `kg import`
 * adds a folder of new articles, and the running API answers with the new program without a
 * restart while GraphQL requests sent during the import are all answered; `kg remove` takes one
 * out again. On Grafeo the server holds the store, so both hand their work to it
 * (importer/handover.ts): a failed
 * import through it says why and leaves the graph as it was, the admin endpoint takes only its
 * token on the loopback interface, and a dead server's announcement is not in the way. On
 * Neo4j both processes talk to the same database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describeEngines, tempDir, type StoreLocation } from '../helpers/engines';
import { runCli, startCli, stopCli } from '../helpers/cli';

const SERVING = /serving (?:grafeo|neo4j) store at (http:\/\/\S+\/graphql)/;

/** Our own short article (never a corpus text): a county runs a program named in quotes. */
const ARTICLE = `保定市清苑区推行“银杏先锋工程”
2026年11月20日 来源：试验日报
近年来，河北省保定市清苑区委组织部在全区推行“银杏先锋工程”，在28个村设立党员先锋岗，组织党员为群众办实事。清苑区把“银杏先锋工程”作为抓党建促乡村振兴的重要抓手，全区已有1200名党员参与。
`;

/** More articles of our own in the same folder, so the import lasts while requests come in. */
const FILLER_WORDS = ['青松', '白鹭', '紫荆', '金穗', '碧水', '朝阳', '春泥', '晨曦', '远航', '磐石'];
const FILLER_PLACES = ['唐山市', '邯郸市', '邢台市', '沧州市', '衡水市', '承德市', '张家口市', '秦皇岛市'];

function filler(i: number): string {
  const word = FILLER_WORDS[i % FILLER_WORDS.length] as string;
  const place = FILLER_PLACES[i % FILLER_PLACES.length] as string;
  const paragraph = (n: number) =>
    `${place}委组织部持续推进“${word}护航工程”，第${n + 1}批${20 + n}个社区党组织参与其中，组织${300 + n * 7}名党员到社区报到服务。`;
  return `${place}推进“${word}护航工程”\n2026年10月${(i % 28) + 1}日 来源：试验日报\n${Array.from({ length: 12 }, (_, n) => paragraph(n)).join('\n')}\n`;
}

function writeArticles(dir: string, fillers: number): void {
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < fillers; i++) fs.writeFileSync(path.join(dir, `filler-${i}.txt`), filler(i));
  fs.writeFileSync(path.join(dir, 'yinxing.txt'), ARTICLE);
}

async function gql<T = any>(url: string, query: string): Promise<{ status: number; body: T }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, body: (await res.json()) as T };
}

const PROGRAM = '{ program(name: "银杏先锋工程") { name places { name } } }';
const STATS = '{ stats { documents places organizations programs people metrics relationships } }';

/** Sends `query` from `lanes` loops until `until` settles; each request's answer and times. */
async function requestsDuring(
  url: string,
  query: string,
  until: Promise<unknown>,
  lanes = 3,
): Promise<Array<{ ok: boolean; sent: number; answered: number; detail: string }>> {
  let done = false;
  void until.finally(() => (done = true));
  const out: Array<{ ok: boolean; sent: number; answered: number; detail: string }> = [];
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (!done) {
        const sent = Date.now();
        try {
          const r = await gql(url, query);
          out.push({
            ok: r.status === 200 && !r.body.errors && r.body.data?.stats?.documents >= 1,
            sent,
            answered: Date.now(),
            detail: JSON.stringify(r.body).slice(0, 300),
          });
        } catch (error) {
          out.push({ ok: false, sent, answered: Date.now(), detail: String(error) });
        }
      }
    }),
  );
  return out;
}

/** The times of the JSON log lines whose message matches, in order. */
function logTimes(stderr: string, msg: RegExp): number[] {
  return stderr
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { time: number; msg: string })
    .filter((l) => msg.test(l.msg))
    .map((l) => l.time);
}

describeEngines('kg import while kg serve runs', (engine) => {
  const work = tempDir('kg-live-');
  const dataDir = path.join(work, 'data');
  let at: StoreLocation;
  let server: Awaited<ReturnType<typeof startCli>>;
  let url = '';
  const env = () => ({ ...at.env, PORT: '0', HOST: '127.0.0.1', KG_WORKERS: '1' });

  beforeAll(async () => {
    at = engine.at(dataDir);
    await at.empty();
    // Something to serve before the new articles arrive.
    fs.mkdirSync(path.join(work, 'first'));
    fs.writeFileSync(path.join(work, 'first', 'a.txt'), filler(99));
    const seeded = await runCli(['import', path.join(work, 'first')], env());
    expect(seeded.code).toBe(0);
    server = await startCli(['serve'], env(), SERVING);
    url = server.match[1] as string;
  });
  afterAll(async () => {
    if (server) await stopCli(server.child);
    fs.rmSync(work, { recursive: true, force: true });
  });

  test('a new article is in the answers without a restart; requests during the import are answered', async () => {
    expect((await gql(url, PROGRAM)).body.data.program).toBeNull();
    writeArticles(path.join(work, 'new'), 12);
    // From the folder the articles are in, by a relative path: the server reads them where
    // the command was typed.
    const importing = runCli(['import', 'new'], { ...env(), KG_WORKERS: '2' }, 120000, work);
    const started = Date.now();
    const [imported, requests] = await Promise.all([importing, requestsDuring(url, STATS, importing)]);
    const ended = Date.now();
    expect(imported.stderr).toContain('13 files: 13 imported, 0 unchanged, 0 failed');
    expect(imported.code).toBe(0);

    const failed = requests.filter((r) => !r.ok);
    expect(failed).toEqual([]);
    // The window the store was being written in: on Grafeo the server's own log says when its
    // import began and ended; on Neo4j the importer is the kg import process.
    let window: [number, number] = [started, ended];
    if (engine.name === 'grafeo') {
      expect(imported.stderr).toMatch(/imported by the running server, pid \d+/);
      const begun = logTimes(server.stderr(), /^import for kg import: .*new/);
      const finished = logTimes(server.stderr(), /^import for kg import: 13 files/);
      expect(begun).toHaveLength(1);
      expect(finished).toHaveLength(1);
      window = [begun[0] as number, finished[0] as number];
    } else {
      expect(imported.stderr).not.toContain('imported by the running server');
    }
    const during = requests.filter((r) => r.sent < window[1] && r.answered > window[0]);
    expect(during.length).toBeGreaterThan(0);

    const after = await gql(url, PROGRAM);
    expect(after.status).toBe(200);
    expect(after.body.data.program.name).toBe('银杏先锋工程');
    expect(after.body.data.program.places.map((p: { name: string }) => p.name)).toContain('清苑区');
    const stats = await gql(url, '{ stats { documents } }');
    expect(stats.body.data.stats.documents).toBe(14);
  });

  test('kg remove while serving: the article and its program are gone from the answers', async () => {
    const r = await runCli(['remove', 'new/yinxing.txt', 'new/never-imported.txt'], env(), 60000, work);
    expect(r.stderr).toMatch(/remove: new\/yinxing\.txt: removed doc_[0-9a-f]+/);
    expect(r.stderr).toContain('remove: no stored document matches new/never-imported.txt');
    expect(r.code).toBe(1);
    if (engine.name === 'grafeo') expect(r.stderr).toMatch(/\(by the running server, pid \d+\)/);
    expect((await gql(url, PROGRAM)).body.data.program).toBeNull();
    expect((await gql(url, '{ stats { documents } }')).body.data.stats.documents).toBe(13);
  });

  if (engine.name !== 'grafeo') return;

  test('a failed import through the server says why, exits 1 and leaves the graph unchanged', async () => {
    const before = (await gql(url, STATS)).body.data.stats;
    const bad = path.join(work, 'bad');
    fs.mkdirSync(bad);
    fs.writeFileSync(path.join(bad, 'empty.txt'), '');
    fs.writeFileSync(
      path.join(bad, 'binary.txt'),
      Buffer.from(Array.from({ length: 400 }, (_, i) => (i * 37) % 256)),
    );
    const report = path.join(work, 'report.json');
    const r = await runCli(
      ['import', path.join(bad, 'empty.txt'), path.join(bad, 'binary.txt'), '--report', report],
      env(),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('empty.txt: the file is empty (0 bytes); put the article text in it');
    expect(r.stderr).toMatch(/binary\.txt: the file looks binary, not text/);
    expect(r.stderr).toContain('2 files: 0 imported, 0 unchanged, 2 failed');
    // The report is written where kg import runs, as for a direct import.
    const written = JSON.parse(fs.readFileSync(report, 'utf8'));
    expect(written.totals).toMatchObject({ files: 2, failed: 2 });
    expect((await gql(url, STATS)).body.data.stats).toEqual(before);
    // A path that is not there is the same error as without a server.
    const missing = await runCli(['import', path.join(work, 'nothing-here.txt')], env());
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(
      'nothing-here.txt: no such file, folder or matching glob; check the path',
    );
    expect((await gql(url, STATS)).body.data.stats).toEqual(before);
    // The server counts what it imported for kg import on /metrics.
    const metrics = await (await fetch(url.replace('/graphql', '/metrics'))).text();
    expect(metrics).toMatch(/^kg_import_documents_total\{status="imported"\} 13$/m);
    expect(metrics).toMatch(/^kg_import_documents_total\{status="failed"\} [3-9]$/m);
  });

  test('the admin endpoint: loopback only, its token only, announced in a file only its owner reads', async () => {
    const file = path.join(dataDir, 'admin.json');
    const announced = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(announced.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(announced.pid).toBe(server.child.pid);
    expect(new URL(announced.url).port).not.toBe(new URL(url).port);
    const body = JSON.stringify({ inputs: ['x.txt'], cwd: work, maxFileBytes: 1000, workers: 0 });
    const post = (headers: Record<string, string>) =>
      fetch(`${announced.url}/import`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
    expect((await post({})).status).toBe(401);
    expect((await post({ authorization: 'Bearer nottheone' })).status).toBe(401);
    expect(
      (await post({ authorization: `Bearer ${announced.token}`, origin: 'http://evil.example' })).status,
    ).toBe(403);
    const badRequest = await fetch(`${announced.url}/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${announced.token}` },
      body: JSON.stringify({ inputs: [], cwd: 'relative' }),
    });
    expect(badRequest.status).toBe(400);
    expect(((await badRequest.json()) as { error: string }).error).toBe(
      'inputs must be a non-empty list of paths, globs or URLs; got []',
    );
    const badRemove = await fetch(`${announced.url}/remove`, {
      method: 'POST',
      headers: { authorization: `Bearer ${announced.token}` },
      body: JSON.stringify({ targets: 'a.txt' }),
    });
    expect(badRemove.status).toBe(400);
    expect(((await badRemove.json()) as { error: string }).error).toBe(
      'targets must be a non-empty list of document ids, paths or URLs; got "a.txt"',
    );
    // Not on the public port.
    const pub = await fetch(url.replace('/graphql', '/import'), {
      method: 'POST',
      headers: { authorization: `Bearer ${announced.token}`, 'content-type': 'application/json' },
      body,
    });
    expect(pub.status).toBe(404);
  });

  test('a stopped server removes its announcement; a killed one leaves it, and kg import opens the store itself', async () => {
    const file = path.join(dataDir, 'admin.json');
    await stopCli(server.child);
    expect(fs.existsSync(file)).toBe(false);
    server = await startCli(['serve'], env(), SERVING);
    expect(fs.existsSync(file)).toBe(true);
    await stopCli(server.child, 'SIGKILL');
    expect(fs.existsSync(file)).toBe(true);
    const article = path.join(work, 'later.txt');
    fs.writeFileSync(article, filler(50));
    const r = await runCli(['import', article], env());
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('1 files: 1 imported');
    expect(r.stderr).not.toContain('imported by the running server');
    // And the next server replaces the dead one's announcement.
    server = await startCli(['serve'], env(), SERVING);
    url = server.match[1] as string;
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).pid).toBe(server.child.pid);
    expect((await gql(url, '{ stats { documents } }')).body.data.stats.documents).toBe(14);
  });
});
