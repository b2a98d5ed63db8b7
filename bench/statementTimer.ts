/**
 * A CypherRunner wrapper that times every statement (read, write, and each statement inside
 * a transaction) and hands it to a recorder, keyed by the statement text. Lets the bench say
 * which query dominates without knowing the store's query constants. Internal to bench.
 */
import type { CypherExecutor, CypherRunner, Params, Row } from '../src/graph/runner';

/** The statement, whitespace folded, cut after its labels and relationship type have shown. */
export const statementKey = (q: string): string => q.replace(/\s+/g, ' ').trim().slice(0, 150);

/** A timed statement: its duration, rows, and when it started and ended (performance.now()). */
export type Recorder = (key: string, ms: number, rows: number, start: number, end: number) => void;

export function timingRunner(inner: CypherRunner, record: Recorder): CypherRunner {
  const timed = async (query: string, run: () => Promise<Row[]>): Promise<Row[]> => {
    const t0 = performance.now();
    const rows = await run();
    const t1 = performance.now();
    record(statementKey(query), t1 - t0, rows.length, t0, t1);
    return rows;
  };
  return {
    kind: inner.kind,
    topKInWith: inner.topKInWith,
    read: (q: string, p?: Params) => timed(q, () => inner.read(q, p)),
    write: (q: string, p?: Params) => timed(q, () => inner.write(q, p)),
    transaction: <T>(fn: (tx: CypherExecutor) => Promise<T>) =>
      inner.transaction((tx) => fn({ run: (q, p) => timed(q, () => tx.run(q, p)) })),
    setupSchema: () => inner.setupSchema(),
    textSearch: (t, l, n) => inner.textSearch(t, l, n),
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
}

type Interval = readonly [number, number];

/** The length of the union of intervals: time during which at least one was open. */
export function unionMs(intervals: readonly Interval[]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let from = Number.NEGATIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const [s, e] of sorted) {
    if (s > to) {
      if (to > from) total += to - from;
      from = s;
      to = e;
    } else if (e > to) {
      to = e;
    }
  }
  if (to > from) total += to - from;
  return total;
}
