/** The SDL from `schema/*.graphql`, read once at start. Public. */
import fs from 'node:fs';
import path from 'node:path';

/** The schema directory: two levels above this file in both `src/api` and `dist/api`. */
export const SCHEMA_DIR = path.resolve(__dirname, '..', '..', 'schema');

export function loadTypeDefs(dir: string = SCHEMA_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}
