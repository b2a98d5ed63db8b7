/** Document reads. Internal to the graph stage. */

const DOCUMENT_FIELDS = `d.id AS id, d.title AS title, d.file AS file, d.publishedAt AS publishedAt,
d.source AS source, d.authors AS authors, d.charCount AS charCount`;

/** Keyset page ordered by (file, id); `$first + 1` rows tell whether a next page exists. */
export const DOCUMENTS_PAGE = `MATCH (d:Document)
WITH d, coalesce(d.file, '') AS sortKey
WHERE $afterKey IS NULL OR sortKey > $afterKey OR (sortKey = $afterKey AND d.id > $afterId)
RETURN ${DOCUMENT_FIELDS}, sortKey
ORDER BY sortKey, id
LIMIT $limit`;

export const DOCUMENTS_COUNT = `MATCH (d:Document) RETURN count(d) AS count`;

export const DOCUMENTS_BY_IDS = `UNWIND $ids AS key
MATCH (d:Document {id: key})
RETURN ${DOCUMENT_FIELDS}`;
