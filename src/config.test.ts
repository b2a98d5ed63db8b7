import os from 'node:os';
import { loadConfig } from './config';

test('KG_WORKERS: one core less than the machine by default, 0 extracts on the main thread', () => {
  const cores = Math.max(1, Math.min(8, os.availableParallelism()));
  expect(loadConfig({}).workers).toBe(Math.max(1, cores - 1));
  expect(loadConfig({ KG_WORKERS: '0' }).workers).toBe(0);
  expect(loadConfig({ KG_WORKERS: '3' }).workers).toBe(3);
});

test('a negative KG_WORKERS is refused, naming the variable', () => {
  expect(() => loadConfig({ KG_WORKERS: '-1' })).toThrow(/KG_WORKERS/);
});

test("Neo4j defaults: the README's and docker-compose.yml's password, NEO4J_PASSWORD overrides it", () => {
  expect(loadConfig({}).neo4j).toEqual({
    uri: 'bolt://localhost:7687',
    user: 'neo4j',
    password: 'kg-password',
    database: undefined,
  });
  expect(loadConfig({ NEO4J_PASSWORD: 's3cret' }).neo4j.password).toBe('s3cret');
});
