/**
 * Top-level lists (connections) with their filters and orderings; pages are keyset-paginated
 * on (sortKey, tie). Internal to the graph stage.
 */
import { metricIdExpr } from '../ids';
import type { NodeLabel } from '../schema';
import { FIELDS, ORDER, TIE, tieOfId } from './fields';

/**
 * One filter of a list: either a pattern that anchors `n` on a node found by id (so the
 * engine starts from that node, not from every `n`), or a condition on `n`. Fixed text; the
 * value always arrives as the `$<name>` parameter (and those named in `with`, which the
 * filter reads too). A pattern is spelled twice, because Grafeo expands from the node written
 * first: `anchor` starts at the node found by id and binds `n` (the first pattern in use),
 * `bound` starts at the already bound `n` (the others).
 */
type Filter = ({ anchor: string; bound: string } | { where: string }) & { with?: readonly string[] };

/**
 * An ordering of a list other than its default (ORDER, then TIE): a sort key over `n`, read
 * after the filters, optionally through a `CALL { WITH n … }` subquery that returns `k`.
 * Ties go by id, so the order is total and a cursor names a unique position.
 */
export interface Ordering {
  /** Cypher for the sort key (may use `k` from `call`); never null (coalesced). */
  key: string;
  /** A subquery returning `k` (a count), run per filtered `n`. */
  call?: string;
}

interface ListSpec<L extends NodeLabel = NodeLabel> {
  label: L;
  filters: Record<string, Filter>;
  orders: Record<string, Ordering>;
}

/** `n` lies in the place `$within` or under it (廊坊市 includes 广阳区 and its villages). */
const inScope = (from: string): string => `${from}-[:PART_OF*0..]->(:Place {id: $within})`;

/**
 * A count of distinct `m` over `pattern` from `n`, as a subquery returning `k` (0 without a
 * match: an aggregate always returns its row). MATCH, not OPTIONAL MATCH: Grafeo ran an
 * OPTIONAL MATCH in a subquery 200 times slower (5 ms per program on 300 articles).
 */
const countOf = (pattern: string): string => `CALL {
  WITH n
  MATCH ${pattern}
  RETURN count(DISTINCT m) AS k
}`;

const DATE_FILTERS = (rel: string): Record<string, Filter> => ({
  // Both bounds on one document: a program named in 2021 and again in 2023 is not "named in 2022".
  publishedFrom: {
    where: `EXISTS { MATCH ${rel} WHERE d.publishedAt >= $publishedFrom AND d.publishedAt <= $publishedTo }`,
    with: ['publishedTo'],
  },
});

export const LISTS = {
  documents: {
    label: 'Document',
    filters: {
      // Most selective first: the first pattern in use is the anchor.
      programId: {
        anchor: '(:Program {id: $programId})<-[:MENTIONS]-(n:Document)',
        bound: '(n)-[:MENTIONS]->(:Program {id: $programId})',
      },
      placeId: {
        anchor: '(:Place {id: $placeId})<-[:MENTIONS]-(n:Document)',
        bound: '(n)-[:MENTIONS]->(:Place {id: $placeId})',
      },
      within: {
        anchor: '(:Place {id: $within})<-[:PART_OF*0..]-(:Place)<-[:MENTIONS]-(n:Document)',
        bound: inScope('(n)-[:MENTIONS]->(:Place)'),
      },
      sourceContains: { where: 'n.source CONTAINS $sourceContains' },
      publishedFrom: {
        where: 'n.publishedAt >= $publishedFrom AND n.publishedAt <= $publishedTo',
        with: ['publishedTo'],
      },
    },
    orders: {
      FILE: { key: "coalesce(n.file, '')" },
      PUBLISHED_AT: { key: "coalesce(n.publishedAt, '')" },
    },
  },
  places: {
    label: 'Place',
    filters: {
      within: {
        anchor: '(:Place {id: $within})<-[:PART_OF*0..]-(n:Place)',
        bound: inScope('(n)'),
      },
      level: { where: 'n.level = $level' },
      nameContains: { where: 'n.name CONTAINS $nameContains' },
    },
    orders: {
      NAME: { key: 'n.name' },
      PROGRAM_COUNT: { key: 'k', call: countOf('(n)<-[:IMPLEMENTED_IN]-(m:Program)') },
    },
  },
  organizations: {
    label: 'Organization',
    filters: {
      placeId: {
        anchor: '(:Place {id: $placeId})<-[:LOCATED_IN]-(n:Organization)',
        bound: '(n)-[:LOCATED_IN]->(:Place {id: $placeId})',
      },
      within: {
        anchor: '(:Place {id: $within})<-[:PART_OF*0..]-(:Place)<-[:LOCATED_IN]-(n:Organization)',
        bound: inScope('(n)-[:LOCATED_IN]->(:Place)'),
      },
      nameContains: { where: 'n.name CONTAINS $nameContains' },
      kind: { where: 'n.kind = $kind' },
    },
    orders: {},
  },
  programs: {
    label: 'Program',
    filters: {
      placeId: {
        anchor: '(:Place {id: $placeId})<-[:IMPLEMENTED_IN]-(n:Program)',
        bound: '(n)-[:IMPLEMENTED_IN]->(:Place {id: $placeId})',
      },
      within: {
        anchor: '(:Place {id: $within})<-[:PART_OF*0..]-(:Place)<-[:IMPLEMENTED_IN]-(n:Program)',
        bound: inScope('(n)-[:IMPLEMENTED_IN]->(:Place)'),
      },
      nameContains: {
        where: '(n.name CONTAINS $nameContains OR any(a IN n.aliases WHERE a CONTAINS $nameContains))',
      },
      kind: { where: 'n.kind = $kind' },
      minDocuments: { where: 'COUNT { (n)<-[:MENTIONS]-(:Document) } >= $minDocuments' },
      maxDocuments: { where: 'COUNT { (n)<-[:MENTIONS]-(:Document) } <= $maxDocuments' },
      ...DATE_FILTERS('(n)<-[:MENTIONS]-(d:Document)'),
    },
    orders: {
      NAME: { key: 'n.name' },
      DOCUMENT_COUNT: { key: 'k', call: countOf('(n)<-[:MENTIONS]-(m:Document)') },
      PLACE_COUNT: { key: 'k', call: countOf('(n)-[:IMPLEMENTED_IN]->(m:Place)') },
    },
  },
  people: {
    label: 'Person',
    filters: {
      organizationId: {
        anchor: '(:Organization {id: $organizationId})<-[:HOLDS]-(n:Person)',
        bound: '(n)-[:HOLDS]->(:Organization {id: $organizationId})',
      },
      placeId: {
        // A post in the place itself or in an organization located there (廊坊市委 → 廊坊市).
        anchor: '(:Place {id: $placeId})<-[:LOCATED_IN*0..1]-()<-[:HOLDS]-(n:Person)',
        bound: '(n)-[:HOLDS]->()-[:LOCATED_IN*0..1]->(:Place {id: $placeId})',
      },
      within: {
        anchor: '(:Place {id: $within})<-[:PART_OF*0..]-(:Place)<-[:LOCATED_IN*0..1]-()<-[:HOLDS]-(n:Person)',
        bound: inScope('(n)-[:HOLDS]->()-[:LOCATED_IN*0..1]->(:Place)'),
      },
      nameContains: { where: 'n.name CONTAINS $nameContains' },
      titleContains: { where: 'EXISTS { MATCH (n)-[h:HOLDS]->() WHERE h.title CONTAINS $titleContains }' },
    },
    orders: {},
  },
  metrics: {
    label: 'Metric',
    filters: {
      documentId: { anchor: '(n:Metric {doc: $documentId})', bound: '(n {doc: $documentId})' },
      programId: {
        anchor: '(:Program {id: $programId})<-[:MEASURES]-(n:Metric)',
        bound: '(n)-[:MEASURES]->(:Program {id: $programId})',
      },
      placeId: {
        anchor: '(:Place {id: $placeId})<-[:MEASURES]-(n:Metric)',
        bound: '(n)-[:MEASURES]->(:Place {id: $placeId})',
      },
      within: {
        anchor: '(:Place {id: $within})<-[:PART_OF*0..]-(:Place)<-[:MEASURES]-(n:Metric)',
        bound: inScope('(n)-[:MEASURES]->(:Place)'),
      },
      unit: { where: 'n.unit = $unit' },
      subject: { where: 'n.subject = $subject' },
      subjectContains: { where: 'n.subject CONTAINS $subjectContains' },
      yearFrom: { where: 'n.year >= $yearFrom' },
      yearTo: { where: 'n.year <= $yearTo' },
      valueMin: { where: 'n.value >= $valueMin' },
      valueMax: { where: 'n.value <= $valueMax' },
    },
    orders: {
      DOCUMENT: { key: 'n.doc' },
      VALUE: { key: 'n.value' },
      // Metrics without a year sort as year 0: first ascending, last descending.
      YEAR: { key: 'coalesce(n.year, 0)' },
    },
  },
} as const satisfies Record<string, ListSpec>;

export type ListName = keyof typeof LISTS;

/** The orderings a list accepts besides its default, by the GraphQL enum value. */
export type OrderName<N extends ListName> = Extract<keyof (typeof LISTS)[N]['orders'], string>;

/** The parameters a list's filters may read: the filters' own and those they read `with`. */
export function filterParams(name: ListName): Set<string> {
  const spec: ListSpec = LISTS[name];
  const out = new Set<string>();
  for (const [k, f] of Object.entries(spec.filters)) {
    out.add(k);
    for (const w of f.with ?? []) out.add(w);
  }
  return out;
}

export interface ListQuery {
  /**
   * Keyset page ordered by (sortKey, tie), those two only; `$limit` is the page size plus
   * one. The fields of the kept rows are read by id after it (`nodesByIds`), or in the same
   * statement when the engine allows (`pageWith`).
   */
  page: string;
  count: string;
  /** The filtered nodes as `n`, for statements that aggregate them (a metric series). */
  head: string;
  /**
   * The page's parts, for statements that go on from its rows (hops/pageExpandQuery): the
   * filtered, cursor-cut nodes as `n`, then the sort key and tie over them and the order.
   */
  parts: { rows: string; sortKey: string; tie: string; orderBy: string };
}

const built = new Map<string, ListQuery>();

/** A non-default ordering's ties: the id (for a metric, its id from `doc` and `at`). */
const idTie = (label: NodeLabel): string => (label === 'Metric' ? metricIdExpr('n') : 'n.id');

/** The page's key columns, `sortKey` and `tie`, from its parts. */
export const projectKeys = (parts: ListQuery['parts']): string =>
  [
    [parts.sortKey, 'sortKey'],
    [parts.tie, 'tie'],
  ]
    .map(([e, a]) => (e === a ? a : `${e} AS ${a}`))
    .join(', ');

/** A default order that is a stored property every node of the label has (`n.name`). */
const PLAIN_PROPERTY = /^n\.\w+$/;

/**
 * The page and count queries of a list for the filters in use and an ordering (null: the
 * list's default, ascending). Unused filters are left out of the text rather than written as
 * `$x IS NULL OR …`: Grafeo evaluated those for every row even when `$x` was null (50 ms vs
 * 4 ms on 1,000 articles). Memoized per combination; the text comes from LISTS only.
 */
export function listQuery(
  name: ListName,
  active: readonly string[],
  order: { by: string; descending: boolean } | null = null,
): ListQuery {
  const key = `${name}:${[...active].sort().join(',')}:${order ? `${order.by}:${order.descending}` : ''}`;
  let q = built.get(key);
  if (q) return q;
  const spec: ListSpec = LISTS[name];
  const used = Object.entries(spec.filters).filter(([param]) => active.includes(param));
  const matches = used.flatMap(([, f]) => ('anchor' in f ? [f] : []));
  const wheres = used.flatMap(([, f]) => ('where' in f ? [f.where] : []));
  const label = spec.label;
  // The first pattern binds n from its anchor (廊坊市's 33,528 metrics: 70 ms, vs 345 ms
  // expanding every Metric); the others start from n (from their anchor: a join over 30 s).
  const head =
    matches.length > 0
      ? matches.map((m, i) => `MATCH ${i === 0 ? m.anchor : m.bound}`).join('\n') + '\nWITH DISTINCT n'
      : `MATCH (n:${label})`;
  const where = wheres.length > 0 ? wheres.join(' AND ') : 'true';
  const count = `${head}
WITH n
WHERE ${where}
RETURN count(n) AS count`;
  const filtered = `${head}
WITH n
WHERE ${where}`;
  let parts: ListQuery['parts'];
  if (order === null) {
    // The conditions go on the node's own properties, not on aliases of a WITH: then Neo4j
    // reads a label scanned alone in the order of its name index (`n.name IS NOT NULL`, which
    // every node of the label has) and stops at the page's end, instead of sorting every node
    // (query (b): 13.6 → 4.4 ms on 10,000 articles). Grafeo runs both forms alike.
    const sortKey = ORDER[label];
    const tie = TIE[label];
    const present = PLAIN_PROPERTY.test(sortKey) ? `${sortKey} IS NOT NULL AND ` : '';
    const after = `($afterKey IS NULL OR ${sortKey} > $afterKey OR (${sortKey} = $afterKey AND ${tie} > ${tieOfId(label, '$afterId')}))`;
    parts = {
      rows: `${matches.length > 0 ? `${head}\nWITH n` : head}
WHERE ${present}(${where}) AND ${after}`,
      sortKey,
      tie,
      orderBy: 'sortKey, tie',
    };
  } else {
    const o = spec.orders[order.by];
    if (!o) throw new Error(`${name} has no ordering ${order.by} (LISTS.${name}.orders)`);
    const after = order.descending ? '<' : '>';
    parts = {
      rows: `${filtered}
${o.call ?? ''}
WITH n, ${o.key} AS sortKey, ${idTie(label)} AS tie
WHERE $afterKey IS NULL OR sortKey ${after} $afterKey OR (sortKey = $afterKey AND tie > $afterId)`,
      sortKey: 'sortKey',
      tie: 'tie',
      orderBy: `sortKey${order.descending ? ' DESC' : ''}, tie`,
    };
  }
  q = {
    // Only a final RETURN … ORDER BY … LIMIT is a top-k on Grafeo (in WITH or CALL it sorts
    // every row), and it projects each column for every row: so keys only here.
    page: `${parts.rows}
RETURN ${projectKeys(parts)}
ORDER BY ${parts.orderBy}
LIMIT $limit`,
    count,
    head: filtered,
    parts,
  };
  built.set(key, q);
  return q;
}

/**
 * How many documents name the program `n`: the tie-break of a lookup by name. Only documents
 * have MENTIONS, so the other end goes unlabelled: Neo4j then reads the relationship count
 * from the node (its degree) instead of visiting 领头羊工程's 2,580 documents (half the db hits
 * of query (a) on 10,000 articles).
 */
export const PROGRAM_DOCUMENTS = 'COUNT { (n)<-[:MENTIONS]-() } AS documents';

/** Candidates for a name lookup: names or aliases containing the normalized query. */
export const PROGRAM_NAME_CANDIDATES = `MATCH (n:Program)
WHERE any(q IN $qs WHERE n.name CONTAINS q OR any(a IN n.aliases WHERE a CONTAINS q))
RETURN ${FIELDS.Program}, ${PROGRAM_DOCUMENTS}
LIMIT 200`;

export const PLACE_NAME_CANDIDATES = `MATCH (n:Place)
WHERE any(q IN $qs WHERE n.name STARTS WITH q)
RETURN ${FIELDS.Place}
LIMIT 200`;
