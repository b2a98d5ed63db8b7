/**
 * A Neo4j of a test's own, started with the launcher `npm run neo4j` uses
 * (scripts/neo4j/start.sh): its own port and data folder, so the test may stop and restart it
 * without touching the NEO4J_URI database the other suites share.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { ROOT } from './cli';

export const LAUNCHER = path.join(ROOT, 'scripts', 'neo4j', 'start.sh');

/** Why a local Neo4j cannot start here, or undefined when it can (Java on the PATH). */
export function localNeo4jUnavailable(): string | undefined {
  const java = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (java.error || java.status !== 0) return 'java is not on the PATH';
  return undefined;
}

/** A free loopback TCP port (free when asked; nothing holds it after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface LocalNeo4j {
  uri: string;
  /** SIGTERM (a clean shutdown through the launcher's hook), resolved once the JVM exited. */
  stop(): Promise<void>;
}

/** Starts the launcher on `port` with data in `dataDir`; resolves on its ready line. */
export function startLocalNeo4j(port: number, dataDir: string, timeoutMs = 120000): Promise<LocalNeo4j> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn('bash', [LAUNCHER], {
      cwd: ROOT,
      env: { ...process.env, NEO4J_BOLT_PORT: String(port), NEO4J_DATA_DIR: dataDir, NEO4J_HEAP: '512m' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`local Neo4j not ready after ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`local Neo4j exited with ${code} before it was ready:\n${out}`));
    };
    child.once('exit', onExit);
    child.stderr?.on('data', (b) => (out += b));
    child.stdout?.on('data', (b) => {
      out += b;
      if (/^neo4j ready at /m.test(out)) {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve({
          uri: `bolt://127.0.0.1:${port}`,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
  });
}
