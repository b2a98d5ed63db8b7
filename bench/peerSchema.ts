/**
 * The peer, `@neo4j/graphql`, over our Neo4j database: type definitions for our labels and
 * relationships (src/graph/schema.ts, src/graph/cypher/relations.ts), the queries (a), (b),
 * (c) and (e) written in its dialect, and the normalization that makes its answers and ours
 * comparable (same data, same order). Internal to bench.
 *
 * Where a relationship is stored once per pair (PART_OF, LOCATED_IN, MEASURES, MENTIONS) the
 * peer's own `@relationship` field is used, sorted and limited as our resolvers page it.
 * IMPLEMENTED_IN and RELATED_TO are stored once per document (each with its evidence), so a
 * plain relationship field would repeat a place once per document; those fields are `@cypher`
 * fields with the same `DISTINCT … ORDER BY … LIMIT` our hops use (src/graph/cypher/hops.ts),
 * which the peer compiles into its single statement as subqueries.
 */

export const PEER_TYPE_DEFS = /* GraphQL */ `
  type Document @node {
    id: ID!
    title: String
    file: String
    publishedAt: String
  }

  type Place @node {
    id: ID!
    name: String!
    level: String
    code: String
    children: [Place!]! @relationship(type: "PART_OF", direction: IN)
    organizations: [Organization!]! @relationship(type: "LOCATED_IN", direction: IN)
    metrics: [Metric!]! @relationship(type: "MEASURES", direction: IN)
    documents: [Document!]! @relationship(type: "MENTIONS", direction: IN)
    programs(first: Int = 100): [Program!]!
      @cypher(
        statement: """
        MATCH (this)<-[:IMPLEMENTED_IN]-(n:Program)
        WITH DISTINCT n ORDER BY n.name, n.id LIMIT $first
        RETURN n
        """
        columnName: "n"
      )
  }

  type Organization @node {
    id: ID!
    name: String!
    kind: String
  }

  type Metric @node {
    doc: String
    at: Int
    value: Float
    unit: String
    text: String
    subject: String
    year: Int
  }

  type Program @node {
    id: ID!
    name: String!
    kind: String
    aliases: [String!]
    metrics: [Metric!]! @relationship(type: "MEASURES", direction: IN)
    places(first: Int = 100): [Place!]!
      @cypher(
        statement: """
        MATCH (this)-[:IMPLEMENTED_IN]->(n:Place)
        WITH DISTINCT n ORDER BY n.name, n.id LIMIT $first
        RETURN n
        """
        columnName: "n"
      )
    related(first: Int = 10): [RelatedProgram!]!
      @cypher(
        statement: """
        MATCH (this)-[r:RELATED_TO]-(n:Program)
        WITH n, sum(r.weight) AS weight ORDER BY weight DESC, n.id LIMIT $first
        RETURN {weight: weight, program: {id: n.id, name: n.name}} AS related
        """
        columnName: "related"
      )
  }

  "A related program and the summed weight: a value, not a node."
  type RelatedProgram {
    weight: Float!
    program: ProgramName!
  }

  type ProgramName {
    id: ID!
    name: String!
  }
`;

/** What the peer is asked: the same data as our (a), (b), (c) and (e), in its dialect. */
export interface PeerQuery {
  key: 'a' | 'b' | 'c' | 'e';
  query: string;
  variables: Record<string, unknown>;
}

export const PEER_QUERIES: readonly PeerQuery[] = [
  {
    key: 'a',
    // Ours looks the name up among names and aliases; the peer is given the canonical name.
    query: `query ProgramDetail($name: String!) {
  programs(where: { name: { eq: $name } }, limit: 1) {
    id name kind aliases
    places { name level }
    metrics(limit: 100, sort: [{ doc: ASC }, { at: ASC }]) { value unit text subject year }
  }
}`,
    variables: { name: '领头羊工程' },
  },
  {
    key: 'b',
    query: `query Programs50 {
  programs(limit: 50, sort: [{ name: ASC }, { id: ASC }]) { name related { weight program { name } } }
}`,
    variables: {},
  },
  {
    key: 'c',
    // Ours resolves 廊坊 to the city 廊坊市 (short form, higher level first); the peer is given both.
    query: `query City($name: String!) {
  places(where: { name: { eq: $name }, level: { eq: "CITY" } }, limit: 1) {
    id name level
    children(limit: 100, sort: [{ name: ASC }, { id: ASC }]) { name level }
    programs { name }
    organizations(limit: 100, sort: [{ name: ASC }, { id: ASC }]) { name kind }
    metrics(limit: 100, sort: [{ doc: ASC }, { at: ASC }]) { value unit text }
    documents(limit: 100, sort: [{ file: ASC }, { id: ASC }]) { title publishedAt }
  }
}`,
    variables: { name: '廊坊市' },
  },
  {
    key: 'e',
    query: `query Nested {
  programs(limit: 20, sort: [{ name: ASC }, { id: ASC }]) { name places(first: 5) { name programs(first: 5) { name } } }
}`,
    variables: {},
  },
];

/**
 * An answer as comparable data: the top-level field unwrapped (ours: a connection's `nodes`
 * or the single object; the peer's: its list, or its first element for a single lookup),
 * numbers as numbers. Equal strings mean the same data in the same order.
 */
export function comparable(key: PeerQuery['key'], data: unknown, side: 'ours' | 'peer'): string {
  const top = Object.values((data ?? {}) as Record<string, unknown>)[0];
  let v: unknown = top;
  if (side === 'ours' && top && typeof top === 'object' && 'nodes' in top)
    v = (top as { nodes: unknown }).nodes;
  if (side === 'peer' && (key === 'a' || key === 'c')) v = Array.isArray(top) ? (top[0] ?? null) : top;
  return JSON.stringify(v, (_k, x: unknown) =>
    typeof x === 'object' && x !== null && 'low' in x && 'high' in x ? Number(x as never) : x,
  );
}
