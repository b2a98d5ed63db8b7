/**
 * Ours against the peer, `@neo4j/graphql`, on the same Neo4j database, in one run: `kg serve`
 * and the peer's server (bench/peerServer.ts) each in a child process, queries (a), (b), (c)
 * and (e) asked of both (answers compared after normalization, bench/peerSchema.ts), then each
 * query loaded with autocannon at every connection count, ours and the peer's runs
 * alternating (which goes first alternates too). Statements per request come from each
 * server's `extensions.db.roundTrips` on an idle server (ours: KG_TRACE; the peer's: its
 * driver wrapped, see peerServer.ts). Internal to bench.
 */
import fs from 'node:fs';
import path from 'node:path';
import { cannon, drain, ServerChild } from './apiLatency';
import { memoryGuard, ROOT, runBenchScript } from './child';
import { gql, type GqlResult } from './http';
import { comparable, PEER_QUERIES, type PeerQuery } from './peerSchema';
import { QUERIES } from './queries';

export type System = 'ours' | 'peer';

export interface PeerProbe {
  query: PeerQuery['key'];
  system: System;
  /** One request on an idle server (the second; the first warms up). */
  ms: number;
  roundTrips: number | null;
  bytes: number;
  error: string | null;
}

export interface PeerRun {
  query: PeerQuery['key'];
  system: System;
  connections: number;
  requests: number;
  reqPerSec: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  errors: number;
  skipped: string | null;
}

export interface PeerResult {
  peerVersion: string;
  oursCommand: string;
  peerCommand: string;
  durationS: number;
  probes: PeerProbe[];
  runs: PeerRun[];
  /** Per query: whether both answered the same data, and where they first differ if not. */
  sameData: Array<{ query: PeerQuery['key']; same: boolean; note: string }>;
}

export interface PeerOptions {
  connections: readonly number[];
  durationS: number;
  requestTimeoutS: number;
  memoryLimitBytes: number;
}

const errorOf = (r: GqlResult): string | null =>
  r.status !== 200 || r.errors ? `HTTP ${r.status}: ${JSON.stringify(r.errors ?? []).slice(0, 300)}` : null;

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return `differ at character ${i}: ours …${a.slice(Math.max(0, i - 40), i + 80)}… vs the peer's …${b.slice(Math.max(0, i - 40), i + 80)}…`;
}

/** The peer's server in a child; resolves with its URL once it listens. */
async function startPeer(
  neo4jUri: string,
  say: (m: string) => void,
): Promise<{ url: string; stop: () => Promise<void>; child: ReturnType<typeof runBenchScript>['child'] }> {
  const lines: string[] = [];
  let resolveUrl: (u: string) => void = () => undefined;
  const ready = new Promise<string>((r) => (resolveUrl = r));
  const run = runBenchScript(path.join(ROOT, 'bench', 'peerServer.ts'), { NEO4J_URI: neo4jUri }, (line) => {
    lines.push(line);
    const m = /^peer serving at (http:\/\/\S+)/.exec(line);
    if (m) resolveUrl(m[1] as string);
    else say(`  peer: ${line}`);
  });
  const exited = run.done.then((e) => {
    throw new Error(
      `the peer's server exited (code ${e.code}) before listening:\n${lines.slice(-20).join('\n')}`,
    );
  });
  const url = await Promise.race([ready, exited]);
  return {
    url,
    child: run.child,
    stop: async () => {
      if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
      await run.done;
    },
  };
}

/** Runs the comparison over the Neo4j at `neo4jUri` (it must hold an imported corpus). */
export async function measurePeer(
  neo4jUri: string,
  workDir: string,
  opts: PeerOptions,
  say: (m: string) => void,
): Promise<PeerResult> {
  const version = (
    JSON.parse(
      fs.readFileSync(path.join(ROOT, 'node_modules', '@neo4j', 'graphql', 'package.json'), 'utf8'),
    ) as { version: string }
  ).version;
  const ours = new ServerChild(
    { KG_STORE: 'neo4j', NEO4J_URI: neo4jUri },
    workDir,
    opts.memoryLimitBytes,
    say,
  );
  await ours.start();
  const peer = await startPeer(neo4jUri, say);
  const guard = memoryGuard(peer.child, opts.memoryLimitBytes);
  try {
    const urls: Record<System, string> = { ours: ours.url, peer: peer.url };
    const asked = (key: PeerQuery['key'], system: System) =>
      system === 'ours'
        ? (QUERIES.find((q) => q.key === key) as (typeof QUERIES)[number])
        : (PEER_QUERIES.find((q) => q.key === key) as PeerQuery);
    const keys = PEER_QUERIES.map((q) => q.key);
    const probes: PeerProbe[] = [];
    const sameData: PeerResult['sameData'] = [];
    for (const key of keys) {
      const answers: Partial<Record<System, GqlResult>> = {};
      for (const system of ['ours', 'peer'] as const) {
        const q = asked(key, system);
        await gql(urls[system], q.query, q.variables, opts.requestTimeoutS * 1000);
        const r = await gql(urls[system], q.query, q.variables, opts.requestTimeoutS * 1000);
        answers[system] = r;
        probes.push({
          query: key,
          system,
          ms: r.ms,
          roundTrips: r.db?.roundTrips ?? null,
          bytes: r.bytes,
          error: errorOf(r),
        });
        say(
          `  probe (${key}) ${system}: ${r.ms.toFixed(1)} ms, ${r.db?.roundTrips ?? '?'} statements${errorOf(r) ? `, ${errorOf(r)}` : ''}`,
        );
      }
      const a = comparable(key, answers.ours?.data, 'ours');
      const b = comparable(key, answers.peer?.data, 'peer');
      sameData.push({ query: key, same: a === b, note: a === b ? '' : firstDifference(a, b) });
      if (a !== b) say(`  (${key}) answers differ: ${firstDifference(a, b)}`);
    }
    const idle = (key: PeerQuery['key'], system: System) =>
      probes.find((p) => p.query === key && p.system === system)?.ms ?? 0;
    const healthy = (key: PeerQuery['key'], system: System) =>
      probes.some((p) => p.query === key && p.system === system && p.error === null);
    // Warm-up, not recorded.
    for (const key of keys)
      for (const system of ['ours', 'peer'] as const) {
        if (!healthy(key, system) || idle(key, system) * 4 > opts.durationS * 1000) continue;
        await cannon(urls[system], asked(key, system), 4, Math.min(2, opts.durationS));
        await drain(urls[system], asked(key, system), idle(key, system));
      }
    const runs: PeerRun[] = [];
    let flip = false;
    for (const key of keys) {
      for (const c of opts.connections) {
        const order: System[] = flip ? ['peer', 'ours'] : ['ours', 'peer'];
        flip = !flip;
        for (const system of order) {
          const q = asked(key, system);
          const base = { query: key, system, connections: c };
          if (!healthy(key, system)) {
            runs.push({
              ...base,
              requests: 0,
              reqPerSec: 0,
              p50Ms: 0,
              p90Ms: 0,
              p99Ms: 0,
              errors: 0,
              skipped: 'the query fails',
            });
            continue;
          }
          const r = await cannon(urls[system], q, c, opts.durationS);
          await drain(urls[system], q, idle(key, system));
          runs.push({
            ...base,
            requests: r.requests.total,
            reqPerSec: r.requests.total / r.duration,
            p50Ms: r.latency.p50,
            p90Ms: r.latency.p90,
            p99Ms: r.latency.p99,
            errors: r.errors + r.timeouts + r.non2xx,
            skipped: null,
          });
          say(
            `  (${key}) ${system} c=${c}: p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${(r.requests.total / r.duration).toFixed(1)} req/s`,
          );
        }
      }
    }
    return {
      peerVersion: version,
      oursCommand: ours.command,
      peerCommand: `NEO4J_URI=${neo4jUri} npx tsx bench/peerServer.ts`,
      durationS: opts.durationS,
      probes,
      runs,
      sameData,
    };
  } finally {
    guard.stop();
    await peer.stop();
    await ours.stop();
  }
}
