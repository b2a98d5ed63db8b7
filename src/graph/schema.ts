/**
 * The fixed vocabulary of the graph: labels, relationship types, which labels each
 * relationship joins, and the DDL both engines share. Labels and types in Cypher text
 * come only from here, never from input. Public.
 */
import type { ProgramKind, RelationType } from '../extract/types';

export const NODE_LABELS = ['Document', 'Place', 'Organization', 'Program', 'Person', 'Metric'] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/** Labels whose nodes are found by full-text search (their `searchText` property). */
export const SEARCHABLE_LABELS: readonly NodeLabel[] = [
  'Document',
  'Place',
  'Organization',
  'Program',
  'Person',
];

export const RELATION_TYPES = [
  'PART_OF',
  'LOCATED_IN',
  'IMPLEMENTED_IN',
  'RUNS',
  'HOLDS',
  'MEASURES',
  'RELATED_TO',
] as const satisfies readonly RelationType[];

/** The endpoint labels each relationship type may join: the only combinations ever written. */
export const RELATION_ENDPOINTS: Record<RelationType, ReadonlyArray<readonly [NodeLabel, NodeLabel]>> = {
  PART_OF: [['Place', 'Place']],
  LOCATED_IN: [['Organization', 'Place']],
  IMPLEMENTED_IN: [['Program', 'Place']],
  RUNS: [['Organization', 'Program']],
  HOLDS: [
    ['Person', 'Organization'],
    ['Person', 'Place'],
  ],
  MEASURES: [
    ['Metric', 'Program'],
    ['Metric', 'Place'],
  ],
  RELATED_TO: [['Program', 'Program']],
};

/**
 * Program kinds, in the order a tie between a program's documents is settled (OTHER last).
 * A program keeps one vote count per kind (`kindVotes_<kind>`, see cypher/write.ts).
 */
export const PROGRAM_KINDS = [
  'PROJECT',
  'CAMPAIGN',
  'MECHANISM',
  'PLATFORM',
  'OTHER',
] as const satisfies readonly ProgramKind[];

/**
 * Relationships implied by the identity of their start node: a place key is its GB/T 2260
 * code (whose parent is fixed) or its parent + name, an organization key is its place + name.
 * So a place has one parent and an organization one place, whatever document names them; the
 * relationship is stored once, with no evidence of its own: the documents and sentences that
 * state it are the start node's mentions, and it goes when the start node does (no document
 * supports it any more). One per document cost 125k relationships at 10,000 articles.
 */
export const IMPLIED_RELATIONS: ReadonlySet<RelationType> = new Set(['PART_OF', 'LOCATED_IN']);

/**
 * Labels looked up by their `id` property. Metrics are not: a metric id names its document
 * (see ids.ts), so they are found through the `doc` index, and the largest label (45 per
 * article) carries no id index, which cost ≈ 150 bytes a node on the embedded engine.
 */
export const ID_INDEXED_LABELS = NODE_LABELS.filter((l) => l !== 'Metric');

/**
 * The format of what is stored, marked in the store by one `(:StoreFormat {version})` node.
 * Raised when a store written before would read wrong, not merely lack something new. 3:
 * PART_OF and LOCATED_IN once per pair, metrics store `doc` + `at` instead of an id. 4: a
 * program keeps tallies of what its documents say of it (`kindVotes_<kind>`, `aliasVoteNames`
 * + `aliasVoteCounts`), from which its kind and aliases are set. Stores without a mark come
 * from before marks (the first two formats).
 */
export const STORE_FORMAT = 4;

/** Uniqueness on looked-up ids and lookup indexes; the same text runs on Neo4j 5 and Grafeo. */
export const SCHEMA_DDL: readonly string[] = [
  ...ID_INDEXED_LABELS.map(
    (l) => `CREATE CONSTRAINT ${l.toLowerCase()}_id IF NOT EXISTS FOR (n:${l}) REQUIRE n.id IS UNIQUE`,
  ),
  ...(['Place', 'Organization', 'Program', 'Person'] as const).map(
    (l) => `CREATE INDEX ${l.toLowerCase()}_name IF NOT EXISTS FOR (n:${l}) ON (n.name)`,
  ),
  'CREATE INDEX document_file IF NOT EXISTS FOR (n:Document) ON (n.file)',
  'CREATE INDEX place_level IF NOT EXISTS FOR (n:Place) ON (n.level)',
  'CREATE INDEX metric_doc IF NOT EXISTS FOR (n:Metric) ON (n.doc)',
];
