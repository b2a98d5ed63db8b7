/**
 * The per-request context: a store (counting round trips when tracing), fresh loaders and
 * the request's trace counter. Public.
 */
import type { RunCounter } from '../graph/runner';
import type { GraphStore } from '../graph/store';
import { createLoaders, type Loaders } from './loaders';

export interface ApiContext {
  store: GraphStore;
  loaders: Loaders;
  /** Store round trips and rows of this request (reported when KG_TRACE=1). */
  trace: RunCounter;
}

export interface ContextOptions {
  /** DataLoader batching; false only for the benchmark's naive baseline. */
  batch?: boolean;
}

/** Builds one request's context; nothing request-scoped outlives it. */
export function createContext(store: GraphStore, options: ContextOptions = {}): ApiContext {
  const trace: RunCounter = { roundTrips: 0, rows: 0 };
  const traced = store.traced(trace);
  return { store: traced, loaders: createLoaders(traced, { batch: options.batch }), trace };
}
