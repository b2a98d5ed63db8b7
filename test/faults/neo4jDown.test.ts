/**
 * Neo4j stopped under a running API, then started again, against a real server of the test's
 * own (the launcher of `npm run neo4j` on a free port): every request answers
 * STORE_UNAVAILABLE within 5 s and /healthz 503 while it is down, requests succeed again once
 * it is back without restarting the API, and `kg import` fails within 10 s naming the URI.
 * Slow (two Neo4j starts), so it runs only where the Neo4j suites do: NEO4J_URI set and Java
 * on the PATH.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, runCli, startCli, stopCli } from '../helpers/cli';
import { tempDir } from '../helpers/engines';
import { freePort, localNeo4jUnavailable, startLocalNeo4j, type LocalNeo4j } from '../helpers/neo4jLocal';

const skipped = process.env.NEO4J_URI ? localNeo4jUnavailable() : 'NEO4J_URI is not set';
if (skipped) console.log(`Neo4j fault test skipped (${skipped})`);
const describeIf = skipped ? describe.skip : describe;

const SERVING = /serving neo4j store at (http:\/\/\S+\/graphql)/;
const QUERIES = [
  '{ stats { documents programs } }',
  '{ programs(first: 5) { totalCount nodes { name places { name } } } }',
  '{ search(text: "领头羊", first: 3) { kind score } }',
  '{ place(name: "廊坊") { name children { name } } }',
];

interface Answer {
  status: number;
  ms: number;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

async function ask(url: string, query: string): Promise<Answer> {
  const t0 = Date.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, body: (await res.json()) as Answer['body'], ms: Date.now() - t0 };
}

describeIf('Neo4j down and back [neo4j]', () => {
  const dir = tempDir('kg-neo4j-down-');
  const dataDir = path.join(dir, 'neo4j');
  let port: number;
  let neo4j: LocalNeo4j | undefined;
  let api: Awaited<ReturnType<typeof startCli>> | undefined;

  afterAll(async () => {
    if (api) await stopCli(api.child);
    if (neo4j) await neo4j.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('STORE_UNAVAILABLE within 5 s while stopped, served again once restarted; kg import fails in 10 s', async () => {
    port = await freePort();
    neo4j = await startLocalNeo4j(port, dataDir);
    const env = { KG_STORE: 'neo4j', NEO4J_URI: neo4j.uri, PORT: '0', HOST: '127.0.0.1' };
    const imported = await runCli(['import', path.join(ROOT, 'import', '000_cd5570a6f70beb67.txt')], env);
    expect(imported.code).toBe(0);
    api = await startCli(['serve'], env, SERVING);
    const url = api.match[1] as string;
    const healthz = url.replace('/graphql', '/healthz');
    for (const q of QUERIES) expect((await ask(url, q)).body.errors).toBeUndefined();

    await neo4j.stop();
    for (const q of QUERIES) {
      const r = await ask(url, q);
      expect(r.ms).toBeLessThan(5000);
      expect(r.body.errors?.[0]?.extensions?.code).toBe('STORE_UNAVAILABLE');
    }
    const t0 = Date.now();
    const health = await fetch(healthz);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'unavailable', store: 'neo4j' });

    const down = await runCli(['import', path.join(ROOT, 'import', '001_6e8a4dd470d8964e.txt')], env, 30000);
    expect(down.ms).toBeLessThan(10000);
    expect(down.code).toBe(1);
    expect(down.stderr).toContain(`cannot reach Neo4j at ${neo4j.uri}`);

    // The same port and data: the API's driver reconnects by itself.
    neo4j = await startLocalNeo4j(port, dataDir);
    for (const q of QUERIES) {
      const r = await ask(url, q);
      expect(r.body.errors).toBeUndefined();
    }
    expect((await ask(url, '{ stats { documents } }')).body.data).toEqual({ stats: { documents: 1 } });
    expect((await fetch(healthz)).status).toBe(200);
  }, 300000);
});
