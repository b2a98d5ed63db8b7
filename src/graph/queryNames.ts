/**
 * Stable, bounded names for Cypher texts, for metrics: the name of the constant or builder in
 * `cypher/` that produced the text (`DOCUMENT_EXISTS`, `nodesByIds.Person`, `Place.programs`),
 * and for texts built per combination (list pages) a name derived from their shape. Internal
 * to the graph stage.
 */
import { createHash } from 'node:crypto';
import * as fields from './cypher/fields';
import * as lists from './cypher/lists';
import * as relations from './cypher/relations';
import * as stats from './cypher/stats';
import * as write from './cypher/write';
import { NODE_LABELS, type NodeLabel } from './schema';

let known: Map<string, string> | undefined;

function collect(out: Map<string, string>, name: string, value: unknown, depth: number): void {
  if (typeof value === 'string') {
    // Fragments (FIELDS, ORDER …) are not statements; only texts that run are worth a name.
    // A relationship field's batch is named after the field: `Place.programs`, `Place.programs.top`.
    const short = name.replace(/^RELATION_FIELDS\./, '').replace(/\.query$/, '');
    if (/^\s*(MATCH|MERGE|UNWIND|CREATE|WITH|CALL|OPTIONAL)\b/.test(value) && !out.has(value))
      out.set(value, short);
  } else if (value && typeof value === 'object' && depth < 3) {
    for (const [k, v] of Object.entries(value)) collect(out, depth === 0 ? k : `${name}.${k}`, v, depth + 1);
  }
}

function tryBuild(out: Map<string, string>, name: string, build: (l: NodeLabel) => string): void {
  for (const label of NODE_LABELS) {
    try {
      collect(out, `${name}.${label}`, build(label), 1);
    } catch {
      // a builder that refuses this label
    }
  }
}

function knownQueries(): Map<string, string> {
  if (known) return known;
  const out = new Map<string, string>();
  for (const mod of [write, relations, lists, stats]) collect(out, '', mod, 0);
  tryBuild(out, 'nodesByIds', fields.nodesByIds);
  tryBuild(out, 'mentionsOf', relations.mentionsOf);
  tryBuild(out, 'deleteOrphans', (l) => write.deleteOrphans(l as Exclude<NodeLabel, 'Document'>));
  tryBuild(out, 'upsertEntities', (l) => write.upsertEntities(l as 'Place'));
  known = out;
  return out;
}

const derived = new Map<string, string>();

/** The metric name of a Cypher text; the same text always gets the same name. */
export function queryName(query: string): string {
  const name = knownQueries().get(query) ?? derived.get(query);
  if (name) return name;
  const label = /\(\w*:(\w+)/.exec(query)?.[1] ?? 'any';
  const kind = /\btie\nORDER BY [^\n]+\nLIMIT \$limit$/.test(query)
    ? 'listPage'
    : /\nLIMIT \$limit\nCALL \{/.test(query)
      ? 'listPageWithHops'
      : /^MATCH \(x:\w+\)\nWHERE x\.name IN \$names\n/.test(query)
        ? 'byNameWithHops'
        : /^UNWIND \$ids AS key\n/.test(query)
          ? 'expand'
          : /RETURN count\(n\) AS count\s*$/.test(query)
            ? 'listCount'
            : 'cypher';
  const hash = createHash('sha1').update(query).digest('hex').slice(0, 6);
  const made = `${kind}.${label}.${hash}`;
  // Texts come from a fixed set of builders, never from user input: this map stays small.
  derived.set(query, made);
  return made;
}
