/**
 * Store reads with a contract of their own, on every engine (Grafeo always, Neo4j when
 * NEO4J_URI is set): keyset pages through anchored and plain filters, the heaviest related
 * programs of each program, and the counts behind `stats` and /healthz.
 */
import { entityId } from '../../src/graph/ids';
import { graphOf } from '../../src/extract/testing/graph';
import type { MetricRow, Page, ProgramRow } from '../../src/graph/rows';
import { RELATION_FIELDS, type RelationFieldName } from '../../src/graph/cypher/relations';
import type { ListName } from '../../src/graph/cypher/lists';
import { RELATION_TYPES, type NodeLabel } from '../../src/graph/schema';
import type { GraphStore } from '../../src/graph/store';
import { langfangGraph, relatedProgramsGraph } from '../fixtures/graphs';
import { describeEngines, freshStorePerTest } from '../helpers/engines';

const prg = (name: string) => entityId('Program', name, '');
const LANGFANG = entityId('Place', 'code:131000', '');
/** Names in the store's list order: by name (code point), which these names never tie on. */
const byName = (names: string[]) => [...names].sort();

describeEngines('store reads', (engine) => {
  let store: GraphStore;
  freshStorePerTest(engine, (s) => (store = s));

  test('related programs: the `limit` heaviest of each program, equal weights by id', async () => {
    await store.writeDocument(relatedProgramsGraph(), 'r.txt');
    const [ltY, sbd] = await store.relatedPrograms([prg('领头羊工程'), prg('双报到')], 2);
    expect(ltY?.map((r) => [r.sourceId, r.program.name, r.weight])).toEqual([
      [prg('领头羊工程'), '双报到', 0.9],
      [prg('领头羊工程'), '三审一谈', 0.6],
    ]);
    // Written from 领头羊工程 to 双报到: related either way.
    expect(sbd?.map((r) => [r.program.name, r.weight])).toEqual([['领头羊工程', 0.9]]);
    const tied = ['六位一体', '红色物业'].sort((a, b) => (prg(a) < prg(b) ? -1 : 1));
    const [all] = await store.relatedPrograms([prg('领头羊工程')], 10);
    expect(all?.map((r) => [r.program.name, r.weight])).toEqual([
      ['双报到', 0.9],
      ['三审一谈', 0.6],
      [tied[0], 0.3],
      [tied[1], 0.3],
    ]);
    expect(all?.[0]?.program).toEqual({ id: prg('双报到'), name: '双报到', aliases: [], kind: 'MECHANISM' });
    expect(await store.relatedPrograms(['prg_00000000000000000000', prg('领头羊工程')], 0)).toEqual([[], []]);
  });

  test('pages walk a list in (name, id) order, each item once, with plain and anchored filters', async () => {
    await store.writeDocument(relatedProgramsGraph(), 'r.txt');
    const walk = async (filters: Record<string, unknown>): Promise<string[]> => {
      const names: string[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 10; pages++) {
        const page: Page<ProgramRow> = await store.page('programs', filters, 2, after);
        expect(page.cursors).toHaveLength(page.items.length);
        names.push(...page.items.map((p) => p.name));
        if (!page.hasNextPage) return names;
        after = page.cursors[page.cursors.length - 1] ?? null;
      }
      throw new Error('more than 10 pages of 2 programs');
    };
    expect(await walk({})).toEqual(byName(['领头羊工程', '双报到', '三审一谈', '六位一体', '红色物业']));
    expect(await walk({ placeId: LANGFANG })).toEqual(
      byName(['领头羊工程', '双报到', '三审一谈', '红色物业']),
    );
    expect(await walk({ placeId: LANGFANG, kind: 'MECHANISM' })).toEqual(byName(['双报到', '三审一谈']));
    const page = await store.page('programs', { placeId: LANGFANG }, 2);
    expect(page.items[0]).toEqual({ id: prg('三审一谈'), name: '三审一谈', aliases: [], kind: 'MECHANISM' });
    expect(await page.totalCount()).toBe(4);
  });

  test('a document’s metrics page through in text order, each once, past offsets of more digits', async () => {
    const graph = graphOf('004'); // metrics at 3- and 4-digit offsets: as strings, '768' > '1157'
    const out = await store.writeDocument(graph, '004.txt');
    const offsets = graph.metrics.map((m) => Number(m.key)).sort((a, b) => a - b);
    expect(offsets[0]).toBeLessThan(1000);
    expect(offsets[offsets.length - 1]).toBeGreaterThan(1000);
    const ids: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const page: Page<MetricRow> = await store.page('metrics', { documentId: out.docId }, 7, after);
      ids.push(...page.items.map((m) => m.id));
      if (!page.hasNextPage) break;
      after = page.cursors[page.cursors.length - 1] ?? null;
    }
    expect(ids).toEqual(offsets.map((at) => entityId('Metric', String(at), out.docId)));
  });

  test('one parent’s relationship fields (top keys, then nodes) equal the batched answer', async () => {
    await store.writeDocument(graphOf('004'), '004.txt');
    await store.writeDocument(langfangGraph(), 'a.txt');
    const firstOf: Record<NodeLabel, ListName> = {
      Document: 'documents',
      Place: 'places',
      Organization: 'organizations',
      Program: 'programs',
      Person: 'people',
      Metric: 'metrics',
    };
    const parentLabel = (field: string) => field.split('.')[0] as NodeLabel;
    let compared = 0;
    for (const field of Object.keys(RELATION_FIELDS) as RelationFieldName[]) {
      const parents = (await store.page(firstOf[parentLabel(field)], {}, 20)).items.map((n) => n.id);
      for (const id of parents) {
        for (const limit of [3, 100]) {
          const [alone] = await store.related(field, [id], limit);
          const [batched] = await store.related(field, [id, 'plc_00000000000000000000'], limit);
          expect({ field, id, limit, nodes: alone }).toEqual({ field, id, limit, nodes: batched });
          if ((batched ?? []).length > 0) compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  test('metrics filters intersect, whichever of them anchors the match', async () => {
    const { docId } = await store.writeDocument(relatedProgramsGraph(), 'r.txt');
    const values = async (filters: Record<string, unknown>) =>
      (await store.page('metrics', filters, 10)).items.map((m) => m.value).sort((a, b) => a - b);
    expect(await values({ placeId: LANGFANG })).toEqual([120, 300]);
    expect(await values({ programId: prg('红色物业') })).toEqual([120]);
    expect(await values({ programId: prg('红色物业'), placeId: LANGFANG })).toEqual([120]);
    expect(await values({ programId: prg('双报到'), placeId: LANGFANG })).toEqual([]);
    expect(await values({ documentId: docId, placeId: LANGFANG })).toEqual([120, 300]);
    expect(await values({ documentId: docId, programId: prg('双报到') })).toEqual([45]);
    const both = await store.page('metrics', { programId: prg('红色物业'), placeId: LANGFANG }, 10);
    expect(both.items).toEqual([expect.objectContaining({ value: 120, unit: '个', doc: docId })]);
    expect(await both.totalCount()).toBe(1);
  });

  test('organizations of a place', async () => {
    await store.writeDocument(langfangGraph(), 'a.txt');
    const orgs = await store.page('organizations', { placeId: LANGFANG }, 10);
    expect(orgs.items.map((o) => o.name)).toEqual(['廊坊市委']);
    expect(orgs.hasNextPage).toBe(false);
  });

  test('counts: every label and relationship type, 0 when none; nodeStats are the node counts', async () => {
    const empty = await store.detailedStats();
    expect(empty.labels).toEqual({
      Document: 0,
      Place: 0,
      Organization: 0,
      Program: 0,
      Person: 0,
      Metric: 0,
    });
    expect(empty.relationships).toEqual(
      Object.fromEntries([...RELATION_TYPES, 'MENTIONS'].map((t): [string, number] => [t, 0])),
    );
    await store.writeDocument(relatedProgramsGraph(), 'r.txt');
    const s = await store.detailedStats();
    expect(s.labels).toEqual({ Document: 1, Place: 2, Organization: 0, Program: 5, Person: 0, Metric: 3 });
    // 廊坊市 in 河北省; four programs in 廊坊市; four relations; 120 measures a program and a place.
    expect(s.relationships).toMatchObject({
      PART_OF: 1,
      IMPLEMENTED_IN: 4,
      RELATED_TO: 4,
      MEASURES: 4,
      LOCATED_IN: 0,
      RUNS: 0,
      HOLDS: 0,
    });
    expect(s.relationships.MENTIONS).toBeGreaterThan(0);
    const total = Object.values(s.relationships).reduce((a, b) => a + b, 0);
    const nodes = { documents: 1, places: 2, organizations: 0, programs: 5, people: 0, metrics: 3 };
    expect(await store.stats()).toEqual({ ...nodes, relationships: total });
    expect(await store.nodeStats()).toEqual(nodes);
  });

  test('evidence sentences are cut by UTF-16 offsets, past characters outside the BMP', async () => {
    // 𠮷 is two UTF-16 units but one code point: the sentences after it keep extraction's offsets.
    const out = await store.writeDocument(langfangGraph('𠮷'), 'a.txt');
    const [metric] = (await store.page('metrics', { placeId: LANGFANG }, 10)).items;
    expect(metric).toMatchObject({ doc: out.docId, value: 3199 });
    const quotes = await store.quotes([metric!, { doc: 'doc_00000000000000000000', start: 0, end: 3 }]);
    expect(quotes).toEqual(['全市3199名村党组织书记参加培训。', '']);
  });
});
