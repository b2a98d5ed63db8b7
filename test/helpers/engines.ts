/**
 * The engines the store contract runs on: Grafeo always (a fresh data directory per test),
 * Neo4j too when NEO4J_URI is set (the database is emptied before each test, so point it at
 * a test database).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { openGrafeo } from '../../src/graph/drivers/grafeo';
import { openNeo4j } from '../../src/graph/drivers/neo4j';
import type { CypherRunner } from '../../src/graph/runner';
import { GraphStore } from '../../src/graph/store';

export interface Engine {
  name: 'grafeo' | 'neo4j';
  /** Opens an empty store; `cleanup` closes it and removes its data. */
  open(): Promise<{ runner: CypherRunner; cleanup(): Promise<void> }>;
}

export function tempDir(prefix = 'kg-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

const grafeo: Engine = {
  name: 'grafeo',
  async open() {
    const dir = tempDir();
    const runner = openGrafeo(dir);
    return {
      runner,
      async cleanup() {
        await runner.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const neo4jEngine: Engine = {
  name: 'neo4j',
  async open() {
    const runner = await openNeo4j(loadConfig().neo4j);
    await runner.write('MATCH (n) DETACH DELETE n');
    return { runner, cleanup: () => runner.close() };
  },
};

/** Grafeo, plus Neo4j when NEO4J_URI is set; prints why Neo4j is skipped otherwise. */
export function engines(): Engine[] {
  if (process.env.NEO4J_URI) return [grafeo, neo4jEngine];
  if (!process.env.KG_QUIET_SKIP) {
    console.log('store contract: Neo4j skipped (NEO4J_URI is not set); running on Grafeo only');
  }
  return [grafeo];
}

/**
 * Gives each test of the enclosing `describe` a fresh, set-up store on `engine` (through
 * `use`), closed and removed after the test.
 */
export function freshStorePerTest(engine: Engine, use: (store: GraphStore) => void): void {
  let cleanup: () => Promise<void> = async () => undefined;
  beforeEach(async () => {
    const opened = await engine.open();
    cleanup = opened.cleanup;
    const store = new GraphStore(opened.runner);
    await store.setup();
    use(store);
  });
  afterEach(() => cleanup());
}
