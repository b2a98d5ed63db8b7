/**
 * The one seam between the graph code and a database engine. Everything above a runner
 * sends the same Cypher text to every engine; engine-specific DDL and full-text search
 * sit behind `setupSchema` and `textSearch`. Public.
 */
import type { StoreKind } from '../config';

/** A plain JS value as both engines hand it up (Neo4j integers and temporals converted). */
export type Value = null | boolean | number | string | Buffer | Value[] | { [key: string]: Value };
export type Row = Record<string, Value>;
export type Params = Record<string, unknown>;

/** Something that runs Cypher: a runner, or an open transaction of one. */
export interface CypherExecutor {
  run(query: string, params?: Params): Promise<Row[]>;
}

/** A full-text hit: our node id and the engine's relevance score. */
export interface TextHit {
  id: string;
  label: string;
  score: number;
}

export interface CypherRunner {
  readonly kind: StoreKind;
  /**
   * Whether the engine keeps only the top rows of a `WITH … ORDER BY … LIMIT` (Neo4j), so a
   * statement may cut a page and go on from its rows; Grafeo 0.6 does that only for a final
   * `RETURN … ORDER BY … LIMIT` and sorts every row of a `WITH` (see hops/pageExpandQuery).
   */
  readonly topKInWith: boolean;
  /** Runs a read query (READ access mode on Neo4j). */
  read(query: string, params?: Params): Promise<Row[]>;
  /** Runs one write query in its own transaction. */
  write(query: string, params?: Params): Promise<Row[]>;
  /** Runs `fn` in one write transaction: all of it commits or none of it does. */
  transaction<T>(fn: (tx: CypherExecutor) => Promise<T>): Promise<T>;
  /** Creates constraints, indexes and the full-text index; idempotent. */
  setupSchema(): Promise<void>;
  /** Ranked full-text search over `searchText` of the given labels. */
  textSearch(text: string, labels: readonly string[], limit: number): Promise<TextHit[]>;
  /** Cheap liveness check; throws KgError('STORE_UNAVAILABLE') when the engine does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Counts round trips and rows, for KG_TRACE and the batching tests. */
export interface RunCounter {
  roundTrips: number;
  rows: number;
}

/** Wraps a runner so every read/write/transaction statement is counted in `counter`. */
export function countingRunner(inner: CypherRunner, counter: RunCounter): CypherRunner {
  const count = (rows: Row[]): Row[] => {
    counter.roundTrips += 1;
    counter.rows += rows.length;
    return rows;
  };
  return {
    kind: inner.kind,
    topKInWith: inner.topKInWith,
    read: async (q, p) => count(await inner.read(q, p)),
    write: async (q, p) => count(await inner.write(q, p)),
    transaction: (fn) => inner.transaction((tx) => fn({ run: async (q, p) => count(await tx.run(q, p)) })),
    setupSchema: () => inner.setupSchema(),
    textSearch: async (t, l, n) => {
      const hits = await inner.textSearch(t, l, n);
      counter.roundTrips += 1;
      counter.rows += hits.length;
      return hits;
    },
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
}
