/**
 * The per-request context: a store (counting round trips when tracing), fresh loaders and
 * the request's trace counter. Public.
 */
import { meteredRunner } from '../graph/metered';
import type { RunCounter } from '../graph/runner';
import { GraphStore } from '../graph/store';
import { createLoaders, type Loaders } from './loaders';
import { newSelectionMemo, type SelectionMemo } from './selection';

export interface ApiContext {
  store: GraphStore;
  loaders: Loaders;
  /** Store round trips and rows of this request (reported when KG_TRACE=1). */
  trace: RunCounter;
  /**
   * Whether relationship fields are read with their parents' other selected fields in one
   * statement per list level (api/selection, graph/cypher/hops); false: one per field.
   */
  hops: boolean;
  /** Whether DataLoader batches (false only for the benchmark's naive baseline). */
  batched: boolean;
  /** The hops selected at each position of the operation, walked once per request. */
  selections: SelectionMemo;
  /**
   * Each store statement of the request, by query name, with its milliseconds, when asked
   * (`recordStatements`, on with KG_DEBUG=1): the slow-request log lists them. Else null.
   */
  statements: Array<{ query: string; ms: number }> | null;
}

export interface ContextOptions {
  /** DataLoader batching; false only for the benchmark's naive baseline. */
  batch?: boolean;
  /**
   * Read every selected one-hop field of a batch of parents in one statement (default true);
   * false: one statement per field, the resolution the answers are compared with in the tests.
   */
  hops?: boolean;
  /** Record each statement's query name and time in `statements` (KG_DEBUG=1; default false). */
  recordStatements?: boolean;
}

/** Builds one request's context; nothing request-scoped outlives it. */
export function createContext(store: GraphStore, options: ContextOptions = {}): ApiContext {
  const trace: RunCounter = { roundTrips: 0, rows: 0 };
  const statements: ApiContext['statements'] = options.recordStatements ? [] : null;
  const recorded = statements
    ? new GraphStore(
        meteredRunner(store.runner, (query, seconds) =>
          statements.push({ query, ms: Math.round(seconds * 1e6) / 1000 }),
        ),
      )
    : store;
  const traced = recorded.traced(trace);
  return {
    store: traced,
    loaders: createLoaders(traced, { batch: options.batch }),
    trace,
    hops: options.hops ?? true,
    batched: options.batch ?? true,
    selections: newSelectionMemo(),
    statements,
  };
}
