/**
 * A runner that reports every statement it runs (name, seconds, success) to an observer: the
 * one place store metrics are taken. Internal to the graph stage.
 */
import { queryName } from './queryNames';
import type { CypherRunner, Params, Row } from './runner';

/**
 * Receives one observation per statement; `name` comes from `queryName`; `keys` is the length
 * of the `$ids` / `$pairs` list of a batched statement (one DataLoader batch), else undefined.
 */
export type StatementObserver = (name: string, seconds: number, ok: boolean, keys?: number) => void;

const keysOf = (p: Params | undefined): number | undefined => {
  const list = p?.ids ?? p?.pairs;
  return Array.isArray(list) ? list.length : undefined;
};

async function timed<T>(
  observe: StatementObserver,
  name: string,
  run: () => Promise<T>,
  keys?: number,
): Promise<T> {
  const start = process.hrtime.bigint();
  let ok = false;
  try {
    const result = await run();
    ok = true;
    return result;
  } finally {
    observe(name, Number(process.hrtime.bigint() - start) / 1e9, ok, keys);
  }
}

/** Wraps `inner` so each read, write, transaction statement and text search is observed. */
export function meteredRunner(inner: CypherRunner, observe: StatementObserver): CypherRunner {
  const run =
    (fn: (q: string, p?: Params) => Promise<Row[]>) =>
    (q: string, p?: Params): Promise<Row[]> =>
      timed(observe, queryName(q), () => fn(q, p), keysOf(p));
  return {
    kind: inner.kind,
    topKInWith: inner.topKInWith,
    read: run((q, p) => inner.read(q, p)),
    write: run((q, p) => inner.write(q, p)),
    transaction: (fn) => inner.transaction((tx) => fn({ run: run((q, p) => tx.run(q, p)) })),
    setupSchema: () => inner.setupSchema(),
    textSearch: (t, l, n) => timed(observe, 'textSearch', () => inner.textSearch(t, l, n)),
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
}
