/**
 * The API end to end on the bundled corpus: the facts asked for are stated in the articles
 * of import/ (quoted in each test), served over HTTP from a real store the importer filled.
 */
import { describeEngines } from '../helpers/engines';
import { importBundled, startTestServer, type TestServer } from '../helpers/server';

describeEngines('API on the bundled corpus', (engine) => {
  let api: TestServer;

  beforeAll(async () => {
    api = await startTestServer(importBundled, { trace: true, engine });
  }, 120000);
  afterAll(() => api.stop());

  const names = (xs: Array<{ name: string }>) => xs.map((x) => x.name);

  test('five documents with their headlines, dates and sources', async () => {
    const d = await api.data(
      '{ documents(first: 10) { totalCount nodes { file format url title publishedAt source authors charCount } } }',
    );
    expect(d.documents.totalCount).toBe(5);
    const byFile = Object.fromEntries(d.documents.nodes.map((n: any) => [n.file, n]));
    // 000: "燕赵新答卷·廊坊篇 | 夯基铸魂,汇聚前行澎湃力量" / "2021-06-07 10:02:52 来源:河北新闻网"
    expect(byFile['000_cd5570a6f70beb67.txt']).toMatchObject({
      publishedAt: '2021-06-07',
      source: '河北新闻网',
    });
    expect(byFile['000_cd5570a6f70beb67.txt'].title).toContain('夯基铸魂');
    // 001: "来源: 河北日报客户端 2023-05-27 08:52:50"
    expect(byFile['001_6e8a4dd470d8964e.txt']).toMatchObject({ publishedAt: '2023-05-27' });
    // 004: "中国城市报 2023年07月31日"; headline "深化实施“领航工程”推动基层党建走深走实"
    expect(byFile['004_25e9754753f0df45.txt'].publishedAt).toBe('2023-07-31');
    expect(byFile['004_25e9754753f0df45.txt'].title).toContain('领航工程');
    for (const n of d.documents.nodes) expect(n.charCount).toBeGreaterThan(1000);
    // Where each came from: plain-text files, not fetched pages.
    for (const n of d.documents.nodes) expect(n).toMatchObject({ format: 'TXT', url: null });
  });

  test('领头羊工程 is one program, found by its short and quoted forms, in 廊坊市 and 河北省', async () => {
    // 000: "廊坊大力实施农村“领头羊”工程"; 001: "我省……实施基层党组织“领头羊”工程"; 004: "深入实施“领头羊”工程"
    const q = 'query($n: String) { program(name: $n) { id name places { name } documents { file } } }';
    const a = await api.data(q, { n: '领头羊' });
    const b = await api.data(q, { n: '“领头羊”工程' });
    expect(a.program.name).toBe('领头羊工程');
    expect(b.program.id).toBe(a.program.id);
    expect(names(a.program.places)).toEqual(expect.arrayContaining(['廊坊市', '河北省']));
    expect(a.program.documents.map((d: any) => d.file)).toEqual(
      expect.arrayContaining([
        '000_cd5570a6f70beb67.txt',
        '001_6e8a4dd470d8964e.txt',
        '004_25e9754753f0df45.txt',
      ]),
    );
    const list = await api.data('{ programs(nameContains: "领头羊", first: 100) { nodes { name } } }');
    expect(names(list.programs.nodes).filter((n) => n.includes('领头羊'))).toEqual(['领头羊工程']);
  });

  test('双报到 and 六位一体 each run in 廊坊市 and 定州市', async () => {
    // 000: "廊坊市组织发动8344名社区党员开展“双报到”" … "社区“六位一体”治理架构";
    // 002 (定州, traditional script): "“六位一體”社區治理架構" … "到社區“雙報到”活動"
    for (const n of ['双报到', '六位一体']) {
      const d = await api.data('query($n: String) { program(name: $n) { name places { name } } }', { n });
      expect(d.program.name).toBe(n);
      expect(names(d.program.places)).toEqual(expect.arrayContaining(['廊坊市', '定州市']));
    }
  });

  test('三审一谈 is related to 领头羊工程, with the document that says so', async () => {
    // 004: "深入实施“领头羊”工程,……推行……“三审一谈”机制"
    const d = await api.data(`{ program(name: "三审一谈") {
    name places { name } related(first: 20) { weight program { name } sharedDocuments { file } } } }`);
    expect(d.program.name).toBe('三审一谈');
    const ltY = d.program.related.find((r: any) => r.program.name === '领头羊工程');
    expect(ltY).toBeDefined();
    expect(ltY.weight).toBeGreaterThan(0);
    expect(ltY.sharedDocuments.map((x: any) => x.file)).toContain('004_25e9754753f0df45.txt');
    const weights = d.program.related.map((r: any) => r.weight);
    expect(weights).toEqual([...weights].sort((x: number, y: number) => y - x));
  });

  test('people with their posts, in simplified script', async () => {
    // 000: "廊坊市委书记杨晓和介绍"; 002: "市委副書記、市長張才芳"; "市委宣傳部常務副部長陳建莊說"
    const d = await api.data(
      '{ people(first: 100) { nodes { name positions { title place { name } mention { quote } } } } }',
    );
    const person = (n: string) =>
      d.people.nodes.filter((p: any) => p.name === n).flatMap((p: any) => p.positions);
    expect(person('杨晓和').map((p: any) => p.title)).toContain('市委书记');
    expect(person('杨晓和')[0].place?.name).toBe('廊坊市');
    expect(person('张才芳').map((p: any) => p.title)).toEqual(expect.arrayContaining(['市委副书记', '市长']));
    expect(person('陈建庄').length).toBeGreaterThan(0);
    for (const p of d.people.nodes) {
      expect(p.name.length).toBeGreaterThanOrEqual(2);
      expect(p.name.length).toBeLessThanOrEqual(4);
      for (const pos of p.positions) expect(pos.mention.quote).toContain(p.name);
    }
  });

  test('metrics keep value, unit, subject and their sentence', async () => {
    // 000: "全市11.2万余名党员在各个防疫检查站……"; "全市3199名村党组织书记全部为高中及以上学历"
    const place = await api.data('{ place(name: "廊坊") { id } }');
    const d = await api.data(
      'query($p: ID) { metrics(placeId: $p, first: 100) { nodes { value unit text approximate subject mention { quote } } } }',
      {
        p: place.place.id,
      },
    );
    const m = d.metrics.nodes;
    expect(m).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ value: 112000, unit: '名', approximate: true, subject: '党员' }),
        expect.objectContaining({ value: 3199, unit: '名', approximate: false, subject: '村党组织书记' }),
      ]),
    );
    for (const x of m) expect(x.mention.quote).toContain(x.text);
  });

  test('search finds the program first for its short name', async () => {
    const d = await api.data(
      '{ search(text: "领头羊", first: 5) { kind score node { ... on Program { name } } } }',
    );
    expect(d.search[0]).toMatchObject({ kind: 'PROGRAM', node: { name: '领头羊工程' } });
    const places = await api.data(
      '{ search(text: "定州", kinds: [PLACE]) { node { ... on Place { name } } } }',
    );
    expect(places.search[0].node.name).toBe('定州市');
  });

  test('no clean text carries pinyin, U+FFFD or doubled commas', async () => {
    const d = await api.data(`{ programs(first: 100) { nodes { name aliases mentions { quote } } }
    people(first: 100) { nodes { name } } places(first: 100) { nodes { name } } }`);
    const texts = JSON.stringify(d);
    expect(texts).not.toMatch(/[a-zA-Z]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-z]*/);
    expect(texts).not.toContain('\uFFFD');
    expect(texts).not.toMatch(/[,，]{2}/);
  });

  describe('batching with KG_TRACE=1', () => {
    const roundTrips = async (query: string) => {
      const r = await api.gql(query);
      expect(r.errors).toBeUndefined();
      return r.extensions?.db?.roundTrips as number;
    };

    test('the nested query costs at most one round trip per relationship field, for 5 or all programs', async () => {
      const total = (await api.data('{ programs { totalCount } }')).programs.totalCount as number;
      expect(total).toBeGreaterThan(20);
      // Nested lists ask for a few each: with their default of 100 the cost limit refuses the query.
      const q = (n: number) => `{ programs(first: ${n}) { nodes { name
        places(first: 3) { name } metrics(first: 3) { value }
        related(first: 2) { weight program { name places(first: 3) { name } } } } } }`;
      const five = await roundTrips(q(5));
      const all = await roundTrips(q(Math.min(total, 100)));
      // The page keys (totalCount is not asked for, so not counted), then its programs with
      // places, metrics and related (which reads the related programs' fields too), then
      // related.program.places: one statement per list level.
      expect(five).toBeLessThanOrEqual(1 + 1 + 1);
      expect(all).toBeLessThanOrEqual(five);
      // A shape whose loaders do not repeat costs exactly the same whatever the page size.
      const q2 = (n: number) => `{ programs(first: ${n}) { nodes { places(first: 3) { name }
        metrics(first: 3) { value } related(first: 2) { program { organizations(first: 3) { name } } } } } }`;
      expect(await roundTrips(q2(5))).toBe(await roundTrips(q2(Math.min(total, 100))));
      // (The page keys on Grafeo,) the programs with places, metrics and related in one
      // statement, then the related programs' organizations: one statement per list level.
      const keys = engine.name === 'neo4j' ? 0 : 1;
      expect(await roundTrips(q2(5))).toBe(keys + 1 + 1);
      // Asking for totalCount adds exactly its one count query.
      expect(await roundTrips(`{ programs(first: 5) { nodes { name } } }`)).toBe(keys + 1);
      expect(await roundTrips(`{ programs(first: 5) { totalCount nodes { name } } }`)).toBe(keys + 1 + 1);
    });

    test('responses carry extensions.db with rows', async () => {
      const r = await api.gql('{ stats { documents } }');
      expect(r.extensions?.db).toEqual({ roundTrips: 2, rows: expect.any(Number) });
    });
  });
});
