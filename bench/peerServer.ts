/**
 * The peer's server: `@neo4j/graphql` (bench/peerSchema.ts) on Apollo Server's standalone
 * HTTP server, over the Neo4j at NEO4J_URI, in a child process of its own (bench/peer.ts runs
 * it). Prints `peer serving at <url>` when it listens.
 *
 * Statements are counted by wrapping the driver the peer is given: every `tx.run` inside the
 * sessions it opens counts as one Cypher statement. Each response carries
 * `extensions.db.roundTrips`, the statements run between its start and its answer — exact for
 * the sequential probes that read it (under load, concurrent requests would share the count).
 * Internal to bench.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { PEER_TYPE_DEFS } from './peerSchema';

let statements = 0;

/** The driver, with every statement of every managed transaction counted. */
function countingDriver(driver: Driver): Driver {
  const countTx = (tx: ManagedTransaction): ManagedTransaction =>
    new Proxy(tx, {
      get(target, prop, receiver) {
        if (prop === 'run') {
          return (...args: Parameters<ManagedTransaction['run']>) => {
            statements += 1;
            return target.run(...args);
          };
        }
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
  const countSession = (session: Session): Session =>
    new Proxy(session, {
      get(target, prop, receiver) {
        if (prop === 'executeRead' || prop === 'executeWrite') {
          return <T>(work: (tx: ManagedTransaction) => Promise<T>, config?: unknown) =>
            (target[prop] as (w: typeof work, c?: unknown) => Promise<T>).call(
              target,
              (tx: ManagedTransaction) => work(countTx(tx)),
              config,
            );
        }
        if (prop === 'run') {
          return (...args: Parameters<Session['run']>) => {
            statements += 1;
            return target.run(...args);
          };
        }
        const v = Reflect.get(target, prop, receiver) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
  return new Proxy(driver, {
    get(target, prop, receiver) {
      if (prop === 'session') {
        return (...args: Parameters<Driver['session']>) => countSession(target.session(...args));
      }
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

const roundTrips: ApolloServerPlugin = {
  async requestDidStart() {
    const before = statements;
    return {
      async willSendResponse({ response }) {
        if (response.body.kind === 'single') {
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            db: { roundTrips: statements - before, rows: 0 },
          };
        }
      },
    };
  },
};

async function main(): Promise<void> {
  const uri = process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687';
  const driver = neo4j.driver(
    uri,
    neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? 'kg-password'),
  );
  await driver.verifyConnectivity();
  const schema = await new Neo4jGraphQL({
    typeDefs: PEER_TYPE_DEFS,
    driver: countingDriver(driver),
  }).getSchema();
  const server = new ApolloServer({ schema, plugins: [roundTrips] });
  const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: 0 } });
  process.stderr.write(`peer serving at ${url.replace('localhost', '127.0.0.1')}\n`);
  const stop = () => {
    void server
      .stop()
      .then(() => driver.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`peer: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
