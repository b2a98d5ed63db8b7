/**
 * The GraphQL queries the API benchmark runs (issue #6; f and g from issue 13), and the hand-written Cypher
 * that returns the same data as the 50-program query in one round trip (the floor the
 * resolvers are compared with). Internal to bench.
 */

import { entityId } from '../src/graph/ids';

/** 廊坊市's id: places with a GB/T 2260 code are keyed by it, so the id is the same in every store. */
const LANGFANG = entityId('Place', 'code:131000', '');

export interface BenchQuery {
  key: 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g';
  title: string;
  query: string;
  variables: Record<string, unknown>;
}

export const QUERIES: readonly BenchQuery[] = [
  {
    key: 'a',
    title: 'a program with its places and metrics',
    query: `query ProgramDetail($name: String!) {
  program(name: $name) { id name kind aliases places { name level } metrics { value unit text subject year } }
}`,
    // The full name: “领头羊” alone resolves to whichever 领头羊+suffix program sorts first (see RESULTS.md).
    variables: { name: '领头羊工程' },
  },
  {
    key: 'b',
    title: '50 programs with related programs',
    query: `query Programs50 {
  programs(first: 50) { nodes { name related { weight program { name } } } }
}`,
    variables: {},
  },
  {
    key: 'c',
    title: 'a city with everything about it',
    query: `query City($name: String!) {
  place(name: $name) {
    id name level
    children { name level }
    programs { name }
    organizations { name kind }
    metrics { value unit text }
    documents { title publishedAt }
  }
}`,
    variables: { name: '廊坊' },
  },
  {
    key: 'd',
    title: 'search',
    query: `query Search($text: String!) {
  search(text: $text, first: 10) {
    kind score
    node {
      __typename id
      ... on Program { name } ... on Place { name } ... on Organization { name } ... on Person { name } ... on Document { title }
    }
  }
}`,
    variables: { text: '红色领航' },
  },
  {
    key: 'e',
    title: 'two-level nested list (programs → places → programs)',
    // Nested lists with a page size each: at their default of 100 the cost limit refuses the query.
    query: `query Nested {
  programs(first: 20) { nodes { name places(first: 5) { name programs(first: 5) { name } } } }
}`,
    variables: {},
  },
  {
    key: 'f',
    title: 'programs within a city (its counties and villages included), most documented first',
    query: `query ProgramsWithin($within: ID!) {
  programs(where: { within: $within }, orderBy: { field: DOCUMENT_COUNT, direction: DESC }, first: 20) {
    totalCount nodes { name kind documentCount placeCount }
  }
}`,
    variables: { within: LANGFANG },
  },
  {
    key: 'g',
    title: 'a metric series: 党员 reported for a city, by year',
    query: `query Series($within: ID!) {
  metricSeries(where: { within: $within, subject: "党员", unit: "名" }, groupBy: YEAR, first: 20) {
    key count sum min max metrics(first: 3) { value text document { publishedAt } }
  }
}`,
    variables: { within: LANGFANG },
  },
];

export const PROGRAMS_50 = QUERIES.find((q) => q.key === 'b') as BenchQuery;

/**
 * Query (b) as one Cypher statement: the first 50 programs in the API's order (name, id),
 * each with its 10 heaviest related programs (weights summed over documents, ties by id) —
 * exactly what the resolvers return, and nothing they do not (no shared documents or places,
 * no totalCount).
 */
export const HAND_WRITTEN_PROGRAMS_50 = `MATCH (n:Program)
WITH n ORDER BY n.name, n.id LIMIT 50
CALL {
  WITH n
  MATCH (n)-[r:RELATED_TO]-(o:Program)
  WITH o, sum(r.weight) AS weight
  ORDER BY weight DESC, o.id
  LIMIT 10
  RETURN collect({name: o.name, weight: weight}) AS related
}
RETURN n.name AS name, related
ORDER BY n.name, n.id`;

/** The shape both (b) and the hand-written query are normalized to before comparing. */
export type Programs50 = Array<{ name: string; related: Array<{ name: string; weight: number }> }>;

/** Normalizes the GraphQL answer of query (b). */
export function programs50FromGraphql(data: unknown): Programs50 {
  const nodes = (
    data as {
      programs: {
        nodes: Array<{ name: string; related: Array<{ weight: number; program: { name: string } }> }>;
      };
    }
  ).programs.nodes;
  return nodes.map((n) => ({
    name: n.name,
    related: n.related.map((r) => ({ name: r.program.name, weight: Number(r.weight) })),
  }));
}

/** Normalizes the rows of the hand-written query. */
export function programs50FromRows(rows: ReadonlyArray<Record<string, unknown>>): Programs50 {
  return rows.map((r) => ({
    name: String(r.name),
    related: ((r.related as Array<{ name: string; weight: number }> | null) ?? []).map((x) => ({
      name: String(x.name),
      weight: Number(x.weight),
    })),
  }));
}
