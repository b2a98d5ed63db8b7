/**
 * GraphStore: the only way the importer and the API reach the graph. It speaks Cypher
 * through one CypherRunner, so the same store works on Grafeo and Neo4j. Public.
 */
import type { DocumentGraph } from '../extract/types';
import { KgError } from '../errors';
import { decodeCursor, encodeCursor, type SortValue } from './cursor';
import { labelOfId } from './ids';
import { CONVERT, idFromOrder, nodesByIds, type LabelRows } from './cypher/fields';
import {
  filterParams,
  listQuery,
  LISTS,
  type OrderName,
  PLACE_NAME_CANDIDATES,
  PROGRAM_DOCUMENTS,
  PROGRAM_NAME_CANDIDATES,
  type ListName,
} from './cypher/lists';
import {
  expandByNameQuery,
  expandQuery,
  HOPS,
  hopKey,
  pageExpandQuery,
  type Hop,
  type HopRequest,
} from './cypher/hops';
import {
  mentionsOf,
  POSITIONS,
  DOCUMENT_TEXTS,
  DOCUMENTS_WITH_TEXT,
  RELATED_PROGRAMS,
  RELATION_FIELDS,
  SHARED_DOCUMENTS,
  type RelationFieldName,
} from './cypher/relations';
import { unpackText } from './docText';
import { simplify } from '../text/script';
import { bareName, bestPlaceMatch, bestProgramMatch, exactPlaceNames, nameQueries } from './names';
import * as STATS from './cypher/stats';
import {
  metricSeries,
  PROGRAM_NETWORK,
  PROGRAM_NETWORK_WITHIN,
  PROGRAMS_OF_PLACES,
  type SeriesGroup,
} from './cypher/analysis';
import * as W from './cypher/write';
import type {
  DetailedStats,
  DocumentRow,
  GraphStats,
  MentionRow,
  MetricPointRow,
  Page,
  PlaceComparisonRow,
  ProgramNetworkRow,
  PlaceRow,
  PositionRow,
  ProgramPlaceRow,
  ProgramRow,
  RelatedProgramRow,
} from './rows';
import {
  countingRunner,
  type CypherExecutor,
  type CypherRunner,
  type Row,
  type RunCounter,
  type TextHit,
} from './runner';
import { NODE_LABELS, PROGRAM_KINDS, STORE_FORMAT, type NodeLabel } from './schema';
import { toWriteBatch, type DocumentOrigin, type WriteBatch } from './writeBatch';

/** The node counts of GraphStats (what /healthz reports). */
export type NodeStats = Omit<GraphStats, 'relationships'>;

/** A node read with the children of the hops asked for, by hop key (`hopKey`). */
export interface Expanded<T> {
  node: T;
  hops: Record<string, unknown[]>;
}

/** Reads the nodes of a page by id (default: `nodesByIds`), e.g. with their children. */
export type NodeReader<T> = (ids: readonly string[]) => Promise<Array<T | null>>;

/**
 * Nodes read with the hops a request selects on them, by the statement that finds them (a
 * list page, a lookup by name) where it can: `prime` takes each node so read (the request's
 * expand loader), `read` reads them by id where the statement cannot carry the hops.
 */
export interface WithHops<T> {
  hops: readonly HopRequest[];
  prime: (id: string, expanded: Expanded<T>) => void;
  read: NodeReader<T>;
}

/** What writing one document did. */
export type WriteOutcome =
  { status: 'unchanged'; docId: string } | { status: 'imported'; docId: string; replaced: string[] };

/** Labels a document supports through MENTIONS (metrics belong to their document by `doc`). */
const SUPPORTED_LABELS = NODE_LABELS.filter(
  (l): l is Exclude<NodeLabel, 'Document' | 'Metric'> => l !== 'Document' && l !== 'Metric',
);

/** Filters whose value is a node's id: an id naming no node is NOT_FOUND (see `page`). */
const ID_FILTERS = ['within', 'placeId', 'programId', 'documentId', 'organizationId'] as const;

/** Claims of this process (with the pid, unique across the importer processes of one Neo4j). */
let claims = 0;

export class GraphStore {
  constructor(readonly runner: CypherRunner) {}

  /** A store over the same runner that counts round trips and rows into `counter`. */
  traced(counter: RunCounter): GraphStore {
    return new GraphStore(countingRunner(this.runner, counter));
  }

  get kind(): CypherRunner['kind'] {
    return this.runner.kind;
  }

  /**
   * Constraints, indexes, full-text index; idempotent, run on every start. Marks a new store
   * with STORE_FORMAT and refuses one written in another format, whose answers would be wrong.
   */
  async setup(): Promise<void> {
    await this.runner.setupSchema();
    const marks = (await this.runner.read(W.STORE_FORMATS)).map((r) => Number(r.version));
    if (marks.length === 0 && (await this.runner.read(W.ANY_DOCUMENT)).length === 0) {
      await this.runner.write(W.MARK_STORE_FORMAT, { version: STORE_FORMAT });
      return;
    }
    if (marks.length === 1 && marks[0] === STORE_FORMAT) return;
    const written = marks.length === 0 ? 'an earlier version (no format mark)' : `format ${marks.join(', ')}`;
    const rebuild =
      this.kind === 'grafeo'
        ? 'delete the data directory (KG_DATA_DIR, default ./data) and import again (npm start does)'
        : 'empty the Neo4j database (MATCH (n) DETACH DELETE n) and import again';
    throw new KgError(
      'STORE_UNAVAILABLE',
      `the store was written by ${written}; this version reads format ${STORE_FORMAT} only. To rebuild it, ${rebuild}`,
      { found: marks, expected: STORE_FORMAT },
    );
  }

  close(): Promise<void> {
    return this.runner.close();
  }

  // ---- writes -------------------------------------------------------------------------

  /** Ids of the documents imported from a file of this name. */
  async documentIdsByFile(file: string): Promise<string[]> {
    return (await this.runner.read(W.DOCUMENTS_BY_FILE, { file })).map((r) => r.id as string);
  }

  /**
   * Writes one document's graph in one transaction. Same content already stored: nothing
   * changes. Another version of the same file stored: its facts are replaced, in the same
   * transaction, so a failure leaves the previous version intact.
   */
  async writeDocument(graph: DocumentGraph, file: string, origin?: DocumentOrigin): Promise<WriteOutcome> {
    const batch = toWriteBatch(graph, file, origin);
    return this.runner.transaction(async (tx) => {
      // The check is the transaction's first statement (the same content under two names,
      // written by two importer lanes at once, is written once); a stored document costs it
      // alone, in a transaction that writes nothing. No read before it: on Neo4j a look-up of
      // its own took 19 % of a new document's store time (6.4 of 34 ms on 1,000 articles).
      const claim = `${process.pid}:${++claims}:${Math.random()}`;
      const [claimed] = await tx.run(W.CLAIM_DOCUMENT_OF_FILE, { id: batch.docId, claim, file });
      if (claimed?.fresh !== true) return { status: 'unchanged', docId: batch.docId } as const;
      const previous = ((claimed.previous as string[] | null) ?? []).filter((id) => id !== batch.docId);
      for (const id of previous) await removeDocumentIn(tx, id);
      // Then the document in two statements: its nodes, then its relationships and mentions
      // (which also update its programs' tallies, kinds and aliases).
      await tx.run(W.WRITE_DOCUMENT_NODES, {
        doc: batch.document,
        Place: batch.places,
        Organization: batch.organizations,
        Person: batch.people,
        metrics: batch.metrics,
        programs: batch.programs,
      });
      await tx.run(W.WRITE_DOCUMENT_FACTS, factParams(batch));
      return { status: 'imported', docId: batch.docId, replaced: previous } as const;
    });
  }

  /** Removes a document and every fact only it supported; false when it was not stored. */
  async removeDocument(docId: string): Promise<boolean> {
    return this.runner.transaction((tx) => removeDocumentIn(tx, docId));
  }

  // ---- reads --------------------------------------------------------------------------

  /** Answers when the store does; throws KgError('STORE_UNAVAILABLE') otherwise. */
  async ping(): Promise<void> {
    try {
      await this.runner.ping();
    } catch (error) {
      if (error instanceof KgError && error.code === 'STORE_UNAVAILABLE') throw error;
      throw new KgError(
        'STORE_UNAVAILABLE',
        `the ${this.kind} store does not answer: ${(error as Error).message}`,
      );
    }
  }

  /**
   * Nodes per label and relationships per type, every label and type listed (0 when none),
   * and documents per format.
   */
  async detailedStats(): Promise<DetailedStats> {
    const [counts, formats] = await Promise.all([
      this.labelAndTypeCounts(),
      this.counts(STATS.COUNT_DOCUMENT_FORMATS, 'format', []),
    ]);
    return { ...counts, formats };
  }

  async stats(): Promise<GraphStats> {
    const s = await this.labelAndTypeCounts();
    return {
      ...nodeStats(s.labels),
      relationships: Object.values(s.relationships).reduce((a, b) => a + b, 0),
    };
  }

  private async labelAndTypeCounts(): Promise<Omit<DetailedStats, 'formats'>> {
    const [labels, relationships] = await Promise.all([
      this.counts(STATS.COUNT_LABELS, 'label', NODE_LABELS),
      this.counts(STATS.COUNT_RELATIONSHIPS, 'type', STATS.COUNTED_TYPES),
    ]);
    return { labels, relationships };
  }

  /**
   * The node counts of `stats` without the relationship total, for /healthz: counting
   * relationships expands every one of them (≈ 1 s on 10,000 articles), nodes are a label scan.
   */
  async nodeStats(): Promise<NodeStats> {
    return nodeStats(await this.counts(STATS.COUNT_LABELS, 'label', NODE_LABELS));
  }

  /** Counts by name from a counting query (`column`, `count`); 0 for a name without a row. */
  private async counts(
    query: string,
    column: string,
    names: readonly string[],
  ): Promise<Record<string, number>> {
    const out = Object.fromEntries(names.map((n): [string, number] => [n, 0]));
    for (const r of await this.runner.read(query)) out[String(r[column])] = Number(r.count ?? 0);
    return out;
  }

  /**
   * One page of a top-level list; `filters` holds the list's filter values (null or absent:
   * not used), `order` a non-default ordering (absent: the list's default, ascending). The
   * total count runs only when asked for (`Page.totalCount()`). An empty page whose filters
   * name an id that no node has is NOT_FOUND (a typo is not an empty answer); the check
   * costs a statement only then. `read` says how the page's nodes are read: given as
   * `WithHops`, with the hops a request selects on them. Where the engine allows
   * (`topKInWith`: Neo4j) one statement cuts the page and reads its nodes and their hops;
   * elsewhere, or with a plain reader (the benchmark's unbatched baseline), the page's keys
   * come first and the nodes after (by `read`, or `nodesByIds`).
   */
  async page<N extends ListName>(
    name: N,
    filters: Record<string, unknown>,
    first: number,
    after?: string | null,
    read?:
      NodeReader<LabelRows[(typeof LISTS)[N]['label']]> | WithHops<LabelRows[(typeof LISTS)[N]['label']]>,
    order?: { by: OrderName<N>; descending: boolean } | null,
  ): Promise<Page<LabelRows[(typeof LISTS)[N]['label']]>> {
    const params: Record<string, unknown> = {};
    const accepted = filterParams(name);
    for (const [k, v] of Object.entries(filters)) {
      if (v !== null && v !== undefined && accepted.has(k)) params[k] = v;
    }
    const q = listQuery(name, Object.keys(params), order ?? null);
    const orderName = order ? `${order.by}_${order.descending ? 'DESC' : 'ASC'}` : undefined;
    const cursor = after ? decodeCursor(after, orderName) : null;
    const label = LISTS[name].label as (typeof LISTS)[N]['label'];
    const pageParams = {
      ...params,
      afterKey: cursor?.sortValue ?? null,
      afterId: cursor?.id ?? '',
      limit: first + 1,
    };
    let keys: Row[];
    let kept: Array<{ sortKey: SortValue; id: string; node: LabelRows[typeof label] }>;
    if (typeof read !== 'function' && this.runner.topKInWith) {
      // The page with its nodes and their hops in one statement (hops/pageExpandQuery).
      const hops = read?.hops ?? [];
      keys = await this.runner.read(pageExpandQuery(label, q.parts, hops), {
        ...pageParams,
        ...hopParams(hops),
      });
      kept = keys.slice(0, first).map((r) => {
        const e = expandedRow(label, hops, r, r.id as string);
        read?.prime(e.node.id, e);
        return {
          sortKey: sortValueOf(r.sortKey),
          id: e.node.id,
          node: e.node,
        };
      });
    } else {
      keys = await this.runner.read(q.page, pageParams);
      // A non-default ordering's tie is the id itself.
      kept = await this.nodesOfOrderKeys(
        label,
        keys.slice(0, first),
        typeof read === 'object' ? read.read : read,
        order ? 'id' : 'order',
      );
    }
    if (keys.length === 0 && !cursor) await this.mustExist(params);
    let total: Promise<number> | undefined;
    return {
      items: kept.map((k) => k.node),
      cursors: kept.map((k) => encodeCursor(k.sortKey, k.id, orderName)),
      hasNextPage: keys.length > first,
      totalCount: () =>
        (total ??= this.runner.read(q.count, params).then((c) => (c[0]?.count as number | undefined) ?? 0)),
    };
  }

  /** Throws NOT_FOUND naming the first id filter (ID_FILTERS) whose id names no node. */
  async mustExist(params: Record<string, unknown>): Promise<void> {
    for (const k of ID_FILTERS) {
      const id = params[k];
      if (typeof id !== 'string') continue;
      const label = labelOfId(id);
      const found = label ? (await this.nodesByIds(label, [id]))[0] : null;
      if (!found) {
        throw new KgError('NOT_FOUND', `\`${k}\`: no node has the id ${JSON.stringify(id)}`, {
          argument: k,
        });
      }
    }
  }

  /**
   * The nodes of rows of (sortKey, tie), as the key-only queries return them (a list page,
   * one parent's `top`), read by id in one round trip, in row order. A node removed between
   * the two reads (a document replaced meanwhile) is left out.
   */
  private async nodesOfOrderKeys<L extends NodeLabel>(
    label: L,
    keys: readonly Row[],
    read: NodeReader<LabelRows[L]> = (ids) => this.nodesByIds(label, ids),
    tie: 'order' | 'id' = 'order',
  ): Promise<Array<{ sortKey: SortValue; id: string; node: LabelRows[L] }>> {
    if (keys.length === 0) return [];
    const ids = keys.map((k) => (tie === 'id' ? String(k.tie) : idFromOrder(label, k.sortKey, k.tie)));
    const nodes = await read(ids);
    return keys.flatMap((k, i) => {
      const node = nodes[i];
      return node ? [{ sortKey: sortValueOf(k.sortKey), id: ids[i] as string, node }] : [];
    });
  }

  /** Nodes of one label by id, in key order, null where missing (DataLoader batch shape). */
  async nodesByIds<L extends NodeLabel>(
    label: L,
    ids: readonly string[],
  ): Promise<Array<LabelRows[L] | null>> {
    const rows = await this.runner.read(nodesByIds(label), { ids: [...ids] });
    const convert = CONVERT[label] as (r: Row) => LabelRows[L];
    const byId = new Map(rows.map((r) => [r.id as string, convert(r)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /**
   * Nodes of one label by id with, for each, the children of every hop in `hops` (ordered and
   * cut to the hop's limit), in one statement; in key order, null where missing.
   */
  async expand<L extends NodeLabel>(
    label: L,
    ids: readonly string[],
    hops: readonly HopRequest[],
  ): Promise<Array<Expanded<LabelRows[L]> | null>> {
    const rows = await this.runner.read(expandQuery(label, hops), { ids: [...ids], ...hopParams(hops) });
    const byId = new Map(rows.map((r) => [r.key as string, expandedRow(label, hops, r, r.key as string)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** The targets of one relationship field for each parent id, at most `limit` each, in key order. */
  async related<F extends RelationFieldName>(
    fieldName: F,
    ids: readonly string[],
    limit: number,
  ): Promise<Array<Array<LabelRows[(typeof RELATION_FIELDS)[F]['target']]>>> {
    type Target = LabelRows[(typeof RELATION_FIELDS)[F]['target']];
    const f = RELATION_FIELDS[fieldName];
    const [only] = ids;
    if (ids.length === 1 && only !== undefined) {
      // One parent (a node's page): its first `limit` keys, then those nodes (see `top`).
      const keys = await this.runner.read(f.top, { id: only, limit });
      return [(await this.nodesOfOrderKeys(f.target, keys)).map((k) => k.node as Target)];
    }
    const rows = await this.runner.read(f.query, { ids: [...ids], limit });
    return groupByKey(ids, rows, CONVERT[f.target] as (r: Row) => Target);
  }

  /** The evidence sentences of entities of one label, in key order. */
  async mentions(label: NodeLabel, ids: readonly string[]): Promise<MentionRow[][]> {
    const rows = await this.runner.read(mentionsOf(label), { ids: [...ids] });
    return groupByKey(ids, rows, toMention);
  }

  async positions(personIds: readonly string[]): Promise<PositionRow[][]> {
    const rows = await this.runner.read(POSITIONS, { ids: [...personIds] });
    return groupByKey(personIds, rows, toPosition);
  }

  /** The `limit` heaviest related programs of each program (ties by id), in key order. */
  async relatedPrograms(programIds: readonly string[], limit: number): Promise<RelatedProgramRow[][]> {
    const rows = await this.runner.read(RELATED_PROGRAMS, { ids: [...programIds], limit });
    return groupByKey(programIds, rows, (r) => toRelated(r.key as string, CONVERT.Program(r), r.weight));
  }

  /**
   * A metric series: the metrics `filters` select (as the `metrics` list), grouped by year
   * or place, at most `limit` points of at most `perPoint` metric ids each.
   */
  async metricSeries(
    filters: Record<string, unknown>,
    group: SeriesGroup,
    limit: number,
    perPoint: number,
  ): Promise<MetricPointRow[]> {
    const params: Record<string, unknown> = {};
    const accepted = filterParams('metrics');
    for (const [k, v] of Object.entries(filters)) {
      if (v !== null && v !== undefined && accepted.has(k)) params[k] = v;
    }
    const head = listQuery('metrics', Object.keys(params)).head;
    const rows = await this.runner.read(metricSeries(head, group), { ...params, limit, perPoint });
    if (rows.length === 0) await this.mustExist(params);
    return rows.map((r) => ({
      key: String(r.key),
      year: group === 'YEAR' ? Number(r.key) : null,
      placeId: group === 'PLACE' ? String(r.key) : null,
      count: Number(r.count ?? 0),
      sum: Number(r.sum ?? 0),
      min: Number(r.min ?? 0),
      max: Number(r.max ?? 0),
      metricIds: (r.ids as string[] | null) ?? [],
    }));
  }

  /**
   * The programs the places `ids` share (implemented in each, or in a place under each) and
   * those only one of them has, each with the documents saying so (ordered by program id).
   * A place id that names no place is NOT_FOUND.
   */
  async comparePlaces(ids: readonly string[]): Promise<PlaceComparisonRow> {
    const rows = await this.runner.read(PROGRAMS_OF_PLACES, { ids: [...ids] });
    const byPlace = new Map<string, Map<string, string[]>>();
    for (const r of rows) {
      const programs = byPlace.get(r.pid as string) ?? new Map<string, string[]>();
      byPlace.set(r.pid as string, programs);
      if (typeof r.program === 'string') programs.set(r.program, (r.docs as string[] | null) ?? []);
    }
    const missing = ids.find((id) => !byPlace.has(id));
    if (missing !== undefined) {
      throw new KgError('NOT_FOUND', `\`ids\`: no place has the id ${JSON.stringify(missing)}`, {
        argument: 'ids',
      });
    }
    const sets = ids.map((id) => byPlace.get(id) as Map<string, string[]>);
    const everywhere = [...(sets[0]?.keys() ?? [])].filter((p) => sets.every((s) => s.has(p))).sort();
    const shared = everywhere.map((programId) => ({
      programId,
      documentIds: [...new Set(sets.flatMap((s) => s.get(programId) ?? []))].sort(),
    }));
    const only = ids.map((placeId, i) => ({
      placeId,
      programs: [...(sets[i] as Map<string, string[]>)]
        .filter(([p]) => sets.every((s, j) => j === i || !s.has(p)))
        .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
        .map(([programId, docs]) => ({ programId, documentIds: [...docs].sort() })),
    }));
    return { placeIds: [...ids], shared, only };
  }

  /**
   * The `limit` heaviest pairs of related programs of weight at least `minWeight` (both
   * implemented in `within` or under it, when given), and the programs they join.
   */
  async programNetwork(within: string | null, minWeight: number, limit: number): Promise<ProgramNetworkRow> {
    const rows = within
      ? await this.runner.read(PROGRAM_NETWORK_WITHIN, { within, minWeight, limit })
      : await this.runner.read(PROGRAM_NETWORK, { minWeight, limit });
    if (within && rows.length === 0) await this.mustExist({ within });
    const links = rows.map((r) => ({
      sourceId: r.a as string,
      targetId: r.b as string,
      weight: Number(r.weight ?? 0),
      documentIds: [...((r.docs as string[] | null) ?? [])].sort(),
    }));
    const programIds = [...new Set(links.flatMap((l) => [l.sourceId, l.targetId]))].sort();
    return { programIds, links };
  }

  /**
   * Program by canonical name or alias, quotes optional; also the name without its suffix
   * (领头羊 → 领头羊工程). With `withHops`, an exact name is found with the hops selected on
   * it in one statement (the program handed to `prime`).
   */
  async findProgramByName(name: string, withHops?: WithHops<ProgramRow>): Promise<ProgramRow | null> {
    const rank = (rows: Row[]) =>
      bestProgramMatch(
        name,
        rows.map((r) => ({ ...CONVERT.Program(r), documents: Number(r.documents ?? 0) })),
      );
    // An exact name is found through the name index and outranks every other candidate; only a
    // name that is not one (an alias, a short form, a fragment) needs the scan.
    const exact = await this.findByExactName(
      'Program',
      [bareName(simplify(name))],
      rank,
      withHops,
      PROGRAM_DOCUMENTS,
    );
    if (exact !== undefined) return exact;
    return rank(await this.runner.read(PROGRAM_NAME_CANDIDATES, { qs: nameQueries(name) }));
  }

  /**
   * Place by name or short form (廊坊 → 廊坊市); the higher level wins when names repeat. With
   * `withHops`, a place found by one of its exact names (exactPlaceNames) comes with the hops
   * selected on it in one statement (handed to `prime`).
   */
  async findPlaceByName(name: string, withHops?: WithHops<PlaceRow>): Promise<PlaceRow | null> {
    const rank = (rows: Row[]) => bestPlaceMatch(name, rows.map(CONVERT.Place));
    if (withHops && withHops.hops.length > 0) {
      const found = await this.findByExactName('Place', exactPlaceNames(name), rank, withHops);
      if (found !== undefined) return found;
    }
    return rank(await this.runner.read(PLACE_NAME_CANDIDATES, { qs: nameQueries(name) }));
  }

  /**
   * The nodes named one of `names` (through the name index), each with the hops of `withHops`
   * if any, in one statement; the one `rank` picks is returned (and primed). Undefined when no
   * node has one of the names (the caller goes on to its wider search).
   */
  private async findByExactName<L extends 'Program' | 'Place'>(
    label: L,
    names: readonly string[],
    rank: (rows: Row[]) => LabelRows[L] | null,
    withHops?: WithHops<LabelRows[L]>,
    extra = '',
  ): Promise<LabelRows[L] | null | undefined> {
    if (names.length === 0) return undefined;
    const hops = withHops?.hops ?? [];
    const rows = await this.runner.read(expandByNameQuery(label, hops, extra), {
      names: [...names],
      ...hopParams(hops),
    });
    if (rows.length === 0) return undefined;
    const best = rank(rows);
    const row = best && rows.find((r) => r.id === best.id);
    if (!best || !row || !withHops) return best;
    const e = expandedRow(label, hops, row, best.id);
    withHops.prime(best.id, e);
    return e.node;
  }

  /** Ids of the documents relating each pair of programs, in key order. */
  async sharedDocuments(pairs: ReadonlyArray<{ a: string; b: string }>): Promise<string[][]> {
    const rows = await this.runner.read(SHARED_DOCUMENTS, {
      pairs: pairs.map((p, i) => ({ i, a: p.a, b: p.b })),
    });
    const out = pairs.map((): string[] => []);
    for (const r of rows) out[r.i as number] = [...((r.docs as string[] | null) ?? [])].sort();
    return out;
  }

  /**
   * The sentences of evidences, in key order; '' where the document is gone. Offsets are
   * UTF-16 positions in the clean text, as extraction made them, so the cut is done here.
   */
  async quotes(keys: readonly MentionRow[]): Promise<string[]> {
    const rows = await this.runner.read(DOCUMENT_TEXTS, { ids: [...new Set(keys.map((k) => k.doc))] });
    const texts = new Map<string, string>();
    for (const r of rows) if (Buffer.isBuffer(r.text)) texts.set(r.id as string, unpackText(r.text));
    return keys.map((k) => texts.get(k.doc)?.slice(k.start, k.end) ?? '');
  }

  /**
   * Documents by id with their clean text (unpacked), in key order, null where missing: the
   * document of a mention and its sentence from one read.
   */
  async documentsWithText(
    ids: readonly string[],
  ): Promise<Array<{ node: DocumentRow; text: string } | null>> {
    const rows = await this.runner.read(DOCUMENTS_WITH_TEXT, { ids: [...ids] });
    const byId = new Map(
      rows.map((r) => [
        r.id as string,
        { node: CONVERT.Document(r), text: Buffer.isBuffer(r.text) ? unpackText(r.text) : '' },
      ]),
    );
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Ranked full-text hits over the searchable labels given. */
  search(text: string, labels: readonly NodeLabel[], limit: number): Promise<TextHit[]> {
    // 黨建, 領頭羊: the graph holds simplified names, so the query is simplified too.
    return this.runner.textSearch(simplify(text), labels, limit);
  }
}

/**
 * The parameters of WRITE_DOCUMENT_FACTS: every relationship group and every mentioned label
 * (empty lists for those the document lacks); a program's mentions carry what this document
 * says of it (kind, distinct aliases), which raise its tallies (see cypher/write.ts).
 */
function factParams(batch: WriteBatch): Record<string, unknown> {
  const params: Record<string, unknown> = { docId: batch.docId };
  const groups = W.RELATION_GROUPS.map((g) => `${g.type}:${g.from}:${g.to}`);
  for (const key of batch.relations.keys()) {
    if (!groups.includes(key))
      throw new Error(`no ${key} relationship in the graph model (RELATION_ENDPOINTS)`);
  }
  groups.forEach((key, i) => (params[`rel${i}`] = batch.relations.get(key)?.rows ?? []));
  const kinds: readonly string[] = PROGRAM_KINDS;
  const said = new Map(
    batch.programs.map((p) => {
      // A kind outside the tallies would count for none (see cypher/write.ts).
      if (!kinds.includes(p.kind))
        throw new Error(`program ${p.name} is of kind ${p.kind}; the kinds are ${kinds.join(', ')}`);
      // Each alias counts once per document: the tallies count documents.
      return [p.id, { kind: p.kind, aliases: [...new Set(p.aliases)] }];
    }),
  );
  const labels: readonly string[] = W.MENTIONED_LABELS;
  for (const label of batch.mentions.keys()) {
    if (!labels.includes(label)) throw new Error(`${label} is not supported through MENTIONS`);
  }
  for (const label of W.MENTIONED_LABELS) {
    const rows = batch.mentions.get(label) ?? [];
    params[`mentions${label}`] =
      label === 'Program' ? rows.map((m) => ({ id: m.id, props: { ...m.props, ...said.get(m.id) } })) : rows;
  }
  return params;
}

function nodeStats(labels: Record<string, number>): NodeStats {
  const n = (l: NodeLabel) => labels[l] ?? 0;
  return {
    documents: n('Document'),
    places: n('Place'),
    organizations: n('Organization'),
    programs: n('Program'),
    people: n('Person'),
    metrics: n('Metric'),
  };
}

function toMention(r: Row): MentionRow {
  return {
    doc: r.doc as string,
    start: Number(r.start ?? 0),
    end: Number(r.end ?? 0),
  };
}

function toPosition(r: Row): PositionRow {
  return {
    ...toMention(r),
    title: String(r.title ?? ''),
    organizationId: r.targetLabel === 'Organization' ? (r.targetId as string) : null,
    placeId: r.targetLabel === 'Place' ? (r.targetId as string) : ((r.orgPlace as string | null) ?? null),
  };
}

function toRelated(sourceId: string, program: ProgramRow, weight: unknown): RelatedProgramRow {
  return { sourceId, program, weight: Number(weight ?? 0) };
}

/** The page sizes of hop requests, as the hop statements take them (`$l<i>`). */
function hopParams(hops: readonly HopRequest[]): Record<string, number> {
  return Object.fromEntries(hops.map((h, i) => [`l${i}`, h.limit]));
}

/** A page row's sort key as a cursor keeps it. */
const sortValueOf = (v: unknown): SortValue => (typeof v === 'number' ? v : String(v ?? ''));

/** A row of a statement with hops (`h<i>` columns) as a node with its children. */
function expandedRow<L extends NodeLabel>(
  label: L,
  hops: readonly HopRequest[],
  r: Row,
  parentId: string,
): Expanded<LabelRows[L]> {
  const children: Record<string, unknown[]> = {};
  hops.forEach((h, i) => {
    const v = r[`h${i}`];
    // A count hop answers one number: its list of one.
    const list = HOPS[h.hop].result === 'count' ? [v] : Array.isArray(v) ? v : [];
    children[hopKey(h)] = list.map((c) => convertHop(h, c as Row, parentId));
  });
  return { node: (CONVERT[label] as (r: Row) => LabelRows[L])(r), hops: children };
}

/** One child of a hop, collected as a map by its subquery (see cypher/hops), as a store row. */
function convertHop(h: HopRequest, c: Row, parentId: string): unknown {
  const spec: Hop = HOPS[h.hop];
  switch (spec.result) {
    case 'nodes':
      return CONVERT[spec.target](c);
    case 'mentions':
      return toMention(c);
    case 'positions':
      return {
        ...toPosition(c),
        organization: c.organization ? CONVERT.Organization(c.organization as Row) : null,
        place: c.place ? CONVERT.Place(c.place as Row) : null,
      };
    case 'related':
      return toRelated(parentId, CONVERT.Program(c.program as Row), c.weight);
    case 'count':
      return Number(c ?? 0);
    case 'placeReports':
      return {
        place: CONVERT.Place(c.place as Row),
        firstReported: typeof c.first === 'string' ? c.first : null,
        lastReported: typeof c.last === 'string' ? c.last : null,
        documentIds: [...((c.docs as string[] | null) ?? [])].sort(),
      } satisfies ProgramPlaceRow;
    default: {
      const never: never = spec;
      throw new Error(`unknown hop result ${JSON.stringify(never)}`);
    }
  }
}

/** Groups rows carrying `key` into one list per id, in the ids' order (DataLoader shape). */
function groupByKey<T>(ids: readonly string[], rows: Row[], convert: (r: Row) => T): T[][] {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const key = r.key as string;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(convert(r));
  }
  return ids.map((id) => groups.get(id) ?? []);
}

async function removeDocumentIn(tx: CypherExecutor, docId: string): Promise<boolean> {
  if ((await tx.run(W.DOCUMENT_EXISTS, { id: docId })).length === 0) return false;
  const entities = await tx.run(W.DOCUMENT_ENTITIES, { id: docId });
  // The programs it names lose what it said of them, read from its MENTIONS while they exist.
  if (entities.some((e) => (e.labels as string[]).includes('Program'))) {
    await tx.run(W.UNTALLY_DOCUMENT_PROGRAMS, { id: docId });
  }
  await tx.run(W.DELETE_DOCUMENT_RELATIONS, { id: docId });
  await tx.run(W.DELETE_DOCUMENT_METRICS, { id: docId });
  await tx.run(W.DELETE_DOCUMENT, { id: docId });
  for (const label of SUPPORTED_LABELS) {
    const ids = entities.filter((e) => (e.labels as string[]).includes(label)).map((e) => e.id as string);
    if (ids.length > 0) await tx.run(W.deleteOrphans(label), { ids });
  }
  return true;
}
