/**
 * The gold annotation format of `kg eval` (`gold.json` beside the articles; rules in
 * `../shared/corpus-dev/SOURCES.md`). Validated once when read, so a malformed file fails with
 * the path of the bad field. Public within `eval`.
 */
import { KgError } from '../errors';
import type { OrganizationKind } from '../extract/types';

export interface GoldMetric {
  value: number;
  unit: string;
  subject: string | null;
  year: number | null;
}

/** One article's hand annotation. */
export interface GoldDocument {
  title: string | null;
  publishedAt: string | null;
  source: string | null;
  places: string[];
  programs: string[];
  /** Quoted phrases that are not programs (slogans, rooms, roles …). */
  notPrograms: string[];
  organizations: Array<[name: string, kind: OrganizationKind]>;
  people: Array<[name: string, post: string]>;
  metrics: GoldMetric[];
  /** Program (as in `programs`) → the places the text says run it. */
  programPlaces: Record<string, string[]>;
}

export interface GoldFile {
  /** Document key (the article's file name without extension) → annotation. */
  docs: Record<string, GoldDocument>;
}

function fail(where: string, expected: string, got: unknown): never {
  throw new KgError(
    'BAD_USER_INPUT',
    `gold.json: ${where} must be ${expected}; got ${JSON.stringify(got)?.slice(0, 80)}`,
  );
}

function strings(v: unknown, where: string): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) fail(where, 'a list of strings', v);
  return v as string[];
}

function pairs(v: unknown, where: string): Array<[string, string]> {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) fail(where, 'a list of [name, value] pairs', v);
  return v.map((p, i) => {
    if (!Array.isArray(p) || typeof p[0] !== 'string' || typeof p[1] !== 'string')
      fail(`${where}[${i}]`, 'a [name, value] pair of strings', p);
    return [p[0], p[1]];
  });
}

function optionalString(v: unknown, where: string): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') fail(where, 'a string or null', v);
  return v;
}

/** Parses and validates the text of a `gold.json`. */
export function parseGold(json: string): GoldFile {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new KgError('BAD_USER_INPUT', `gold.json is not JSON: ${(error as Error).message}`);
  }
  const docs = (raw as { docs?: unknown } | null)?.docs;
  if (docs === null || typeof docs !== 'object' || Array.isArray(docs))
    fail('docs', 'an object of document key → annotation', docs);
  const out: Record<string, GoldDocument> = {};
  for (const [key, d] of Object.entries(docs as Record<string, Record<string, unknown>>)) {
    const at = `docs.${key}`;
    if (d === null || typeof d !== 'object') fail(at, 'an object', d);
    const metrics = (Array.isArray(d.metrics) ? d.metrics : []).map((m: unknown, i: number) => {
      const r = m as Record<string, unknown>;
      if (typeof r?.value !== 'number' || typeof r.unit !== 'string')
        fail(`${at}.metrics[${i}]`, 'an object with a numeric value and a unit', m);
      return {
        value: r.value,
        unit: r.unit,
        subject: optionalString(r.subject, `${at}.metrics[${i}].subject`),
        year: typeof r.year === 'number' ? r.year : null,
      };
    });
    const links: Record<string, string[]> = {};
    const rawLinks = d.programPlaces;
    if (rawLinks !== undefined && rawLinks !== null) {
      if (typeof rawLinks !== 'object' || Array.isArray(rawLinks))
        fail(`${at}.programPlaces`, 'an object of program → places', rawLinks);
      for (const [p, places] of Object.entries(rawLinks as Record<string, unknown>))
        links[p] = strings(places, `${at}.programPlaces.${p}`);
    }
    out[key] = {
      title: optionalString(d.title, `${at}.title`),
      publishedAt: optionalString(d.publishedAt, `${at}.publishedAt`),
      source: optionalString(d.source, `${at}.source`),
      places: strings(d.places, `${at}.places`),
      programs: strings(d.programs, `${at}.programs`),
      notPrograms: strings(d.notPrograms, `${at}.notPrograms`),
      organizations: pairs(d.organizations, `${at}.organizations`) as Array<[string, OrganizationKind]>,
      people: pairs(d.people, `${at}.people`),
      metrics,
      programPlaces: links,
    };
  }
  return { docs: out };
}
