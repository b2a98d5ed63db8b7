/**
 * What the benchmark needs from the Neo4j it is pointed at (BENCH_STORE=neo4j), beyond what
 * the product does: emptying the database before an import (Neo4j community has one user
 * database, so each corpus size reuses it), the server's version, and — when the server runs
 * on this machine — its process, so the import can say how much CPU the server spent.
 * Internal to bench.
 */
import fs from 'node:fs';
import neo4j from 'neo4j-driver';

function driverFor(uri: string) {
  return neo4j.driver(
    uri,
    neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? 'kg-password'),
  );
}

/**
 * Deletes every relationship, then every node (in batches, so a 10,000-article graph does
 * not need one huge transaction); constraints and indexes stay. Returns how long it took.
 */
export async function emptyDatabase(uri: string): Promise<number> {
  const t0 = performance.now();
  const driver = driverFor(uri);
  const session = driver.session();
  try {
    // CALL … IN TRANSACTIONS needs an implicit (auto-commit) transaction: session.run.
    // Relationships first, then the bare nodes: a batch of DETACH DELETE takes every
    // relationship of its nodes along (廊坊市 alone has over 100,000 at 10,000 articles), which
    // overran the transaction memory pool of a 1 GiB heap.
    await session.run('MATCH ()-[r]->() CALL { WITH r DELETE r } IN TRANSACTIONS OF 10000 ROWS');
    await session.run('MATCH (n) CALL { WITH n DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
    await driver.close();
  }
  return performance.now() - t0;
}

/** `Neo4j Kernel 5.26.x` and its edition, or null when it does not answer. */
export async function neo4jVersion(uri: string): Promise<string | null> {
  const driver = driverFor(uri);
  try {
    const r = await driver.executeQuery('CALL dbms.components() YIELD name, versions, edition RETURN *');
    const rec = r.records[0];
    return rec
      ? `${String(rec.get('name'))} ${(rec.get('versions') as string[]).join(', ')} ${String(rec.get('edition'))}`
      : null;
  } catch {
    return null;
  } finally {
    await driver.close();
  }
}

/**
 * The pid of the process listening on `port` on this machine (Linux: /proc/net/tcp → socket
 * inode → the process holding it), or null.
 */
export function pidListeningOn(port: number): number | null {
  try {
    const hex = port.toString(16).toUpperCase().padStart(4, '0');
    const inodes = new Set<string>();
    for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
      if (!fs.existsSync(table)) continue;
      for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
        const f = line.trim().split(/\s+/);
        // local address is f[1] (ADDR:PORT), state 0A is LISTEN, inode is f[9]
        if (f[1]?.endsWith(`:${hex}`) && f[3] === '0A' && f[9]) inodes.add(f[9]);
      }
    }
    if (inodes.size === 0) return null;
    for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      let fds: string[];
      try {
        fds = fs.readdirSync(`/proc/${pid}/fd`);
      } catch {
        continue;
      }
      for (const fd of fds) {
        try {
          const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
          if (m && inodes.has(m[1] as string)) return Number(pid);
        } catch {
          // the fd closed meanwhile
        }
      }
    }
  } catch {
    return null;
  }
  return null;
}

/** CPU time (user + system) a process has used so far, in ms (Linux), or null. */
export function cpuMsOf(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat, here 11 and 12 (after pid, comm, state)
    const ticks = Number(f[11]) + Number(f[12]);
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/** The Bolt port of a bolt:// or neo4j:// URI (7687 when none is written). */
export function boltPort(uri: string): number {
  const m = /:(\d+)\/?$/.exec(uri.replace(/\?.*$/, ''));
  return m ? Number(m[1]) : 7687;
}
