/**
 * Top-level lists (connections) with their filters. Each filter is a fixed WHERE fragment
 * over parameters that are null when the filter is not used; pages are keyset-paginated
 * on (sortKey, id). Internal to the graph stage.
 */
import type { NodeLabel } from '../schema';
import { FIELDS, ORDER } from './fields';

export interface ListQuery<L extends NodeLabel = NodeLabel> {
  label: L;
  page: string;
  count: string;
}

const list = <L extends NodeLabel>(label: L, filter: string): ListQuery<L> => ({
  label,
  page: `MATCH (n:${label})
WITH n, ${ORDER[label]} AS sortKey
WHERE (${filter}) AND ($afterKey IS NULL OR sortKey > $afterKey OR (sortKey = $afterKey AND n.id > $afterId))
RETURN ${FIELDS[label]}, sortKey
ORDER BY sortKey, id
LIMIT $limit`,
  count: `MATCH (n:${label})
WHERE ${filter}
RETURN count(n) AS count`,
});

export const LISTS = {
  documents: list('Document', 'true'),
  places: list(
    'Place',
    '($level IS NULL OR n.level = $level) AND ($nameContains IS NULL OR n.name CONTAINS $nameContains)',
  ),
  organizations: list(
    'Organization',
    `($nameContains IS NULL OR n.name CONTAINS $nameContains)
 AND ($placeId IS NULL OR EXISTS { MATCH (n)-[:LOCATED_IN]->(:Place {id: $placeId}) })`,
  ),
  programs: list(
    'Program',
    `($nameContains IS NULL OR n.name CONTAINS $nameContains OR any(a IN n.aliases WHERE a CONTAINS $nameContains))
 AND ($kind IS NULL OR n.kind = $kind)
 AND ($placeId IS NULL OR EXISTS { MATCH (n)-[:IMPLEMENTED_IN]->(:Place {id: $placeId}) })`,
  ),
  people: list('Person', '($nameContains IS NULL OR n.name CONTAINS $nameContains)'),
  metrics: list(
    'Metric',
    `($documentId IS NULL OR n.doc = $documentId)
 AND ($programId IS NULL OR EXISTS { MATCH (n)-[:MEASURES]->(:Program {id: $programId}) })
 AND ($placeId IS NULL OR EXISTS { MATCH (n)-[:MEASURES]->(:Place {id: $placeId}) })`,
  ),
} as const satisfies Record<string, ListQuery>;

export type ListName = keyof typeof LISTS;

/** The parameters each list's filter reads; all must be present (null when unused). */
export const LIST_PARAMS: Record<ListName, readonly string[]> = {
  documents: [],
  places: ['level', 'nameContains'],
  organizations: ['nameContains', 'placeId'],
  programs: ['nameContains', 'kind', 'placeId'],
  people: ['nameContains'],
  metrics: ['documentId', 'programId', 'placeId'],
};

/** Candidates for a name lookup: names or aliases containing the normalized query. */
export const PROGRAM_NAME_CANDIDATES = `MATCH (n:Program)
WHERE any(q IN $qs WHERE n.name CONTAINS q OR any(a IN n.aliases WHERE a CONTAINS q))
RETURN ${FIELDS.Program}
LIMIT 200`;

export const PLACE_NAME_CANDIDATES = `MATCH (n:Place)
WHERE any(q IN $qs WHERE n.name STARTS WITH q)
RETURN ${FIELDS.Place}
LIMIT 200`;
