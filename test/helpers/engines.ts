/**
 * The engines every store-backed suite runs on: Grafeo always (a fresh data directory per
 * store), Neo4j too when NEO4J_URI is set (the one database NEO4J_URI names is emptied before
 * each use, so point it at a test database; jest.config.js then runs test files one at a
 * time). Each suite wraps its tests in `describeEngines`, which names the engine in brackets
 * (`[grafeo]`, `[neo4j]`): CI counts tests per engine by those names.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { openGrafeo } from '../../src/graph/drivers/grafeo';
import { openNeo4j } from '../../src/graph/drivers/neo4j';
import type { CypherRunner } from '../../src/graph/runner';
import { GraphStore } from '../../src/graph/store';

export type EngineName = 'grafeo' | 'neo4j';

/**
 * A store both this process and `kg` processes open: on Grafeo the data directory given to
 * `Engine.at`, on Neo4j the database NEO4J_URI names (the directory is not used).
 */
export interface StoreLocation {
  /** The environment that points a `kg` process at this store. */
  env: Record<string, string>;
  /** Opens the store in this process (Grafeo: one process at a time holds a directory). */
  open(): Promise<CypherRunner>;
  /** Removes everything stored there. */
  empty(): Promise<void>;
}

export interface Engine {
  name: EngineName;
  /** Opens an empty store; `cleanup` closes it and removes its data. */
  open(): Promise<{ runner: CypherRunner; cleanup(): Promise<void> }>;
  /** The store at `dir` (Grafeo) or NEO4J_URI's database (Neo4j). */
  at(dir: string): StoreLocation;
}

export function tempDir(prefix = 'kg-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export const grafeo: Engine = {
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
  at(dir) {
    return {
      env: { KG_STORE: 'grafeo', KG_DATA_DIR: dir },
      open: async () => openGrafeo(dir),
      async empty() {
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

async function emptyNeo4j(runner: CypherRunner): Promise<void> {
  await runner.write('MATCH (n) DETACH DELETE n');
}

const neo4jEngine: Engine = {
  name: 'neo4j',
  async open() {
    const runner = await openNeo4j(loadConfig().neo4j);
    await emptyNeo4j(runner);
    return { runner, cleanup: () => runner.close() };
  },
  at() {
    const open = () => openNeo4j(loadConfig().neo4j);
    return {
      env: { KG_STORE: 'neo4j', NEO4J_URI: loadConfig().neo4j.uri },
      open,
      async empty() {
        const runner = await open();
        try {
          await emptyNeo4j(runner);
        } finally {
          await runner.close();
        }
      },
    };
  },
};

/** Grafeo, plus Neo4j when NEO4J_URI is set; prints why Neo4j is skipped otherwise. */
export function engines(): Engine[] {
  if (process.env.NEO4J_URI) return [grafeo, neo4jEngine];
  if (!process.env.KG_QUIET_SKIP) {
    console.log('Neo4j skipped (NEO4J_URI is not set); running on Grafeo only');
  }
  return [grafeo];
}

/** `describe(`${title} [engine]`)` once per engine of `engines()`. */
export function describeEngines(title: string, fn: (engine: Engine) => void): void {
  describe.each(engines().map((e) => [e.name, e] as const))(`${title} [%s]`, (_name, engine) => fn(engine));
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
