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
  /** Where people are named (for a speaker whose post places what they say their place runs). */
  personHits?: readonly Hit[];
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

  // 柳林村探索出以“说事会”为载体, 我县推行“双报到”, 主题党日活动在西棘荡村举办: a program is
  // implemented in the place its own sentence says runs it (see `placesRunning`), never in the
  // parents of that place or in every place the article names.
  const actors = actorsOf(input);
  for (const h of input.programHits) {
    for (const { key, rule } of placesRunning(input, actors, h)) {
      add({
        type: 'IMPLEMENTED_IN',
        from: { label: 'Program', key: h.ref.key },
        to: { label: 'Place', key },
        props: {},
        evidence: sentences.evidence(h.start, rule),
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

// Organizations whose place is the place acting: a party or government body (县委, 镇党委, 街道办),
// not a company or an outlet that carries a place in its name (国网青海电力, 浙江日报).
const ACTING_KINDS = new Set([
  'PARTY_COMMITTEE',
  'PARTY_BRANCH',
  'GENERAL_BRANCH',
  'WORK_COMMITTEE',
  'GOVERNMENT',
]);

// A sentence's own subject that is a body, not a place: 该支部, 我院, 本公司, 学校党委.
const OWN_SUBJECT =
  /(?:该|我|本|其)[\u4e00-\u9fa5]{0,3}?(?:支部|党委|党总支|公司|院|校|局|单位|企业|中心|队|部门)|(?:公司|学校|学院|大学|企业|医院)(?:党委|党总支|党支部)/;

// What may stand between a place after the program and the program: 主题党日活动在西棘荡村举办.
// Or names the place as its origin: 重访“枫桥经验”发源地之一的枫源村.
const PLACE_AFTER =
  /^(?:[^，。；！？]{0,12}?在|[^，。；！？]{0,6}(?:发源地|诞生地|起源地)[^，。；！？]{0,4})$/;

/**
 * The places one naming of a program says run it, read from its sentence:
 * - the nearest place (or acting organization's place) before it in the sentence — the subject of
 *   推行/实施/开展/探索 (柳林村探索出…, 我县推行…, 县委组织部推行… → the county);
 * - else a place after it introduced by 在 in the same clause (…活动在西棘荡村举办).
 * A place inside a company's or an outlet's name is no actor; a deictic 我市/全县 is its place.
 */
interface Actor {
  start: number;
  end: number;
  key: string;
  /** A place named as such (not an organization's or a speaker's place). */
  place: boolean;
}

/** Everything in the document that can act for a place, computed once per document. */
interface Actors {
  /** Places (not inside a company's or an outlet's name) and acting bodies, in text order. */
  named: Actor[];
  /** People followed by a verb of speaking, standing for the place of their post, in text order. */
  speakers: Actor[];
  /** Bodies that act for no place (companies, unplaced committees), key '', in text order. */
  bodies: Actor[];
}

function actorsOf(input: RelationInput): Actors {
  const { text } = input;
  const inOther = (start: number) =>
    input.orgHits.some((o) => {
      const org = input.organizations.get(o.ref.key);
      return o.start <= start && start < o.end && org !== undefined && !ACTING_KINDS.has(org.kind);
    });
  const named: Actor[] = [];
  for (const p of input.placeHits) {
    if (inOther(p.start) || !input.places.has(p.ref.key)) continue;
    named.push({ start: p.start, end: p.end, key: p.ref.key, place: true });
  }
  const bodies: Actor[] = [];
  for (const o of input.orgHits) {
    const org = input.organizations.get(o.ref.key);
    if (org === undefined) continue;
    if (org.placeKey === null || !ACTING_KINDS.has(org.kind) || !input.places.has(org.placeKey)) {
      bodies.push({ start: o.start, end: o.end, key: '', place: false });
      continue;
    }
    if (POST_AFTER.test(text.slice(o.end, o.end + 5))) continue;
    // The place inside the organization's name is already an actor of its own.
    if (named.some((a) => a.start >= o.start && a.end <= o.end)) continue;
    named.push({ start: o.start, end: o.end, key: org.placeKey, place: false });
  }
  // 村党支部书记X说，我们通过“某某”…: a person speaking for their post acts for its place (only as the
  // speaker: 某某见证了“X” says nothing of who runs it).
  const speakers: Actor[] = [];
  for (const ph of input.personHits ?? []) {
    if (!SPEAKS.test(text.slice(ph.end, ph.end + 4))) continue;
    const key = postPlace(input, ph.ref.key);
    if (key !== null && !named.some((a) => a.start <= ph.start && ph.end <= a.end))
      speakers.push({ start: ph.start, end: ph.end, key, place: false });
  }
  const byStart = (a: Actor, b: Actor) => a.start - b.start;
  return { named: named.sort(byStart), speakers: speakers.sort(byStart), bodies: bodies.sort(byStart) };
}

function placesRunning(input: RelationInput, all: Actors, h: Hit): Array<{ key: string; rule: string }> {
  const { text, sentences } = input;
  const s = sentences.at(h.start);
  const paragraphStart = sentences.paragraphStart(h.start);
  // The paragraph up to the end of the program's sentence, and the speakers before it in its sentence.
  const actors = [
    ...all.named.filter((a) => a.start >= paragraphStart && a.end <= s.end),
    ...all.speakers.filter((a) => a.start >= s.start && a.end <= h.start),
  ].sort((a, b) => a.start - b.start);
  // In the sentence: the nearest actor before the program, with the places listed with it
  // (鼓楼、台江等商务楼宇聚集区，推行“一楼八员” → 鼓楼区 and 台江区).
  const inSentence = actors.filter((a) => a.end <= h.start && a.start >= s.start);
  const nearest = inSentence[inSentence.length - 1];
  // 这是某党总支开展的首场“X”活动 / 这样的场景是某县传承“X”的缩影: a sentence opening with a
  // demonstrative says the program of what the sentence before it told, so the place that sentence
  // named last (where it happened) runs it too.
  // So does a sentence calling what it tells an instance of the program: 服务队队员在安置点值守，是
  // 某公司“X”工程的具体举措之一.
  const instance =
    /是[^。；]*$/.test(text.slice(s.start, h.start)) && INSTANCE_OF.test(text.slice(h.end, h.end + 16));
  const told =
    DEMONSTRATIVE.test(text.slice(s.start, s.start + 3)) || instance ? toldBefore(input, all, s.start) : [];
  if (nearest !== undefined)
    return [...listedWith(text, inSentence, nearest, 'program.place-subject'), ...told];
  if (told.length > 0) return told;
  let clauseEnd = h.end;
  while (clauseEnd < s.end && !isClauseBreak(text[clauseEnd])) clauseEnd++;
  const after = actors.find(
    (a) => a.start >= h.end && a.end <= clauseEnd && PLACE_AFTER.test(text.slice(h.end, a.start)),
  );
  if (after !== undefined) {
    // 在江苏省宿迁市沭阳县庙头镇聚贤村: the most specific place of the chain.
    let last = after;
    for (const a of actors) if (a.start === last.end && a.end <= clauseEnd) last = a;
    return [{ key: last.key, rule: 'program.place-at' }];
  }
  // 某某专项行动开展以来，化峪镇聚焦…: after a fronted clause about the program, the place that opens
  // the main clause is the subject.
  const opening = actors.find(
    (a) => a.start >= h.end && a.end <= s.end && /[，,]/.test(text[a.start - 1] ?? ''),
  );
  if (
    opening !== undefined &&
    /^[^，。]{0,6}(?:开展|实施|启动|推行)以来[，,]$/.test(text.slice(h.end, opening.start))
  )
    return [{ key: opening.key, rule: 'program.place-main-clause' }];
  // “…推动了‘两学一做’学习教育的常态化。”某区委常委、组织部长某某说。: a paragraph quoting one
  // speaker from its start speaks for the place of the speaker's post.
  const paragraphEnd = sentences.paragraphEnd(h.start);
  if (/^[“"「]/.test(text.slice(paragraphStart, paragraphStart + 1))) {
    const speaker = all.speakers.find(
      (a) =>
        a.start >= h.end && a.end <= paragraphEnd && /[”"」][^”"」“]{0,20}$/.test(text.slice(h.end, a.start)),
    );
    if (speaker !== undefined) return [{ key: speaker.key, rule: 'program.place-quoted-speaker' }];
  }
  // 深入实施“领头羊”工程 with no subject: the actor of the paragraph so far (the subject carried over).
  // Not when the sentence has a subject of its own that is no place (该支部, 我院, 公司党委 …), and
  // only a place named as such (an organization's place is its own, not the paragraph's).
  if (OWN_SUBJECT.test(text.slice(s.start, h.start))) return [];
  // Nor when a named person is the subject (老支部书记某某见证了“X”).
  if ((input.personHits ?? []).some((p) => p.start >= s.start && p.end <= h.start)) return [];
  const earlier = actors.filter((a) => a.end <= s.start && a.place);
  const carried = earlier[earlier.length - 1];
  if (carried !== undefined) return [{ key: carried.key, rule: 'program.place-carried' }];
  // A paragraph with no place of its own goes on about the place the article was last about
  // (一是…二是…三是…持续深化“某某”活动 under a lead paragraph naming the community).
  // Not when a body that is no place's own (a company, its party committee, an unplaced 学院党委)
  // was the last subject: 供电公司党委大力推进… 严格落实“三会一课”.
  const topic = [...all.named.filter((a) => a.end <= s.start), ...all.bodies.filter((b) => b.end <= h.start)]
    .sort((a, b) => a.end - b.end)
    .pop();
  if (topic !== undefined && topic.key !== '') return [{ key: topic.key, rule: 'program.place-topic' }];
  return [];
}

const DEMONSTRATIVE = /^[“"]?(?:这|此)(?!里|儿|次|项|一年|些年)/;
const INSTANCE_OF = /^[^，。；]{0,8}?的(?:一个|一项|具体|生动|真实)?(?:举措|缩影|写照|实践|体现|例证|典型)/;

// The place named last before `sentenceStart`, in its paragraph or the one before (a place named
// as such).
function toldBefore(
  input: RelationInput,
  all: Actors,
  sentenceStart: number,
): Array<{ key: string; rule: string }> {
  if (sentenceStart === 0) return [];
  const own = input.sentences.paragraphStart(sentenceStart);
  const from = own === 0 ? 0 : input.sentences.paragraphStart(own - 1);
  const named = all.named.filter((a) => a.place && a.start >= from && a.end <= sentenceStart);
  const last = named[named.length - 1];
  return last === undefined ? [] : [{ key: last.key, rule: 'program.place-demonstrative' }];
}

// A verb of speaking right after a name: 某某说, 某某介绍, 某某告诉记者.
const SPEAKS = /^.?(?:说|表示|介绍|谈到|告诉|坦言|感慨)/;

// The place of a person's post: the place it names, or the place of the organization it names.
function postPlace(input: RelationInput, personKey: string): string | null {
  for (const r of input.holds) {
    if (r.from.key !== personKey) continue;
    if (r.to.label === 'Place' && input.places.has(r.to.key)) return r.to.key;
    const org = input.organizations.get(r.to.key);
    if (org?.placeKey != null && ACTING_KINDS.has(org.kind) && input.places.has(org.placeKey))
      return org.placeKey;
  }
  return null;
}

// The actor and the places listed right before it: X、Y等 / X和Y.
function listedWith(
  text: string,
  actors: ReadonlyArray<{ start: number; end: number; key: string }>,
  last: { start: number; end: number; key: string },
  rule: string,
): Array<{ key: string; rule: string }> {
  const out = [{ key: last.key, rule }];
  let cur = last;
  for (let i = actors.indexOf(last) - 1; i >= 0; i--) {
    const a = actors[i];
    if (a === undefined || !/^(?:、|和|与|及)$/.test(text.slice(a.end, cur.start))) break;
    out.push({ key: a.key, rule });
    cur = a;
  }
  return out;
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
