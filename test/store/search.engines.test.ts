/**
 * Full-text search on the bundled corpus, on every engine: each query's top hit is the entity
 * the articles name, and Neo4j's `cjk` full-text index ranks the first hits as Grafeo's BM25
 * bigram index does (same ids, same order), so the API answers the same on both.
 */
import path from 'node:path';
import { SEARCHABLE_LABELS } from '../../src/graph/schema';
import { GraphStore } from '../../src/graph/store';
import { importPaths } from '../../src/importer/importer';
import { ROOT } from '../helpers/cli';
import { describeEngines, grafeo, type Engine } from '../helpers/engines';

/** Query → the name of its top hit in import/ (000: "农村“领头羊”工程"; 003: "全面开展近邻党建百日攻坚" …). */
const TOP: Record<string, string> = {
  领头羊: '领头羊工程',
  近邻党建: '近邻党建',
  双报到: '双报到',
  三审一谈: '三审一谈',
  廊坊: '廊坊市',
};
const FIRST = 5;

async function corpusStore(engine: Engine): Promise<{ store: GraphStore; cleanup(): Promise<void> }> {
  const opened = await engine.open();
  const store = new GraphStore(opened.runner);
  await store.setup();
  const report = await importPaths([path.join(ROOT, 'import')], store, { maxFileBytes: 5 << 20, workers: 1 });
  if (report.totals.imported !== 5) throw new Error(`corpus import failed: ${JSON.stringify(report.files)}`);
  return { store, cleanup: opened.cleanup };
}

/** The first hits' ids, in rank order. */
async function ranking(store: GraphStore, text: string): Promise<string[]> {
  return (await store.search(text, [...SEARCHABLE_LABELS], FIRST)).map((h) => h.id);
}

describeEngines('search on the bundled corpus', (engine) => {
  let store: GraphStore;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await corpusStore(engine));
  }, 120000);
  afterAll(() => cleanup());

  test.each(Object.entries(TOP))('%s: the top hit is %s', async (text, name) => {
    const [top] = await store.search(text, [...SEARCHABLE_LABELS], FIRST);
    const rows = await store.runner.read('MATCH (n) WHERE n.id = $id RETURN n.name AS name', { id: top?.id });
    expect(rows[0]?.name).toBe(name);
  });

  if (engine.name === 'neo4j') {
    test(`the first ${FIRST} hits of each query are Grafeo's, in Grafeo's order`, async () => {
      const reference = await corpusStore(grafeo);
      try {
        for (const text of Object.keys(TOP)) {
          expect({ text, ids: await ranking(store, text) }).toEqual({
            text,
            ids: await ranking(reference.store, text),
          });
        }
      } finally {
        await reference.cleanup();
      }
    });
  }
});
