/** Opens the runner the configuration names. Public. */
import type { Config } from '../config';
import { openGrafeo } from './drivers/grafeo';
import { openNeo4j } from './drivers/neo4j';
import type { CypherRunner } from './runner';

export async function openRunner(config: Config): Promise<CypherRunner> {
  switch (config.store) {
    case 'grafeo':
      return openGrafeo(config.dataDir);
    case 'neo4j':
      return openNeo4j(config.neo4j);
    default: {
      const never: never = config.store;
      throw new Error(`unknown store ${String(never)}`);
    }
  }
}
