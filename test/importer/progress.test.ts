/**
 * Import progress off a terminal: one JSON log line per file through the process's logger
 * (the bar is for a person at a terminal). Engine-independent: no store is involved.
 */
import { Writable } from 'node:stream';
import { createLogger } from '../../src/log';
import { createProgress } from '../../src/importer/progress';

describe('import progress off a terminal', () => {
  it('writes one JSON line per file, a warning for a failure, with the file and its status', () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(
          ...chunk
            .toString('utf8')
            .split('\n')
            .filter((l) => l.length > 0),
        );
        done();
      },
    });
    const log = createLogger({ destination, pretty: false });
    const progress = createProgress({ isTTY: false } as NodeJS.WriteStream, log);
    progress.start(2);
    progress.fileDone(
      {
        file: '/in/a.txt',
        status: 'imported',
        docId: 'doc_1',
        ms: 12,
        counts: { programs: 1, places: 2, organizations: 0, people: 0, metrics: 3, relations: 4 },
      } as never,
      1,
    );
    progress.fileDone(
      { file: '/in/b.txt', status: 'failed', code: 'EMPTY_DOCUMENT', error: 'b.txt: empty', ms: 1 },
      2,
    );
    progress.stop();
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed).toHaveLength(2);
    expect(parsed[0]).toMatchObject({
      level: 30,
      file: '/in/a.txt',
      status: 'imported',
      docId: 'doc_1',
      done: 1,
      total: 2,
    });
    expect(String(parsed[0]?.msg)).toMatch(/^\[1\/2\] imported {2}a\.txt → doc_1/);
    expect(parsed[1]).toMatchObject({ level: 40, file: '/in/b.txt', status: 'failed', done: 2 });
  });
});
