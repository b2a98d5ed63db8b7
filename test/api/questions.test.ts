/**
 * The researchers' questions of issue 13, each in one query over HTTP, each answer checked
 * against what the bundled articles (import/, from ../shared/corpus) state — the sentence is
 * quoted beside each expectation — and the round trips of every new field flat in list size.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describeEngines } from '../helpers/engines';
import { importBundled, startTestServer, type TestServer } from '../helpers/server';

describeEngines('the questions researchers ask (issue 13)', (engine) => {
  let api: TestServer;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestServer(importBundled, { trace: true, engine });
    for (const name of ['河北', '廊坊', '定州', '福州'] as const) {
      ids[name] = (await api.data(`query($n: String!) { place(name: $n) { id } }`, { n: name })).place.id;
    }
  }, 120000);
  afterAll(() => api?.stop());

  const names = (list: Array<{ name: string }>) => list.map((x) => x.name);

  test('"Who holds posts in 河北省?": people by place, the places under it included', async () => {
    const { people } = await api.data(
      `query($w: ID!) { people(where: { within: $w }, first: 100) { totalCount nodes { name positions { title } } } }`,
      { w: ids['河北'] },
    );
    const found = names(people.nodes);
    // 001: 省委书记、省人大常委会主任倪岳峰; 000: 廊坊市委书记杨晓和; 002: 市委書記張濤 (定州);
    // 001: 石家庄市平山县西柏坡镇北庄村…村党支部书记封红卷 (a village five levels down).
    expect(found).toEqual(expect.arrayContaining(['倪岳峰', '杨晓和', '张涛', '封红卷']));
    // 003: 市委书记林宝金 is 福州's, in 福建省.
    expect(found).not.toContain('林宝金');
    expect(people.totalCount).toBe(found.length);
    const secretaries = await api.data(
      `query($w: ID!) { people(where: { within: $w, titleContains: "書記" }, first: 100) { nodes { name } } }`,
      { w: ids['河北'] },
    );
    expect(names(secretaries.people.nodes)).toEqual(expect.arrayContaining(['倪岳峰', '杨晓和', '封红卷']));
  });

  test('"All programs in 福州市" includes those named only for its districts (within)', async () => {
    const q = `query($w: ID!) {
      exact: programs(where: { placeId: $w }, first: 100) { totalCount nodes { name } }
      scoped: programs(where: { within: $w }, first: 100) { totalCount nodes { name } }
    }`;
    const { exact, scoped } = await api.data(q, { w: ids['福州'] });
    // 003: 鼓楼、台江等商务楼宇聚集区,推行“一楼八员”“党建楼长制”等集约服务体系 — districts, not the city.
    expect(names(exact.nodes)).not.toContain('一楼八员');
    expect(names(scoped.nodes)).toEqual(expect.arrayContaining(['一楼八员', '党建楼长制', '近邻党建']));
    expect(scoped.totalCount).toBeGreaterThan(exact.totalCount);
    // The deprecated argument still answers as `where: { placeId }`.
    const old = await api.data(`query($w: ID!) { programs(placeId: $w, first: 100) { totalCount } }`, {
      w: ids['福州'],
    });
    expect(old.programs.totalCount).toBe(exact.totalCount);
  });

  test('programs within 廊坊市 ordered by documents, with counts; stable cursors under the ordering', async () => {
    const q = `query($w: ID!, $after: String) {
      programs(where: { within: $w }, orderBy: { field: DOCUMENT_COUNT, direction: DESC }, first: 3, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } nodes { name documentCount placeCount }
      }
    }`;
    const first = (await api.data(q, { w: ids['廊坊'] })).programs;
    // 领头羊工程: 000 (廊坊大力实施农村“领头羊”工程), 001 and 004 (深入实施“领头羊”工程); 党史学习教育:
    // 000, 002 (扎實開展黨史學習教育) and 003 — three documents each, ties by id.
    expect(
      first.nodes
        .slice(0, 2)
        .map((n: any) => [n.name, n.documentCount])
        .sort(),
    ).toEqual([
      ['党史学习教育', 3],
      ['领头羊工程', 3],
    ]);
    const counts: number[] = [];
    const seen: string[] = [];
    let page = first;
    for (;;) {
      for (const n of page.nodes) {
        counts.push(n.documentCount);
        seen.push(n.name);
      }
      if (!page.pageInfo.hasNextPage) break;
      page = (await api.data(q, { w: ids['廊坊'], after: page.pageInfo.endCursor })).programs;
    }
    expect(seen.length).toBe(first.totalCount);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    // A cursor of one ordering is refused under another.
    const other = await api.gql(`query($a: String) { programs(first: 2, after: $a) { totalCount } }`, {
      a: first.pageInfo.endCursor,
    });
    expect(other.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(other.errors?.[0]?.message).toMatch(/another ordering/);
  });

  test('"廊坊\'s metrics": a count says how many there are beyond the first page', async () => {
    const { place } = await api.data(`{ place(name: "廊坊") { id metricCount metrics { value } } }`);
    const all = await api.data(`query($p: ID!) { metrics(where: { placeId: $p }) { totalCount } }`, {
      p: place.id,
    });
    expect(place.metricCount).toBe(all.metrics.totalCount);
    expect(place.metrics.length).toBe(Math.min(100, place.metricCount));
    // 000: 全市11.2万余名党员 and 3199名村党组织书记; 004: 近26.5万名党员 — all about 廊坊市.
    expect(place.metricCount).toBeGreaterThan(100);
  });

  test('"Which programs are most widespread?": programs by number of places', async () => {
    const { programs } = await api.data(
      `{ programs(orderBy: { field: PLACE_COUNT, direction: DESC }, first: 1) { nodes { name placeCount places { name } } } }`,
    );
    const top = programs.nodes[0];
    // 党史学习教育 runs in 廊坊市 (000), 定州市 (002: 扎實開展黨史學習教育), 福州市 (003) and more.
    expect(top.name).toBe('党史学习教育');
    expect(names(top.places)).toEqual(expect.arrayContaining(['廊坊市', '定州市', '福州市']));
    expect(top.placeCount).toBe(top.places.length);
  });

  test('"Which cities report most about 双报到?": its places by number of documents, with dates', async () => {
    const { program } = await api.data(
      `{ program(name: "双报到") { kind placeReports(orderBy: DOCUMENT_COUNT) { place { name level } documentCount firstReported documents { file publishedAt } } } }`,
    );
    const byName = Object.fromEntries(program.placeReports.map((r: any) => [r.place.name, r]));
    // 000 (2021-06-07): 廊坊市组织发动8344名社区党员开展“双报到”; 002 (no date): 到社区“雙報到”活動 (定州).
    expect(byName['廊坊市']).toMatchObject({ documentCount: 1, firstReported: '2021-06-07' });
    expect(byName['廊坊市'].documents[0].file).toBe('000_cd5570a6f70beb67.txt');
    expect(byName['定州市']).toMatchObject({ documentCount: 1, firstReported: null });
    // The schema's own example: 双报到 is a MECHANISM (a standing rule, 在职党员到社区双报到).
    expect(program.kind).toBe('MECHANISM');
    const mechanisms = await api.data(
      `{ programs(where: { kind: MECHANISM }, first: 100) { nodes { name } } }`,
    );
    expect(names(mechanisms.programs.nodes)).toContain('双报到');
  });

  test("every program's and organization's kind follows the rule the schema states", async () => {
    const { programs, organizations } = await api.data(
      `{ programs(first: 100) { nodes { name kind } } organizations(first: 100) { nodes { name kind } } }`,
    );
    // ProgramKind (1): the type word the name ends in; (2) national practices.
    const TYPE_WORDS: Array<[RegExp, string]> = [
      [/(?:工程|计划)$/, 'PROJECT'],
      [/(?:活动|行动|学习教育|主题教育)$/, 'CAMPAIGN'],
      [/(?:机制|制度|制|工作法|清单|模式)$/, 'MECHANISM'],
      [/(?:平台|驿站|会客厅)$/, 'PLATFORM'],
    ];
    const NATIONAL: Record<string, string> = {
      双报到: 'MECHANISM',
      三会一课: 'MECHANISM',
      四议两公开: 'MECHANISM',
      组织生活会: 'MECHANISM',
      主题党日: 'CAMPAIGN',
    };
    let checked = 0;
    for (const p of programs.nodes) {
      const expected = TYPE_WORDS.find(([re]) => re.test(p.name))?.[1] ?? NATIONAL[p.name];
      if (expected === undefined) continue;
      expect([p.name, p.kind]).toEqual([p.name, expected]);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
    // OrganizationKind: a committee, its standing body and its departments are PARTY_COMMITTEE.
    const kindOf = Object.fromEntries(organizations.nodes.map((o: any) => [o.name, o.kind]));
    // 004: ■中共廊坊市委组织部 and 围绕落实市委常委会抓基层党建“八项措施” (廊坊); 000: 廊坊市委宣传部;
    // 002: 定州市委宣傳部.
    for (const name of ['廊坊市委组织部', '廊坊市委宣传部', '定州市委宣传部', '廊坊市委', '廊坊市委常委会']) {
      expect([name, kindOf[name]]).toEqual([name, 'PARTY_COMMITTEE']);
    }
    expect(kindOf['河北省人大常委会']).toBe('OTHER');
  });

  test('"How did the number of 党员 reported for 廊坊市 change by year?": a metric series', async () => {
    const { metricSeries } = await api.data(
      `query($w: ID!) { metricSeries(where: { within: $w, subject: "党员", unit: "名" }, groupBy: YEAR, first: 10) {
        key year count sum min max metrics(first: 5) { text year document { publishedAt } } } }`,
      { w: ids['廊坊'] },
    );
    // 000 (2021): 全市11.2万余名党员; 004 (2023): 对…近26.5万名党员进行培训.
    expect(metricSeries.map((p: any) => [p.year, p.count, p.sum])).toEqual([
      [2021, 1, 112000],
      [2023, 1, 265000],
    ]);
    expect(metricSeries[0].metrics[0].text).toBe('11.2万余名');
    expect(metricSeries[1].metrics[0].document.publishedAt).toBe('2023-07-31');
    const byPlace = await api.data(
      `query($w: ID!) { metricSeries(where: { within: $w, subjectContains: "党员", unit: "名", yearFrom: 2021, yearTo: 2021 }, groupBy: PLACE, first: 10) { key place { name } count sum } }`,
      { w: ids['河北'] },
    );
    // 廊坊市 2021: 8344名社区党员, 11.2万余名党员; 定州市 2021 (002): 3358名黨員, 5.5万名党员干部 …
    const places = byPlace.metricSeries.map((p: any) => p.place.name);
    expect(places).toEqual(expect.arrayContaining(['廊坊市', '定州市']));
    const langfang = byPlace.metricSeries.find((p: any) => p.place.name === '廊坊市');
    expect(langfang.sum).toBeGreaterThanOrEqual(112000 + 8344);
  });

  test('"What do 廊坊市 and 定州市 share?": shared programs and those only in each, with documents', async () => {
    const { comparePlaces } = await api.data(
      `query($a: ID!, $b: ID!) { comparePlaces(ids: [$a, $b]) {
        places { name } sharedCount shared(first: 50) { program { name } documents(first: 5) { file } }
        only { place { name } programs(first: 50) { program { name } } } } }`,
      { a: ids['廊坊'], b: ids['定州'] },
    );
    const shared = comparePlaces.shared.map((s: any) => s.program.name);
    // 000 and 002 both: 双报到, “六位一体”, 我为群众办实事, 党史学习教育.
    expect(shared).toEqual(expect.arrayContaining(['双报到', '六位一体', '我为群众办实事', '党史学习教育']));
    expect(comparePlaces.sharedCount).toBe(shared.length);
    const sbd = comparePlaces.shared.find((s: any) => s.program.name === '双报到');
    expect(sbd.documents.map((d: any) => d.file).sort()).toEqual([
      '000_cd5570a6f70beb67.txt',
      '002_9580167390fa59db.txt',
    ]);
    const [lf, dz] = comparePlaces.only;
    expect(lf.place.name).toBe('廊坊市');
    // 004: 深入实施“领头羊”工程 (廊坊); 002: “三基”建设年 (定州).
    expect(lf.programs.map((p: any) => p.program.name)).toContain('领头羊工程');
    expect(dz.programs.map((p: any) => p.program.name)).toContain('三基建设年');
    expect(lf.programs.map((p: any) => p.program.name)).not.toContain('双报到');
    const missing = await api.gql(
      `query($a: ID!) { comparePlaces(ids: [$a, "plc_00000000000000000000"]) { sharedCount } }`,
      {
        a: ids['廊坊'],
      },
    );
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  test('"When did 领头羊工程 and 近邻党建 reach a place?": first and last reported', async () => {
    const { a, b } = await api.data(`{
      a: program(name: "领头羊工程") { placeReports { place { name } firstReported lastReported documentCount } }
      b: program(name: "近邻党建") { placeReports { place { name } firstReported documentCount documents { file } } }
    }`);
    const lf = a.placeReports.find((r: any) => r.place.name === '廊坊市');
    // 000 (2021-06-07) and 004 (2023-07-31) both say 廊坊 runs it.
    expect(lf).toMatchObject({ firstReported: '2021-06-07', lastReported: '2023-07-31', documentCount: 2 });
    // Timeline order: earliest first.
    const dates = a.placeReports.map((r: any) => r.firstReported ?? '9999');
    expect([...dates].sort()).toEqual(dates);
    // 003 (福州日报, no date line): 福州市…全面开展近邻党建百日攻坚 — the document states no day.
    expect(b.placeReports).toEqual([
      {
        place: { name: '福州市' },
        firstReported: null,
        documentCount: 1,
        documents: [{ file: '003_13a46d50afd9d5e4.txt' }],
      },
    ]);
  });

  test('the program network of 廊坊市: nodes and weighted edges with shared documents', async () => {
    const { programNetwork } = await api.data(
      `query($w: ID!) { programNetwork(within: $w, first: 10) { nodes { name } edges { source { name } target { name } weight sharedDocuments { file } } } }`,
      { w: ids['廊坊'] },
    );
    expect(programNetwork.edges.length).toBeGreaterThan(0);
    const weights = programNetwork.edges.map((e: any) => e.weight);
    expect([...weights].sort((x, y) => y - x)).toEqual(weights);
    const nodes = new Set(names(programNetwork.nodes));
    for (const e of programNetwork.edges) {
      expect(nodes.has(e.source.name) && nodes.has(e.target.name)).toBe(true);
      expect(e.sharedDocuments.length).toBeGreaterThan(0);
    }
  });

  test('documents by date range, source and place; metrics by value', async () => {
    const { documents } = await api.data(
      `query($w: ID!) { documents(where: { within: $w, publishedFrom: "2023" }, orderBy: { field: PUBLISHED_AT, direction: DESC }) { nodes { file publishedAt } } }`,
      { w: ids['河北'] },
    );
    // 004: 2023年07月31日 (中国城市报); 001: 2023-05-27 (河北日报客户端).
    expect(documents.nodes).toEqual([
      { file: '004_25e9754753f0df45.txt', publishedAt: '2023-07-31' },
      { file: '001_6e8a4dd470d8964e.txt', publishedAt: '2023-05-27' },
    ]);
    const bySource = await api.data(`{ documents(where: { sourceContains: "福州" }) { nodes { file } } }`);
    expect(bySource.documents.nodes).toEqual([{ file: '003_13a46d50afd9d5e4.txt' }]);
    const top = await api.data(
      `query($p: ID!) { metrics(where: { placeId: $p, unit: "名" }, orderBy: { field: VALUE, direction: DESC }, first: 1) { nodes { text value } } }`,
      { p: ids['福州'] },
    );
    // 003: 全市…32万多名党员 is 福州's largest count of people.
    expect(top.metrics.nodes[0]).toEqual({ text: '32万多名', value: 320000 });
  });

  test('programs by date of their documents, number of documents and name in either script', async () => {
    const { in2023, often, trad } = await api.data(`{
      in2023: programs(where: { publishedFrom: "2023", publishedTo: "2023" }, first: 100) { nodes { name } }
      often: programs(where: { minDocuments: 2 }, orderBy: { field: NAME, direction: DESC }, first: 100) { nodes { name documentCount } }
      trad: programs(where: { nameContains: "報到" }) { nodes { name } }
    }`);
    // 004 (2023-07-31): 深化实施“领航工程”; 群众说事、干部解题 is named in 000 (2021) and 003 (no date) only.
    expect(names(in2023.nodes)).toContain('领航工程');
    expect(names(in2023.nodes)).not.toContain('群众说事、干部解题');
    // 000 and 002 each name “六位一体” and 双报到 (雙報到); 000, 001 and 004 the “领头羊”工程.
    expect(names(often.nodes)).toEqual(expect.arrayContaining(['六位一体', '双报到', '领头羊工程']));
    for (const p of often.nodes) expect(p.documentCount).toBeGreaterThanOrEqual(2);
    expect(names(often.nodes)).toEqual([...names(often.nodes)].sort().reverse());
    expect(names(trad.nodes)).toEqual(['双报到']);
  });

  test('organizations within a city: the village branch under its town and district', async () => {
    const { organizations } = await api.data(
      `query($w: ID!) { organizations(where: { within: $w, kind: PARTY_BRANCH }) { nodes { name place { name } } } }`,
      { w: ids['廊坊'] },
    );
    // 000: 廊坊市安次区落垡镇东张务村 … 该村党支部 — a village three levels under 廊坊市.
    expect(organizations.nodes).toContainEqual({ name: '东张务村党支部', place: { name: '东张务村' } });
    // 定州's 钮店社区党支部 (002) is not under 廊坊市.
    expect(names(organizations.nodes)).not.toContain('钮店社区党支部');
  });

  test('every ordering pages through the whole list once, in order, with its own cursors', async () => {
    const lists = [
      {
        q: 'metrics(where: { within: $w }, orderBy: { field: VALUE, direction: DESC }',
        pick: (n: any) => n.value,
        desc: true,
      },
      {
        q: 'metrics(where: { within: $w }, orderBy: { field: YEAR }',
        pick: (n: any) => n.year ?? 0,
        desc: false,
      },
      {
        q: 'places(where: { within: $w }, orderBy: { field: PROGRAM_COUNT, direction: DESC }',
        pick: (n: any) => n.programCount,
        desc: true,
      },
      {
        q: 'documents(where: { within: $w }, orderBy: { field: PUBLISHED_AT }',
        pick: (n: any) => n.publishedAt ?? '',
        desc: false,
      },
    ];
    for (const l of lists) {
      const field = l.q.split('(')[0] as string;
      const body =
        field === 'metrics' ? 'id value year' : field === 'places' ? 'id programCount' : 'id publishedAt';
      const q = `query($w: ID!, $after: String) { ${l.q}, first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { ${body} } } }`;
      const seen: any[] = [];
      let after: string | null = null;
      let total = 0;
      for (;;) {
        const page: any = (await api.data(q, { w: ids['廊坊'], after }))[field];
        total = page.totalCount;
        seen.push(...page.nodes);
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen.length).toBe(total);
      expect(new Set(seen.map((n) => n.id)).size).toBe(total);
      const keys = seen.map(l.pick);
      const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect(keys).toEqual(l.desc ? sorted.reverse() : sorted);
    }
  });

  test('a where id that names no node is NOT_FOUND; a lookup by such an id is null', async () => {
    const r = await api.gql(`{ programs(where: { within: "plc_00000000000000000000" }) { totalCount } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(r.errors?.[0]?.message).toMatch(/within/);
    const lookup = await api.data(
      `{ place(id: "plc_00000000000000000000") { name } program(id: "x") { name } }`,
    );
    expect(lookup).toEqual({ place: null, program: null });
    const bad = await api.gql(`{ documents(where: { publishedFrom: "June 2021" }) { totalCount } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test("the README's example queries answer on the bundled corpus (their ids are 廊坊市's and 定州市's)", async () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1] as string);
    expect(examples.filter((q) => /where:|comparePlaces|metricSeries/.test(q)).length).toBeGreaterThanOrEqual(
      3,
    );
    for (const q of examples) {
      const r = await api.gql(q);
      expect(r.errors).toBeUndefined();
      expect(JSON.stringify(r.data)).not.toMatch(/"(?:nodes|shared|programs)":\[\]/);
    }
    expect([ids['廊坊'], ids['定州']]).toEqual(['plc_ab054489ce6af0f051f7', 'plc_b9dee6c28c377d010937']);
  });

  test('new fields cost the same round trips for 2 parents as for 40 (flat in list size)', async () => {
    const q = `query($n: Int!) { programs(first: $n) { totalCount nodes { name placeCount documentCount metricCount
      placeReports(first: 3) { place { name metricCount } documentCount firstReported documents { file } } } } }`;
    const trips: number[] = [];
    for (const n of [2, 40]) {
      const r = await api.gql(q, { n });
      expect(r.errors).toBeUndefined();
      trips.push(r.extensions?.db?.roundTrips as number);
    }
    expect(trips[1]).toBe(trips[0]);
    const series = `query($w: ID!, $n: Int!) { metricSeries(where: { within: $w }, groupBy: PLACE, first: $n) { count place { name programCount } metrics(first: 3) { text place { name } } } }`;
    const s: number[] = [];
    for (const n of [1, 20]) {
      const r = await api.gql(series, { w: ids['河北'], n });
      expect(r.errors).toBeUndefined();
      s.push(r.extensions?.db?.roundTrips as number);
    }
    expect(s[1]).toBe(s[0]);
  });
});

describeEngines('the new fields under the limits (issue 13)', (engine) => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer(importBundled, { engine });
  }, 120000);
  afterAll(() => api?.stop());

  test('a series, a network and placeReports count their page sizes; first over 100 is refused', async () => {
    // 100 points × 100 metrics × their places' lists: refused before it runs.
    const costly = await api.gql(
      `{ metricSeries(groupBy: YEAR) { metrics(first: 100) { place { programs { name } } } } }`,
    );
    expect(costly.status).toBe(400);
    expect(costly.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'maxCost' });
    const network = await api.gql(
      `{ programNetwork(first: 100) { edges { sharedDocuments(first: 100) { programs { name } } } } }`,
    );
    expect(network.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'maxCost' });
    const big = await api.gql(
      `{ programs(first: 1) { nodes { placeReports(first: 101) { documentCount } } } }`,
    );
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'maxPageSize' });
    const many = await api.gql(`query($ids: [ID!]!) { comparePlaces(ids: $ids) { sharedCount } }`, {
      ids: Array.from({ length: 11 }, (_v, i) => `plc_${String(i).padStart(20, '0')}`),
    });
    expect(many.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', argument: 'ids' });
  });
});
