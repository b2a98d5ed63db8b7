/**
 * One-hop fields read together with their parents: a statement takes a batch of parent ids and
 * returns each parent's fields and, per hop the request selects, its children already ordered
 * and cut to their page, each hop a `CALL { WITH x … RETURN collect(…) }` subquery. So a list
 * level costs one statement however many relationship fields it selects.
 *
 * Both engines run the same text. Neo4j 5 also has `COLLECT { … }` subqueries, but Grafeo 0.6
 * rejects them (syntax error), and its pattern comprehensions take no ORDER BY / LIMIT; a
 * `CALL { WITH x … }` per hop runs on both (an empty hop collects `[]` and keeps its parent
 * row), so no engine capability is needed. Internal to the graph stage.
 */
import type { NodeLabel } from '../schema';
import { FIELDS, MAP, mapOf, matchById, ORDER, TIE } from './fields';
import { projectKeys, type ListQuery } from './lists';
import { RELATION_FIELD_PATTERNS, type RelationFieldName } from './relations';

/** What the children of a hop are, which says how the store converts them. */
export type HopResult = 'nodes' | 'related' | 'mentions' | 'positions' | 'count' | 'placeReports';

interface HopBase {
  parent: NodeLabel;
  /** The subquery over the bound parent `x`, with `$<limit>` its page size and `<out>` its column. */
  body: (limit: string, out: string) => string;
}

/** A hop's children: nodes of a label, or rows of another kind. */
export type Hop =
  (HopBase & { result: 'nodes'; target: NodeLabel }) | (HopBase & { result: Exclude<HopResult, 'nodes'> });

/** The targets of `pattern` from `x` to `n`, distinct, in the target's order (ORDER, then TIE). */
const nodesHop = ({
  parent,
  pattern,
  target,
}: {
  parent: NodeLabel;
  pattern: string;
  target: NodeLabel;
}): Hop => {
  return {
    parent,
    result: 'nodes',
    target,
    body: (limit, out) => `CALL {
  WITH x
  MATCH ${pattern}
  WITH DISTINCT n
  ORDER BY ${ORDER[target]}, ${TIE[target]}
  LIMIT $${limit}
  RETURN collect(${MAP[target]}) AS ${out}
}`,
  };
};

/** The evidence sentences of an entity, one per document, most frequent first (as `mentionsOf`). */
const mentionsHop = (parent: NodeLabel): Hop => ({
  parent,
  result: 'mentions',
  body: (limit, out) => `CALL {
  WITH x
  MATCH (x)<-[m:MENTIONS]-(d:Document)
  WITH d.id AS doc, m.start AS start, m.end AS end, m.count AS count
  ORDER BY count DESC, doc
  LIMIT $${limit}
  RETURN collect({doc: doc, start: start, end: end}) AS ${out}
}`,
});

/**
 * How many distinct targets `pattern` reaches from `x` (a list field's count): one number, 0
 * without a match (an aggregate always returns its row). Not OPTIONAL MATCH: in a subquery
 * Grafeo ran it 200 times slower (21 programs' counts: 250 ms against 1).
 */
const countHop = (name: RelationFieldName): Hop => ({
  parent: RELATION_FIELD_PATTERNS[name].parent,
  result: 'count',
  body: (_limit, out) => `CALL {
  WITH x
  MATCH ${RELATION_FIELD_PATTERNS[name].pattern}
  RETURN count(DISTINCT n) AS ${out}
}`,
});

/**
 * The places a program is implemented in, each with the documents that say so and the dates
 * of the earliest and latest of them (`IMPLEMENTED_IN.doc`), ordered by `orderBy` (then by
 * name and id); a place whose documents state no day sorts last by date.
 */
const placeReportsHop = (orderBy: string): Hop => ({
  parent: 'Program',
  result: 'placeReports',
  body: (limit, out) => `CALL {
  WITH x
  MATCH (x)-[r:IMPLEMENTED_IN]->(n:Place)
  MATCH (d:Document {id: r.doc})
  WITH n, collect(DISTINCT d.id) AS docs, min(d.publishedAt) AS first, max(d.publishedAt) AS last
  ORDER BY ${orderBy}, n.name, n.id
  LIMIT $${limit}
  RETURN collect({place: ${MAP.Place}, docs: docs, first: first, last: last}) AS ${out}
}`,
});

/** The count fields of each type: `Type.<thing>Count` → the relationship field it counts. */
export const COUNT_FIELDS = {
  'Document.placeCount': 'Document.places',
  'Document.programCount': 'Document.programs',
  'Document.personCount': 'Document.people',
  'Document.metricCount': 'Document.metrics',
  'Place.childCount': 'Place.children',
  'Place.programCount': 'Place.programs',
  'Place.organizationCount': 'Place.organizations',
  'Place.metricCount': 'Place.metrics',
  'Place.documentCount': 'Place.documents',
  'Organization.programCount': 'Organization.programs',
  'Organization.personCount': 'Organization.people',
  'Organization.documentCount': 'Organization.documents',
  'Program.placeCount': 'Program.places',
  'Program.organizationCount': 'Program.organizations',
  'Program.metricCount': 'Program.metrics',
  'Program.personCount': 'Program.people',
  'Program.documentCount': 'Program.documents',
  'Person.documentCount': 'Person.documents',
} as const satisfies Record<string, RelationFieldName>;

export type CountFieldName = keyof typeof COUNT_FIELDS;

export const HOPS = {
  ...(Object.fromEntries(
    (Object.keys(COUNT_FIELDS) as CountFieldName[]).map((name) => [name, countHop(COUNT_FIELDS[name])]),
  ) as Record<CountFieldName, Hop>),
  /** Program.placeReports by the date first reported (the program's spread over time). */
  'Program.placeReports': placeReportsHop("coalesce(first, '9999')"),
  /** Program.placeReports by the number of documents, most first. */
  'Program.placeReports.byDocuments': placeReportsHop('size(docs) DESC'),
  ...(Object.fromEntries(
    (Object.keys(RELATION_FIELD_PATTERNS) as RelationFieldName[]).map((name) => [
      name,
      nodesHop(RELATION_FIELD_PATTERNS[name]),
    ]),
  ) as Record<RelationFieldName, Hop>),
  /** The heaviest related programs (as RELATED_PROGRAMS). */
  'Program.related': {
    parent: 'Program',
    result: 'related' as const,
    body: (limit, out) => `CALL {
  WITH x
  MATCH (x)-[r:RELATED_TO]-(n:Program)
  WITH n, sum(r.weight) AS weight
  ORDER BY weight DESC, n.id
  LIMIT $${limit}
  RETURN collect({program: ${MAP.Program}, weight: weight}) AS ${out}
}`,
  },
  /** A metric's document: its `doc` property names it (no relationship). */
  'Metric.document': nodesHop({ parent: 'Metric', pattern: '(n:Document {id: x.doc})', target: 'Document' }),
  'Program.mentions': mentionsHop('Program'),
  'Person.mentions': mentionsHop('Person'),
  /**
   * A person's posts (as POSITIONS), each with its organization and place read along (the
   * place named, or the organization's); `$limit` is ignored: positions are not paged.
   */
  'Person.positions': {
    parent: 'Person',
    result: 'positions' as const,
    body: (_limit, out) => `CALL {
  WITH x
  MATCH (x)-[h:HOLDS]->(t)
  OPTIONAL MATCH (t)-[:LOCATED_IN]->(pl:Place)
  WITH h, t, head(collect(pl)) AS orgPlace
  WITH h, t, CASE WHEN 'Place' IN labels(t) THEN t ELSE orgPlace END AS p
  WITH h.title AS title, labels(t)[0] AS targetLabel, t.id AS targetId, p.id AS orgPlace,
       h.doc AS doc, h.start AS start, h.end AS end,
       CASE WHEN 'Organization' IN labels(t) THEN ${mapOf('Organization', 't')} ELSE null END AS organization,
       CASE WHEN p IS NULL THEN null ELSE ${mapOf('Place', 'p')} END AS place
  ORDER BY doc, start, title
  RETURN collect({title: title, targetLabel: targetLabel, targetId: targetId, orgPlace: orgPlace,
                  doc: doc, start: start, end: end, organization: organization, place: place}) AS ${out}
}`,
  },
} satisfies Record<string, Hop>;

export type HopName = keyof typeof HOPS;

/** One hop a request asks for, with its page size. */
export interface HopRequest {
  hop: HopName;
  limit: number;
}

/** The key of a hop request: its children's column in the store's answer. */
export const hopKey = (h: HopRequest): string => `${h.hop}:${h.limit}`;

const built = new Map<string, string>();

const memo = (sig: string, make: () => string): string => {
  let q = built.get(sig);
  if (q === undefined) built.set(sig, (q = make()));
  return q;
};

/** The hop subqueries over the bound parent `x` (hop i: page size `$l<i>`, column `h<i>`). */
const hopCalls = (hops: readonly HopRequest[]): { calls: string; outs: string[] } => ({
  calls: hops.map((h, i) => HOPS[h.hop].body(`l${i}`, `h${i}`)).join('\n'),
  outs: hops.map((_h, i) => `h${i}`),
});

/**
 * The statement reading parents of `label` by `$ids` with the children of `hops` (in this
 * order; the page size of hop i is `$l<i>`, its children the column `h<i>`). Memoized per
 * label and hop list; the text comes from HOPS only, never from input.
 */
export function expandQuery(label: NodeLabel, hops: readonly HopRequest[]): string {
  return memo(`ids|${label}|${hops.map((h) => h.hop).join(',')}`, () => {
    const { calls, outs } = hopCalls(hops);
    return `UNWIND $ids AS key
${matchById(label, 'x', 'key')}
${calls}
WITH ${['key', 'x AS n', ...outs].join(', ')}
RETURN key, ${FIELDS[label]}${outs.map((o) => `, ${o}`).join('')}`;
  });
}

/**
 * As expandQuery, for the parents whose name is one of `$names` (found through the name
 * index): a lookup by name and its hops in one statement. `extra` adds columns over `n` that
 * rank the candidates (a program's documents).
 */
export function expandByNameQuery(label: NodeLabel, hops: readonly HopRequest[], extra = ''): string {
  return memo(`names|${label}|${hops.map((h) => h.hop).join(',')}|${extra}`, () => {
    const { calls, outs } = hopCalls(hops);
    return `MATCH (x:${label})
WHERE x.name IN $names
${calls}
WITH ${['x.id AS key', 'x AS n', ...outs].join(', ')}
RETURN key, ${FIELDS[label]}${extra ? `, ${extra}` : ''}${outs.map((o) => `, ${o}`).join('')}`;
  });
}

/**
 * A list page (`page`, the list statement's parts: see listQuery) with its nodes' fields and
 * the children of `hops`, in one statement: the page is cut first (`WITH … ORDER BY … LIMIT`),
 * then each kept node runs its hop subqueries. Only for an engine that keeps the top rows of a
 * `WITH … ORDER BY … LIMIT` without sorting every row (Neo4j; `CypherRunner.topKInWith`):
 * Grafeo sorts every row there, so on it a page reads its keys first and its nodes after.
 */
export function pageExpandQuery(
  label: NodeLabel,
  page: ListQuery['parts'],
  hops: readonly HopRequest[],
): string {
  return memo(`page|${label}|${page.rows}|${page.orderBy}|${hops.map((h) => h.hop).join(',')}`, () => {
    const { calls, outs } = hopCalls(hops);
    return `${page.rows}
WITH n AS x, ${projectKeys(page)}
ORDER BY ${page.orderBy}
LIMIT $limit
${calls}
WITH ${['sortKey', 'tie', 'x AS n', ...outs].join(', ')}
RETURN sortKey, tie, ${FIELDS[label]}${outs.map((o) => `, ${o}`).join('')}
ORDER BY ${page.orderBy}`;
  });
}
