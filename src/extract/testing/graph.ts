/**
 * Test helpers over a `DocumentGraph`: find entities by name, walk place parents, find a metric by
 * how it is written in a given sentence. Test-only.
 */
import { readdirSync } from 'node:fs';

import { extractDocument } from '..';
import type {
  DocumentGraph,
  MetricEntity,
  OrganizationEntity,
  PersonEntity,
  PlaceEntity,
  ProgramEntity,
  Relation,
  RelationType,
} from '../types';
import { IMPORT_DIR, loadArticle } from './clean';

const cache = new Map<string, DocumentGraph>();

/** The bundled article files, sorted. */
export function articleFiles(): string[] {
  return readdirSync(IMPORT_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

/** The graph of the bundled article whose file name starts with `prefix` (`000`, `002` …), cached. */
export function graphOf(prefix: string): DocumentGraph {
  const file = articleFiles().find((f) => f.startsWith(prefix));
  if (file === undefined) throw new Error(`no bundled article starts with ${prefix}`);
  let g = cache.get(file);
  if (g === undefined) {
    g = extractDocument(loadArticle(file));
    cache.set(file, g);
  }
  return g;
}

function one<T>(list: T[], what: string): T {
  if (list.length !== 1) throw new Error(`expected exactly one ${what}, found ${list.length}`);
  return list[0] as T;
}

/** The one place named `name` (throws when there is none or more than one). */
export function placeNamed(g: DocumentGraph, name: string): PlaceEntity {
  return one(
    g.places.filter((p) => p.name === name),
    `place named ${name}`,
  );
}

/** Names from the place up to its root: 东张务村 → [东张务村, 落垡镇, 安次区, 廊坊市, 河北省]. */
export function placeChain(g: DocumentGraph, name: string): string[] {
  const out: string[] = [];
  let p: PlaceEntity | undefined = placeNamed(g, name);
  while (p !== undefined) {
    out.push(p.name);
    const parent: string | null = p.parentKey;
    p = parent === null ? undefined : g.places.find((x) => x.key === parent);
  }
  return out;
}

/** The program whose canonical name is `name`. */
export function programNamed(g: DocumentGraph, name: string): ProgramEntity | undefined {
  return g.programs.find((p) => p.name === name);
}

/** The organization named `name`. */
export function orgNamed(g: DocumentGraph, name: string): OrganizationEntity | undefined {
  return g.organizations.find((o) => o.name === name);
}

/** The person named `name`. */
export function personNamed(g: DocumentGraph, name: string): PersonEntity | undefined {
  return g.people.find((p) => p.name === name);
}

/** The posts of a person: `title → name of the organization or place`. */
export function postsOf(g: DocumentGraph, name: string): Array<{ title: string; target: string }> {
  const person = personNamed(g, name);
  if (person === undefined) return [];
  return g.relations
    .filter((r) => r.type === 'HOLDS' && r.from.key === person.key)
    .map((r) => ({
      title: r.props.title ?? '',
      target:
        r.to.label === 'Organization'
          ? (g.organizations.find((o) => o.key === r.to.key)?.name ?? '?')
          : (g.places.find((p) => p.key === r.to.key)?.name ?? '?'),
    }))
    .sort((a, b) => (a.title < b.title ? -1 : 1));
}

/** The metric written as `written` in the sentence containing `context`. */
export function metricIn(g: DocumentGraph, context: string, written: string): MetricEntity {
  return one(
    g.metrics.filter((m) => m.text === written && m.evidence.quote.includes(context)),
    `metric ${written} in a sentence with ${context}`,
  );
}

/** The relations of one type. */
export function relationsOf(g: DocumentGraph, type: RelationType): Relation[] {
  return g.relations.filter((r) => r.type === type);
}

/** Name of the place with `key`, or null. */
export function placeName(g: DocumentGraph, key: string | null): string | null {
  return key === null ? null : (g.places.find((p) => p.key === key)?.name ?? null);
}

/** The names of the document's programs. */
export function programNames(g: DocumentGraph): string[] {
  return g.programs.map((p) => p.name);
}

/** The names of the places a program (by key) is IMPLEMENTED_IN. */
export function implementedIn(g: DocumentGraph, program: string): string[] {
  return g.relations
    .filter((r) => r.type === 'IMPLEMENTED_IN' && r.from.key === program)
    .map((r) => placeName(g, r.to.key) ?? '?');
}
