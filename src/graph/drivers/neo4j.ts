/**
 * CypherRunner over Neo4j 5 through `neo4j-driver`. Only this file imports the driver.
 * Reads run in READ access mode (so cluster followers and read replicas serve them) as
 * auto-commit statements, writes in WRITE mode as managed transactions; both retried on
 * transient errors and lost connections. Neo4j integers and temporal values are converted to
 * plain JS here.
 */
import neo4j, { type Driver, type ManagedTransaction, type QueryResult } from 'neo4j-driver';
import type { Neo4jConfig } from '../../config';
import { KgError, messageOf } from '../../errors';
import type { CypherExecutor, CypherRunner, Params, Row, TextHit, Value } from '../runner';
import { SCHEMA_DDL, SEARCHABLE_LABELS } from '../schema';
import { toPlain } from './values';

const FULLTEXT_INDEX = 'kg_search';

const FULLTEXT_DDL = `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} IF NOT EXISTS
FOR (n:${SEARCHABLE_LABELS.join('|')}) ON EACH [n.searchText]
OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'cjk' } }`;

const FULLTEXT_QUERY = `CALL db.index.fulltext.queryNodes('${FULLTEXT_INDEX}', $text, {limit: $fetch}) YIELD node, score
WITH node, score, [l IN labels(node) WHERE l IN $labels] AS ls
WHERE size(ls) > 0
RETURN node.id AS id, ls[0] AS label, score
ORDER BY score DESC, id
LIMIT $limit`;

/** Neo4j values → plain JS; returns undefined for what the generic conversion handles. */
function convertNeo4j(v: object): Value | undefined {
  if (neo4j.isInt(v)) return v.inSafeRange() ? v.toNumber() : v.toString();
  if (
    neo4j.isDate(v) ||
    neo4j.isDateTime(v) ||
    neo4j.isLocalDateTime(v) ||
    neo4j.isTime(v) ||
    neo4j.isLocalTime(v) ||
    neo4j.isDuration(v)
  ) {
    return v.toString();
  }
  if (v instanceof neo4j.types.Node || v instanceof neo4j.types.Relationship) {
    return toPlain(v.properties, convertNeo4j);
  }
  return undefined;
}

/** JS integers would reach Cypher as floats (LIMIT 20.0 fails): send them as Neo4j integers. */
function toNeo4jParams(v: unknown): unknown {
  if (typeof v === 'number' && Number.isInteger(v)) return neo4j.int(v);
  // The driver sends only Int8Array as a byte array; a Buffer would go as a map.
  if (v instanceof Uint8Array) return new Int8Array(v.buffer, v.byteOffset, v.byteLength);
  if (Array.isArray(v)) return v.map(toNeo4jParams);
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toNeo4jParams(x)]));
  }
  return v;
}

/** A result's records as plain rows. */
function toRows(result: QueryResult): Row[] {
  return result.records.map((rec) => {
    const row: Row = {};
    for (const key of rec.keys) row[String(key)] = toPlain(rec.get(key), convertNeo4j);
    return row;
  });
}

/** Lucene query syntax characters a user's search text must not trigger. */
function escapeLucene(text: string): string {
  return text.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, (c) => `\\${c}`);
}

/**
 * Timeouts that bound a request while Neo4j is down or unreachable (a stopped server refuses
 * at once; an unreachable host costs at most CONNECTION_TIMEOUT_MS per attempt), so the API
 * answers STORE_UNAVAILABLE within about 5 s, not when a client gives up. The driver
 * reconnects by itself once Neo4j is back; nothing needs restarting.
 */
export const NEO4J_TIMEOUTS = {
  /** Opening one connection (TCP and Bolt handshake). */
  connectionTimeout: 3000,
  /** Getting a connection from the pool, opening it included; must exceed connectionTimeout. */
  connectionAcquisitionTimeout: 4000,
  /**
   * How long a managed transaction retries transient errors and lost connections. Short: a
   * request should fail fast when Neo4j is down; a deadlock between concurrent writers
   * still gets a few retries (the first after about 1 s).
   */
  maxTransactionRetryTime: 2000,
} as const;

/**
 * Prefix of the statements of write transactions (document imports and removals). While an
 * import grows the graph, Neo4j finds its cached plans stale every few seconds (statistics
 * diverging, see `Discarded stale query` in debug.log) and plans them again; the two
 * statements that write a document (14 and 6 subqueries) take 0.5–1.5 s each to plan, and
 * replanning was about two thirds of the server's CPU over a 1,000-article import (140 s →
 * 50 s). Their plans do not depend on the statistics: every MATCH and MERGE is a seek on a
 * uniqueness constraint or the metric `doc` index, whatever the counts (checked with PROFILE,
 * bench/RESULTS.md), so a cached plan is kept. A Neo4j query option, not Cypher: the text
 * after it is the one both engines run, and only this driver adds it. Reads replan as usual.
 */
const REPLAN_SKIP = 'CYPHER replan=skip\n';

/** Waits before retry `attempt`: `baseMs` doubled per attempt up to `capMs`, jittered ±50 %. */
const backoff = (attempt: number, baseMs: number, capMs: number): Promise<void> =>
  new Promise((r) => setTimeout(r, Math.min(capMs, baseMs * 2 ** attempt) * (0.5 + Math.random())));

/** Attempts of a write transaction that keeps failing with a transient error (deadlock). */
const WRITE_RETRIES = 8;

/** The driver's pool timing out (its error has no code): the server does not answer in time. */
const ACQUISITION_TIMEOUT = /^Connection acquisition timed out/;

function storeError(error: unknown, query: string): KgError {
  const code = (error as { code?: string }).code ?? '';
  if (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    ACQUISITION_TIMEOUT.test(messageOf(error))
  ) {
    return new KgError(
      'STORE_UNAVAILABLE',
      `Neo4j is unavailable: ${messageOf(error)}`,
      {},
      { cause: error },
    );
  }
  return new KgError(
    'STORE_ERROR',
    `Neo4j rejected a query: ${messageOf(error)}`,
    { neo4jCode: code, query },
    {
      cause: error,
    },
  );
}

/** Connects to Neo4j and verifies it answers; fails fast with the URI and the reason. */
export async function openNeo4j(config: Neo4jConfig): Promise<CypherRunner> {
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    ...NEO4J_TIMEOUTS,
  });
  try {
    await driver.verifyConnectivity({ database: config.database });
  } catch (error) {
    await driver.close();
    throw new KgError(
      'STORE_UNAVAILABLE',
      `cannot reach Neo4j at ${config.uri} (${messageOf(error).split('\n')[0]}); start Neo4j (docker compose up neo4j) or set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD`,
      {},
      { cause: error },
    );
  }
  return new Neo4jRunner(driver, config.database);
}

class Neo4jRunner implements CypherRunner {
  readonly kind = 'neo4j' as const;
  readonly topKInWith = true;
  private closed = false;

  constructor(
    private readonly driver: Driver,
    private readonly database: string | undefined,
  ) {}

  private static async exec(tx: ManagedTransaction, query: string, params: Params): Promise<Row[]> {
    return toRows(await tx.run(query, toNeo4jParams(params) as Record<string, unknown>));
  }

  private async writeSession<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    // As the Grafeo runner: a closed runner is an unavailable store, not a driver error.
    if (this.closed) throw new KgError('STORE_UNAVAILABLE', 'the Neo4j driver is closed');
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: neo4j.session.WRITE,
    });
    try {
      // Writers of documents that share nodes (a province, a program) deadlock now and then; the
      // driver's own retries are kept short so a request fails fast when Neo4j is down, so a
      // deadlock or another transient error gets its further retries here, with backoff.
      for (let attempt = 1; ; attempt++) {
        try {
          return await session.executeWrite(work);
        } catch (error) {
          const code = (error as { code?: string }).code ?? '';
          if (!code.startsWith('Neo.TransientError.') || attempt >= WRITE_RETRIES) throw error;
          await backoff(attempt, 100, 2000);
        }
      }
    } finally {
      await session.close();
    }
  }

  /**
   * A read is one statement in an auto-commit transaction: RUN and PULL go out in one write
   * and come back in one round trip, where a managed transaction (`executeRead`) costs three
   * (BEGIN, RUN + PULL, COMMIT). Measured on loopback (bench/RESULTS.md): per statement
   * 2.7 → 1.2 ms, and less CPU on both sides (driver 1.4 → 0.6 ms, Neo4j 2.5 → 1.0 ms). The
   * managed transaction's retries are kept: a lost connection (Neo4j restarted) or a transient
   * error is retried for up to maxTransactionRetryTime, as `executeRead` would.
   */
  async read(query: string, params: Params = {}): Promise<Row[]> {
    if (this.closed) throw new KgError('STORE_UNAVAILABLE', 'the Neo4j driver is closed');
    const packed = toNeo4jParams(params) as Record<string, unknown>;
    const deadline = Date.now() + NEO4J_TIMEOUTS.maxTransactionRetryTime;
    for (let attempt = 1; ; attempt++) {
      const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
      try {
        return toRows(await session.run(query, packed));
      } catch (error) {
        if (!neo4j.isRetryableError(error) || Date.now() >= deadline) {
          throw error instanceof KgError ? error : storeError(error, query);
        }
      } finally {
        await session.close();
      }
      await backoff(attempt, 50, 1000);
    }
  }

  /** One statement in its own managed write transaction. */
  async write(query: string, params: Params = {}): Promise<Row[]> {
    try {
      return await this.writeSession((tx) => Neo4jRunner.exec(tx, query, params));
    } catch (error) {
      throw error instanceof KgError ? error : storeError(error, query);
    }
  }

  async transaction<T>(fn: (tx: CypherExecutor) => Promise<T>): Promise<T> {
    let last = '';
    try {
      // The driver may rerun `fn` on transient errors, after rolling the attempt back; `fn`
      // reads what it needs inside the transaction, so a rerun writes the same thing.
      return await this.writeSession((tx) =>
        fn({
          run: (query, params = {}) => {
            last = query;
            return Neo4jRunner.exec(tx, `${REPLAN_SKIP}${query}`, params);
          },
        }),
      );
    } catch (error) {
      throw error instanceof KgError ? error : storeError(error, last);
    }
  }

  async setupSchema(): Promise<void> {
    // Schema commands cannot share a transaction with writes; each runs on its own.
    for (const ddl of [...SCHEMA_DDL, FULLTEXT_DDL]) await this.write(ddl);
    await this.write('CALL db.awaitIndexes(60)');
  }

  async textSearch(text: string, labels: readonly string[], limit: number): Promise<TextHit[]> {
    const rows = await this.read(FULLTEXT_QUERY, {
      text: escapeLucene(text),
      labels: [...labels],
      fetch: limit * 4,
      limit,
    });
    return rows.map((r) => ({ id: r.id as string, label: r.label as string, score: r.score as number }));
  }

  async ping(): Promise<void> {
    await this.read('RETURN 1 AS ok');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.driver.close();
  }
}
