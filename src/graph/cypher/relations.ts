/**
 * One batched query per relationship field of the API: `UNWIND $ids AS key`, follow the
 * relationship from the parent `x` to the target `n`, one row per distinct (key, n), at most
 * `$limit` per key (a city has tens of thousands of metrics on a big corpus). Relationships
 * are stored per document, so DISTINCT folds the evidences of one fact. Internal to the
 * graph stage.
 */
import type { NodeLabel } from '../schema';
import { FIELDS, matchById, ORDER, TIE } from './fields';

export interface RelationField<T extends NodeLabel = NodeLabel> {
  /** Label of the nodes returned. */
  target: T;
  query: string;
  /**
   * One parent (`$id`): only the order keys of its first `$limit` targets. Grafeo keeps just
   * the top k only for a final RETURN … ORDER BY … LIMIT, and `query` sorts every target of a
   * key (廊坊市's 33,528 metrics: 23 ms here, then the 100 nodes by id, against 100 ms).
   */
  top: string;
}

const field = <T extends NodeLabel>(parent: NodeLabel, pattern: string, target: T): RelationField<T> => ({
  target,
  query: `UNWIND $ids AS key
${matchById(parent, 'x', 'key')}
MATCH ${pattern}
WITH DISTINCT key, n
WITH key, n, ${ORDER[target]} AS sortKey
ORDER BY key, sortKey, ${TIE[target]}
WITH key, collect(n) AS found
WITH key, found[0..$limit] AS kept
UNWIND kept AS n
RETURN key, ${FIELDS[target]}, ${ORDER[target]} AS sortKey`,
  // Through UNWIND as in `query`: with `$id` in place, Grafeo left the metric `doc` index
  // unused (Metric.place: 204 ms vs 0.3).
  top: `UNWIND [$id] AS key
${matchById(parent, 'x', 'key')}
MATCH ${pattern}
WITH DISTINCT n
RETURN ${ORDER[target]} AS sortKey, ${TIE[target]} AS tie
ORDER BY sortKey, tie
LIMIT $limit`,
});

/**
 * Every relationship field the API serves, by `Type.field`: the parent `x`, the pattern to the
 * target `n` (which may use `x` only through the parent's id, `x.id`), the target's label.
 */
export const RELATION_FIELD_PATTERNS = {
  'Document.places': { parent: 'Document', pattern: '(x)-[:MENTIONS]->(n:Place)', target: 'Place' },
  'Document.programs': { parent: 'Document', pattern: '(x)-[:MENTIONS]->(n:Program)', target: 'Program' },
  'Document.people': { parent: 'Document', pattern: '(x)-[:MENTIONS]->(n:Person)', target: 'Person' },
  'Document.metrics': { parent: 'Document', pattern: '(n:Metric {doc: x.id})', target: 'Metric' },
  'Place.parent': { parent: 'Place', pattern: '(x)-[:PART_OF]->(n:Place)', target: 'Place' },
  'Place.children': { parent: 'Place', pattern: '(x)<-[:PART_OF]-(n:Place)', target: 'Place' },
  'Place.programs': { parent: 'Place', pattern: '(x)<-[:IMPLEMENTED_IN]-(n:Program)', target: 'Program' },
  'Place.organizations': {
    parent: 'Place',
    pattern: '(x)<-[:LOCATED_IN]-(n:Organization)',
    target: 'Organization',
  },
  'Place.metrics': { parent: 'Place', pattern: '(x)<-[:MEASURES]-(n:Metric)', target: 'Metric' },
  'Place.documents': { parent: 'Place', pattern: '(x)<-[:MENTIONS]-(n:Document)', target: 'Document' },
  'Organization.place': { parent: 'Organization', pattern: '(x)-[:LOCATED_IN]->(n:Place)', target: 'Place' },
  'Organization.programs': { parent: 'Organization', pattern: '(x)-[:RUNS]->(n:Program)', target: 'Program' },
  'Organization.people': { parent: 'Organization', pattern: '(x)<-[:HOLDS]-(n:Person)', target: 'Person' },
  'Organization.documents': {
    parent: 'Organization',
    pattern: '(x)<-[:MENTIONS]-(n:Document)',
    target: 'Document',
  },
  'Program.places': { parent: 'Program', pattern: '(x)-[:IMPLEMENTED_IN]->(n:Place)', target: 'Place' },
  'Program.organizations': {
    parent: 'Program',
    pattern: '(x)<-[:RUNS]-(n:Organization)',
    target: 'Organization',
  },
  'Program.metrics': { parent: 'Program', pattern: '(x)<-[:MEASURES]-(n:Metric)', target: 'Metric' },
  'Program.people': {
    parent: 'Program',
    pattern: '(x)<-[:RUNS]-(:Organization)<-[:HOLDS]-(n:Person)',
    target: 'Person',
  },
  'Program.documents': { parent: 'Program', pattern: '(x)<-[:MENTIONS]-(n:Document)', target: 'Document' },
  'Person.documents': { parent: 'Person', pattern: '(x)<-[:MENTIONS]-(n:Document)', target: 'Document' },
  'Metric.place': { parent: 'Metric', pattern: '(x)-[:MEASURES]->(n:Place)', target: 'Place' },
  'Metric.program': { parent: 'Metric', pattern: '(x)-[:MEASURES]->(n:Program)', target: 'Program' },
} as const satisfies Record<string, { parent: NodeLabel; pattern: string; target: NodeLabel }>;

/** Every relationship field the API serves, by `Type.field`, as a batched and a single-parent query. */
export const RELATION_FIELDS = {
  'Document.places': field('Document', RELATION_FIELD_PATTERNS['Document.places'].pattern, 'Place'),
  'Document.programs': field('Document', RELATION_FIELD_PATTERNS['Document.programs'].pattern, 'Program'),
  'Document.people': field('Document', RELATION_FIELD_PATTERNS['Document.people'].pattern, 'Person'),
  // `key` rather than `x.id`: the same node, but Grafeo plans the metric `doc` index from it.
  'Document.metrics': field('Document', '(n:Metric {doc: key})', 'Metric'),
  'Place.parent': field('Place', RELATION_FIELD_PATTERNS['Place.parent'].pattern, 'Place'),
  'Place.children': field('Place', RELATION_FIELD_PATTERNS['Place.children'].pattern, 'Place'),
  'Place.programs': field('Place', RELATION_FIELD_PATTERNS['Place.programs'].pattern, 'Program'),
  'Place.organizations': field(
    'Place',
    RELATION_FIELD_PATTERNS['Place.organizations'].pattern,
    'Organization',
  ),
  'Place.metrics': field('Place', RELATION_FIELD_PATTERNS['Place.metrics'].pattern, 'Metric'),
  'Place.documents': field('Place', RELATION_FIELD_PATTERNS['Place.documents'].pattern, 'Document'),
  'Organization.place': field('Organization', RELATION_FIELD_PATTERNS['Organization.place'].pattern, 'Place'),
  'Organization.programs': field(
    'Organization',
    RELATION_FIELD_PATTERNS['Organization.programs'].pattern,
    'Program',
  ),
  'Organization.people': field(
    'Organization',
    RELATION_FIELD_PATTERNS['Organization.people'].pattern,
    'Person',
  ),
  'Organization.documents': field(
    'Organization',
    RELATION_FIELD_PATTERNS['Organization.documents'].pattern,
    'Document',
  ),
  'Program.places': field('Program', RELATION_FIELD_PATTERNS['Program.places'].pattern, 'Place'),
  'Program.organizations': field(
    'Program',
    RELATION_FIELD_PATTERNS['Program.organizations'].pattern,
    'Organization',
  ),
  'Program.metrics': field('Program', RELATION_FIELD_PATTERNS['Program.metrics'].pattern, 'Metric'),
  'Program.people': field('Program', RELATION_FIELD_PATTERNS['Program.people'].pattern, 'Person'),
  'Program.documents': field('Program', RELATION_FIELD_PATTERNS['Program.documents'].pattern, 'Document'),
  'Person.documents': field('Person', RELATION_FIELD_PATTERNS['Person.documents'].pattern, 'Document'),
  'Metric.place': field('Metric', RELATION_FIELD_PATTERNS['Metric.place'].pattern, 'Place'),
  'Metric.program': field('Metric', RELATION_FIELD_PATTERNS['Metric.program'].pattern, 'Program'),
} as const satisfies Record<string, RelationField>;

export type RelationFieldName = keyof typeof RELATION_FIELDS;

/** The evidence sentences of an entity: one per document, most frequent first. */
export const mentionsOf = (label: NodeLabel): string => `UNWIND $ids AS key
MATCH (x:${label} {id: key})<-[m:MENTIONS]-(d:Document)
RETURN key, d.id AS doc, m.start AS start, m.end AS end, m.count AS count
ORDER BY key, count DESC, doc`;

/** A person's posts with their evidence; the place is the one named or the organization's. */
export const POSITIONS = `UNWIND $ids AS key
MATCH (x:Person {id: key})-[h:HOLDS]->(t)
OPTIONAL MATCH (t)-[:LOCATED_IN]->(pl:Place)
WITH key, h, t, head(collect(pl.id)) AS orgPlace
RETURN key, h.title AS title, labels(t)[0] AS targetLabel, t.id AS targetId, orgPlace,
       h.doc AS doc, h.start AS start, h.end AS end
ORDER BY key, doc, start, title`;

/**
 * Programs related to each program, weights summed over documents, the `$limit` heaviest per
 * key (then by id). Only what every `related` selection needs: shared places and documents
 * come from their own batched loaders when asked for. Joining shared places here made Grafeo
 * evaluate the two-hop pattern far from its endpoints (18.5 s for 50 programs on 1,000
 * articles vs 4 ms), and collecting the documents doubled the time of a query that usually
 * does not need them.
 */
export const RELATED_PROGRAMS = `UNWIND $ids AS key
MATCH (x:Program {id: key})-[r:RELATED_TO]-(n:Program)
WITH key, n, sum(r.weight) AS weight
WITH key, n, weight
ORDER BY key, weight DESC, n.id
WITH key, collect({n: n, weight: weight}) AS found
WITH key, found[0..$limit] AS kept
UNWIND kept AS k
WITH key, k.n AS n, k.weight AS weight
RETURN key, ${FIELDS.Program}, weight
ORDER BY key, weight DESC, id`;

/** The documents relating each pair of programs (RelatedProgram.sharedDocuments). */
export const SHARED_DOCUMENTS = `UNWIND $pairs AS p
MATCH (:Program {id: p.a})-[r:RELATED_TO]-(:Program {id: p.b})
WITH p.i AS i, collect(DISTINCT r.doc) AS docs
RETURN i, docs`;

/** Documents' compressed clean texts, from which evidence sentences are cut (see docText). */
export const DOCUMENT_TEXTS = `UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN id, d.textDeflated AS text`;

/** Documents with their compressed clean texts: a mention's document and sentence in one read. */
export const DOCUMENTS_WITH_TEXT = `UNWIND $ids AS key
MATCH (n:Document {id: key})
RETURN ${FIELDS.Document}, n.textDeflated AS text`;
