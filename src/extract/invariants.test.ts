/**
 * Invariants every extraction must keep, checked over all bundled articles.
 */
import { extractDocument } from '.';
import { loadArticle } from './testing/clean';
import { articleFiles, graphOf } from './testing/graph';
import type { DocumentGraph, EntityLabel, Evidence } from './types';

const PINYIN = /\((?:[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+)\)/;
const BAD = /\uFFFD|,,|，，|，,|,，/;

function evidenceOf(g: DocumentGraph): Array<{ what: string; e: Evidence }> {
  return [
    ...g.places.map((x) => ({ what: `place ${x.key}`, e: x.evidence })),
    ...g.organizations.map((x) => ({ what: `org ${x.key}`, e: x.evidence })),
    ...g.programs.map((x) => ({ what: `program ${x.key}`, e: x.evidence })),
    ...g.people.map((x) => ({ what: `person ${x.key}`, e: x.evidence })),
    ...g.metrics.map((x) => ({ what: `metric ${x.key}`, e: x.evidence })),
    ...g.relations.map((x) => ({ what: `${x.type} ${x.from.key}→${x.to.key}`, e: x.evidence })),
    ...g.mentions.map((x) => ({ what: `mention ${x.ref.key}`, e: x.evidence })),
  ];
}

function namesOf(g: DocumentGraph): string[] {
  return [
    g.document.title,
    ...g.document.authors,
    ...(g.document.source === null ? [] : [g.document.source]),
    ...g.places.map((x) => x.name),
    ...g.organizations.map((x) => x.name),
    ...g.programs.flatMap((x) => [x.name, ...x.aliases]),
    ...g.people.map((x) => x.name),
    ...g.metrics.flatMap((x) => [x.text, x.subject ?? '']),
    ...g.relations.map((x) => x.props.title ?? ''),
  ];
}

function isSorted(keys: string[]): boolean {
  return keys.every((k, i) => i === 0 || (keys[i - 1] ?? '') < k);
}

describe.each(articleFiles().map((f) => [f.slice(0, 3), f]))('invariants of %s', (prefix) => {
  const g = graphOf(prefix);

  it('has no pinyin annotation, replacement character or doubled comma in any name or quote', () => {
    for (const s of [...namesOf(g), ...evidenceOf(g).map((x) => x.e.quote)]) {
      expect(s).not.toMatch(PINYIN);
      expect(s).not.toMatch(BAD);
    }
  });

  it('gives every fact evidence whose quote is exactly the text at its offsets, with a rule', () => {
    for (const { what, e } of evidenceOf(g)) {
      expect({ what, quote: g.text.slice(e.start, e.end) }).toEqual({ what, quote: e.quote });
      expect(e.end).toBeGreaterThan(e.start);
      expect(e.rule).toMatch(/^[a-z]+\.[a-z-]+$/);
    }
  });

  it('links relations only to entities of the document, with the endpoint labels of their type', () => {
    const keys: Record<EntityLabel, Set<string>> = {
      Place: new Set(g.places.map((x) => x.key)),
      Organization: new Set(g.organizations.map((x) => x.key)),
      Program: new Set(g.programs.map((x) => x.key)),
      Person: new Set(g.people.map((x) => x.key)),
      Metric: new Set(g.metrics.map((x) => x.key)),
    };
    const allowed: Record<string, [EntityLabel[], EntityLabel[]]> = {
      PART_OF: [['Place'], ['Place']],
      LOCATED_IN: [['Organization'], ['Place']],
      IMPLEMENTED_IN: [['Program'], ['Place']],
      RUNS: [['Organization'], ['Program']],
      HOLDS: [['Person'], ['Organization', 'Place']],
      MEASURES: [['Metric'], ['Program', 'Place']],
      RELATED_TO: [['Program'], ['Program']],
    };
    for (const r of g.relations) {
      expect(keys[r.from.label].has(r.from.key)).toBe(true);
      expect(keys[r.to.label].has(r.to.key)).toBe(true);
      const [from, to] = allowed[r.type] ?? [[], []];
      expect(from).toContain(r.from.label);
      expect(to).toContain(r.to.label);
      if (r.type === 'HOLDS') expect(r.props.title?.length).toBeGreaterThan(0);
      if (r.type === 'RELATED_TO') {
        expect([0.5, 1]).toContain(r.props.weight);
        expect(r.from.key < r.to.key).toBe(true);
      }
    }
    for (const o of g.organizations) if (o.placeKey !== null) expect(keys.Place.has(o.placeKey)).toBe(true);
    for (const p of g.places) if (p.parentKey !== null) expect(keys.Place.has(p.parentKey)).toBe(true);
    for (const m of g.metrics) {
      if (m.placeKey !== null) expect(keys.Place.has(m.placeKey)).toBe(true);
      if (m.programKey !== null) expect(keys.Program.has(m.programKey)).toBe(true);
    }
  });

  it('names people with two to four characters', () => {
    for (const p of g.people) expect(p.name).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
  });

  it('returns sorted arrays with unique keys, and one mention per entity', () => {
    expect(isSorted(g.places.map((x) => x.key))).toBe(true);
    expect(isSorted(g.organizations.map((x) => x.key))).toBe(true);
    expect(isSorted(g.programs.map((x) => x.key))).toBe(true);
    expect(isSorted(g.people.map((x) => x.key))).toBe(true);
    const offsets = g.metrics.map((m) => Number(m.key));
    expect(offsets).toEqual([...new Set(offsets)].sort((a, b) => a - b));
    const relationIds = g.relations.map((r) => `${r.type}|${r.from.key}|${r.to.key}|${r.props.title ?? ''}`);
    expect(new Set(relationIds).size).toBe(relationIds.length);
    const entityCount =
      g.places.length + g.organizations.length + g.programs.length + g.people.length + g.metrics.length;
    expect(g.mentions).toHaveLength(entityCount);
    expect(new Set(g.mentions.map((m) => `${m.ref.label}|${m.ref.key}`)).size).toBe(entityCount);
    for (const p of g.programs) expect(p.aliases).not.toContain(p.name);
  });

  it('keys places by code or by parent and name, and metrics by the offset of their number', () => {
    for (const p of g.places) {
      if (p.code !== null) expect(p.key).toBe(`code:${p.code}`);
      else expect(p.key).toBe(`name:${p.parentKey ?? ''}/${p.name}`);
    }
    for (const m of g.metrics) {
      expect(g.text.slice(Number(m.key), Number(m.key) + m.text.length)).toBe(m.text);
      expect(Number.isFinite(m.value)).toBe(true);
    }
  });

  it('is deterministic', () => {
    const file = articleFiles().find((f) => f.startsWith(prefix)) ?? '';
    expect(extractDocument(loadArticle(file))).toEqual(g);
  });
});
