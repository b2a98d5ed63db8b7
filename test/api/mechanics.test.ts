/**
 * API mechanics over HTTP on hand-written fixture documents: pagination, node ids, name
 * lookups, evidence, limits, errors and batching. Facts of the real corpus are in corpus.test.ts.
 */
import { dingzhouGraph, langfangGraph } from '../fixtures/graphs';
import { describeEngines } from '../helpers/engines';
import { startTestServer, type TestServer } from '../helpers/server';

describeEngines('API mechanics', (engine) => {
  let api: TestServer;

  beforeAll(async () => {
    api = await startTestServer(
      async (store) => {
        await store.writeDocument(langfangGraph(), 'a.txt');
        await store.writeDocument(dingzhouGraph(), 'b.txt');
        await store.writeDocument(langfangGraph('，成效明显'), 'c.txt');
      },
      { engine },
    );
  });
  afterAll(() => api.stop());

  test('stats counts what was written', async () => {
    const d = await api.data(
      '{ stats { documents places organizations programs people metrics relationships } }',
    );
    expect(d.stats).toMatchObject({
      documents: 3,
      places: 3,
      organizations: 1,
      programs: 2,
      people: 1,
      metrics: 2,
    });
    expect(d.stats.relationships).toBeGreaterThan(10);
  });

  test('program by canonical name, alias, quoted form and short form', async () => {
    for (const name of ['领头羊工程', '“领头羊”工程', '农村“领头羊”工程', '领头羊', '"领头羊"工程']) {
      const d = await api.data('query($n: String) { program(name: $n) { name aliases } }', { n: name });
      expect(d.program?.name).toBe('领头羊工程');
    }
    const none = await api.data('{ program(name: "不存在的工程") { name } }');
    expect(none.program).toBeNull();
  });

  test('place by short name', async () => {
    const d = await api.data(
      '{ place(name: "廊坊") { name level code parent { name level } children { name } } }',
    );
    expect(d.place).toEqual({
      name: '廊坊市',
      level: 'CITY',
      code: '131000',
      parent: { name: '河北省', level: 'PROVINCE' },
      children: [],
    });
    const hebei = await api.data('{ place(name: "河北") { children { name } } }');
    expect(hebei.place.children.map((c: { name: string }) => c.name)).toEqual(['定州市', '廊坊市']);
  });

  test('place and program need exactly one of id or name', async () => {
    const r = await api.gql('{ place { name } }');
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toContain('exactly one of `id` or `name`');
  });

  test('node(id) round-trips every type and ids are stable', async () => {
    const d = await api.data(`{
    documents(first: 1) { nodes { id } }
    places(first: 1) { nodes { id } }
    organizations(first: 1) { nodes { id } }
    programs(first: 1) { nodes { id } }
    people(first: 1) { nodes { id } }
    metrics(first: 1) { nodes { id } }
  }`);
    const ids = Object.values(d).map((c: any) => c.nodes[0].id as string);
    expect(ids).toHaveLength(6);
    for (const id of ids) {
      const n = await api.data('query($id: ID!) { node(id: $id) { __typename id } }', { id });
      expect(n.node.id).toBe(id);
    }
    const types = await Promise.all(
      ids.map(
        async (id) =>
          (await api.data('query($id: ID!) { node(id: $id) { __typename } }', { id })).node.__typename,
      ),
    );
    expect(types).toEqual(['Document', 'Place', 'Organization', 'Program', 'Person', 'Metric']);
    const missing = await api.data(
      '{ node(id: "prg_00000000000000000000") { id } a: node(id: "garbage") { id } }',
    );
    expect(missing).toEqual({ node: null, a: null });
  });

  test('pagination walks to the end with no duplicates or gaps', async () => {
    const all = await api.data('{ places(first: 100) { totalCount nodes { id } } }');
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await api.data(
        'query($after: String) { places(first: 1, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      expect(page.places.totalCount).toBe(all.places.totalCount);
      seen.push(...page.places.edges.map((e: any) => e.node.id));
      if (!page.places.pageInfo.hasNextPage) break;
      after = page.places.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.places.nodes.map((n: any) => n.id));
    expect(new Set(seen).size).toBe(seen.length);
  });

  test('filters: level, nameContains, placeId, kind, documentId', async () => {
    const d = await api.data(
      '{ places(level: PROVINCE) { nodes { name } } programs(nameContains: "报到") { nodes { name } } }',
    );
    expect(d.places.nodes).toEqual([{ name: '河北省' }]);
    expect(d.programs.nodes).toEqual([{ name: '双报到' }]);
    const dz = await api.data('{ place(name: "定州") { id } }');
    const p = await api.data('query($id: ID) { programs(placeId: $id) { nodes { name } } }', {
      id: dz.place.id,
    });
    expect(p.programs.nodes).toEqual([{ name: '双报到' }]);
    const k = await api.data('{ programs(kind: PROJECT) { nodes { name } } }');
    expect(k.programs.nodes).toEqual([{ name: '领头羊工程' }]);
    const docs = await api.data('{ documents { nodes { id file } } }');
    const a = docs.documents.nodes.find((x: any) => x.file === 'a.txt');
    const m = await api.data(
      'query($id: ID) { metrics(documentId: $id) { totalCount nodes { value unit subject year } } }',
      {
        id: a.id,
      },
    );
    expect(m.metrics).toEqual({
      totalCount: 1,
      nodes: [{ value: 3199, unit: '名', subject: '村党组织书记', year: 2021 }],
    });
  });

  test('every fact leads back to its sentence', async () => {
    const d = await api.data(`{
    program(name: "双报到") {
      places { name }
      organizations { name }
      people { name }
      related { weight program { name } sharedDocuments { file } sharedPlaces { name } }
      mentions(first: 5) { quote start end document { file } }
    }
    people { nodes { name positions { title organization { name } place { name } document { file } mention { quote } } } }
  }`);
    expect(d.program.places.map((p: any) => p.name)).toEqual(['定州市', '廊坊市']);
    expect(d.program.related).toEqual([
      {
        weight: 1,
        program: { name: '领头羊工程' },
        sharedDocuments: [{ file: 'a.txt' }, { file: 'c.txt' }],
        sharedPlaces: [{ name: '廊坊市' }],
      },
    ]);
    expect(d.program.mentions.map((m: any) => m.document.file).sort()).toEqual(['a.txt', 'b.txt', 'c.txt']);
    for (const m of d.program.mentions) expect(m.end - m.start).toBe(m.quote.length);
    const person = d.people.nodes[0];
    expect(person.name).toBe('杨晓和');
    expect(person.positions[0]).toEqual({
      title: '市委书记',
      organization: { name: '廊坊市委' },
      place: { name: '廊坊市' },
      document: { file: 'a.txt' },
      mention: { quote: '市委书记杨晓和推动“双报到”工作。' },
    });
  });

  test('search ranks programs and places, and filters by kind', async () => {
    const d = await api.data('{ search(text: "领头羊") { kind score node { id ... on Program { name } } } }');
    expect(d.search[0]).toMatchObject({ kind: 'PROGRAM', node: { name: '领头羊工程' } });
    const places = await api.data(
      '{ search(text: "廊坊", kinds: [PLACE]) { kind node { ... on Place { name } } } }',
    );
    expect(places.search.map((h: any) => h.kind)).toEqual(places.search.map(() => 'PLACE'));
    expect(places.search[0].node.name).toBe('廊坊市');
    const r = await api.gql('{ search(text: "  ") { score } }');
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('page size over the limit is a clear error naming the limit', async () => {
    const r = await api.gql('{ programs(first: 101) { totalCount } }');
    expect(r.errors?.[0]?.extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      limit: 'maxPageSize',
      max: 100,
    });
    expect(r.errors?.[0]?.message).toContain('`first` is at most 100; got 101');
    const bad = await api.gql('{ programs(after: "nope") { totalCount } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('depth, aliases and tokens limits reject with LIMIT_EXCEEDED', async () => {
    let deep = '{ name }';
    for (let i = 0; i < 14; i++) deep = `{ parent ${deep} }`;
    const depth = await api.gql(`{ place(name: "廊坊") ${deep} }`);
    expect(depth.errors?.[0]?.extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      limit: 'maxDepth',
      max: 12,
    });
    const aliases = Array.from({ length: 21 }, (_, i) => `a${i}: stats { documents }`).join(' ');
    const al = await api.gql(`{ ${aliases} }`);
    expect(al.errors?.[0]?.extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      limit: 'maxAliases',
      max: 20,
    });
    const tokens = `{ ${Array.from({ length: 700 }, () => 'stats { documents }').join(' ')} }`;
    const tk = await api.gql(tokens);
    expect(tk.errors?.[0]?.extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      limit: 'maxTokens',
      max: 2000,
    });
    // Depth 11 and 300 fields at the bottom: within depth, aliases and tokens, over the cost.
    let wide = Array.from({ length: 300 }, () => 'name').join(' ');
    for (let i = 0; i < 5; i++) wide = `programs { places { ${wide} } }`;
    const cost = await api.gql(`{ place(name: "廊坊") { ${wide} } }`);
    expect(cost.errors?.[0]?.extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      limit: 'maxCost',
      max: 20000,
    });
    expect(cost.errors?.[0]?.message).toMatch(/^Query Cost limit of 20000 exceeded, found \d+/);
    expect(cost.data).toBeUndefined();
  });

  test('healthz answers with the store kind and counts', async () => {
    const res = await fetch(api.url.replace('/graphql', '/healthz'));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', store: engine.name, documents: 3 });
  });

  test('list fields are capped by `first` (default and limit 100)', async () => {
    const d = await api.data(
      '{ place(name: "廊坊") { all: metrics { value } one: metrics(first: 1) { value } } }',
    );
    expect(d.place.all).toHaveLength(2);
    expect(d.place.one).toHaveLength(1);
    const r = await api.gql('{ place(name: "廊坊") { documents(first: 101) { id } } }');
    expect(r.errors?.[0]?.extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      limit: 'maxPageSize',
      max: 100,
    });
  });

  // Last: on Neo4j a server of its own empties the one database the fixture above lives in.
  describe('servers of their own', () => {
    test('production mode hides internals of unexpected errors', async () => {
      const prod = await startTestServer(async () => undefined, { production: true, engine });
      try {
        await prod.store.runner.write("CREATE (:Program {id: 'prg_0123456789abcdef0123', name: 'x'})");
        // A program without `kind` breaks the non-null contract: the client sees a coded error, no stack.
        const r = await prod.gql('{ program(id: "prg_0123456789abcdef0123") { name aliases kind } }');
        expect(JSON.stringify(r)).not.toMatch(/stacktrace|MATCH|at .*\.ts/);
        const bad = await prod.gql('{ programs(first: 500) { totalCount } }');
        expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED' });
        expect(JSON.stringify(bad)).not.toContain('stacktrace');
      } finally {
        await prod.stop();
      }
    });

    test('healthz answers 503 with the reason when the store does not answer', async () => {
      const down = await startTestServer(async () => undefined, { engine });
      try {
        await down.store.close();
        const res = await fetch(down.url.replace('/graphql', '/healthz'));
        expect(res.status).toBe(503);
        expect(await res.json()).toEqual({
          status: 'unavailable',
          store: engine.name,
          reason: engine.name === 'grafeo' ? 'the embedded store is closed' : 'the Neo4j driver is closed',
        });
        const r = await down.gql('{ stats { documents } }');
        expect(r.errors?.[0]?.extensions?.code).toBe('STORE_UNAVAILABLE');
      } finally {
        await down.stop();
      }
    });
  });
});
