/**
 * The store contract: the same expectations on every engine (Grafeo always, Neo4j when
 * NEO4J_URI is set), through the same Cypher.
 */
import type { DocumentGraph, ProgramKind } from '../../src/extract/types';
import { entityId, labelOfId } from '../../src/graph/ids';
import { STORE_FORMAT } from '../../src/graph/schema';
import type { GraphStore } from '../../src/graph/store';
import { dingzhouGraph, langfangGraph } from '../fixtures/graphs';
import { describeEngines, freshStorePerTest } from '../helpers/engines';

describeEngines('store contract', (engine) => {
  let store: GraphStore;
  freshStorePerTest(engine, (s) => (store = s));

  test('schema setup is idempotent', async () => {
    await store.setup();
    await store.setup();
    expect((await store.stats()).documents).toBe(0);
  });

  test('writes a document with its entities, relationships and evidence', async () => {
    const out = await store.writeDocument(langfangGraph(), 'a.txt');
    expect(out.status).toBe('imported');
    const s = await store.detailedStats();
    expect(s.labels).toMatchObject({
      Document: 1,
      Place: 2,
      Organization: 1,
      Program: 2,
      Person: 1,
      Metric: 1,
    });
    expect(s.relationships).toMatchObject({
      PART_OF: 1,
      LOCATED_IN: 1,
      IMPLEMENTED_IN: 2,
      HOLDS: 1,
      RELATED_TO: 1,
      MEASURES: 1,
      MENTIONS: 6, // every entity but the metric, which belongs to the document by its `doc`
    });
    const rows = await store.runner.read(
      `MATCH (p:Program {name: '领头羊工程'})-[r:IMPLEMENTED_IN]->(pl:Place)
       RETURN pl.name AS place, r.start AS start, r.end AS end, r.doc AS doc, p.aliases AS aliases`,
    );
    const g = langfangGraph();
    const s1 = g.text.indexOf('廊坊市深入实施');
    expect(rows).toEqual([
      {
        place: '廊坊市',
        start: s1,
        end: s1 + '廊坊市深入实施农村“领头羊”工程。'.length,
        doc: out.docId,
        aliases: ['“领头羊”工程', '农村“领头羊”工程'],
      },
    ]);
    const doc = await store.nodesByIds('Document', [out.docId, 'doc_00000000000000000000']);
    expect(doc[0]).toMatchObject({
      title: '廊坊市推进基层党建',
      file: 'a.txt',
      publishedAt: '2021-06-07',
      authors: ['张三'],
    });
    expect(doc[1]).toBeNull();
    // The sentence is cut from the document's text by its offsets.
    const quoted = await store.quotes([
      { doc: out.docId, start: rows[0]!.start as number, end: rows[0]!.end as number },
      { doc: 'doc_00000000000000000000', start: 0, end: 3 },
    ]);
    expect(quoted).toEqual(['廊坊市深入实施农村“领头羊”工程。', '']);
  });

  test('writing the same content again changes nothing', async () => {
    await store.writeDocument(langfangGraph(), 'a.txt');
    const before = await store.detailedStats();
    const again = await store.writeDocument(langfangGraph(), 'a.txt');
    expect(again.status).toBe('unchanged');
    expect(await store.detailedStats()).toEqual(before);
  });

  test('two documents share entities; program aliases accumulate', async () => {
    await store.writeDocument(langfangGraph(), 'a.txt');
    await store.writeDocument(dingzhouGraph(), 'b.txt');
    const rows = await store.runner.read(
      `MATCH (p:Program {name: '双报到'})-[:IMPLEMENTED_IN]->(pl:Place)
       RETURN p.aliases AS aliases, pl.name AS place ORDER BY place`,
    );
    expect(rows.map((r) => r.place)).toEqual(['定州市', '廊坊市']);
    expect(rows[0]?.aliases).toEqual(['“双报到”制度']);
    expect((await store.stats()).places).toBe(3); // 河北省 is one node for both documents
  });

  test('a changed file replaces only its own facts', async () => {
    await store.writeDocument(langfangGraph(), 'a.txt');
    await store.writeDocument(dingzhouGraph(), 'b.txt');
    const out = await store.writeDocument(langfangGraph('，成效明显'), 'a.txt');
    expect(out.status).toBe('imported');
    if (out.status !== 'imported') return;
    expect(out.replaced).toHaveLength(1);
    const s = await store.detailedStats();
    expect(s.labels.Document).toBe(2);
    expect(s.labels.Metric).toBe(1);
    expect(s.relationships.IMPLEMENTED_IN).toBe(3);
  });

  test('removing a document drops what only it supported and keeps shared entities', async () => {
    const a = await store.writeDocument(langfangGraph(), 'a.txt');
    await store.writeDocument(dingzhouGraph(), 'b.txt');
    expect(await store.removeDocument(a.docId)).toBe(true);
    expect(await store.removeDocument(a.docId)).toBe(false);
    const s = await store.detailedStats();
    expect(s.labels).toMatchObject({
      Document: 1,
      Place: 2,
      Organization: 0,
      Program: 1,
      Person: 0,
      Metric: 0,
    });
    const names = await store.runner.read('MATCH (p:Place) RETURN p.name AS name ORDER BY name');
    expect(names.map((r) => r.name)).toEqual(['定州市', '河北省']);
    const rels = await store.runner.read('MATCH ()-[r]->() WHERE r.doc = $id RETURN count(r) AS c', {
      id: a.docId,
    });
    expect(rels[0]?.c).toBe(0);
  });

  test("a program's kind and aliases follow its documents' tallies, whatever the order they come in", async () => {
    // What a document says of 双报到 (its kind, its aliases), each document in its own file.
    const saying = (graph: DocumentGraph, kind: ProgramKind, aliases: string[]): DocumentGraph => {
      for (const p of graph.programs) if (p.key === '双报到') Object.assign(p, { kind, aliases });
      return graph;
    };
    const a = () => saying(langfangGraph(), 'CAMPAIGN', ['双报到制度', '“双报到”']);
    const b = () => saying(dingzhouGraph(), 'MECHANISM', ['“双报到”制度', '“双报到”']);
    // Its own name among its aliases counts for nothing.
    const c = () => saying(langfangGraph('，成效明显'), 'MECHANISM', ['“双报到”', '双报到']);
    const program = async () =>
      (
        await store.runner.read(
          `MATCH (p:Program {name: '双报到'})
           RETURN p.kind AS kind, p.aliases AS aliases, p.searchText AS searchText`,
        )
      )[0];
    const all = {
      // Two documents to one; the alias three give first, then by string.
      kind: 'MECHANISM',
      aliases: ['“双报到”', '“双报到”制度', '双报到制度'],
      searchText: '双报到 “双报到” “双报到”制度 双报到制度',
    };

    const { docId: bId } = await store.writeDocument(b(), 'b.txt');
    await store.writeDocument(a(), 'a.txt');
    await store.writeDocument(c(), 'c.txt');
    expect(await program()).toEqual(all);

    // Without b.txt, a tie: the earlier kind of the order (CAMPAIGN before MECHANISM) wins.
    await store.removeDocument(bId);
    expect(await program()).toEqual({
      kind: 'CAMPAIGN',
      aliases: ['“双报到”', '双报到制度'],
      searchText: '双报到 “双报到” 双报到制度',
    });

    // A changed a.txt replaces what its previous version said.
    await store.writeDocument(saying(langfangGraph('，第二版'), 'PLATFORM', ['党员双报到平台']), 'a.txt');
    expect(await program()).toEqual({
      kind: 'MECHANISM',
      aliases: ['“双报到”', '党员双报到平台'],
      searchText: '双报到 “双报到” 党员双报到平台',
    });

    // The same three documents as at first, written in the other order, give the same program.
    for (const id of await store.documentIdsByFile('a.txt')) await store.removeDocument(id);
    for (const id of await store.documentIdsByFile('c.txt')) await store.removeDocument(id);
    expect((await store.stats()).programs).toBe(0);
    await store.writeDocument(c(), 'c.txt');
    await store.writeDocument(a(), 'a.txt');
    await store.writeDocument(b(), 'b.txt');
    expect(await program()).toEqual(all);
  });

  test('a place’s parent and an organization’s place are stored once and go with the last document naming them', async () => {
    // Both versions of the text name 廊坊市 (in 河北省) and 廊坊市委 (in 廊坊市).
    const a = await store.writeDocument(langfangGraph(), 'a.txt');
    const c = await store.writeDocument(langfangGraph('，成效明显'), 'c.txt');
    const structural = async () => {
      const s = await store.detailedStats();
      return { PART_OF: s.relationships.PART_OF, LOCATED_IN: s.relationships.LOCATED_IN };
    };
    expect(await structural()).toEqual({ PART_OF: 1, LOCATED_IN: 1 });
    const langfang = entityId('Place', 'code:131000', '');
    // Their evidence is the start node's: 廊坊市 is named in both documents.
    const evidence = await store.mentions('Place', [langfang]);
    expect(new Set(evidence[0]?.map((m) => m.doc))).toEqual(new Set([a.docId, c.docId]));

    expect(await store.removeDocument(a.docId)).toBe(true);
    expect(await structural()).toEqual({ PART_OF: 1, LOCATED_IN: 1 });
    const parent = await store.related('Place.parent', [langfang], 1);
    expect(parent[0]?.map((p) => p.name)).toEqual(['河北省']);

    expect(await store.removeDocument(c.docId)).toBe(true);
    expect(await structural()).toEqual({ PART_OF: 0, LOCATED_IN: 0 });
    expect((await store.stats()).places).toBe(0);
  });

  test('a new store is marked with its format; a store in another format is refused with how to rebuild it', async () => {
    const marks = () => store.runner.read('MATCH (f:StoreFormat) RETURN f.version AS version');
    expect(await marks()).toEqual([{ version: STORE_FORMAT }]);
    await store.writeDocument(langfangGraph(), 'a.txt');
    await store.setup();
    expect(await marks()).toEqual([{ version: STORE_FORMAT }]);

    // A format 3 store (programs without tallies) would keep wrong kinds and aliases.
    await store.runner.write('MATCH (f:StoreFormat) SET f.version = 3');
    await expect(store.setup()).rejects.toThrow(
      /^the store was written by format 3; this version reads format 4 only\. To rebuild it, (delete the data directory|empty the Neo4j database)/,
    );
    // Stores from before the mark: documents and no mark.
    await store.runner.write('MATCH (f:StoreFormat) DELETE f');
    await expect(store.setup()).rejects.toThrow(/written by an earlier version \(no format mark\)/);
  });

  test('a failed transaction leaves nothing behind', async () => {
    await expect(
      store.runner.transaction(async (tx) => {
        await tx.run(`CREATE (d:Document {id: 'doc_x', title: 't'})`);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await store.stats()).documents).toBe(0);
    // A statement the engine rejects fails the transaction too.
    await store.writeDocument(langfangGraph(), 'a.txt');
    await expect(
      store.runner.transaction(async (tx) => {
        await tx.run(`CREATE (p:Place {id: 'plc_y', name: 'y'})`);
        await tx.run(`CREATE (p:Program {id: $id})`, { id: entityId('Program', '领头羊工程', '') });
      }),
    ).rejects.toMatchObject({ code: 'STORE_ERROR' });
    expect((await store.runner.read(`MATCH (p:Place {id: 'plc_y'}) RETURN count(p) AS c`))[0]?.c).toBe(0);
  });

  test('documents page through in a stable order with opaque cursors', async () => {
    await store.writeDocument(langfangGraph(), 'a.txt');
    await store.writeDocument(dingzhouGraph(), 'b.txt');
    await store.writeDocument(langfangGraph('!'), 'c.txt');
    const p1 = await store.page('documents', {}, 2);
    expect(await p1.totalCount()).toBe(3);
    expect(p1.hasNextPage).toBe(true);
    const p2 = await store.page('documents', {}, 2, p1.cursors[1]);
    expect(p2.hasNextPage).toBe(false);
    expect([...p1.items, ...p2.items].map((d) => d.file)).toEqual(['a.txt', 'b.txt', 'c.txt']);
    await expect(store.page('documents', {}, 2, 'not-a-cursor')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });

  test('full-text search finds programs by part of a name and by alias', async () => {
    await store.writeDocument(langfangGraph(), 'a.txt');
    await store.writeDocument(dingzhouGraph(), 'b.txt');
    const hits = await store.runner.textSearch('领头羊', ['Program', 'Place'], 5);
    expect(hits[0]).toMatchObject({ id: entityId('Program', '领头羊工程', ''), label: 'Program' });
    const byAlias = await store.runner.textSearch('双报到', ['Program'], 5);
    expect(byAlias.map((h) => h.id)).toContain(entityId('Program', '双报到', ''));
  });

  test('batched reads: relationship fields, positions, related programs, in key order', async () => {
    await store.writeDocument(langfangGraph(), 'a.txt');
    await store.writeDocument(dingzhouGraph(), 'b.txt');
    const prg = (k: string) => entityId('Program', k, '');
    const places = await store.related(
      'Program.places',
      [prg('双报到'), 'prg_missing', prg('领头羊工程')],
      100,
    );
    expect(places.map((ps) => ps.map((p) => p.name))).toEqual([['定州市', '廊坊市'], [], ['廊坊市']]);
    // At most `limit` per key, the first by name.
    const one = await store.related('Program.places', [prg('双报到'), prg('领头羊工程')], 1);
    expect(one.map((ps) => ps.map((p) => p.name))).toEqual([['定州市'], ['廊坊市']]);
    const parent = await store.related('Place.parent', [entityId('Place', 'code:131000', '')], 1);
    expect(parent[0]?.map((p) => p.name)).toEqual(['河北省']);
    const [person] = (await store.page('people', {}, 10)).items;
    const positions = await store.positions([person!.id]);
    expect(positions[0]).toEqual([
      expect.objectContaining({ title: '市委书记', placeId: entityId('Place', 'code:131000', '') }),
    ]);
    expect(await store.quotes(positions[0] ?? [])).toEqual(['市委书记杨晓和推动“双报到”工作。']);
    const related = await store.relatedPrograms([prg('领头羊工程')], 10);
    expect(related[0]).toEqual([
      {
        sourceId: prg('领头羊工程'),
        program: expect.objectContaining({ id: prg('双报到'), name: '双报到', kind: 'MECHANISM' }),
        weight: 0.5,
      },
    ]);
    const shared = await store.sharedDocuments([
      { a: prg('领头羊工程'), b: prg('双报到') },
      { a: prg('双报到'), b: 'prg_x' },
    ]);
    expect(shared).toEqual([[expect.stringMatching(/^doc_/)], []]);
    const mentions = await store.mentions('Program', [prg('双报到')]);
    expect((await store.quotes(mentions[0] ?? [])).sort()).toEqual([
      '定州市全面推行“双报到”制度。',
      '市委书记杨晓和推动“双报到”工作。',
    ]);
  });

  test('name lookups and list filters', async () => {
    await store.writeDocument(langfangGraph(), 'a.txt');
    await store.writeDocument(dingzhouGraph(), 'b.txt');
    expect((await store.findProgramByName('领头羊'))?.name).toBe('领头羊工程');
    expect((await store.findProgramByName('“双报到”制度'))?.name).toBe('双报到');
    expect(await store.findProgramByName('报到')).toBeNull();
    expect((await store.findPlaceByName('定州'))?.name).toBe('定州市');
    const dz = await store.findPlaceByName('定州市');
    const progs = await store.page('programs', { placeId: dz!.id }, 10);
    expect(progs.items.map((p) => p.name)).toEqual(['双报到']);
    expect(await progs.totalCount()).toBe(1);
    const metrics = await store.page('metrics', { placeId: entityId('Place', 'code:131000', '') }, 10);
    expect(metrics.items.map((m) => [m.value, m.unit, m.subject])).toEqual([[3199, '名', '村党组织书记']]);
    // A metric id names its document and offset; it resolves through the document's metrics.
    const metricId = metrics.items[0]!.id;
    const [extracted] = langfangGraph().metrics;
    expect(metricId).toBe(entityId('Metric', extracted!.key, metrics.items[0]!.doc));
    expect(labelOfId(metricId)).toBe('Metric');
    // The node stores the id's parts, not the id.
    expect(await store.runner.read('MATCH (m:Metric) RETURN m.id AS id, m.at AS at')).toEqual([
      { id: null, at: Number(extracted!.key) },
    ]);
    expect((await store.nodesByIds('Metric', [metricId, `${metricId}0`]))[0]).toMatchObject({ value: 3199 });
    expect((await store.nodesByIds('Metric', [`${metricId}0`]))[0]).toBeNull();
    expect((await store.related('Metric.place', [metricId], 1))[0]!.map((p) => p.name)).toEqual(['廊坊市']);
    expect((await store.page('places', { level: 'PROVINCE' }, 10)).items.map((p) => p.name)).toEqual([
      '河北省',
    ]);
  });
});
