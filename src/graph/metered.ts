/**
 * A runner that reports every statement it runs (name, seconds, success) to an observer: the
 * one place store metrics are taken. Internal to the graph stage.
 */
import { queryName } from './queryNames';
import type { CypherRunner, Params, Row } from './runner';

/** Receives one observation per statement; `name` comes from `queryName`. */
export type StatementObserver = (name: string, seconds: number, ok: boolean) => void;

async function timed<T>(observe: StatementObserver, name: string, run: () => Promise<T>): Promise<T> {
  const start = process.hrtime.bigint();
  let ok = false;
  try {
    const result = await run();
    ok = true;
    return result;
  } finally {
    observe(name, Number(process.hrtime.bigint() - start) / 1e9, ok);
  }
}

/** Wraps `inner` so each read, write, transaction statement and text search is observed. */
export function meteredRunner(inner: CypherRunner, observe: StatementObserver): CypherRunner {
  const run =
    (fn: (q: string, p?: Params) => Promise<Row[]>) =>
    (q: string, p?: Params): Promise<Row[]> =>
      timed(observe, queryName(q), () => fn(q, p));
  return {
    kind: inner.kind,
    read: run((q, p) => inner.read(q, p)),
    write: run((q, p) => inner.write(q, p)),
    transaction: (fn) => inner.transaction((tx) => fn({ run: run((q, p) => tx.run(q, p)) })),
    setupSchema: () => inner.setupSchema(),
    textSearch: (t, l, n) => timed(observe, 'textSearch', () => inner.textSearch(t, l, n)),
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
}
