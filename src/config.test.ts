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

describe('safe defaults', () => {
  test('loopback, no debug, no CORS origins', () => {
    const c = loadConfig({}, '/srv/kg');
    expect(c).toMatchObject({ host: '127.0.0.1', debug: false, corsOrigins: [], sandbox: 'graphiql' });
    expect(loadConfig({ KG_SANDBOX: 'apollo' }).sandbox).toBe('apollo');
  });

  test('HOST widens, KG_DEBUG and KG_CORS_ORIGINS are read', () => {
    const c = loadConfig(
      { HOST: '0.0.0.0', KG_DEBUG: '1', KG_CORS_ORIGINS: ' https://kg.example.org, http://localhost:5173 ' },
      '/srv/kg',
    );
    expect(c).toMatchObject({
      host: '0.0.0.0',
      debug: true,
      corsOrigins: ['https://kg.example.org', 'http://localhost:5173'],
    });
    expect(loadConfig({ KG_CORS_ORIGINS: '*' }).corsOrigins).toBe('*');
  });

  test.each([
    [{ KG_DEBUG: 'on' }, 'KG_DEBUG must be 1, true, 0 or false; got "on"'],
    [{ KG_SANDBOX: 'playground' }, 'KG_SANDBOX must be graphiql or apollo; got "playground"'],
    [{ KG_CORS_ORIGINS: 'kg.example.org' }, 'KG_CORS_ORIGINS must be a comma-separated list of origins'],
    [{ KG_CORS_ORIGINS: 'https://kg.example.org/path' }, 'KG_CORS_ORIGINS must be a comma-separated list'],
  ])('%j is refused naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
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
