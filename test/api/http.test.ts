/**
 * HTTP semantics and safe defaults over the real server: client errors are 400 with a coded
 * JSON GraphQL error (never 500, never an HTML page), limits are refused before execution, no
 * stack without KG_DEBUG, no X-Powered-By, CORS only for configured origins, and the server
 * never logs a request body.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { langfangGraph } from '../fixtures/graphs';
import { startTestServer, type TestServer } from '../helpers/server';

let api: TestServer;
const logs: string[] = [];

beforeAll(async () => {
  api = await startTestServer(
    async (store) => {
      await store.writeDocument(langfangGraph(), 'a.txt');
    },
    { log: (m) => logs.push(m) },
  );
});
afterAll(() => api.stop());
beforeEach(() => {
  logs.length = 0;
});

async function post(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; type: string; body: any; headers: Headers }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // left as text: the assertions below say it should have been JSON
  }
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: parsed,
    headers: res.headers,
  };
}

const codeOf = (r: { body: any }) => r.body?.errors?.[0]?.extensions?.code;

describe('client errors are 400 with a coded JSON error', () => {
  test('a syntax error is GRAPHQL_PARSE_FAILED, with or without the token limit in play', async () => {
    for (const query of ['{', '{ 8f31403dfe404bccbb0e835f2629c6a7 }', 'query { stats { documents }']) {
      const r = await post(api.url, JSON.stringify({ query }));
      expect(r.status).toBe(400);
      expect(r.type).toMatch(/^application\/json/);
      expect(codeOf(r)).toBe('GRAPHQL_PARSE_FAILED');
      expect(r.body.errors[0].message).toMatch(/^Syntax Error: /);
      expect(JSON.stringify(r.body)).not.toMatch(/stacktrace|node_modules/);
    }
    expect(logs).toEqual([]);
  });

  test('a body that is not JSON is BAD_USER_INPUT, as JSON, and the body is not logged', async () => {
    for (const body of ['{not json', '"str"', '{"query": "{ stats { documents } }"']) {
      const r = await post(api.url, body);
      expect(r.status).toBe(400);
      expect(r.type).toMatch(/^application\/json/);
      expect(r.body).toEqual({
        errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_USER_INPUT' } }],
      });
    }
    const secret = await post(api.url, '{"query": "secret-body-7731", ');
    expect(secret.status).toBe(400);
    expect(logs.join('\n')).not.toContain('secret-body-7731');
  });

  test('the media type follows Accept: application/graphql-response+json', async () => {
    const r = await post(api.url, '{not json', { accept: 'application/graphql-response+json' });
    expect(r.status).toBe(400);
    expect(r.type).toMatch(/^application\/graphql-response\+json/);
  });

  test('a body over 1 MB is 413 LIMIT_EXCEEDED', async () => {
    const r = await post(
      api.url,
      JSON.stringify({ query: `{ stats { documents } } #${'x'.repeat(1_100_000)}` }),
    );
    expect(r.status).toBe(413);
    expect(codeOf(r)).toBe('LIMIT_EXCEEDED');
  });

  test('over the token limit is 400 LIMIT_EXCEEDED, by POST and by GET', async () => {
    const query = `{ ${Array.from({ length: 700 }, () => 'stats { documents }').join(' ')} }`;
    const r = await post(api.url, JSON.stringify({ query }));
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toEqual({
      message: 'Token limit of 2000 exceeded. Reduce the query or split it into several.',
      extensions: { code: 'LIMIT_EXCEEDED', limit: 'maxTokens', max: 2000 },
    });
    // Short names keep the URL within Node's header size limit.
    const long = `{ ${'a '.repeat(2001)}}`;
    const get = await fetch(`${api.url}?query=${encodeURIComponent(long)}`, {
      headers: { 'apollo-require-preflight': '1' },
    });
    expect(get.status).toBe(400);
    expect(((await get.json()) as any).errors[0].extensions.limit).toBe('maxTokens');
  });

  test('depth, aliases and directives are recognised by type: 400 LIMIT_EXCEEDED', async () => {
    const directives = Array.from({ length: 21 }, () => '@include(if: true)').join(' ');
    const r = await post(api.url, JSON.stringify({ query: `{ stats ${directives} { documents } }` }));
    expect(r.status).toBe(400);
    expect(r.body.errors[0].extensions).toEqual({ code: 'LIMIT_EXCEEDED', limit: 'maxDirectives', max: 20 });
    expect(r.body.errors[0].message).not.toMatch(/^Syntax Error/);
  });

  test('mutation { x } is a validation error, 400, not 200 "Internal error"', async () => {
    for (const query of ['mutation { x }', 'subscription { x }']) {
      const r = await post(api.url, JSON.stringify({ query }));
      expect(r.status).toBe(400);
      expect(codeOf(r)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(r.body.errors[0].message).toMatch(/^This API has no (mutation|subscription) operations/);
    }
    expect(logs).toEqual([]);
  });

  test('a persisted-query hash mismatch is 400 with a clear message and nothing logged', async () => {
    const query = '{ stats { documents } }';
    const wrong = await post(
      api.url,
      JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }),
    );
    expect(wrong.status).toBe(400);
    expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.body.errors[0].message).toContain('is not the SHA-256 of `query`');
    expect(logs).toEqual([]);
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const right = await post(
      api.url,
      JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } }),
    );
    expect(right.status).toBe(200);
    expect(right.body.data.stats.documents).toBe(1);
  });

  test('batched requests and a non-string query are BAD_USER_INPUT', async () => {
    expect(codeOf(await post(api.url, '[{"query": "{ stats { documents } }"}]'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await post(api.url, '{"query": 5}'))).toBe('BAD_USER_INPUT');
  });
});

describe('the cost limit counts page sizes after variables, with defaults', () => {
  const nested = (first: string) =>
    `{ programs(first: ${first}) { nodes { name places { name programs { name places { name programs { name } } } } } } }`;

  test('nested lists at their default page size are refused before execution', async () => {
    const r = await api.gql(nested('20'));
    expect(r.status).toBe(400);
    expect(r.data).toBeUndefined();
    expect(r.errors?.[0]?.extensions).toEqual({ code: 'LIMIT_EXCEEDED', limit: 'maxCost', max: 20000 });
    expect(r.extensions?.db).toBeUndefined();
  });

  test('first passed as a variable counts with its value', async () => {
    const q = `query($n: Int) ${nested('$n').slice(1).replace(/^/, '{')}`;
    const r = await api.gql(q, { n: 20 });
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'maxCost' });
    // A page of $n programs with their places (default 100): (2 + 1.5 × (2 + 1.5 × (1 + 350))) × $n.
    const wide = 'query($n: Int) { programs(first: $n) { nodes { name places { name } } } }';
    expect((await api.gql(wide, { n: 25 })).errors).toBeUndefined();
    expect((await api.gql(wide, { n: 26 })).errors?.[0]?.extensions?.limit).toBe('maxCost');
    const over = 'query($n: Int) { programs(first: $n) { nodes { places { programs { name } } } } }';
    expect((await api.gql(over, { n: 1 })).errors?.[0]?.extensions?.limit).toBe('maxCost');
    const small =
      'query($n: Int) { programs(first: 5) { nodes { places(first: $n) { programs(first: $n) { name } } } } }';
    expect((await api.gql(small, { n: 3 })).errors).toBeUndefined();
    expect((await api.gql(small, { n: 100 })).errors?.[0]?.extensions?.limit).toBe('maxCost');
  });

  test("the README's example queries are within every limit", async () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1] as string);
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const q of examples) {
      // This graph holds one article: an example naming a place of another (定州市) finds no
      // node there; test/api/questions.test.ts runs them all on the bundled corpus.
      const errors = (await api.gql(q)).errors?.filter((e) => e.extensions?.code !== 'NOT_FOUND');
      expect(errors ?? []).toEqual([]);
    }
  });

  test('fragments count where they are spread', async () => {
    const q = `query { programs(first: 20) { nodes { ...P } } }
      fragment P on Program { places { programs { places { name } } } }`;
    expect((await api.gql(q)).errors?.[0]?.extensions?.limit).toBe('maxCost');
  });
});

describe('safe defaults', () => {
  test('no X-Powered-By, no CORS headers without KG_CORS_ORIGINS', async () => {
    const r = await post(api.url, JSON.stringify({ query: '{ stats { documents } }' }), {
      origin: 'https://evil.example',
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('x-powered-by')).toBeNull();
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('KG_CORS_ORIGINS allows exactly the listed origins, preflight included', async () => {
    const s = await startTestServer(async () => undefined, { corsOrigins: ['https://kg.example.org'] });
    try {
      const pre = await fetch(s.url, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://kg.example.org',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-origin')).toBe('https://kg.example.org');
      const other = await fetch(s.url, {
        method: 'POST',
        headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ stats { documents } }' }),
      });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await s.stop();
    }
  });

  test('stack traces only with KG_DEBUG=1', async () => {
    const query = '{ place { name } }';
    const plain = await api.gql(query);
    expect(plain.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(plain)).not.toContain('stacktrace');
    const debug = await startTestServer(async () => undefined, { debug: true });
    try {
      const r = await debug.gql(query);
      expect(r.errors?.[0]?.extensions?.stacktrace).toEqual(expect.any(Array));
    } finally {
      await debug.stop();
    }
  });

  test('production: a field suggestion is dropped, leaving a clean sentence', async () => {
    const prod = await startTestServer(async () => undefined, { production: true });
    try {
      const r = await prod.gql('{ statz { documents } }');
      expect(r.status).toBe(400);
      expect(r.errors?.[0]?.message).toBe('Cannot query field "statz" on type "Query".');
      const dev = await api.gql('{ statz { documents } }');
      expect(dev.errors?.[0]?.message).toBe(
        'Cannot query field "statz" on type "Query". Did you mean "stats"?',
      );
    } finally {
      await prod.stop();
    }
  });
});
