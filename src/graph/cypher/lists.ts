/**
 * Top-level lists (connections) with their filters; pages are keyset-paginated on
 * (sortKey, id). Internal to the graph stage.
 */
import type { NodeLabel } from '../schema';
import { FIELDS, ORDER } from './fields';

/**
 * One filter of a list: either a pattern that anchors `n` on a node found by id (so the
 * engine starts from that node, not from every `n`), or a condition on `n`. Fixed text; the
 * value always arrives as the `$<name>` parameter.
 */
type Filter = { match: string } | { where: string };

interface ListSpec<L extends NodeLabel = NodeLabel> {
  label: L;
  filters: Record<string, Filter>;
}

export const LISTS = {
  documents: { label: 'Document', filters: {} },
  places: {
    label: 'Place',
    filters: {
      level: { where: 'n.level = $level' },
      nameContains: { where: 'n.name CONTAINS $nameContains' },
    },
  },
  organizations: {
    label: 'Organization',
    filters: {
      nameContains: { where: 'n.name CONTAINS $nameContains' },
      placeId: { match: '(n:Organization)-[:LOCATED_IN]->(:Place {id: $placeId})' },
    },
  },
  programs: {
    label: 'Program',
    filters: {
      nameContains: {
        where: '(n.name CONTAINS $nameContains OR any(a IN n.aliases WHERE a CONTAINS $nameContains))',
      },
      kind: { where: 'n.kind = $kind' },
      placeId: { match: '(n:Program)-[:IMPLEMENTED_IN]->(:Place {id: $placeId})' },
    },
  },
  people: { label: 'Person', filters: { nameContains: { where: 'n.name CONTAINS $nameContains' } } },
  metrics: {
    label: 'Metric',
    filters: {
      documentId: { match: '(n:Metric {doc: $documentId})' },
      programId: { match: '(n:Metric)-[:MEASURES]->(:Program {id: $programId})' },
      placeId: { match: '(n:Metric)-[:MEASURES]->(:Place {id: $placeId})' },
    },
  },
} as const satisfies Record<string, ListSpec>;

export type ListName = keyof typeof LISTS;

export interface ListQuery {
  /** Keyset page ordered by (sortKey, id); `$limit` is the page size plus one. */
  page: string;
  count: string;
}

const built = new Map<string, ListQuery>();

/**
 * The page and count queries of a list for the filters in use. Unused filters are left out
 * of the text rather than written as `$x IS NULL OR …`: Grafeo evaluated those for every
 * row even when `$x` was null (50 ms vs 4 ms on 1,000 articles). Memoized per combination.
 */
export function listQuery(name: ListName, active: readonly string[]): ListQuery {
  const key = `${name}:${[...active].sort().join(',')}`;
  let q = built.get(key);
  if (q) return q;
  const spec: ListSpec = LISTS[name];
  const used = Object.entries(spec.filters).filter(([param]) => active.includes(param));
  const matches = used.flatMap(([, f]) => ('match' in f ? [f.match] : []));
  const wheres = used.flatMap(([, f]) => ('where' in f ? [f.where] : []));
  const label = spec.label;
  // Anchored patterns bind n first; several of them intersect; none: every n of the label.
  const head =
    matches.length > 0
      ? matches.map((m) => `MATCH ${m}`).join('\n') + '\nWITH DISTINCT n'
      : `MATCH (n:${label})`;
  const where = wheres.length > 0 ? wheres.join(' AND ') : 'true';
  q = {
    page: `${head}
WITH n, ${ORDER[label]} AS sortKey
WHERE (${where}) AND ($afterKey IS NULL OR sortKey > $afterKey OR (sortKey = $afterKey AND n.id > $afterId))
RETURN ${FIELDS[label]}, sortKey
ORDER BY sortKey, id
LIMIT $limit`,
    count: `${head}
WITH n
WHERE ${where}
RETURN count(n) AS count`,
  };
  built.set(key, q);
  return q;
}

/** Candidates for a name lookup: names or aliases containing the normalized query. */
export const PROGRAM_NAME_CANDIDATES = `MATCH (n:Program)
WHERE any(q IN $qs WHERE n.name CONTAINS q OR any(a IN n.aliases WHERE a CONTAINS q))
RETURN ${FIELDS.Program}, COUNT { (n)<-[:MENTIONS]-(:Document) } AS documents
LIMIT 200`;

export const PLACE_NAME_CANDIDATES = `MATCH (n:Place)
WHERE any(q IN $qs WHERE n.name STARTS WITH q)
RETURN ${FIELDS.Place}
LIMIT 200`;
