/**
 * Operations over the real server: the access log (one JSON line per request, with the
 * request id also sent as X-Request-Id, the GraphQL operation and never the body), the slow
 * request warning, GET /metrics with counters that move, one registry per server, and
 * LOG_LEVEL / KG_SLOW_MS validation.
 */
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { langfangGraph } from '../fixtures/graphs';
import { startTestServer, type TestServer } from '../helpers/server';

/** A destination that keeps each JSON line the logger writes. */
function captured(): { lines: Array<Record<string, any>>; stream: Writable } {
  const lines: Array<Record<string, any>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString('utf8').split('\n')) if (l.trim() !== '') lines.push(JSON.parse(l));
      done();
    },
  });
  return { lines, stream };
}

const seed = async (store: import('../../src/graph/store').GraphStore) => {
  await store.writeDocument(langfangGraph(), 'a.txt');
};

let api: TestServer;
const out = captured();
const base = () => api.url.replace(/\/graphql$/, '');

beforeAll(async () => {
  api = await startTestServer(seed, { logger: createLogger({ level: 'info', destination: out.stream }) });
});
afterAll(() => api.stop());

/** Waits for the access line of the request with this id (pino-http writes it on finish). */
async function accessLine(id: string): Promise<Record<string, any>> {
  for (let i = 0; i < 50; i++) {
    const line = out.lines.find((l) => l.reqId === id && l.res);
    if (line) return line;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no access line for ${id}; got ${JSON.stringify(out.lines)}`);
}

const SECRET = '廊坊市-secret-variable-value';

describe('access log', () => {
  test('one JSON line: method, path, status, duration, operation, round trips; the id is X-Request-Id', async () => {
    const res = await fetch(`${api.url}?x=${SECRET}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query PlacesByName($q: String) { places(nameContains: $q) { totalCount } }',
        variables: { q: SECRET },
        operationName: 'PlacesByName',
      }),
    });
    expect(res.status).toBe(200);
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const line = await accessLine(id!);
    expect(line).toMatchObject({
      level: 30,
      req: { method: 'POST', path: '/graphql' },
      res: { status: 200 },
      graphql: { operation: 'PlacesByName' },
    });
    expect(typeof line.ms).toBe('number');
    expect(line.graphql.roundTrips).toBeGreaterThan(0);
    expect(line.msg).toMatch(/^POST \/graphql 200 \d+ms$/);
    // Neither the body, nor the query string, nor the headers.
    expect(JSON.stringify(out.lines)).not.toContain(SECRET);
    expect(line.req.headers).toBeUndefined();
  });

  test("a client's X-Request-Id is kept; an unsafe one is replaced", async () => {
    const kept = await fetch(`${base()}/healthz`, { headers: { 'x-request-id': 'trace-42.a' } });
    expect(kept.headers.get('x-request-id')).toBe('trace-42.a');
    expect(await accessLine('trace-42.a')).toMatchObject({ req: { path: '/healthz' }, res: { status: 200 } });
    const replaced = await fetch(`${base()}/healthz`, { headers: { 'x-request-id': 'a b\u00e9' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

test('a request over KG_SLOW_MS is logged as slow, naming the operation, duration and round trips', async () => {
  const slow = captured();
  const s = await startTestServer(seed, {
    slowMs: 0,
    logger: createLogger({ level: 'warn', destination: slow.stream }),
  });
  try {
    await s.data('query Stats { places(first: 5) { totalCount nodes { name } } }');
    const line = slow.lines.find((l) => l.slow);
    expect(line).toMatchObject({ level: 40, slow: { operation: 'Stats' } });
    expect(line!.slow.roundTrips).toBeGreaterThan(0);
    expect(typeof line!.slow.ms).toBe('number');
    expect(line!.msg).toMatch(/^slow request: Stats \d+ms, \d+ store round trips$/);
    // At level warn the access lines (info) are not written.
    expect(slow.lines.filter((l) => l.res)).toEqual([]);
    // Without KG_DEBUG the statements are not listed.
    expect(line!.slow.statements).toBeUndefined();
  } finally {
    await s.stop();
  }
});

test('with KG_DEBUG=1 a slow request lists each store statement by name with its time, never its text', async () => {
  const slow = captured();
  const s = await startTestServer(seed, {
    slowMs: 0,
    debug: true,
    logger: createLogger({ level: 'warn', destination: slow.stream }),
  });
  try {
    await s.data(
      `query Listed { places(first: 5, nameContains: "${SECRET}") { totalCount nodes { name programs { name } } } }`,
    );
    const line = slow.lines.find((l) => l.slow?.operation === 'Listed');
    const statements = line!.slow.statements as Array<{ query: string; ms: number }>;
    expect(statements).toHaveLength(line!.slow.roundTrips);
    expect(statements[0]!.query).toMatch(/^listPage\.Place\.[0-9a-f]{6}$/);
    for (const st of statements) expect(typeof st.ms).toBe('number');
    expect(JSON.stringify(line)).not.toContain(SECRET);
    expect(JSON.stringify(line)).not.toMatch(/MATCH|RETURN/);
  } finally {
    await s.stop();
  }
});

describe('GET /metrics', () => {
  const scrape = async (url: string) => {
    const res = await fetch(`${url.replace(/\/graphql$/, '')}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text();
  };
  const value = (text: string, series: string): number => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line ? Number(line.slice(series.length + 1)) : 0;
  };

  test('request, latency and store counters move; default process metrics are there', async () => {
    const before = await scrape(api.url);
    await api.data('query Two { places(first: 2) { nodes { name } } }');
    await api.data('query Two { places(first: 2) { nodes { name } } }');
    await api.gql('query Broken { nosuchfield }');
    const after = await scrape(api.url);
    const ok = 'kg_graphql_requests_total{operation="Two",outcome="ok"}';
    expect(value(after, ok) - value(before, ok)).toBe(2);
    expect(
      value(after, 'kg_graphql_requests_total{operation="invalid",outcome="error"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(value(after, 'kg_graphql_request_duration_seconds_count{operation="Two"}')).toBe(value(after, ok));
    expect(after).toMatch(
      /^kg_store_statements_total\{query="listPage\.Place\.[0-9a-f]{6}",outcome="ok"\} \d+$/m,
    );
    expect(after).toMatch(/^kg_store_statements_total\{query="nodesByIds\.Place",outcome="ok"\} \d+$/m);
    expect(after).toMatch(
      /^kg_store_statement_duration_seconds_bucket\{le="\+Inf",query="nodesByIds\.Place"\} \d+$/m,
    );
    // The node loader's batch is one nodesByIds statement over its ids.
    expect(value(after, 'kg_store_statement_keys_count{query="nodesByIds.Place"}')).toBeGreaterThanOrEqual(2);
    expect(value(after, 'kg_store_statement_keys_sum{query="nodesByIds.Place"}')).toBeGreaterThanOrEqual(
      value(after, 'kg_store_statement_keys_count{query="nodesByIds.Place"}'),
    );
    expect(after).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(after).toMatch(/^nodejs_heap_size_used_bytes \d/m);
  });

  test('each server has its own registry', async () => {
    const other = await startTestServer(seed);
    try {
      await other.data('query OnlyHere { places(first: 1) { totalCount } }');
      expect(await scrape(other.url)).toContain('operation="OnlyHere"');
      expect(await scrape(api.url)).not.toContain('operation="OnlyHere"');
    } finally {
      await other.stop();
    }
  });
});

test('KG_ACCESS_LOG=0 and KG_METRICS=0 turn the access log and /metrics off (the benchmark compares)', async () => {
  const quiet = captured();
  const s = await startTestServer(seed, {
    accessLog: false,
    metrics: false,
    slowMs: 0,
    logger: createLogger({ level: 'info', destination: quiet.stream }),
  });
  try {
    const res = await fetch(s.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query Off { places(first: 1) { totalCount } }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBeNull();
    expect((await fetch(`${s.url.replace(/\/graphql$/, '')}/metrics`)).status).toBe(404);
    // No access line; the slow-request warning stays.
    expect(quiet.lines.filter((l) => l.res)).toEqual([]);
    expect(quiet.lines.find((l) => l.slow)).toMatchObject({ slow: { operation: 'Off' } });
  } finally {
    await s.stop();
  }
});

describe('configuration', () => {
  test('KG_ACCESS_LOG and KG_METRICS are on unless 0 or false', () => {
    expect(loadConfig({})).toMatchObject({ accessLog: true, metrics: true });
    expect(loadConfig({ KG_ACCESS_LOG: '0', KG_METRICS: 'false' })).toMatchObject({
      accessLog: false,
      metrics: false,
    });
    expect(() => loadConfig({ KG_METRICS: 'no' })).toThrow(
      'KG_METRICS must be 1, true, 0 or false; got "no"',
    );
  });

  test('LOG_LEVEL takes a pino level, info by default; anything else is refused naming it', () => {
    expect(loadConfig({}).logLevel).toBe('info');
    expect(loadConfig({ LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
    expect(loadConfig({ LOG_LEVEL: 'silent' }).logLevel).toBe('silent');
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow(
      'LOG_LEVEL must be fatal, error, warn, info, debug, trace, silent; got "verbose"',
    );
  });

  test('KG_SLOW_MS is an integer of milliseconds, 1000 by default', () => {
    expect(loadConfig({}).slowMs).toBe(1000);
    expect(loadConfig({ KG_SLOW_MS: '250' }).slowMs).toBe(250);
    expect(() => loadConfig({ KG_SLOW_MS: 'fast' })).toThrow(
      /^KG_SLOW_MS must be an integer from 0 to 3600000/,
    );
  });
});
