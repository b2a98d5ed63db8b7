/**
 * The per-request context: a store (counting round trips when tracing), fresh loaders and
 * the request's trace counter. Public.
 */
import type { RunCounter } from '../graph/runner';
import type { GraphStore } from '../graph/store';
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
  /** The hops selected at each position of the operation, walked once per request. */
  selections: SelectionMemo;
}

export interface ContextOptions {
  /** DataLoader batching; false only for the benchmark's naive baseline. */
  batch?: boolean;
  /**
   * Read every selected one-hop field of a batch of parents in one statement (default true);
   * false: one statement per field, the resolution the answers are compared with in the tests.
   */
  hops?: boolean;
}

/** Builds one request's context; nothing request-scoped outlives it. */
export function createContext(store: GraphStore, options: ContextOptions = {}): ApiContext {
  const trace: RunCounter = { roundTrips: 0, rows: 0 };
  const traced = store.traced(trace);
  return {
    store: traced,
    loaders: createLoaders(traced, { batch: options.batch }),
    trace,
    hops: options.hops ?? true,
    selections: newSelectionMemo(),
  };
}
