/**
 * The hand-over protocol on its own (importer/handover.ts), with stand-in runners: events
 * arrive in order and feed the progress sink, a removal waits for the import before it, a
 * failing runner is a clear error, and an announcement that leads anywhere but a live endpoint
 * (nothing listening, another HTTP server on the port, a dead pid) means "open the store".
 * The end-to-end tests with real processes are in test/cli/importWhileServing.test.ts.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import {
  ADMIN_FILE,
  importThroughServer,
  removeThroughServer,
  serveHandover,
  type ImportRequest,
} from '../../src/importer/handover';
import type { FileResult, ImportReport, ProgressSink } from '../../src/importer/types';
import { tempDir } from '../helpers/engines';

const quiet = { info: () => undefined, error: () => undefined };

function report(files: FileResult[]): ImportReport {
  const count = (s: FileResult['status']) => files.filter((f) => f.status === s).length;
  return {
    store: 'grafeo',
    startedAt: '2026-12-01T00:00:00.000Z',
    finishedAt: '2026-12-01T00:00:01.000Z',
    totals: {
      files: files.length,
      imported: count('imported'),
      unchanged: count('unchanged'),
      failed: count('failed'),
      skipped: count('skipped'),
    },
    files,
  };
}

function recorder(): { sink: ProgressSink; seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    sink: {
      start: (n) => seen.push(`start ${n}`),
      fileDone: (r, done) => seen.push(`${done} ${r.status} ${r.file}`),
      stop: () => seen.push('stop'),
    },
  };
}

const request = (inputs: string[]): ImportRequest => ({
  inputs,
  cwd: '/tmp',
  maxFileBytes: 1000,
  workers: 0,
});

let dir: string;
beforeEach(() => {
  dir = tempDir('kg-handover-');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('events reach the sink in order; a removal waits for the import queued before it', async () => {
  const order: string[] = [];
  let release: () => void = () => undefined;
  const gate = new Promise<void>((r) => (release = r));
  const endpoint = await serveHandover(
    dir,
    {
      async import(req, progress) {
        order.push(`import ${req.inputs.join(',')} from ${req.cwd}`);
        progress.start(2);
        const a: FileResult = { file: '/tmp/a.txt', status: 'unchanged', docId: 'doc_a', ms: 1 };
        progress.fileDone(a, 1);
        await gate;
        const b: FileResult = { file: '/tmp/b.txt', status: 'failed', code: 'EMPTY', error: 'empty', ms: 1 };
        progress.fileDone(b, 2);
        order.push('import done');
        return report([a, b]);
      },
      async remove(targets) {
        order.push(`remove ${targets.join(',')}`);
        return targets.map((target) => ({ target, removed: target === 'a.txt' ? ['doc_a'] : [] }));
      },
    },
    quiet,
  );
  try {
    const progress = recorder();
    const importing = importThroughServer(dir, request(['a.txt', 'b.txt']), progress.sink);
    while (order.length === 0) await new Promise((r) => setTimeout(r, 5));
    const removing = removeThroughServer(dir, ['a.txt', 'zzz.txt']);
    await new Promise((r) => setTimeout(r, 50));
    expect(order).toEqual(['import a.txt,b.txt from /tmp']);
    release();
    const imported = await importing;
    expect(imported?.report.totals).toMatchObject({ files: 2, unchanged: 1, failed: 1 });
    expect(imported?.server.pid).toBe(process.pid);
    expect(progress.seen).toEqual(['start 2', '1 unchanged /tmp/a.txt', '2 failed /tmp/b.txt', 'stop']);
    expect((await removing)?.results).toEqual([
      { target: 'a.txt', removed: ['doc_a'] },
      { target: 'zzz.txt', removed: [] },
    ]);
    expect(order).toEqual(['import a.txt,b.txt from /tmp', 'import done', 'remove a.txt,zzz.txt']);
  } finally {
    await endpoint.stop();
  }
  expect(fs.existsSync(path.join(dir, ADMIN_FILE))).toBe(false);
});

test('a runner that throws is a clear error for the client', async () => {
  const endpoint = await serveHandover(
    dir,
    {
      import: async () => {
        throw new Error('the store is closed');
      },
      remove: async () => {
        throw new Error('the store is closed');
      },
    },
    quiet,
  );
  try {
    await expect(importThroughServer(dir, request(['a.txt']), recorder().sink)).rejects.toThrow(
      `the running server (pid ${process.pid}) could not import: the store is closed`,
    );
    await expect(removeThroughServer(dir, ['a.txt'])).rejects.toThrow(
      'the running server refused the removal (HTTP 500): the store is closed',
    );
  } finally {
    await endpoint.stop();
  }
});

describe('an announcement that leads nowhere means: open the store directly', () => {
  const announce = (fields: Record<string, unknown>) =>
    fs.writeFileSync(
      path.join(dir, ADMIN_FILE),
      JSON.stringify({ version: 1, pid: process.pid, token: 't', startedAt: '', ...fields }),
    );

  test('none at all, or not one', async () => {
    expect(await importThroughServer(dir, request(['a.txt']), recorder().sink)).toBeNull();
    fs.writeFileSync(path.join(dir, ADMIN_FILE), 'not json');
    expect(await removeThroughServer(dir, ['a.txt'])).toBeNull();
  });

  test('nothing listens on its port', async () => {
    const s = http.createServer();
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const port = (s.address() as AddressInfo).port;
    await new Promise((r) => s.close(r));
    announce({ url: `http://127.0.0.1:${port}` });
    expect(await importThroughServer(dir, request(['a.txt']), recorder().sink)).toBeNull();
  });

  test('another HTTP server has its port', async () => {
    const s = http.createServer((_req, res) => res.writeHead(404).end('Not Found'));
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    try {
      announce({ url: `http://127.0.0.1:${(s.address() as AddressInfo).port}` });
      expect(await importThroughServer(dir, request(['a.txt']), recorder().sink)).toBeNull();
      expect(await removeThroughServer(dir, ['a.txt'])).toBeNull();
    } finally {
      await new Promise((r) => s.close(r));
    }
  });

  test('its process is gone, or its address is not the loopback', async () => {
    announce({ url: 'http://127.0.0.1:1', pid: 2 ** 22 + 12345 });
    expect(await importThroughServer(dir, request(['a.txt']), recorder().sink)).toBeNull();
    announce({ url: 'http://203.0.113.9:4001' });
    expect(await importThroughServer(dir, request(['a.txt']), recorder().sink)).toBeNull();
  });
});
