/**
 * Scores one extracted `DocumentGraph` against its gold annotation. Pure. The matching rules
 * (also in the README):
 * - quote marks and spaces are ignored everywhere;
 * - program names match when equal after removing one generic type word at the end
 *   (工程/行动/专项行动/活动/机制/模式/制度/工作法/计划); an extracted program matches through its name
 *   or any of its aliases;
 * - places, organizations and people match by exact (simplified) name; a place counts as listed
 *   only when the text names it (implied parents are not judged);
 * - a metric matches on its value within 0.1 %; its subject is right when one contains the other,
 *   its year when equal (both null is right). Gold lists a repeated number once, so an extracted
 *   metric is right when its value is any gold value of the document;
 * - a link (program → place) is judged for programs the extractor found; precision judges the
 *   found programs' links; end to end divides by every gold link.
 */
import type { DocumentGraph } from '../extract/types';
import type { GoldDocument, GoldMetric } from './gold';

/** Counts of one measured type: gold items, gold items found, items the extractor listed, listed and right. */
export interface Tally {
  expected: number;
  found: number;
  listed: number;
  right: number;
}

/** A ratio with its parts. */
export interface Share {
  right: number;
  total: number;
}

export type MissKind = 'missed' | 'wrong' | 'kind' | 'subject' | 'year' | 'date' | 'slogan' | 'post';

export interface Miss {
  doc: string;
  type: string;
  kind: MissKind;
  expected: string | null;
  got: string | null;
}

export interface DocumentScore {
  doc: string;
  programs: Tally;
  places: Tally;
  organizations: Tally;
  people: Tally;
  metrics: Tally;
  /** Links of programs found (`expected` counts only those). */
  links: Tally;
  /** Every gold link, found or not (`found` as in `links`). */
  linksAll: number;
  slogans: Share;
  orgKinds: Share;
  posts: Share;
  metricSubjects: Share;
  metricYears: Share;
  dates: Share;
  misses: Miss[];
}

const QUOTE_MARKS = /[“”‘’「」『』"'《》〈〉\s]/g;
// Generic type words the program match ignores (longest first).
const GENERIC_TYPE_WORDS = ['专项行动', '工作法', '工程', '行动', '活动', '机制', '模式', '制度', '计划'];

// Full-width and ASCII punctuation inside a name are the same mark (一机关一品牌，一支部一特色).
function bare(s: string): string {
  return s.replace(QUOTE_MARKS, '').replace(/，/g, ',').replace(/＋/g, '+').toLowerCase();
}

/** A program name as the eval compares it: bare, without one generic type word at the end. */
export function programMatchKey(name: string): string {
  const b = bare(name);
  for (const w of GENERIC_TYPE_WORDS) if (b.endsWith(w) && b.length > w.length) return b.slice(0, -w.length);
  return b;
}

function tally(expected: string[], listed: string[], key: (s: string) => string = bare) {
  const listedKeys = new Set(listed.map(key));
  const expectedKeys = new Set(expected.map(key));
  const missed = expected.filter((e) => !listedKeys.has(key(e)));
  const wrong = listed.filter((l) => !expectedKeys.has(key(l)));
  const t: Tally = {
    expected: expected.length,
    found: expected.length - missed.length,
    listed: listed.length,
    right: listed.length - wrong.length,
  };
  return { tally: t, missed, wrong };
}

function valueMatches(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= Math.abs(b) * 0.001;
}

function subjectMatches(gold: string | null, got: string | null): boolean {
  if (gold === null || gold === '') return true;
  if (got === null || got === '') return false;
  const g = bare(gold);
  const x = bare(got);
  return g.includes(x) || x.includes(g);
}

/** Scores one document. `key` names it in the misses. */
export function scoreDocument(key: string, gold: GoldDocument, graph: DocumentGraph): DocumentScore {
  const misses: Miss[] = [];
  const miss = (type: string, kind: MissKind, expected: string | null, got: string | null) =>
    misses.push({ doc: key, type, kind, expected, got });

  // Programs: an extracted program is one item; it matches through any of its names.
  const progNames = graph.programs.map((p) => ({ p, keys: [p.name, ...p.aliases].map(programMatchKey) }));
  const goldProgramKeys = new Map(gold.programs.map((g) => [programMatchKey(g), g]));
  const foundPrograms = new Map<string, string>(); // gold name → extracted key
  for (const g of gold.programs) {
    const k = programMatchKey(g);
    const hit = progNames.find((x) => x.keys.includes(k));
    if (hit) foundPrograms.set(g, hit.p.key);
    else miss('program', 'missed', g, null);
  }
  const notProgramKeys = new Set(gold.notPrograms.map(programMatchKey));
  let programsRight = 0;
  let slogansTaken = 0;
  for (const x of progNames) {
    if (x.keys.some((k) => goldProgramKeys.has(k))) programsRight++;
    else {
      const slogan = x.keys.some((k) => notProgramKeys.has(k));
      if (slogan) slogansTaken++;
      miss('program', slogan ? 'slogan' : 'wrong', null, x.p.name);
    }
  }
  const programs: Tally = {
    expected: gold.programs.length,
    found: foundPrograms.size,
    listed: graph.programs.length,
    right: programsRight,
  };

  // Places named in the text (an implied parent has a mention count of 0).
  const named = new Set(
    graph.mentions.filter((m) => m.ref.label === 'Place' && m.count > 0).map((m) => m.ref.key),
  );
  const placeName = new Map(graph.places.map((p) => [p.key, p.name]));
  const listedPlaces = [...new Set(graph.places.filter((p) => named.has(p.key)).map((p) => p.name))];
  const pl = tally(gold.places, listedPlaces);
  for (const m of pl.missed) miss('place', 'missed', m, null);
  for (const w of pl.wrong) miss('place', 'wrong', null, w);

  // Organizations and their kinds.
  const orgNames = [...new Set(graph.organizations.map((o) => o.name))];
  const og = tally(
    gold.organizations.map(([n]) => n),
    orgNames,
  );
  for (const m of og.missed) miss('organization', 'missed', m, null);
  for (const w of og.wrong) miss('organization', 'wrong', null, w);
  const orgKinds: Share = { right: 0, total: 0 };
  for (const [name, kind] of gold.organizations) {
    const o = graph.organizations.find((x) => bare(x.name) === bare(name));
    if (!o) continue;
    orgKinds.total++;
    if (o.kind === kind) orgKinds.right++;
    else miss('organization', 'kind', `${name} ${kind}`, `${o.name} ${o.kind}`);
  }

  // People and their posts (HOLDS titles).
  const personNames = [...new Set(graph.people.map((p) => p.name))];
  const pp = tally(
    gold.people.map(([n]) => n),
    personNames,
  );
  for (const m of pp.missed) miss('person', 'missed', m, null);
  for (const w of pp.wrong) miss('person', 'wrong', null, w);
  const posts: Share = { right: 0, total: 0 };
  for (const [name, post] of gold.people) {
    const keys = new Set(graph.people.filter((p) => p.name === name).map((p) => p.key));
    if (keys.size === 0) continue;
    posts.total++;
    const titles = graph.relations
      .filter((r) => r.type === 'HOLDS' && keys.has(r.from.key))
      .map((r) => r.props.title ?? '');
    if (titles.some((t) => subjectMatches(post, t) && t !== '')) posts.right++;
    else miss('person', 'post', `${name} ${post}`, `${name} ${titles.join('/') || '-'}`);
  }

  // Metrics.
  const metricSubjects: Share = { right: 0, total: 0 };
  const metricYears: Share = { right: 0, total: 0 };
  let metricsFound = 0;
  const show = (m: { value: number; unit: string; subject: string | null; year: number | null }) =>
    `${m.value}${m.unit} ${m.subject ?? '-'} ${m.year ?? '-'}`;
  for (const g of gold.metrics) {
    const candidates = graph.metrics.filter((m) => valueMatches(m.value, g.value));
    if (candidates.length === 0) {
      miss('metric', 'missed', show(g), null);
      continue;
    }
    metricsFound++;
    const best = bestMetric(g, candidates);
    metricSubjects.total++;
    metricYears.total++;
    if (subjectMatches(g.subject, best.subject)) metricSubjects.right++;
    else miss('metric', 'subject', show(g), show(best));
    if (g.year === best.year) metricYears.right++;
    else miss('metric', 'year', show(g), show(best));
  }
  let metricsRight = 0;
  for (const m of graph.metrics) {
    if (gold.metrics.some((g) => valueMatches(m.value, g.value))) metricsRight++;
    else miss('metric', 'wrong', null, `${m.text} → ${show(m)}`);
  }
  const metrics: Tally = {
    expected: gold.metrics.length,
    found: metricsFound,
    listed: graph.metrics.length,
    right: metricsRight,
  };

  // Links of the programs found.
  const links: Tally = { expected: 0, found: 0, listed: 0, right: 0 };
  let linksAll = 0;
  for (const [program, places] of Object.entries(gold.programPlaces)) {
    linksAll += places.length;
    const programKey = foundPrograms.get(program);
    if (programKey === undefined) {
      for (const p of places) miss('link', 'missed', `${program} → ${p} (program missed)`, null);
      continue;
    }
    const linked = [
      ...new Set(
        graph.relations
          .filter((r) => r.type === 'IMPLEMENTED_IN' && r.from.key === programKey)
          .map((r) => placeName.get(r.to.key) ?? r.to.key),
      ),
    ];
    const t = tally(places, linked);
    links.expected += t.tally.expected;
    links.found += t.tally.found;
    links.listed += t.tally.listed;
    links.right += t.tally.right;
    for (const m of t.missed) miss('link', 'missed', `${program} → ${m}`, null);
    for (const w of t.wrong) miss('link', 'wrong', null, `${program} → ${w}`);
  }

  const dates: Share = { right: 0, total: 0 };
  if (gold.publishedAt !== null) {
    dates.total++;
    if (graph.document.publishedAt === gold.publishedAt) dates.right++;
    else miss('date', 'missed', gold.publishedAt, graph.document.publishedAt);
  } else if (graph.document.publishedAt !== null) {
    miss('date', 'wrong', null, graph.document.publishedAt);
  }

  return {
    doc: key,
    programs,
    places: pl.tally,
    organizations: og.tally,
    people: pp.tally,
    metrics,
    links,
    linksAll,
    slogans: { right: slogansTaken, total: gold.notPrograms.length },
    orgKinds,
    posts,
    metricSubjects,
    metricYears,
    dates,
    misses,
  };
}

// Among extracted metrics of the gold value: the same unit first, then a matching subject.
function bestMetric<M extends { unit: string; subject: string | null; year: number | null }>(
  g: GoldMetric,
  candidates: M[],
): M {
  const score = (m: M) =>
    (m.unit === g.unit ? 2 : 0) +
    (subjectMatches(g.subject, m.subject) ? 1 : 0) +
    (m.year === g.year ? 0.5 : 0);
  return [...candidates].sort((a, b) => score(b) - score(a))[0] as M;
}
