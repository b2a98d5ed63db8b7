/**
 * A bounded, seeded fuzz run over HTTP against the real server: random operations built from
 * the schema (random arguments, aliases, fragments), malformed documents, hostile strings and
 * deeply nested bodies. Whatever the input: no 5xx, a JSON body, no stack, no Cypher and no
 * file path in the response (unless the request itself carried that text), and the graph is
 * unchanged afterwards.
 */
import {
  buildSchema,
  getNamedType,
  isCompositeType,
  isEnumType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { loadTypeDefs } from '../../src/api/typeDefs';
import { dingzhouGraph, langfangGraph } from '../fixtures/graphs';
import { startTestServer, type TestServer } from '../helpers/server';

const OPERATIONS = 300;

let dev: TestServer;
let prod: TestServer;
const logs: string[] = [];
beforeAll(async () => {
  const seed = async (store: TestServer['store']) => {
    await store.writeDocument(langfangGraph(), 'a.txt');
    await store.writeDocument(dingzhouGraph(), 'b.txt');
  };
  dev = await startTestServer(seed, { log: (m) => logs.push(m) });
  prod = await startTestServer(seed, { production: true, log: (m) => logs.push(m) });
});
afterAll(async () => {
  await dev.stop();
  await prod.stop();
});

/** mulberry32: a small seeded generator, so a failure replays with the same inputs. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE = [
  '',
  ' ',
  '廊坊',
  '领头羊',
  "' OR 1=1 --",
  '"}) MATCH (n) DETACH DELETE n //',
  '`) RETURN 1 //',
  '$id',
  '\\u0000\u0000',
  '\ud800',
  '%s%n%x',
  '${process.env}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '🏳️‍🌈'.repeat(50),
  '\u202e反转',
  'a'.repeat(5000),
  'prg_00000000000000000000',
  'doc_' + 'f'.repeat(20),
  'plc_' + '0'.repeat(5),
  'null',
  '[]',
];

/** Text that, found in a response, means an internal detail leaked (unless the request had it). */
const LEAKS = [
  /stacktrace/,
  /\n\s+at [\w.<>]+ \(/,
  /\bMATCH \(/,
  /\bUNWIND \$/,
  /\bRETURN \w+\.\w+ AS /,
  /\/(?:work|tmp|home|usr|srv)\//,
  /node_modules/,
  /\.ts:\d+/,
  /\.js:\d+/,
];

function fuzz(schema: GraphQLSchema, random: () => number) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const chance = (p: number) => random() < p;
  const str = (s: string) => JSON.stringify(s);

  function literal(type: GraphQLInputType, depth = 0): string {
    if (chance(0.05)) return pick(['null', '1', '"x"', 'true', '[1]', '{ a: 1 }', 'PROJECT']);
    const t = isNonNullType(type) ? type.ofType : type;
    if (isListType(t)) return `[${literal(t.ofType, depth + 1)}]`;
    if (isEnumType(t)) return pick(t.getValues()).name;
    if (isScalarType(t)) {
      switch (t.name) {
        case 'Int':
          return String(pick([0, 1, 2, 5, 20, 100, 101, -1, 2147483647, 1000]));
        case 'Float':
          return pick(['0.5', '-1e9', '3']);
        case 'Boolean':
          return pick(['true', 'false']);
        default:
          return str(pick(HOSTILE));
      }
    }
    return '{}';
  }

  function args(list: readonly GraphQLArgument[]): string {
    const chosen = list.filter((a) => isNonNullType(a.type) || chance(0.4));
    if (chosen.length === 0) return '';
    return `(${chosen.map((a) => `${a.name}: ${literal(a.type)}`).join(', ')})`;
  }

  function selection(type: GraphQLCompositeType, depth: number): string {
    if (!isObjectType(type) && !isInterfaceType(type)) {
      // A union or an interface: __typename and a fragment on a possible type.
      const possible = schema.getPossibleTypes(type);
      return `{ __typename ... on ${pick(possible).name} ${selection(pick(possible), depth + 1)} }`;
    }
    const fields = Object.values(type.getFields());
    const n = 1 + Math.floor(random() * 3);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      const f = pick(fields);
      const target = getNamedType(f.type);
      const alias = chance(0.15) ? `a${i}: ` : '';
      if (isCompositeType(target)) {
        if (depth > 5) continue;
        parts.push(`${alias}${f.name}${args(f.args)} ${selection(target, depth + 1)}`);
      } else {
        parts.push(`${alias}${f.name}${args(f.args)}`);
      }
    }
    if (isInterfaceType(type) && chance(0.5)) {
      const possible = schema.getPossibleTypes(type);
      const on = pick(possible);
      parts.push(`... on ${on.name} ${selection(on, depth + 1)}`);
    }
    return `{ ${parts.length > 0 ? parts.join(' ') : '__typename'} }`;
  }

  const query = () => selection(schema.getQueryType()!, 0);

  /** One request: a body and a content type. */
  return (): { body: string; contentType: string } => {
    const json = (o: unknown) => ({ body: JSON.stringify(o), contentType: 'application/json' });
    const q = query();
    switch (
      pick(['valid', 'valid', 'valid', 'variables', 'truncated', 'mutated', 'hostile', 'nested', 'body'])
    ) {
      case 'valid':
        return json({ query: q });
      case 'variables':
        return json({
          query:
            'query($n: Int, $s: String, $id: ID!) { programs(first: $n, nameContains: $s) { totalCount } node(id: $id) { id } }',
          variables: {
            n: pick([1, -5, 1e12, '3', null, [1], { a: 1 }]),
            s: pick(HOSTILE),
            id: pick([...HOSTILE, 5, null]),
          },
        });
      case 'truncated':
        return json({ query: q.slice(0, Math.floor(random() * q.length)) });
      case 'mutated': {
        const chars = [...q];
        for (let k = 0; k < 3; k++)
          chars[Math.floor(random() * chars.length)] = pick([
            '{',
            '}',
            '(',
            ')',
            '$',
            '"',
            '@',
            '...',
            '#',
            ':',
            '!',
            '\\',
          ]);
        return json({ query: chars.join(''), operationName: pick([undefined, 'X', 5]) });
      }
      case 'hostile':
        return json({
          query: pick([
            `{ ${pick(HOSTILE)} }`,
            `query ${'{'.repeat(200)}`,
            pick(HOSTILE),
            `{ place(name: ${str(pick(HOSTILE))}) { name } }`,
          ]),
          variables: pick([undefined, null, 'x', [1], { __proto__: { a: 1 } }]),
          extensions: pick([undefined, { persistedQuery: { version: 1, sha256Hash: pick(HOSTILE) } }, 'x']),
        });
      case 'nested': {
        const depth = pick([100, 1000, 5000]);
        const deep = '['.repeat(depth) + ']'.repeat(depth);
        return pick([
          {
            body: `{"query": "{ stats { documents } }", "variables": {"a": ${deep}}}`,
            contentType: 'application/json',
          },
          {
            body: `{"query": ${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`,
            contentType: 'application/json',
          },
          json({ query: `{ ${'place(name: "廊坊") { parent '.repeat(40)}{ name }${' }'.repeat(40)} }` }),
        ]);
      }
      default:
        return {
          body: pick([
            '',
            'null',
            '[]',
            '{}',
            '{"query":',
            'query=%7B',
            '\u0000\u0001',
            '{"query": null}',
            '\ufeff{"query":"{ stats { documents } }"}',
          ]),
          contentType: pick([
            'application/json',
            'text/plain',
            'application/x-www-form-urlencoded',
            'application/graphql',
            'application/json; charset=latin1',
          ]),
        };
    }
  };
}

test.each([
  ['development', () => dev, OPERATIONS, 20261202],
  ['production', () => prod, OPERATIONS / 2, 20261203],
])(
  '%s: fuzzed requests give no 5xx, always JSON, no stack, Cypher or path',
  async (_mode, server, n, seed) => {
    const api = server();
    const schema = buildSchema(loadTypeDefs().join('\n'));
    const before = await api.data(
      '{ stats { documents places organizations programs people metrics relationships } }',
    );
    const next = fuzz(schema, rng(seed));
    const failures: string[] = [];
    const statuses: Record<number, number> = {};
    for (let i = 0; i < n; i++) {
      const { body, contentType } = next();
      const res = await fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': contentType, 'apollo-require-preflight': '1' },
        body,
      });
      const text = await res.text();
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      const problems: string[] = [];
      if (res.status >= 500) problems.push(`status ${res.status}`);
      try {
        JSON.parse(text);
      } catch {
        problems.push('not JSON');
      }
      for (const leak of LEAKS) if (leak.test(text) && !leak.test(body)) problems.push(`leaks ${leak}`);
      if (problems.length > 0)
        failures.push(
          `#${i} ${problems.join(', ')}\n  request: ${body.slice(0, 300)}\n  response: ${text.slice(0, 300)}`,
        );
    }
    expect(failures).toEqual([]);
    // The run reached execution as well as every kind of refusal.
    expect(Object.keys(statuses).sort()).toEqual(expect.arrayContaining(['200', '400']));
    const after = await api.data(
      '{ stats { documents places organizations programs people metrics relationships } }',
    );
    expect(after).toEqual(before);
    // Nothing a client sent reaches the log as a request body.
    expect(logs.join('\n')).not.toContain('DETACH DELETE n //');
  },
  120000,
);
