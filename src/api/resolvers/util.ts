/** Small helpers the resolvers share. Internal to the API. */
import { KgError } from '../../errors';
import type { Page } from '../../graph/rows';

/** A non-null field whose target is gone: the graph is inconsistent, say which. */
export function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) {
    throw new KgError(
      'NOT_FOUND',
      `${what} is missing from the graph; re-import the document that states it`,
    );
  }
  return value;
}

/** Resolvers of every Relay connection type: they all map a store Page. */
export const connectionResolvers = {
  edges: <T>(p: Page<T>) => p.items.map((node, i) => ({ cursor: p.cursors[i] as string, node })),
  nodes: <T>(p: Page<T>) => p.items,
  pageInfo: <T>(p: Page<T>) => ({
    hasNextPage: p.hasNextPage,
    hasPreviousPage: false,
    startCursor: p.cursors[0] ?? null,
    endCursor: p.cursors[p.cursors.length - 1] ?? null,
  }),
  totalCount: <T>(p: Page<T>) => p.totalCount(),
};

/**
 * The values DataLoader.loadMany returned, nulls (keys that are absent: a dangling reference)
 * dropped. A key whose load failed fails the field: its error is thrown, as it came from the
 * store (a KgError keeps its code) or as STORE_ERROR, never silently left out of the list.
 */
export function present<T>(values: Array<T | null | Error>): T[] {
  const failed = values.find((v): v is Error => v instanceof Error);
  if (failed) {
    if (failed instanceof KgError) throw failed;
    throw new KgError('STORE_ERROR', `a batch load failed: ${failed.message}`, {}, { cause: failed });
  }
  return values.filter((v): v is T => v !== null);
}
