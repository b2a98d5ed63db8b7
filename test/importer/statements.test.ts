/**
 * Statements per imported document (issue: fewer statements per request): a new document is
 * written in a fixed number of statements whatever it holds — the claim, its nodes, its
 * relationships and mentions (which also update its programs' tallies) — and a stored one
 * costs the claim alone. Counted through a tracing store, on every engine; what
 * the graph then holds is covered by the importer and store contract suites.
 */
import path from 'node:path';
import { GraphStore } from '../../src/graph/store';
import { importPaths } from '../../src/importer/importer';
import { ROOT } from '../helpers/cli';
import { describeEngines, freshStorePerTest } from '../helpers/engines';

const opts = { maxFileBytes: 5 << 20, workers: 1 };

describeEngines('statements per imported document', (engine) => {
  let base: GraphStore;
  freshStorePerTest(engine, (s) => (base = s));

  test('a new document: 3 statements (claim, nodes, facts and program tallies)', async () => {
    const counter = { roundTrips: 0, rows: 0 };
    const report = await importPaths([path.join(ROOT, 'import')], base.traced(counter), opts);
    expect(report.totals.imported).toBe(5);
    // Before: 25 per document (one per label, relationship group and mentioned label, and more),
    // then 6 (the programs' kinds and aliases re-derived from all their documents), then 4 (a
    // look-up before the claim).
    expect(counter.roundTrips).toBe(5 * 3);
    const stats = await base.detailedStats();
    expect(stats.relationships.MENTIONS).toBeGreaterThan(50);
    expect(stats.relationships.IMPLEMENTED_IN).toBeGreaterThan(0);

    const again = { roundTrips: 0, rows: 0 };
    const second = await importPaths([path.join(ROOT, 'import')], base.traced(again), opts);
    expect(second.totals.unchanged).toBe(5);
    expect(again.roundTrips).toBe(5);
  });
});
