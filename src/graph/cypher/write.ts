/**
 * Write queries: batched `UNWIND $rows … MERGE` on constrained ids, one transaction per
 * document. Labels and relationship types are interpolated only from the fixed lists in
 * `schema.ts`. Internal to the graph stage.
 */
import type { RelationType } from '../../extract/types';
import {
  IMPLIED_RELATIONS,
  PROGRAM_KINDS,
  RELATION_ENDPOINTS,
  RELATION_TYPES,
  type NodeLabel,
} from '../schema';
import { matchById } from './fields';

/** The format marks of the store (one, unless two processes marked a new store at once). */
export const STORE_FORMATS = `MATCH (f:StoreFormat) RETURN DISTINCT f.version AS version`;

export const ANY_DOCUMENT = `MATCH (d:Document) RETURN d.id AS id LIMIT 1`;

export const MARK_STORE_FORMAT = `MERGE (:StoreFormat {version: $version})`;

export const DOCUMENT_EXISTS = `MATCH (d:Document {id: $id}) RETURN d.id AS id, d.file AS file`;

export const DOCUMENTS_BY_FILE = `MATCH (d:Document) WHERE d.file = $file RETURN d.id AS id`;

/** Simple entities: the last document to write one sets its properties. */
export const upsertEntities = (
  label: Exclude<NodeLabel, 'Document' | 'Program' | 'Metric'>,
  rows = 'rows',
): string => `UNWIND $${rows} AS r MERGE (n:${label} {id: r.id}) SET n += r.props`;

/** Metrics belong to the new document alone (no id to MERGE on: see ids.ts): CREATE. */
const createMetrics = (rows: string): string => `UNWIND $${rows} AS r CREATE (n:Metric) SET n += r.props`;

/**
 * Creates the document's programs and names them. Their `kind`, `aliases` and `searchText`
 * are set with their tallies, when the document's MENTIONS of them are written
 * (tallyProgramMentions).
 */
const upsertPrograms = (rows: string): string => `UNWIND $${rows} AS r
MERGE (n:Program {id: r.id})
SET n.name = r.name`;

/**
 * One relationship per (endpoints, document, key): facts from two documents keep both
 * evidences. CREATE, not MERGE: a document is written only when it is not stored (its
 * previous version removed first, in the same transaction) and its rows are deduplicated,
 * so every relationship here is new; MERGE would scan the busy endpoint (廊坊市) each time.
 * Two kinds carry no evidence of their own: MEASURES goes with its metric (see writeBatch),
 * and an implied relationship (see IMPLIED_RELATIONS) is written once, when its start node
 * has none yet (its own few outgoing relationships are what is looked at).
 */
export const upsertRelations = (
  type: RelationType,
  from: NodeLabel,
  to: NodeLabel,
  rows = 'rows',
): string => {
  if (!RELATION_ENDPOINTS[type].some(([f, t]) => f === from && t === to)) {
    throw new Error(`no ${type} relationship from ${from} to ${to} in the graph model`);
  }
  const create =
    type === 'MEASURES' || IMPLIED_RELATIONS.has(type)
      ? `CREATE (a)-[:${type}]->(b)`
      : `CREATE (a)-[x:${type} {doc: r.doc}]->(b)\nSET x += r.props`;
  const once = IMPLIED_RELATIONS.has(type) ? `\nWHERE NOT EXISTS { MATCH (a)-[:${type}]->() }` : '';
  return `UNWIND $${rows} AS r
${matchById(from, 'a', 'r.from')}${once}
MATCH (b:${to} {id: r.to})
${create}`;
};

/** The document is new and `rows` has one row per entity: CREATE, as for relations. */
export const upsertMentions = (
  label: Exclude<NodeLabel, 'Document'>,
  rows = 'rows',
): string => `MATCH (d:Document {id: $docId})
UNWIND $${rows} AS r
MATCH (e:${label} {id: r.id})
CREATE (d)-[m:MENTIONS]->(e)
SET m += r.props`;

// ---- a program's tallies -----------------------------------------------------------------
//
// What the documents say of a program (the `kind` and `aliases` of their MENTIONS of it) is
// kept on the program as tallies, raised when a MENTIONS is created and lowered before it is
// deleted, so a document costs the same whatever the program's support (re-reading every
// MENTIONS of 廊坊市's popular programs grew from 24 to 140 ms a document over 1,000 articles):
//   kindVotes_<kind>   one count per kind of PROGRAM_KINDS (Neo4j properties hold no maps);
//   aliasVoteNames     the aliases the documents give, in no particular order, and at the
//   aliasVoteCounts    same index how many documents give each (none is kept at 0).
// Each statement first SETs the vote counts from themselves: on Neo4j that takes the node's
// write lock before reading (a direct dependency), so concurrent importers lose no vote; the
// rest is computed on variables and SET at once (one write of each property, each list read
// once).

const votes = (k: string): string => `kindVotes_${k}`;

/** Alias `i` goes before alias `j`: given by more documents, then by string. */
const aliasBefore = (i: string, j: string): string =>
  `counts[${i}] > counts[${j}] OR (counts[${i}] = counts[${j}] AND names[${i}] < names[${j}])`;

/**
 * Stores the program `p`'s alias tallies (`names`, `counts`: no count 0) and sets its kind,
 * aliases and search text from its tallies: the kind most of its documents give (a tie goes
 * to the earlier kind of PROGRAM_KINDS), the aliases any of them gives but its name (most
 * given first, then by string: neither depends on the order the documents were written in),
 * the name and aliases for full-text search. The aliases are ranked by insertion into a
 * sorted list (Cypher has no sort function; a program has a few aliases).
 */
const setProgramFromTallies = (
  p: string,
): string => `WITH ${p}, names, counts, [${PROGRAM_KINDS.map((k) => `${p}.${votes(k)}`).join(', ')}] AS votes,
     [i IN range(0, size(names) - 1) WHERE names[i] <> ${p}.name | i] AS given
WITH ${p}, names, counts, votes,
     reduce(s = [], i IN given | [j IN s WHERE ${aliasBefore('j', 'i')}] + [i] + [j IN s WHERE NOT (${aliasBefore('j', 'i')})]) AS ranked
SET ${p}.aliasVoteNames = names, ${p}.aliasVoteCounts = counts,
    ${p}.kind = [${PROGRAM_KINDS.map((k) => `'${k}'`).join(', ')}][reduce(b = 0, i IN range(1, ${PROGRAM_KINDS.length - 1}) | CASE WHEN votes[i] > votes[b] THEN i ELSE b END)],
    ${p}.aliases = [i IN ranked | names[i]],
    ${p}.searchText = reduce(t = ${p}.name, i IN ranked | t + ' ' + names[i])`;

/**
 * The document's MENTIONS of its programs (`$<rows>`: one row per program, `props` with what
 * the document says of it: `kind`, distinct `aliases`), raising the programs' tallies.
 */
const tallyProgramMentions = (rows: string): string => `MATCH (d:Document {id: $docId})
UNWIND $${rows} AS r
MATCH (p:Program {id: r.id})
CREATE (d)-[m:MENTIONS]->(p)
SET m += r.props
WITH p, r.props.kind AS kind, r.props.aliases AS said
SET ${PROGRAM_KINDS.map((k) => `p.${votes(k)} = coalesce(p.${votes(k)}, 0) + CASE WHEN kind = '${k}' THEN 1 ELSE 0 END`).join(',\n    ')}
WITH p, said, coalesce(p.aliasVoteNames, []) AS known, coalesce(p.aliasVoteCounts, []) AS had
WITH p, said, had, known + [a IN said WHERE NOT a IN known] AS names
WITH p, names, [i IN range(0, size(names) - 1) | coalesce(had[i], 0) + CASE WHEN names[i] IN said THEN 1 ELSE 0 END] AS counts
${setProgramFromTallies('p')}`;

/**
 * Lowers the tallies of the programs the document `$id` mentions by what it says of them,
 * before the document goes (a program it alone supported goes with it: see deleteOrphans).
 */
export const UNTALLY_DOCUMENT_PROGRAMS = `MATCH (:Document {id: $id})-[m:MENTIONS]->(p:Program)
WITH p, m.kind AS kind, coalesce(m.aliases, []) AS said
SET ${PROGRAM_KINDS.map((k) => `p.${votes(k)} = p.${votes(k)} - CASE WHEN kind = '${k}' THEN 1 ELSE 0 END`).join(',\n    ')}
WITH p, said, p.aliasVoteNames AS known, p.aliasVoteCounts AS had
WITH p, known, [i IN range(0, size(known) - 1) | had[i] - CASE WHEN known[i] IN said THEN 1 ELSE 0 END] AS left
WITH p, [i IN range(0, size(left) - 1) WHERE left[i] > 0 | known[i]] AS names, [c IN left WHERE c > 0] AS counts
${setProgramFromTallies('p')}`;

/** Ids of the entities a document supports, per label. */
export const DOCUMENT_ENTITIES = `MATCH (d:Document {id: $id})-[:MENTIONS]->(e)
RETURN e.id AS id, labels(e) AS labels`;

/** Every relationship of the document's facts hangs off an entity it mentions. */
export const DELETE_DOCUMENT_RELATIONS = `MATCH (d:Document {id: $id})-[:MENTIONS]->(e)-[r]-()
WHERE r.doc = $id
WITH DISTINCT r
DELETE r`;

export const DELETE_DOCUMENT = `MATCH (d:Document {id: $id}) DETACH DELETE d`;

/** Metrics belong to one document (their `doc`), so they go with it, relationships and all. */
export const DELETE_DOCUMENT_METRICS = `MATCH (m:Metric {doc: $id}) DETACH DELETE m`;

/** Entities no remaining document mentions are no longer supported by any evidence. */
export const deleteOrphans = (label: Exclude<NodeLabel, 'Document'>): string => `UNWIND $ids AS id
MATCH (e:${label} {id: id})
WHERE NOT EXISTS { MATCH (:Document)-[:MENTIONS]->(e) }
DETACH DELETE e`;

// ---- one document in two statements ------------------------------------------------------
//
// A document's nodes, then its relationships and mentions, each in one statement: every
// label and every relationship type is still its own `UNWIND $<param> …` block, run as a
// `CALL { … RETURN count(*) }` subquery (an empty list writes nothing and keeps the row), so
// the texts are fixed whatever the document holds. Two statements rather than one: the
// relationships MATCH the nodes the first one wrote. Both engines run them as they are.

/** Labels of the entities a document writes with MERGE, each under the parameter of its name. */
export const ENTITY_LABELS = ['Place', 'Organization', 'Person'] as const;

/** Labels a document supports through MENTIONS, each under `$mentions<Label>`. */
export const MENTIONED_LABELS = ['Place', 'Organization', 'Program', 'Person'] as const;

/** Every relationship of the model (type, endpoints), in a fixed order: block i reads `$rel<i>`. */
export const RELATION_GROUPS: ReadonlyArray<{ type: RelationType; from: NodeLabel; to: NodeLabel }> =
  RELATION_TYPES.flatMap((type) => RELATION_ENDPOINTS[type].map(([from, to]) => ({ type, from, to })));

const block = (body: string, out: string): string => `CALL {\n${body}\nRETURN count(*) AS ${out}\n}`;

/**
 * The document (`$doc`, its claim removed), its entities (`$Place`, `$Organization`,
 * `$Person`), metrics (`$metrics`) and programs (`$programs`).
 */
export const WRITE_DOCUMENT_NODES = [
  block('MERGE (d:Document {id: $doc.id})\nSET d += $doc\nREMOVE d.claim', 'document'),
  ...ENTITY_LABELS.map((l) => block(upsertEntities(l, l), l)),
  block(createMetrics('metrics'), 'metrics'),
  block(upsertPrograms('programs'), 'programs'),
  `RETURN document, ${ENTITY_LABELS.join(', ')}, metrics, programs`,
].join('\n');

/**
 * The document's relationships (`$rel<i>`, see RELATION_GROUPS) and its MENTIONS of
 * `$mentions<Label>` (a program's carry what the document says of it, kind and aliases, and
 * raise the program's tallies: see tallyProgramMentions).
 */
export const WRITE_DOCUMENT_FACTS = [
  ...RELATION_GROUPS.map((g, i) => block(upsertRelations(g.type, g.from, g.to, `rel${i}`), `rel${i}`)),
  ...MENTIONED_LABELS.map((l) =>
    block(
      l === 'Program' ? tallyProgramMentions(`mentions${l}`) : upsertMentions(l, `mentions${l}`),
      `mentions${l}`,
    ),
  ),
  `RETURN ${[...RELATION_GROUPS.map((_g, i) => `rel${i}`), ...MENTIONED_LABELS.map((l) => `mentions${l}`)].join(', ')}`,
].join('\n');

/**
 * The check-and-claim of a document write, the first statement of its transaction: MERGE on
 * the constrained id makes a concurrent writer of the same content wait for this one and then
 * find the node, so it answers `fresh: false` and writes nothing (Grafeo serialises write
 * transactions anyway). The claim token is removed when the document's properties are set
 * (WRITE_DOCUMENT_NODES). Also returns the other documents imported from the same file
 * (`previous`), which the new version replaces.
 */
export const CLAIM_DOCUMENT_OF_FILE = `MERGE (d:Document {id: $id})
ON CREATE SET d.claim = $claim
WITH coalesce(d.claim = $claim, false) AS fresh
OPTIONAL MATCH (p:Document)
WHERE p.file = $file AND p.id <> $id
RETURN fresh, collect(p.id) AS previous`;
