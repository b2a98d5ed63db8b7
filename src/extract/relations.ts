/**
 * Relations between the entities of one document, and the document's mentions of each entity.
 * Public within `extract`: `buildRelations`, `buildMentions`, `compareRelations`.
 */
import { compareHits, compareStrings, type Hit, type SentenceIndex } from './evidence';
import { isClauseBreak } from './lexicon';
import type { OrgHit } from './organizations';
import type { PlaceHit } from './places';
import type {
  EntityLabel,
  Evidence,
  MetricEntity,
  Mention,
  OrganizationEntity,
  PlaceEntity,
  ProgramEntity,
  Relation,
} from './types';

/** The entities and hits relations are built from. */
export interface RelationInput {
  text: string;
  sentences: SentenceIndex;
  places: ReadonlyMap<string, PlaceEntity>;
  placeHits: readonly PlaceHit[];
  organizations: ReadonlyMap<string, OrganizationEntity>;
  orgHits: readonly OrgHit[];
  programs: ReadonlyMap<string, ProgramEntity>;
  programHits: readonly Hit[];
  metrics: readonly MetricEntity[];
  holds: readonly Relation[];
  mainPlaceKey: string | null;
}

// A post word right after an organization makes a person, not the organization, the subject:
// 南文营社区党总支书记王伟肖说 … does not say the branch runs anything.
const POST_AFTER = /^(?:常务)?副?(?:书记|主任|部长|局长|市长|县长|区长|省长|主席|委员|专员)/;

/**
 * All relations of the document, deduplicated (one per type, endpoints and title) and sorted.
 */
export function buildRelations(input: RelationInput): Relation[] {
  const { text, sentences } = input;
  const out = new Map<string, Relation>();
  const add = (r: Relation): void => {
    const id = `${r.type}|${r.from.label}:${r.from.key}|${r.to.label}:${r.to.key}|${r.props.title ?? ''}`;
    if (!out.has(id)) out.set(id, r);
  };

  // 东张务村 PART_OF 落垡镇 PART_OF 安次区 PART_OF 廊坊市 PART_OF 河北省
  for (const p of input.places.values()) {
    if (p.parentKey === null || !input.places.has(p.parentKey)) continue;
    add({
      type: 'PART_OF',
      from: { label: 'Place', key: p.key },
      to: { label: 'Place', key: p.parentKey },
      props: {},
      evidence: { ...p.evidence, rule: 'place.part-of' },
    });
  }

  // 廊坊市委 LOCATED_IN 廊坊市
  for (const o of input.organizations.values()) {
    if (o.placeKey === null || !input.places.has(o.placeKey)) continue;
    add({
      type: 'LOCATED_IN',
      from: { label: 'Organization', key: o.key },
      to: { label: 'Place', key: o.placeKey },
      props: {},
      evidence: { ...o.evidence, rule: 'org.located-in' },
    });
  }

  // A program described in an article about 廊坊市 is implemented in 廊坊市, and in every place
  // named in a sentence that names it (鼓楼、台江等商务楼宇聚集区，推行“一楼八员”…).
  for (const p of input.programs.values()) {
    if (input.mainPlaceKey !== null && input.places.has(input.mainPlaceKey)) {
      add({
        type: 'IMPLEMENTED_IN',
        from: { label: 'Program', key: p.key },
        to: { label: 'Place', key: input.mainPlaceKey },
        props: {},
        evidence: { ...p.evidence, rule: 'program.main-place' },
      });
    }
  }
  for (const h of input.programHits) {
    const s = sentences.at(h.start);
    for (const ph of input.placeHits) {
      if (ph.start < s.start || ph.start >= s.end) continue;
      add({
        type: 'IMPLEMENTED_IN',
        from: { label: 'Program', key: h.ref.key },
        to: { label: 'Place', key: ph.ref.key },
        props: {},
        evidence: sentences.evidence(h.start, 'program.same-sentence-place'),
      });
    }
  }

  // 台城村党支部重启…“平民夜校”活动: an organization that opens its clause (after its own place
  // names) and precedes the program in the sentence runs it.
  for (const h of input.programHits) {
    const s = sentences.at(h.start);
    for (const o of input.orgHits) {
      if (o.start < s.start || o.start >= h.start) continue;
      if (!opensClause(text, o, input.placeHits, s.start) || POST_AFTER.test(text.slice(o.end, o.end + 5)))
        continue;
      add({
        type: 'RUNS',
        from: { label: 'Organization', key: o.ref.key },
        to: { label: 'Program', key: h.ref.key },
        props: {},
        evidence: sentences.evidence(h.start, 'org.runs-subject'),
      });
    }
  }

  for (const r of input.holds) add(r);

  // 全市3199名村党组织书记 MEASURES 廊坊市; 按时办结率达99.4% MEASURES 一线处置平台
  for (const m of input.metrics) {
    if (m.programKey !== null && input.programs.has(m.programKey)) {
      add({
        type: 'MEASURES',
        from: { label: 'Metric', key: m.key },
        to: { label: 'Program', key: m.programKey },
        props: {},
        evidence: { ...m.evidence, rule: 'metric.program' },
      });
    }
    if (m.placeKey !== null && input.places.has(m.placeKey)) {
      add({
        type: 'MEASURES',
        from: { label: 'Metric', key: m.key },
        to: { label: 'Place', key: m.placeKey },
        props: {},
        evidence: { ...m.evidence, rule: 'metric.place' },
      });
    }
  }

  for (const r of relatedPrograms(input)) add(r);
  return [...out.values()].sort(compareRelations);
}

function opensClause(
  text: string,
  org: OrgHit,
  placeHits: readonly PlaceHit[],
  sentenceStart: number,
): boolean {
  let i = org.start;
  while (i > sentenceStart && !isClauseBreak(text[i - 1])) {
    const place = placeHits.find((p) => p.end === i && !p.deictic);
    if (place !== undefined) {
      i = place.start;
      continue;
    }
    if (text.startsWith('中共', i - 2)) {
      i -= 2;
      continue;
    }
    // 今年4月，… / 近年来，… end with a comma and are caught above; anything else is not the subject.
    return /^[\s“]*$/.test(text.slice(sentenceStart, i)) && i - sentenceStart <= 1;
  }
  return true;
}

// Programs named in one sentence are related with weight 1, in one paragraph with weight 0.5;
// one relation per pair, from the lexicographically smaller key.
function relatedPrograms(input: RelationInput): Relation[] {
  const { sentences } = input;
  const hits = [...input.programHits].sort(compareHits);
  const best = new Map<string, { weight: number; evidence: Evidence; a: string; b: string }>();
  for (let i = 0; i < hits.length; i++) {
    const x = hits[i];
    if (x === undefined) continue;
    const sx = sentences.at(x.start);
    for (let j = i + 1; j < hits.length; j++) {
      const y = hits[j];
      if (y === undefined) continue;
      const sy = sentences.at(y.start);
      if (sy.paragraph !== sx.paragraph) break;
      if (y.ref.key === x.ref.key) continue;
      const same = sy.start === sx.start;
      const weight = same ? 1 : 0.5;
      const [a, b] =
        compareStrings(x.ref.key, y.ref.key) < 0 ? [x.ref.key, y.ref.key] : [y.ref.key, x.ref.key];
      const id = `${a}\u0000${b}`;
      const current = best.get(id);
      if (current !== undefined && current.weight >= weight) continue;
      const evidence = same
        ? sentences.evidence(x.start, 'program.related-sentence')
        : sentences.span(sx.start, sy.end, 'program.related-paragraph');
      best.set(id, { weight, evidence, a, b });
    }
  }
  return [...best.values()].map((r) => ({
    type: 'RELATED_TO' as const,
    from: { label: 'Program' as const, key: r.a },
    to: { label: 'Program' as const, key: r.b },
    props: { weight: r.weight },
    evidence: r.evidence,
  }));
}

/** Order of relations: type, then endpoints, then title. */
export function compareRelations(a: Relation, b: Relation): number {
  return (
    compareStrings(a.type, b.type) ||
    compareStrings(a.from.label, b.from.label) ||
    compareStrings(a.from.key, b.from.key) ||
    compareStrings(a.to.label, b.to.label) ||
    compareStrings(a.to.key, b.to.key) ||
    compareStrings(a.props.title ?? '', b.props.title ?? '')
  );
}

/**
 * One mention per entity: how often the document names it and the first sentence that does.
 * A place present only as the gazetteer parent of a named place (河北省 above 廊坊市 in an
 * article that never says 河北) has count 0 and the evidence of the place that implied it.
 */
export function buildMentions(
  sentences: SentenceIndex,
  entities: ReadonlyArray<{ label: EntityLabel; key: string; evidence: Evidence }>,
  hits: readonly Hit[],
): Mention[] {
  const byKey = new Map<string, Hit[]>();
  for (const h of hits) {
    const id = `${h.ref.label}|${h.ref.key}`;
    const list = byKey.get(id) ?? [];
    list.push(h);
    byKey.set(id, list);
  }
  const out: Mention[] = [];
  for (const e of entities) {
    const list = (byKey.get(`${e.label}|${e.key}`) ?? []).sort(compareHits);
    const first = list[0];
    out.push({
      ref: { label: e.label, key: e.key },
      count: e.label === 'Metric' ? 1 : list.length,
      evidence: first === undefined ? e.evidence : sentences.evidence(first.start, first.rule),
    });
  }
  return out.sort((a, b) => compareStrings(a.ref.label, b.ref.label) || compareStrings(a.ref.key, b.ref.key));
}
