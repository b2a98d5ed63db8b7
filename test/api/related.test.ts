/**
 * `Program.related(first)` over HTTP on a fixture whose weights are stated
 * (relatedProgramsGraph): the `first` heaviest, one batched query per distinct `first`; and
 * /healthz's node counts.
 */
import { entityId } from '../../src/graph/ids';
import { relatedProgramsGraph } from '../fixtures/graphs';
import { describeEngines } from '../helpers/engines';
import { startTestServer, type TestServer } from '../helpers/server';

describeEngines('Program.related and /healthz', (engine) => {
  let api: TestServer;

  beforeAll(async () => {
    api = await startTestServer(
      async (store) => {
        await store.writeDocument(relatedProgramsGraph(), 'r.txt');
      },
      { trace: true, engine },
    );
  });
  afterAll(() => api.stop());

  const prg = (name: string) => entityId('Program', name, '');

  test('related(first: 2) is the two heaviest, heaviest first', async () => {
    const d = await api.data(
      '{ program(name: "领头羊工程") { related(first: 2) { weight program { name } } } }',
    );
    expect(d.program.related).toEqual([
      { weight: 0.9, program: { name: '双报到' } },
      { weight: 0.6, program: { name: '三审一谈' } },
    ]);
  });

  test('two `first` values in one request: each its own cut, one round trip per value for every program', async () => {
    const r = await api.gql<any>(`{ programs(first: 10) { nodes { name
    one: related(first: 1) { program { name } }
    three: related(first: 3) { weight program { name } } } } }`);
    expect(r.errors).toBeUndefined();
    const byName = Object.fromEntries(r.data.programs.nodes.map((n: any) => [n.name, n]));
    expect(Object.keys(byName)).toHaveLength(5);
    // 六位一体 and 红色物业 both weigh 0.3: the lower id comes first.
    const [firstTied] = ['六位一体', '红色物业'].sort((a, b) => (prg(a) < prg(b) ? -1 : 1));
    expect(byName['领头羊工程'].one).toEqual([{ program: { name: '双报到' } }]);
    expect(byName['领头羊工程'].three).toEqual([
      { weight: 0.9, program: { name: '双报到' } },
      { weight: 0.6, program: { name: '三审一谈' } },
      { weight: 0.3, program: { name: firstTied } },
    ]);
    expect(byName['双报到'].three).toEqual([{ weight: 0.9, program: { name: '领头羊工程' } }]);
    expect(byName['红色物业'].one).toEqual([{ program: { name: '领头羊工程' } }]);
    // Its programs with both cuts of `related` in one statement: the page's own on Neo4j, after
    // the page's keys on Grafeo (CypherRunner.topKInWith).
    expect(r.extensions?.db?.roundTrips).toBe(engine.name === 'neo4j' ? 1 : 1 + 1);
  });

  test('/healthz answers with the node counts, not the relationship total', async () => {
    const res = await fetch(api.url.replace('/graphql', '/healthz'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      store: engine.name,
      documents: 1,
      places: 2,
      organizations: 0,
      programs: 5,
      people: 0,
      metrics: 3,
    });
  });
});
