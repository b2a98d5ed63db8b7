/**
 * GraphStore: the only way the importer and the API reach the graph. It speaks Cypher
 * through one CypherRunner, so the same store works on Grafeo and Neo4j. Public.
 */
import type { DocumentGraph } from '../extract/types';
import { KgError } from '../errors';
import { decodeCursor, encodeCursor } from './cursor';
import * as DOC from './cypher/document';
import * as STATS from './cypher/stats';
import * as W from './cypher/write';
import type { DetailedStats, DocumentRow, GraphStats, Page } from './rows';
import { countingRunner, type CypherExecutor, type CypherRunner, type Row, type RunCounter } from './runner';
import { NODE_LABELS, type NodeLabel } from './schema';
import { toWriteBatch } from './writeBatch';

/** What writing one document did. */
export type WriteOutcome =
  | { status: 'unchanged'; docId: string }
  | { status: 'imported'; docId: string; replaced: string[] };

const ENTITY_LABELS = NODE_LABELS.filter((l): l is Exclude<NodeLabel, 'Document'> => l !== 'Document');

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

export function toDocumentRow(r: Row): DocumentRow {
  return {
    id: r.id as string,
    title: str(r.title) ?? '',
    file: str(r.file),
    publishedAt: str(r.publishedAt),
    source: str(r.source),
    authors: Array.isArray(r.authors) ? (r.authors as string[]) : [],
    charCount: typeof r.charCount === 'number' ? r.charCount : 0,
  };
}

/** Runs a keyset-paginated query and turns its rows into a Page. */
export async function readPage<T>(
  runner: CypherRunner,
  query: string,
  countQuery: string,
  params: Record<string, unknown>,
  first: number,
  after: string | null | undefined,
  toItem: (r: Row) => T,
): Promise<Page<T>> {
  const cursor = after ? decodeCursor(after) : null;
  const [rows, counted] = await Promise.all([
    runner.read(query, { ...params, afterKey: cursor?.sortValue ?? null, afterId: cursor?.id ?? '', limit: first + 1 }),
    runner.read(countQuery, params),
  ]);
  const pageRows = rows.slice(0, first);
  return {
    items: pageRows.map(toItem),
    cursors: pageRows.map((r) => encodeCursor(String(r.sortKey ?? ''), r.id as string)),
    hasNextPage: rows.length > first,
    totalCount: (counted[0]?.count as number | undefined) ?? 0,
  };
}

export class GraphStore {
  constructor(readonly runner: CypherRunner) {}

  /** A store over the same runner that counts round trips and rows into `counter`. */
  traced(counter: RunCounter): GraphStore {
    return new GraphStore(countingRunner(this.runner, counter));
  }

  get kind(): CypherRunner['kind'] {
    return this.runner.kind;
  }

  /** Constraints, indexes, full-text index; idempotent, run on every start. */
  setup(): Promise<void> {
    return this.runner.setupSchema();
  }

  close(): Promise<void> {
    return this.runner.close();
  }

  // ---- writes -------------------------------------------------------------------------

  /** True when a document with this id (content hash) is stored. */
  async hasDocument(docId: string): Promise<boolean> {
    return (await this.runner.read(W.DOCUMENT_EXISTS, { id: docId })).length > 0;
  }

  /** Ids of the documents imported from a file of this name. */
  async documentIdsByFile(file: string): Promise<string[]> {
    return (await this.runner.read(W.DOCUMENTS_BY_FILE, { file })).map((r) => r.id as string);
  }

  /**
   * Writes one document's graph in one transaction. Same content already stored: nothing
   * changes. Another version of the same file stored: its facts are replaced, in the same
   * transaction, so a failure leaves the previous version intact.
   */
  async writeDocument(graph: DocumentGraph, file: string): Promise<WriteOutcome> {
    const batch = toWriteBatch(graph, file);
    if (await this.hasDocument(batch.docId)) return { status: 'unchanged', docId: batch.docId };
    return this.runner.transaction(async (tx) => {
      const previous = (await tx.run(W.DOCUMENTS_BY_FILE, { file }))
        .map((r) => r.id as string)
        .filter((id) => id !== batch.docId);
      for (const id of previous) await removeDocumentIn(tx, id);
      await tx.run(W.UPSERT_DOCUMENT, { doc: batch.document });
      for (const [label, rows] of [
        ['Place', batch.places],
        ['Organization', batch.organizations],
        ['Person', batch.people],
        ['Metric', batch.metrics],
      ] as const) {
        if (rows.length > 0) await tx.run(W.upsertEntities(label), { rows });
      }
      if (batch.programs.length > 0) await tx.run(W.UPSERT_PROGRAMS, { rows: batch.programs });
      for (const g of batch.relations.values()) {
        await tx.run(W.upsertRelations(g.type, g.from, g.to), { rows: g.rows });
      }
      for (const [label, rows] of batch.mentions) {
        await tx.run(W.upsertMentions(label), { docId: batch.docId, rows });
      }
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
      throw new KgError('STORE_UNAVAILABLE', `the ${this.kind} store does not answer: ${(error as Error).message}`);
    }
  }

  async detailedStats(): Promise<DetailedStats> {
    const [labels, rels] = await Promise.all([
      this.runner.read(STATS.COUNT_LABELS),
      this.runner.read(STATS.COUNT_RELATIONSHIPS),
    ]);
    const out: DetailedStats = { labels: {}, relationships: {} };
    for (const l of NODE_LABELS) out.labels[l] = 0;
    for (const r of labels) out.labels[String(r.label)] = r.count as number;
    for (const r of rels) out.relationships[String(r.type)] = r.count as number;
    return out;
  }

  async stats(): Promise<GraphStats> {
    const s = await this.detailedStats();
    const n = (l: NodeLabel) => s.labels[l] ?? 0;
    return {
      documents: n('Document'),
      places: n('Place'),
      organizations: n('Organization'),
      programs: n('Program'),
      people: n('Person'),
      metrics: n('Metric'),
      relationships: Object.values(s.relationships).reduce((a, b) => a + b, 0),
    };
  }

  listDocuments(first: number, after?: string | null): Promise<Page<DocumentRow>> {
    return readPage(this.runner, DOC.DOCUMENTS_PAGE, DOC.DOCUMENTS_COUNT, {}, first, after, toDocumentRow);
  }

  /** Documents by id, in key order, null where missing (DataLoader batch shape). */
  async documentsByIds(ids: readonly string[]): Promise<Array<DocumentRow | null>> {
    const rows = await this.runner.read(DOC.DOCUMENTS_BY_IDS, { ids: [...ids] });
    const byId = new Map(rows.map((r) => [r.id as string, toDocumentRow(r)]));
    return ids.map((id) => byId.get(id) ?? null);
  }
}

async function removeDocumentIn(tx: CypherExecutor, docId: string): Promise<boolean> {
  const entities = await tx.run(W.DOCUMENT_ENTITIES, { id: docId });
  const exists = (await tx.run(W.DOCUMENT_EXISTS, { id: docId })).length > 0;
  if (!exists) return false;
  await tx.run(W.DELETE_DOCUMENT_RELATIONS, { id: docId });
  await tx.run(W.DELETE_DOCUMENT, { id: docId });
  for (const label of ENTITY_LABELS) {
    const ids = entities.filter((e) => (e.labels as string[]).includes(label)).map((e) => e.id as string);
    if (ids.length > 0) await tx.run(W.deleteOrphans(label), { ids });
  }
  return true;
}
