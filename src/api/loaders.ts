/**
 * Per-request DataLoaders: every relationship field goes through one. `expand` reads a batch
 * of parents with every one-hop field the request selects on them in one statement (see
 * api/selection); `related` (one statement per field, a single parent two: its first
 * targets' keys, then those nodes; see RelationField.top) serves the rest and the reference
 * resolution without hops. Made fresh for each request by the
 * context factory; nothing here lives at module level. Public.
 */
import DataLoader from 'dataloader';
import type { LabelRows } from '../graph/cypher/fields';
import { hopKey, type HopRequest } from '../graph/cypher/hops';
import type { RelationFieldName, RELATION_FIELDS } from '../graph/cypher/relations';
import type { DocumentRow, MentionRow, PositionRow, RelatedProgramRow } from '../graph/rows';
import type { NodeLabel } from '../graph/schema';
import type { Expanded, GraphStore } from '../graph/store';
import { LIMITS } from './limits';

type Target<F extends RelationFieldName> = LabelRows[(typeof RELATION_FIELDS)[F]['target']];

export interface Loaders {
  /** Node of a label by id; null when absent. */
  node<L extends NodeLabel>(label: L): DataLoader<string, LabelRows[L] | null>;
  /**
   * Node of a label by id with the children of `hops`, one statement per batch; null when
   * absent. One loader per (label, hop list): parents whose request selects the same fields
   * share a batch.
   */
  expand<L extends NodeLabel>(
    label: L,
    hops: readonly HopRequest[],
  ): DataLoader<string, Expanded<LabelRows[L]> | null>;
  /** Targets of a relationship field by parent id, at most `limit` per parent (default: the page-size limit). */
  related<F extends RelationFieldName>(field: F, limit?: number): DataLoader<string, Array<Target<F>>>;
  /** Evidence sentences of an entity by id. */
  mentions(label: NodeLabel): DataLoader<string, MentionRow[]>;
  positions: DataLoader<string, PositionRow[]>;
  /** Related programs by program id, the `limit` heaviest per program. */
  relatedPrograms(limit: number): DataLoader<string, RelatedProgramRow[]>;
  /** Documents relating a pair of programs. */
  sharedDocuments: DataLoader<{ a: string; b: string }, string[], string>;
  /** The sentence of an evidence (document + offsets). */
  quote: DataLoader<MentionRow, string, string>;
  /** A document with its clean text: a mention's document and sentence from one statement. */
  documentWithText: DataLoader<string, { node: DocumentRow; text: string } | null>;
}

/**
 * Creates the loaders of one request over `store`. `batch: false` turns batching off (one
 * store call per key): for the benchmark's naive baseline only.
 */
export function createLoaders(store: GraphStore, options: { batch?: boolean } = {}): Loaders {
  const opts = { batch: options.batch ?? true };
  const cache = new Map<string, DataLoader<string, unknown>>();
  let quote: DataLoader<MentionRow, string, string> | undefined;
  let sharedDocuments: DataLoader<{ a: string; b: string }, string[], string> | undefined;
  const memo = <V>(name: string, make: () => DataLoader<string, V>): DataLoader<string, V> => {
    let l = cache.get(name);
    if (!l) cache.set(name, (l = make() as DataLoader<string, unknown>));
    return l as DataLoader<string, V>;
  };
  return {
    node: <L extends NodeLabel>(label: L) =>
      memo(
        `node:${label}`,
        () => new DataLoader<string, LabelRows[L] | null>((ids) => store.nodesByIds(label, ids), opts),
      ),
    expand: <L extends NodeLabel>(label: L, hops: readonly HopRequest[]) =>
      memo(
        `expand:${label}:${hops.map(hopKey).join(',')}`,
        () =>
          new DataLoader<string, Expanded<LabelRows[L]> | null>(
            (ids) => store.expand(label, ids, hops),
            opts,
          ),
      ),
    // One loader per (field, limit): the limit changes the rows, so it is part of the key.
    related: <F extends RelationFieldName>(field: F, limit: number = LIMITS.maxPageSize) =>
      memo(
        `rel:${field}:${limit}`,
        () => new DataLoader<string, Array<Target<F>>>((ids) => store.related(field, ids, limit), opts),
      ),
    mentions: (label) =>
      memo(
        `mentions:${label}`,
        () => new DataLoader<string, MentionRow[]>((ids) => store.mentions(label, ids), opts),
      ),
    get positions() {
      return memo(
        'positions',
        () => new DataLoader<string, PositionRow[]>((ids) => store.positions(ids), opts),
      );
    },
    get sharedDocuments() {
      sharedDocuments ??= new DataLoader<{ a: string; b: string }, string[], string>(
        (pairs) => store.sharedDocuments(pairs),
        { ...opts, cacheKeyFn: (p) => `${p.a}|${p.b}` },
      );
      return sharedDocuments;
    },
    get documentWithText() {
      return memo(
        'documentWithText',
        () =>
          new DataLoader<string, { node: DocumentRow; text: string } | null>(
            (ids) => store.documentsWithText(ids),
            opts,
          ),
      );
    },
    get quote() {
      quote ??= new DataLoader<MentionRow, string, string>((keys) => store.quotes(keys), {
        ...opts,
        cacheKeyFn: (m) => `${m.doc}:${m.start}:${m.end}`,
      });
      return quote;
    },
    // Keyed by limit too, like `related`.
    relatedPrograms: (limit) =>
      memo(
        `relatedPrograms:${limit}`,
        () => new DataLoader<string, RelatedProgramRow[]>((ids) => store.relatedPrograms(ids, limit), opts),
      ),
  };
}
