/** The explorer's only data source: this server's public GraphQL API (POST /graphql). */

export type Kind = 'Program' | 'Place' | 'Organization' | 'Person';

export interface DocRef {
  id: string;
  title?: string;
}
export interface Mention {
  quote: string;
  document: DocRef;
}
export interface Metric {
  id: string;
  value: number;
  unit: string;
  text: string;
  subject: string | null;
  year: number | null;
  approximate: boolean;
  mention: Mention;
}
/** A node as a neighbour: enough to draw it and to weigh its edge. */
export interface Ref {
  __typename: Kind;
  id: string;
  name: string;
  level?: string;
  kind?: string;
  parent?: { id: string } | null;
  place?: { id: string } | null;
  documents: DocRef[];
}

export async function gql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  if (!body.data) throw new Error(`HTTP ${res.status} without data`);
  return body.data;
}

// Neighbours carry their first 20 documents: an edge's width is the number of documents naming
// both of its ends (the API has no per-edge document count), and this keeps every query under
// the API's cost limit.
const FRAGMENTS = `
fragment P on Place { __typename id name level parent { id } documents(first: 20) { id } }
fragment G on Program { __typename id name kind documents(first: 20) { id } }
fragment O on Organization { __typename id name kind place { id } documents(first: 20) { id } }
fragment H on Person { __typename id name documents(first: 20) { id } }
fragment M on Metric { id value unit text subject year approximate mention { quote document { id title } } }
`;

const QUERIES: Record<Kind, string> = {
  Program: `query($id: ID!) { entity: program(id: $id) { __typename id name kind aliases
    documents(first: 100) { id title }
    places(first: 30) { ...P } organizations(first: 20) { ...O } people(first: 10) { ...H }
    related(first: 8) { weight program { ...G } sharedDocuments { id title } }
    metrics(first: 100) { ...M } mentions(first: 20) { quote document { id title } } } }`,
  Place: `query($id: ID!) { entity: place(id: $id) { __typename id name level code
    documents(first: 100) { id title }
    parent { ...P } children(first: 20) { ...P } programs(first: 30) { ...G } organizations(first: 30) { ...O }
    metrics(first: 100) { ...M } } }`,
  Organization: `query($id: ID!) { entity: node(id: $id) { ... on Organization { __typename id name kind
    documents(first: 100) { id title }
    place { ...P } programs(first: 30) { ...G } people(first: 30) { ...H } } } }`,
  Person: `query($id: ID!) { entity: node(id: $id) { ... on Person { __typename id name
    documents(first: 100) { id title }
    positions { title organization { ...O } place { ...P } document { id title } mention { quote document { id title } } }
    mentions(first: 20) { quote document { id title } } } } }`,
};

/** The query with the fragments it spreads (GraphQL refuses unused ones). */
function withFragments(query: string): string {
  const used = FRAGMENTS.split('\n').filter((f) => {
    const name = /^fragment (\w+)/.exec(f)?.[1];
    return name !== undefined && query.includes(`...${name} `);
  });
  return [query, ...used].join('\n');
}

/** What the API says of one entity and its neighbours (the fields depend on its kind). */
export interface Entity extends Ref {
  aliases?: string[];
  code?: string | null;
  documents: Required<DocRef>[];
  places?: Ref[];
  organizations?: Ref[];
  people?: Ref[];
  programs?: Ref[];
  children?: Ref[];
  related?: Array<{ weight: number; program: Ref; sharedDocuments: Required<DocRef>[] }>;
  positions?: Array<{
    title: string;
    organization: Ref | null;
    place: Ref | null;
    document: Required<DocRef>;
    mention: Mention | null;
  }>;
  metrics?: Metric[];
  mentions?: Mention[];
}

const PREFIX: Record<string, Kind> = { prg: 'Program', plc: 'Place', org: 'Organization', per: 'Person' };

/** The kind an id names (ids start with a label prefix), or null for ids the explorer does not draw. */
export function kindOf(id: string): Kind | null {
  return PREFIX[id.slice(0, 3)] ?? null;
}

export async function fetchEntity(id: string): Promise<Entity | null> {
  const kind = kindOf(id);
  if (!kind) return null;
  const data = await gql<{ entity: Entity | null }>(withFragments(QUERIES[kind]), { id });
  return data.entity && data.entity.id ? data.entity : null;
}

export interface Suggestion {
  id: string;
  name: string;
  kind: Kind;
}

const SUGGEST = `query($text: String!) {
  search(text: $text, kinds: [PROGRAM, PLACE, ORGANIZATION, PERSON], first: 8) {
    node { __typename id ... on Program { name } ... on Place { name } ... on Organization { name } ... on Person { name } } }
  programs(where: { nameContains: $text }, first: 5) { nodes { __typename id name } }
  places(where: { nameContains: $text }, first: 5) { nodes { __typename id name } }
  organizations(where: { nameContains: $text }, first: 5) { nodes { __typename id name } }
  people(where: { nameContains: $text }, first: 5) { nodes { __typename id name } }
}`;

/**
 * Suggestions for what is typed: full-text hits first (best first), then names containing the
 * text (full-text search needs two characters or more; 领 alone still finds 领头羊工程).
 */
export async function suggest(text: string): Promise<Suggestion[]> {
  type N = { __typename: Kind; id: string; name: string };
  const d = await gql<{
    search: Array<{ node: N }>;
    programs: { nodes: N[] };
    places: { nodes: N[] };
    organizations: { nodes: N[] };
    people: { nodes: N[] };
  }>(SUGGEST, { text });
  const all = [
    ...d.search.map((h) => h.node),
    ...d.programs.nodes,
    ...d.places.nodes,
    ...d.organizations.nodes,
    ...d.people.nodes,
  ];
  const seen = new Set<string>();
  const out: Suggestion[] = [];
  for (const n of all) {
    if (!n.name || seen.has(n.id)) continue;
    seen.add(n.id);
    out.push({ id: n.id, name: n.name, kind: n.__typename });
  }
  return out.slice(0, 12);
}

/** The sentences naming a program or person (for an edge's evidence). */
export async function fetchMentions(id: string): Promise<Mention[]> {
  const kind = kindOf(id);
  if (kind !== 'Program' && kind !== 'Person') return [];
  const field = kind === 'Program' ? 'program(id: $id)' : 'node(id: $id)';
  const inner = kind === 'Program' ? 'mentions(first: 50)' : '... on Person { mentions(first: 50)';
  const close = kind === 'Program' ? '' : ' }';
  const d = await gql<{ e: { mentions?: Mention[] } | null }>(
    `query($id: ID!) { e: ${field} { ${inner} { quote document { id title } }${close} } }`,
    { id },
  );
  return d.e?.mentions ?? [];
}
