/**
 * Importing into an embedded store while a server holds it. One process at a time can open a
 * Grafeo data folder, so a serving `kg serve` / `kg start` takes imports itself: it listens on
 * a local-only admin endpoint (127.0.0.1, a random port, never the public one) and announces it
 * in `<data folder>/admin.json` (mode 0600: the port and a random token). `kg import` finds the
 * file, sends the paths it was given (with its working folder) and the server runs the normal
 * importer over them, streaming one event per file and then the report, so the command prints
 * what a direct import prints. `kg remove` is handed over the same way. Whoever can read the
 * data folder could write the store anyway; nobody else holds the token.
 *
 * Both ends of the protocol live here: `serveHandover` (the server), `importThroughServer` and
 * `removeThroughServer` (the client). Public.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { KgError, messageOf } from '../errors';
import type { FileResult, ImportReport, ProgressSink } from './types';

/** The announcement's name in the data folder. */
export const ADMIN_FILE = 'admin.json';

/** What a serving process writes to `<data folder>/admin.json`. */
export interface AdminAnnouncement {
  version: 1;
  /** The serving process. */
  pid: number;
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token: string;
  startedAt: string;
}

/** What `kg import` asks the server to import. */
export interface ImportRequest {
  /** Files, folders, globs and URLs, as typed. */
  inputs: string[];
  /** Where relative paths and globs are read from (absolute). */
  cwd: string;
  maxFileBytes: number;
  workers: number;
  fetchParallel?: number;
  fetchTimeoutMs?: number;
}

/** The response body: one JSON line per event; `report` or `error` ends it. */
export type ImportEvent =
  | { type: 'start'; total: number }
  | { type: 'file'; done: number; result: FileResult }
  | { type: 'report'; report: ImportReport }
  | { type: 'error'; message: string };

/** Runs one import for the endpoint (cli.ts: the normal importer over the served store). */
export type ImportRunner = (request: ImportRequest, progress: ProgressSink) => Promise<ImportReport>;

/** What `kg remove` did with one target (a document id, file path or URL): the ids removed. */
export interface RemoveResult {
  target: string;
  removed: string[];
}

/** Removes the documents the targets name (cli.ts: what `kg remove` does on its own). */
export type RemoveRunner = (targets: string[]) => Promise<RemoveResult[]>;

/** What the endpoint runs for its clients. */
export interface HandoverRunners {
  import: ImportRunner;
  remove: RemoveRunner;
}

export interface AdminEndpoint {
  url: string;
  /** Closes the endpoint (after the import in progress, if any) and removes the announcement. */
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

/** A header every answer of the endpoint carries: whatever else answers on a port is not it. */
const MARK = 'x-kg-admin';

/**
 * Whether an answer comes from the endpoint announced, with our token accepted: a 401 is
 * another server's endpoint (a dead server's port taken by a new one), no mark is not one.
 */
const ours = (res: http.IncomingMessage): boolean => res.headers[MARK] === '1' && res.statusCode !== 401;

/** Whether a process with this id runs (on this machine, where the endpoint is). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // someone else's process
  }
}

function reply(res: http.ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', [MARK]: '1' });
  res.end(JSON.stringify({ error: message }));
}

function sameToken(given: string | undefined, token: string): boolean {
  const expected = Buffer.from(`Bearer ${token}`);
  const got = Buffer.from(given ?? '');
  return got.length === expected.length && timingSafeEqual(got, expected);
}

const isInt = (v: unknown, min: number): v is number => Number.isInteger(v) && (v as number) >= min;

/** The request body checked against `ImportRequest`; a KgError naming what is wrong otherwise. */
export function parseImportRequest(body: unknown): ImportRequest {
  const b = (body ?? {}) as Record<string, unknown>;
  const bad = (what: string, got: unknown): never => {
    throw new KgError('BAD_USER_INPUT', `${what}; got ${JSON.stringify(got)}`);
  };
  const inputs = b.inputs;
  if (
    !Array.isArray(inputs) ||
    inputs.length === 0 ||
    !inputs.every((i) => typeof i === 'string' && i !== '')
  )
    bad('inputs must be a non-empty list of paths, globs or URLs', inputs);
  if (typeof b.cwd !== 'string' || !path.isAbsolute(b.cwd)) bad('cwd must be an absolute path', b.cwd);
  if (!isInt(b.maxFileBytes, 1)) bad('maxFileBytes must be a positive integer', b.maxFileBytes);
  if (!isInt(b.workers, 0)) bad('workers must be an integer ≥ 0', b.workers);
  if (b.fetchParallel !== undefined && !isInt(b.fetchParallel, 1))
    bad('fetchParallel must be a positive integer', b.fetchParallel);
  if (b.fetchTimeoutMs !== undefined && !isInt(b.fetchTimeoutMs, 1))
    bad('fetchTimeoutMs must be a positive integer', b.fetchTimeoutMs);
  return {
    inputs: inputs as string[],
    cwd: b.cwd as string,
    maxFileBytes: b.maxFileBytes as number,
    workers: b.workers as number,
    ...(b.fetchParallel !== undefined ? { fetchParallel: b.fetchParallel as number } : {}),
    ...(b.fetchTimeoutMs !== undefined ? { fetchTimeoutMs: b.fetchTimeoutMs as number } : {}),
  };
}

/** The body of POST /remove: `{ targets: [document id, file path or URL, …] }`. */
export function parseRemoveRequest(body: unknown): string[] {
  const targets = ((body ?? {}) as Record<string, unknown>).targets;
  if (
    !Array.isArray(targets) ||
    targets.length === 0 ||
    !targets.every((t) => typeof t === 'string' && t !== '')
  )
    throw new KgError(
      'BAD_USER_INPUT',
      `targets must be a non-empty list of document ids, paths or URLs; got ${JSON.stringify(targets)}`,
    );
  return targets as string[];
}

async function readBody(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new KgError('LIMIT_EXCEEDED', 'the request body is over 1 MB');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new KgError('BAD_USER_INPUT', 'the request body is not JSON');
  }
}

/** Writes `announcement` atomically, readable by its owner only. */
function announce(file: string, announcement: AdminAnnouncement): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(announcement, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/**
 * Starts the admin endpoint of a server holding the store in `dataDir` and announces it there.
 * Imports and removals run one at a time, in arrival order; GraphQL requests are served meanwhile.
 * Call only while holding the store: an announcement already there is a dead server's, and is
 * replaced.
 */
export async function serveHandover(
  dataDir: string,
  runners: HandoverRunners,
  log: { info(msg: string): void; error(msg: string): void },
): Promise<AdminEndpoint> {
  const token = randomBytes(32).toString('hex');
  let queue: Promise<unknown> = Promise.resolve();
  const server = http.createServer((req, res) => {
    // A browser page could reach a loopback port; it could not read the token, and is refused
    // before its body is read.
    if (req.headers.origin !== undefined) return reply(res, 403, 'browsers may not use this endpoint');
    if (!sameToken(req.headers.authorization, token))
      return reply(res, 401, `give the token of ${ADMIN_FILE} as Authorization: Bearer <token>`);
    if (req.method !== 'POST' || (req.url !== '/import' && req.url !== '/remove'))
      return reply(res, 404, 'the admin endpoint takes POST /import and POST /remove only');
    if (req.url === '/remove') {
      void (async () => {
        let targets: string[];
        try {
          targets = parseRemoveRequest(await readBody(req));
        } catch (error) {
          return reply(res, 400, messageOf(error));
        }
        // After the imports queued before it, so "import, then remove" keeps its order.
        const job = queue.then(async () => {
          log.info(`remove for kg remove: ${targets.join(' ')}`);
          try {
            const results = await runners.remove(targets);
            res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', [MARK]: '1' });
            res.end(JSON.stringify({ results }));
          } catch (error) {
            log.error(`remove for kg remove failed: ${messageOf(error)}`);
            reply(res, 500, messageOf(error));
          }
        });
        queue = job.catch(() => undefined);
      })();
      return;
    }
    void (async () => {
      let request: ImportRequest;
      try {
        request = parseImportRequest(await readBody(req));
      } catch (error) {
        return reply(
          res,
          error instanceof KgError && error.code === 'LIMIT_EXCEEDED' ? 413 : 400,
          messageOf(error),
        );
      }
      res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', [MARK]: '1' });
      const send = (event: ImportEvent) => {
        if (!res.destroyed) res.write(`${JSON.stringify(event)}\n`);
      };
      const job = queue.then(async () => {
        log.info(`import for kg import: ${request.inputs.join(' ')} (from ${request.cwd})`);
        try {
          const report = await runners.import(request, {
            start: (total) => send({ type: 'start', total }),
            fileDone: (result, done) => send({ type: 'file', done, result }),
            stop: () => undefined,
          });
          send({ type: 'report', report });
        } catch (error) {
          log.error(`import for kg import failed: ${messageOf(error)}`);
          send({ type: 'error', message: messageOf(error) });
        }
        res.end();
      });
      queue = job.catch(() => undefined);
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const file = path.join(dataDir, ADMIN_FILE);
  announce(file, { version: 1, pid: process.pid, url, token, startedAt: new Date().toISOString() });
  return {
    url,
    async stop() {
      // Only our own announcement is removed (a later server may have replaced it).
      if (readAnnouncement(dataDir)?.token === token) fs.rmSync(file, { force: true });
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await queue;
    },
  };
}

/**
 * The announcement in `dataDir`, or null when there is none (or it is not one). Throws when
 * there is one this user may not read: the server runs as someone else.
 */
export function readAnnouncement(dataDir: string): AdminAnnouncement | null {
  const file = path.join(dataDir, ADMIN_FILE);
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') {
      throw new KgError(
        'STORE_UNAVAILABLE',
        `${file}: a server holds this store and only its user may hand it files (${code}); run kg import as that user`,
      );
    }
    return null;
  }
  try {
    const a = JSON.parse(raw) as Partial<AdminAnnouncement>;
    if (a.version !== 1 || typeof a.url !== 'string' || typeof a.token !== 'string') return null;
    if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(a.url)) return null; // never send the token elsewhere
    if (typeof a.pid !== 'number' || !alive(a.pid)) return null; // its server was killed
    return a as AdminAnnouncement;
  } catch {
    return null;
  }
}

/**
 * Hands an import to the server announced in `dataDir`. Returns null when no server answers
 * there (no announcement, or a dead server's: then open the store directly); otherwise the
 * report, with `progress` fed as the server's files finish. Throws a KgError when the server
 * refuses the request or stops answering during the import.
 */
export async function importThroughServer(
  dataDir: string,
  request: ImportRequest,
  progress: ProgressSink,
): Promise<{ report: ImportReport; server: AdminAnnouncement } | null> {
  const server = readAnnouncement(dataDir);
  if (!server) return null;
  const body = JSON.stringify(request);
  return new Promise((resolve, reject) => {
    const req = http.request(`${server.url}/import`, {
      method: 'POST',
      agent: false,
      headers: {
        authorization: `Bearer ${server.token}`,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      },
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      // Nothing listens there: the announcement outlived its server (killed, not stopped).
      if (error.code === 'ECONNREFUSED') resolve(null);
      else
        reject(
          new KgError(
            'IMPORT_FAILED',
            `the running server (pid ${server.pid}) at ${server.url}: ${error.message}`,
          ),
        );
    });
    req.on('response', (res) => {
      if (!ours(res)) {
        // Not the endpoint announced (a dead server's port, taken since): open the store directly.
        res.resume();
        return resolve(null);
      }
      let buffered = '';
      let report: ImportReport | null = null;
      let failure: string | null = null;
      let started = false;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffered += chunk;
        let nl: number;
        while ((nl = buffered.indexOf('\n')) >= 0) {
          const line = buffered.slice(0, nl);
          buffered = buffered.slice(nl + 1);
          if (res.statusCode !== 200 || line.trim() === '') continue;
          let event: ImportEvent;
          try {
            event = JSON.parse(line) as ImportEvent;
          } catch {
            failure = `it sent a line that is not JSON: ${line.slice(0, 200)}`;
            continue;
          }
          switch (event.type) {
            case 'start':
              started = true;
              progress.start(event.total);
              break;
            case 'file':
              progress.fileDone(event.result, event.done);
              break;
            case 'report':
              report = event.report;
              break;
            case 'error':
              failure = event.message;
              break;
            default: {
              // A later server's new kind of event: nothing this client needs to show.
              const never: never = event;
              void never;
            }
          }
        }
      });
      let finished = false;
      // 'close' comes after the end of the body, or when the server went away before it.
      res.on('close', () => {
        if (finished) return;
        finished = true;
        if (started) progress.stop();
        if (res.statusCode !== 200) {
          let message = buffered;
          try {
            message = (JSON.parse(buffered) as { error: string }).error;
          } catch {
            // not JSON: keep the text
          }
          return reject(
            new KgError(
              'IMPORT_FAILED',
              `the running server refused the import (HTTP ${res.statusCode}): ${message}`,
            ),
          );
        }
        if (report) return resolve({ report, server });
        reject(
          new KgError(
            'IMPORT_FAILED',
            failure !== null
              ? `the running server (pid ${server.pid}) could not import: ${failure}`
              : `the running server (pid ${server.pid}) stopped answering during the import; the files it finished are stored, run kg import again (it skips them)`,
          ),
        );
      });
      res.on('error', () => undefined); // 'close' reports it
    });
    req.end(body);
  });
}

/**
 * Hands `kg remove` to the server announced in `dataDir`: null when no server answers there
 * (then open the store directly), else what it removed. Throws a KgError when it refuses.
 */
export async function removeThroughServer(
  dataDir: string,
  targets: string[],
): Promise<{ results: RemoveResult[]; server: AdminAnnouncement } | null> {
  const server = readAnnouncement(dataDir);
  if (!server) return null;
  const body = JSON.stringify({ targets });
  return new Promise((resolve, reject) => {
    const req = http.request(`${server.url}/remove`, {
      method: 'POST',
      agent: false,
      headers: {
        authorization: `Bearer ${server.token}`,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      },
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED') resolve(null);
      else
        reject(
          new KgError(
            'IMPORT_FAILED',
            `the running server (pid ${server.pid}) at ${server.url}: ${error.message}`,
          ),
        );
    });
    req.on('response', (res) => {
      if (!ours(res)) {
        res.resume();
        return resolve(null);
      }
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        try {
          const parsed = JSON.parse(text) as { results?: RemoveResult[]; error?: string };
          if (res.statusCode === 200 && Array.isArray(parsed.results))
            return resolve({ results: parsed.results, server });
          reject(
            new KgError(
              'IMPORT_FAILED',
              `the running server refused the removal (HTTP ${res.statusCode}): ${parsed.error ?? text}`,
            ),
          );
        } catch {
          reject(
            new KgError(
              'IMPORT_FAILED',
              `the running server answered HTTP ${res.statusCode}: ${text.slice(0, 200)}`,
            ),
          );
        }
      });
    });
    req.end(body);
  });
}
