/**
 * Places: every province, city and county the gazetteer knows (full and short names), the towns,
 * villages, communities and new areas named under them or named alone (到塔元庄村调研), the deictic
 * 我市/全省 …, and the document's main place. Public within `extract`: `extractPlaces` and `PlaceAnalysis`.
 */
import { compareHits, compareStrings, type Hit, type SentenceIndex } from './evidence';
import { gazetteer, type Division, type NameEntry } from './gazetteer';
import {
  implementVerbEndingAt,
  isAsciiDigit,
  isClauseBreak,
  isHan,
  NAME_STOP_CHARS,
  PUNCTUATION,
} from './lexicon';
import { surnameLength } from './surnames';
import { tokenize } from './tokens';
import type { PlaceEntity, PlaceLevel } from './types';

/** A place hit: where the text names a place, resolved to its key. */
export interface PlaceHit extends Hit {
  level: PlaceLevel;
  /** True for 我市/全省/该村 …: the hit names the place by reference, not by name. */
  deictic: boolean;
}

/** Everything the other extractors need to know about the places of one document. */
export interface PlaceAnalysis {
  /** Places by key: each named place and every ancestor of one. */
  places: Map<string, PlaceEntity>;
  /** All place hits, in text order, never overlapping. */
  hits: PlaceHit[];
  mainPlaceKey: string | null;
  /** The city 我市/市委 refer to: the main place when it is a (county-level) 市, else its city. */
  mainCityKey: string | null;
  mainProvinceKey: string | null;
  /** The county 我县/县委 refer to, when the main place is a 县 or 区. */
  mainCountyKey: string | null;
  /** The (non-deictic) hit that ends exactly at `offset`, if any. */
  hitEndingAt(offset: number): PlaceHit | undefined;
}

interface RawMatch {
  start: number;
  end: number;
  entry: NameEntry;
  division: Division | null;
  /** A division used only to choose the main place (a unique county short form not yet in scope). */
  tentative: Division | null;
}

/** Key of a place known to GB/T 2260. */
export function codeKey(code: string): string {
  return `code:${code}`;
}

/** Key of a place known only by its name under its parent: `name:code:131002/落垡镇`. */
export function nameKey(parentKey: string | null, name: string): string {
  return `name:${parentKey ?? ''}/${name}`;
}

// Outlet names begin with a place: 河北日报, 河北新闻网, 廊坊新闻 are media, not mentions of 河北.
const MEDIA_AFTER = /^(?:日报|晚报|新闻|频道|电视|卫视|广播|客户端|在线|网[^格络点]|发布)/;

// Sector words after a province's short form that make it a company's name (国网青海电力, 浙江移动).
const COMPANY_AFTER =
  /^(?:电力|供电|电网|移动|联通|电信|烟草|石油|石化|能源|银行|农信|建工|交投|铁路|水库|大桥|机场|火车站|中学|小学|大学|医院|宾馆)/;
// A dispatch dateline after a place: 山西6月13日电, 南宁7月4日电, 北京讯.
const DATELINE_AFTER = /^(?:\d{1,2}月\d{1,2}日)?(?:电|讯)(?![视话力网器子脑商气信])/;
// A name's last character that begins another word with the next one: 区域, 区别, 市场.
const WORD_AFTER_SUFFIX = /^(?:区域|区别|区分|区块|区间|市场)$/;

// Generic heads that look like village or community names but are not: 农村, 城市社区, 示范村 …
// prettier-ignore
const GENERIC_SUBPLACE = new Set([
  '农', '乡', '城乡', '示范', '贫困', '重点', '试点', '先进', '文明', '和谐', '美丽', '新农', '城市', '农村',
  '薄弱', '单一', '红色', '党建', '城中', '街', '行政', '自然', '小区', '园区', '驻', '进', '入', '联', '包',
  '帮扶', '空心', '易地', '搬迁', '中心', '新型', '智慧', '数字', '平安', '绿色', '生态', '特色', '旅游', '产业',
  '专业', '集体', '经济', '环京', '京', '星级', '标准化', '整', '老旧', '城镇', '乡镇', '乡村', '村', '社区',
  '本', '外', '邻', '近邻', '基层', '各类', '示范性', '涉农', '农业', '渔', '山', '牧', '试验', '样板', '富裕',
  // verbs that end right before 村/社区 (增强村党支部凝聚力, 走进社区)
  '增强', '加强', '建强', '配强', '选强', '走进', '深入', '进入', '联系', '包联', '回', '下', '各个', '每个', '所在',
  '扎根', '服务', '覆盖', '带动', '帮助', '支持', '指导',
  // quantifiers and kinds of villages (不少村党支部书记, 到脱贫村, 在软弱涣散村)
  '不少', '很多', '许多', '部分', '一些', '多数', '少数', '大部分', '所有', '全部', '个别', '有的', '这些', '那些',
  '多个', '若干', '相关', '周边', '附近', '邻近', '毗邻', '脱贫', '后进', '软弱涣散', '涣散', '结对', '驻点', '派驻',
  '对口', '任职', '山区', '平原', '偏远', '边远', '城郊', '近郊', '远郊', '沿海', '边境', '民族', '传统', '普通',
  '一般', '新建', '所属', '辖区', '全国', '全省', '全市', '全县', '试点', '难点', '问题', '文明城', '和美', '无物业',
  '安置', '农转居', '村改居', '回迁', '大型',
  // prepositions and verbs that end right before 村 (北庄村由村“两委”干部…, 经村民代表会议)
  '由', '经', '给', '让', '使', '往', '自', '同', '原', '兴', '强', '富', '美',
]);

const DEICTIC: ReadonlyArray<{ re: RegExp; target: 'city' | 'province' | 'county' | 'district' }> = [
  { re: /(?:我|全|本|该)市/g, target: 'city' },
  { re: /(?:我|全|本|该)省/g, target: 'province' },
  { re: /(?:我|全|本|该)县/g, target: 'county' },
  { re: /(?:我|全|本)区/g, target: 'district' },
];

/**
 * Finds the places of one document. Runs in three passes: gazetteer names (confident ones decide
 * the main place), then names whose meaning depends on the main place (county short forms,
 * repeated county names), then the towns/villages/communities chained after a known place.
 */
export function extractPlaces(text: string, sentences: SentenceIndex): PlaceAnalysis {
  const g = gazetteer();
  const matches = scanGazetteerNames(text);
  resolveConfident(matches);

  const deicticCounts = countDeictics(text);
  const main = chooseMainDivision(text, matches, deicticCounts);

  const mainCity = main === null ? null : cityOf(main);
  const mainProvince = main === null ? null : (g.lineage(main.code).at(-1) ?? null);
  const mainCounty = main !== null && main.level === 'COUNTY' ? main : null;
  // Names that depend on the document: a county short form (固安 → 固安县) resolves only inside the
  // main city (or county); an ambiguous full name (鼓楼区) only inside the main city or province.
  for (const m of matches) {
    if (m.division !== null) continue;
    // In an article about a whole province a county short form is too likely a word (搬迁安置 → 迁安).
    const scopes = m.entry.short
      ? [main?.level === 'PROVINCE' ? null : main, mainCity]
      : [main, mainCity, mainProvince];
    for (const scope of scopes) {
      if (scope === null) continue;
      const inScope = m.entry.divisions.filter((d) => g.isWithin(d.code, scope.code));
      if (inScope.length === 1) {
        m.division = inScope[0] ?? null;
        break;
      }
    }
  }

  const builder = new PlaceBuilder(text, sentences);
  for (const m of matches) {
    if (m.division !== null)
      builder.addDivisionHit(
        m.start,
        m.end,
        m.division,
        m.entry.short ? 'place.gazetteer-short' : 'place.gazetteer',
      );
  }
  const mainKey = main === null ? null : codeKey(main.code);
  builder.addNewAreas(mainProvince);
  if (main !== null && main.level !== 'PROVINCE') builder.addStandaloneTowns(main);
  builder.extendChains();
  builder.addOrgNamedSubplaces(mainKey);
  builder.addStandaloneSubplaces(mainKey);
  builder.addTownVillagePairs(mainKey);
  builder.addUnlistedSubplaces(mainKey);
  builder.addRepeats();
  builder.addShortRepeats();
  builder.addDeictics({
    city: mainCity === null ? null : codeKey(mainCity.code),
    province: mainProvince === null ? null : codeKey(mainProvince.code),
    county: mainCounty !== null && mainCounty.name.endsWith('县') ? codeKey(mainCounty.code) : null,
    district: mainCounty !== null && mainCounty.name.endsWith('区') ? codeKey(mainCounty.code) : null,
  });

  const { places, hits } = builder.finish();
  const endIndex = new Map<number, PlaceHit>();
  for (const h of hits) if (!h.deictic) endIndex.set(h.end, h);
  return {
    places,
    hits,
    mainPlaceKey: mainKey,
    mainCityKey: mainCity === null ? null : codeKey(mainCity.code),
    mainProvinceKey: mainProvince === null ? null : codeKey(mainProvince.code),
    mainCountyKey: mainCounty === null ? null : codeKey(mainCounty.code),
    hitEndingAt: (offset) => endIndex.get(offset),
  };
}

/** The city a division belongs to for 我市: itself if it is a 市 (定州市 too), else its city. */
function cityOf(d: Division): Division | null {
  const g = gazetteer();
  for (const x of g.lineage(d.code)) {
    if (x.level === 'CITY' || (x.level === 'COUNTY' && x.name.endsWith('市'))) return x;
    if (x.level === 'PROVINCE' && x.name.endsWith('市')) return x;
  }
  return null;
}

// Longest gazetteer name at each position, left to right, never overlapping.
// 河北省廊坊市安次区 → 河北省 | 廊坊市 | 安次区; 廊坊大力实施 → 廊坊 (short form of 廊坊市).
function scanGazetteerNames(text: string): RawMatch[] {
  const g = gazetteer();
  const out: RawMatch[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    if (!g.firstChars.has(text[i] ?? '')) continue;
    const list = g.byPrefix.get(text.slice(i, i + 2));
    if (list === undefined) continue;
    for (const entry of list) {
      if (!text.startsWith(entry.name, i)) continue;
      const end = i + entry.name.length;
      if (entry.short) {
        const next = text[end];
        // 大城市 is not 大城县: a short form right before 省/市/县/区 is part of another word;
        // 正定镇 is a town, not 正定(县) + 镇.
        // 民和县, 恩施州: an autonomous county or prefecture is written as its short form + 县/州.
        const autonomous =
          (next === '县' && entry.divisions.some((d) => d.name.endsWith('自治县'))) ||
          (next === '州' && entry.divisions.some((d) => d.name.endsWith('自治州')));
        if (autonomous) {
          out.push({ start: i, end: end + 1, entry, division: null, tentative: null });
          i = end;
          break;
        }
        if (next !== undefined && '省市县区州旗镇乡'.includes(next)) continue;
        // 苏州中心, 上海大厦: a bare short form + a building word names the building (not 苏州市中心).
        if (/^(?:中心(?!城)|大厦|广场|之门|天地)/.test(text.slice(end, end + 3))) continue;
        if (text.startsWith('街道', end)) continue;
        // 劲松北社区 is not 松北(区) + 社区: a short form right before 社区/村/小区/路 is inside a local name.
        if (/^(?:社区|小区|村|路|大街|胡同|[东西南北中]路|大道)/.test(text.slice(end, end + 2))) continue;
        // 滹沱河北岸, 泰山东麓: a province short form read as river/mountain + direction.
        if (next !== undefined && '岸侧麓坡畔'.includes(next)) continue;
        // 市石门局, 市公园局: a short form right after a bare 市/省 (no place before it) names a body of
        // the text's own city by its field, not another county.
        if (
          '市省'.includes(text[i - 1] ?? '') &&
          !isHan(text[i - 2]) &&
          '局处所站办'.includes(text[end] ?? '')
        )
          continue;
        // 推动乡村振兴 is no 振兴(区): a short form the segmenter reads as a verb in its sentence.
        if (readsAsVerb(text, i, end)) continue;
        // 河北日报 / 河北新闻网 name an outlet, not the province.
        if (MEDIA_AFTER.test(text.slice(end, end + 4))) continue;
        // “最美常州人”, “感动福建”年度人物: a place inside a quoted honour title is part of the title.
        if (insideHonourTitle(text, i, end)) continue;
        // (程长春 吉凤竹): a surname glued before a two-character short form, between separators, is a
        // personal name in a byline, not the city.
        if (
          entry.name.length === 2 &&
          surnameLength(text[i - 1] ?? '') === 1 &&
          !isHan(text[i - 2]) &&
          !isHan(text[end])
        )
          continue;
      }
      // 国网青海省电力公司, 山东移动, 石门水库: a place before a sector or facility word names a
      // company or a facility, not the place.
      if (COMPANY_AFTER.test(text.slice(end, end + 3))) continue;
      // 山西6月13日电, 新华社南宁电: a dispatch dateline names where the reporter filed from.
      if (DATELINE_AFTER.test(text.slice(end, end + 10))) continue;
      // 乡村振兴区域: a name whose last character starts a longer word is no name (振兴区 + 域).
      if (WORD_AFTER_SUFFIX.test(text.slice(end - 1, end + 1))) continue;
      out.push({ start: i, end, entry, division: null, tentative: null });
      i = end - 1;
      break;
    }
  }
  return out;
}

// The quote around [start, end) on its line, when its words are an honour title: 最美/感动/十佳 …
// before the place, or 人/好人/楷模/标兵 … after it (a closed class of honour words).
function insideHonourTitle(text: string, start: number, end: number): boolean {
  const open = text.lastIndexOf('“', start);
  if (open < 0 || text.lastIndexOf('”', start) > open || start - open > 8) return false;
  const close = text.indexOf('”', end);
  if (close < 0 || close - end > 8 || /[\n。]/.test(text.slice(open, close))) return false;
  const before = text.slice(open + 1, start);
  const after = text.slice(end, close);
  return (
    /^(?:最美|感动|十佳|十大|优秀|杰出|年度|百佳)/.test(before) ||
    /^(?:人|好人|楷模|标兵|榜样|之星|工匠|骄傲)$/.test(after)
  );
}

// A name resolves without knowing the main place when it has one candidate (or one under the
// place named right before it: 衡水安平县 → 安平县 of 衡水市). County short forms wait for scope.
function resolveConfident(matches: RawMatch[]): void {
  const g = gazetteer();
  let prev: RawMatch | null = null;
  for (const m of matches) {
    let candidates = m.entry.divisions;
    let chained = prev !== null && prev.end === m.start && prev.division !== null ? prev.division : null;
    if (chained !== null) {
      const under = candidates.filter((d) => g.isWithin(d.code, chained?.code ?? ''));
      if (under.length > 0) candidates = under;
      // 临安区太湖源镇: a short form right after a place it is not under starts a local name there
      // (太湖 of 太湖源镇 is no 太湖县 of another province).
      else if (m.entry.short) {
        prev = m;
        continue;
      } else chained = null;
    }
    if (candidates.length > 1) {
      // 吉林 is both a province and a city: the higher level wins when unchained.
      const top = Math.min(...candidates.map((d) => levelRank(d.level)));
      const highest = candidates.filter((d) => levelRank(d.level) === top);
      if (highest.length === 1 && top < 2) candidates = highest;
    }
    const only = candidates.length === 1 ? (candidates[0] ?? null) : null;
    if (only !== null) {
      // County short forms and two-character full names (和县, 易县) are words too often to resolve
      // without knowing the document's province: 责任清单和县乡村三级书记 is not 和县 of 安徽.
      const wordLike = m.entry.short || m.entry.name.length <= 2;
      if (wordLike && only.level === 'COUNTY' && chained === null) m.tentative = only;
      else m.division = only;
    }
    prev = m;
  }
}

function levelRank(level: Division['level']): number {
  return level === 'PROVINCE' ? 0 : level === 'CITY' ? 1 : 2;
}

// Bare level bodies and posts speak of the main place too: 区委书记, 区长 and 全区 in an article about
// 鼓楼区 (never 团市委, 各县委).
const LEVEL_BODY = /(?<![团各])(省|市|县|区)(?:委|长|政府)/g;
const LEVEL_TARGET: Record<string, 'city' | 'province' | 'county' | 'district'> = {
  省: 'province',
  市: 'city',
  县: 'county',
  区: 'district',
};

function countDeictics(text: string): Record<'city' | 'province' | 'county' | 'district', number> {
  const counts = { city: 0, province: 0, county: 0, district: 0 };
  for (const { re, target } of DEICTIC) counts[target] = (text.match(re) ?? []).length;
  for (const m of text.matchAll(LEVEL_BODY)) {
    const target = LEVEL_TARGET[m[1] ?? ''];
    // 廊坊市委: a named place's own committee is counted with the place, not as a bare body.
    if (target !== undefined && !isNamedBefore(text, m.index)) counts[target]++;
  }
  return counts;
}

// Whether the 省/市/县/区 at `at` ends a place name (廊坊市委, 正定县委) rather than standing alone.
function isNamedBefore(text: string, at: number): boolean {
  const g = gazetteer();
  for (let len = 1; len <= 6 && at - len >= 0; len++) {
    const name = text.slice(at - len, at + 1);
    for (const entry of g.byPrefix.get(name.slice(0, 2)) ?? []) if (entry.name === name) return true;
  }
  return false;
}

// The main place is the deepest division that holds at least half of the mentions of its parent:
// 廊坊 named 30 times under 河北 (named 3 times) → 廊坊市; five cities named once each in an
// article about 我省 → 河北省. 我市/全市 count for a 市, 我省/全省 for the province.
function chooseMainDivision(
  text: string,
  matches: RawMatch[],
  deictic: Record<'city' | 'province' | 'county' | 'district', number>,
): Division | null {
  const g = gazetteer();
  const subtree = new Map<string, number>();
  const first = new Map<string, number>();
  // A county short form is a word too often to decide the main place alone: 具有石门特色 in an
  // article naming no confident place is no article about 石门县.
  // It counts beside a confident place, or with a township of its own after it (雷州企水镇).
  // Beside a confident place means in its province: 资源禀赋 in an article about 德城区 is no
  // 资源县 of another province.
  const g0 = gazetteer();
  const confidentProvinces = new Set(
    matches.flatMap((m) => (m.division === null ? [] : [g0.lineage(m.division.code).at(-1)?.code])),
  );
  const besideConfident = (county: Division): boolean =>
    confidentProvinces.has(g0.lineage(county.code).at(-1)?.code);
  const townAfter = (m: RawMatch, county: Division): boolean =>
    g0.townsOfCounty(county.code).some((t) => text.startsWith(t, m.end));
  // A headline names what the article is about: its places weigh as much as three mentions.
  const firstLine = text.indexOf('\n');
  const headlineEnd =
    firstLine > 0 && firstLine <= 50 && !/[。，；！？]/.test(text.slice(0, firstLine)) ? firstLine : 0;
  for (const m of matches) {
    const d =
      m.division ??
      (m.tentative !== null && (besideConfident(m.tentative) || townAfter(m, m.tentative))
        ? m.tentative
        : null);
    if (d === null) continue;
    const weight = m.end <= headlineEnd ? 3 : 1;
    for (const x of g.lineage(d.code)) {
      subtree.set(x.code, (subtree.get(x.code) ?? 0) + weight);
      if (!first.has(x.code)) first.set(x.code, m.start);
    }
  }
  if (subtree.size === 0) return null;
  const bonus = (d: Division): number => {
    if (d.level === 'PROVINCE') return d.name.endsWith('市') ? deictic.city : deictic.province;
    if (d.name.endsWith('市')) return deictic.city;
    if (d.name.endsWith('县')) return deictic.county;
    if (d.name.endsWith('区') && d.level === 'COUNTY') return deictic.district;
    return 0;
  };
  const score = (d: Division): number => (subtree.get(d.code) ?? 0) + bonus(d);
  const better = (a: Division, b: Division | null): boolean =>
    b === null ||
    score(a) > score(b) ||
    (score(a) === score(b) && (first.get(a.code) ?? Infinity) < (first.get(b.code) ?? Infinity));

  let node: Division | null = null;
  for (const code of subtree.keys()) {
    const d = g.byCode.get(code);
    if (d !== undefined && d.level === 'PROVINCE' && better(d, node)) node = d;
  }
  while (node !== null) {
    let best: Division | null = null;
    for (const code of g.childrenOf(node.code)) {
      const d = g.byCode.get(code);
      if (d !== undefined && subtree.has(code) && better(d, best)) best = d;
    }
    if (best === null || score(best) < 0.5 * score(node)) break;
    node = best;
  }
  return node;
}

interface SubplaceMatch {
  name: string;
  level: PlaceLevel;
  end: number;
}

/** Collects place entities and hits; keeps hits non-overlapping. */
class PlaceBuilder {
  private readonly places = new Map<string, PlaceEntity>();
  private hits: PlaceHit[] = [];
  private readonly covered: Uint8Array;
  private readonly g = gazetteer();

  constructor(
    private readonly text: string,
    private readonly sentences: SentenceIndex,
  ) {
    this.covered = new Uint8Array(text.length + 1);
  }

  private free(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.covered[i] === 1) return false;
    return true;
  }

  private pushHit(hit: PlaceHit): void {
    this.hits.push(hit);
    for (let i = hit.start; i < hit.end; i++) this.covered[i] = 1;
  }

  private ensureDivision(d: Division, at: number, rule: string): string {
    const key = codeKey(d.code);
    if (!this.places.has(key)) {
      this.places.set(key, {
        key,
        name: d.name,
        level: d.level,
        code: d.code,
        parentKey: d.parentCode === null ? null : codeKey(d.parentCode),
        evidence: this.sentences.evidence(at, rule),
      });
    }
    if (d.parentCode !== null) {
      const parent = this.g.byCode.get(d.parentCode);
      if (parent !== undefined) this.ensureDivision(parent, at, 'place.gazetteer-ancestor');
    }
    return key;
  }

  private ensureSubplace(
    name: string,
    level: PlaceLevel,
    parentKey: string | null,
    at: number,
    rule: string,
  ): string {
    const key = nameKey(parentKey, name);
    if (!this.places.has(key)) {
      this.places.set(key, {
        key,
        name,
        level,
        code: null,
        parentKey,
        evidence: this.sentences.evidence(at, rule),
      });
    }
    return key;
  }

  addDivisionHit(start: number, end: number, d: Division, rule: string): void {
    if (!this.free(start, end)) return;
    const key = this.ensureDivision(d, start, rule);
    this.pushHit({ ref: { label: 'Place', key }, start, end, rule, level: d.level, deictic: false });
  }

  // 雄安新区 (no GB/T 2260 code): a state-level new area, under the province named before it or the
  // document's province.
  addNewAreas(mainProvince: Division | null): void {
    // 东湖高新区: a high-tech zone keeps its two-character name before 高新区 (not 湖高 + 新区).
    const re = /([\u4e00-\u9fa5]{2})(?:高新区|新区)/g;
    const found = [...this.text.matchAll(re)].filter((m) => {
      const core = m[1] ?? '';
      // 调研新区: a verb before 新区 means "the new area" spoken of, not one named.
      const verb = /^v/.test(tokenize(core)[0]?.tag ?? '');
      return this.free(m.index, m.index + m[0].length) && validSubplaceCore(core) && !verb;
    });
    // One zone per name: under the province or city named right before any of its mentions.
    const parents = new Map<string, string>();
    for (const m of found) {
      const before = this.hits.find(
        (h) => h.end === m.index && (h.level === 'PROVINCE' || h.level === 'CITY'),
      );
      const known = parents.get(m[0]);
      if (before !== undefined && (known === undefined || before.level === 'CITY'))
        parents.set(m[0], before.ref.key);
    }
    for (const m of found) {
      const start = m.index;
      const end = start + m[0].length;
      const parentKey = parents.get(m[0]) ?? (mainProvince === null ? null : codeKey(mainProvince.code));
      const key = this.ensureSubplace(m[0], 'OTHER', parentKey, start, 'place.new-area');
      this.pushHit({
        ref: { label: 'Place', key },
        start,
        end,
        rule: 'place.new-area',
        level: 'OTHER',
        deictic: false,
      });
    }
  }

  // 高蓬镇 in an article about 定州市: a township the gazetteer lists under the main place
  // (one county only; a name shared by two counties of the city stays unresolved).
  addStandaloneTowns(main: Division): void {
    const counties = main.level === 'COUNTY' ? [main.code] : this.g.childrenOf(main.code);
    const owners = new Map<string, string[]>();
    for (const c of counties)
      for (const t of this.g.townsOfCounty(c)) owners.set(t, [...(owners.get(t) ?? []), c]);
    for (const [town, codes] of owners) {
      const county = codes.length === 1 && codes[0] !== undefined ? this.g.byCode.get(codes[0]) : undefined;
      if (county === undefined) continue;
      for (let at = this.text.indexOf(town); at >= 0; at = this.text.indexOf(town, at + town.length)) {
        const end = at + town.length;
        if (!this.free(at, end)) continue;
        const parentKey = this.ensureDivision(county, at, 'place.gazetteer-ancestor');
        const key = this.ensureSubplace(town, 'TOWNSHIP', parentKey, at, 'place.town-gazetteer');
        this.pushHit({
          ref: { label: 'Place', key },
          start: at,
          end,
          rule: 'place.town-gazetteer',
          level: 'TOWNSHIP',
          deictic: false,
        });
      }
    }
  }

  // 廊坊市安次区落垡镇东张务村: each name right after a place is attached under it, so
  // 东张务村 → 落垡镇 → 安次区 → 廊坊市. 雄安新区容东管理委员会南文营社区 skips the committee.
  extendChains(): void {
    const queue = [...this.hits].sort(compareHits);
    while (queue.length > 0) {
      const hit = queue.shift();
      if (hit === undefined || hit.deictic) continue;
      const parent = this.places.get(hit.ref.key);
      if (parent === undefined) continue;
      let pos = hit.end;
      const committee = /^[\u4e00-\u9fa5]{2,4}?(?:管理委员会|管委会)/.exec(this.text.slice(pos, pos + 9));
      if (committee !== null && (parent.level === 'OTHER' || parent.level === 'COUNTY'))
        pos += committee[0].length;
      const next = this.matchSubplace(pos, parent);
      if (next === null || !this.free(pos, next.end)) continue;
      let parentKey = parent.key;
      if (next.countyCode !== null) {
        const county = this.g.byCode.get(next.countyCode);
        if (county !== undefined) parentKey = this.ensureDivision(county, pos, 'place.gazetteer-ancestor');
      }
      const rule = `place.chain-${next.level.toLowerCase()}`;
      const key = this.ensureSubplace(next.name, next.level, parentKey, pos, rule);
      const created: PlaceHit = {
        ref: { label: 'Place', key },
        start: pos,
        end: next.end,
        rule,
        level: next.level,
        deictic: false,
      };
      this.pushHit(created);
      queue.unshift(created);
    }
  }

  private matchSubplace(
    pos: number,
    parent: PlaceEntity,
  ): (SubplaceMatch & { countyCode: string | null }) | null {
    const ahead = this.text.slice(pos, pos + 8);
    // A township of the gazetteer under the county (or under one county of the city) named before it.
    if (parent.code !== null && (parent.level === 'COUNTY' || parent.level === 'CITY')) {
      const counties = parent.level === 'COUNTY' ? [parent.code] : this.g.childrenOf(parent.code);
      let best: { name: string; county: string; written: number } | null = null;
      for (const c of counties) {
        for (const t of this.g.townsOfCounty(c)) {
          // 武当路街办: a street office is often written 街办 (the gazetteer's 武当路街道).
          const written = ahead.startsWith(t)
            ? t.length
            : t.endsWith('街道') && ahead.startsWith(`${t.slice(0, -2)}街办`)
              ? t.length
              : 0;
          if (written > 0 && (best === null || t.length > best.name.length))
            best = { name: t, county: c, written };
        }
      }
      // 百尺杆镇 for the gazetteer's 百尺竿镇: a variant character in a long name, written as the text has it.
      if (best === null) {
        for (const c of counties) {
          for (const t of this.g.townsOfCounty(c)) {
            if (t.length >= 4 && oneCharVariant(ahead.slice(0, t.length), t)) {
              best = { name: ahead.slice(0, t.length), county: c, written: t.length };
              break;
            }
          }
          if (best !== null) break;
        }
      }
      if (best !== null) {
        return {
          name: best.name,
          level: 'TOWNSHIP',
          end: pos + best.written,
          countyCode: parent.level === 'CITY' ? best.county : null,
        };
      }
    }
    if (parent.level === 'COUNTY' || parent.level === 'TOWNSHIP' || parent.level === 'OTHER') {
      // 兴隆县创新村级后备干部: 村级/村民/村委 after the name make 村 part of another word.
      const village = /^([\u4e00-\u9fa5]{1,5}?)(村|社区)(?![级民委务干])/.exec(ahead);
      // 龙门乡古城村 is a township and its village, not one village (read below).
      const holdsTown = /(?:镇|乡|街道)./.test(village?.[1] ?? '');
      // Right after its township a village's name may hold 各/名/全/之 (泗各庄村, 名山村).
      const valid =
        parent.level === 'TOWNSHIP'
          ? validChainedCore(village?.[1] ?? '')
          : validSubplaceCore(village?.[1] ?? '');
      if (village !== null && !holdsTown && valid) {
        return {
          name: village[0],
          level: village[2] === '村' ? 'VILLAGE' : 'COMMUNITY',
          end: pos + village[0].length,
          countyCode: null,
        };
      }
      // A township missing from the gazetteer is accepted only when a village follows it: 某某镇某某村.
      if (parent.level === 'COUNTY') {
        const town = /^([\u4e00-\u9fa5]{2,4}?)(镇|乡|街道)([\u4e00-\u9fa5]{1,5}?)(村|社区)/.exec(
          this.text.slice(pos, pos + 14),
        );
        if (town !== null && validSubplaceCore(town[1] ?? '') && validSubplaceCore(town[3] ?? '')) {
          const name = `${town[1] ?? ''}${town[2] ?? ''}`;
          return { name, level: 'TOWNSHIP', end: pos + name.length, countyCode: null };
        }
      }
    }
    return null;
  }

  // A clause start, or the end of a place named right before (青龙镇|石门村委会).
  private nameMayStartAt(at: number): boolean {
    return (
      isClauseBreak(this.text[at - 1]) ||
      '、“”■'.includes(this.text[at - 1] ?? '') ||
      this.hits.some((h) => h.end === at && !h.deictic)
    );
  }

  // 形成村党委、党支部、网格党小组: a verb before a generic 村党委 is no village's name unless the
  // text names the village again (胜利村 and 前进村 are named more than once).
  private verbNamedOnce(core: string, suffix: string): boolean {
    const name = core + suffix;
    const first = this.text.indexOf(name);
    return isOneVerb(core) && first >= 0 && this.text.indexOf(name, first + 1) < 0;
  }

  // 台城村党支部 with no place before it: a village or community named with its party
  // organization is a place even when no chain leads to it; it hangs under the main place.
  addOrgNamedSubplaces(mainKey: string | null): void {
    // 余村村集体经济收入, 北庄村村民: a village's own people and property name it too; so does its
    // committee written short (石门村委会).
    const re =
      /(村|社区)(?=党支部|党总支|党委|党工委|居委会|村委会|党群服务中心)|(村)(?=村民|村集体)|(村)(?=委会)/g;
    for (const m of this.text.matchAll(re)) {
      const suffixAt = m.index;
      const start = subplaceStart(this.text, suffixAt, (i) => this.covered[i] === 1);
      if (start === null) continue;
      const end = suffixAt + m[0].length;
      const core = this.text.slice(start, suffixAt);
      if (!this.free(start, end) || !validSubplaceCore(core) || namesCounty(core) || startsWithAdverb(core))
        continue;
      // 石门村委会 names its village only where a name can start (听村委会的 names none).
      if (m[3] !== undefined && (core.includes('村') || !this.nameMayStartAt(start))) continue;
      const suffix = m[1] ?? m[2] ?? m[3] ?? '';
      if (this.verbNamedOnce(core, suffix)) continue;
      const level: PlaceLevel = suffix === '村' ? 'VILLAGE' : 'COMMUNITY';
      const existing = [...this.places.values()].find((p) => p.name === core + suffix && p.level === level);
      const key =
        existing?.key ?? this.ensureSubplace(core + suffix, level, mainKey, start, 'place.org-named');
      this.pushHit({
        ref: { label: 'Place', key },
        start,
        end,
        rule: 'place.org-named',
        level,
        deictic: false,
      });
    }
  }

  // 到塔元庄村调研, 在农光里社区试点, 塔元庄村位于…: a village or community named alone, after a
  // verb of going or being somewhere (or before 位于/地处). It hangs under the nearest county or
  // township named before it in the sentence, else under the main place.
  addStandaloneSubplaces(mainKey: string | null): void {
    const re =
      /(?:到|在|赴|至|走进|来到|深入|前往|走访|考察|调研|视察|地处|驻|[（(]原)了?([\u4e00-\u9fa5]{2,4}?)(村民小组|村|社区|镇|乡|街道)(?![民级里庄落委务干部两镇街村长集])|(?<=^|[，。；：！？、\n“”■])([\u4e00-\u9fa5]{2,4}?)(村|社区|街道|镇|乡)(?=位于|地处|坐落|在[\u4e00-\u9fa5]{2,}(?:成立|召开|举办|开展)|党工委|党委|办事处)/g;
    const sorted = [...this.hits].sort(compareHits);
    for (const m of this.text.matchAll(re)) {
      const core = m[1] ?? m[3] ?? '';
      const suffix = m[2] ?? m[4] ?? '';
      const end = m.index + m[0].length;
      const start = end - core.length - suffix.length;
      if (
        !this.free(start, end) ||
        !validSubplaceCore(core) ||
        core.endsWith('城') ||
        namesCounty(core) ||
        startsWithAdverb(core)
      )
        continue;
      const name = core + suffix;
      const level: PlaceLevel =
        suffix === '村' || suffix === '村民小组' ? 'VILLAGE' : suffix === '社区' ? 'COMMUNITY' : 'TOWNSHIP';
      if (level === 'TOWNSHIP' && startsWithVerb(core)) continue;
      if (this.verbNamedOnce(core, suffix)) continue;
      const existing = [...this.places.values()].find((p) => p.name === name && p.level === level);
      let parentKey = mainKey;
      const sentence = this.sentences.at(start);
      for (const h of sorted) {
        if (h.start >= start) break;
        if (h.start >= sentence.start && !h.deictic && (h.level === 'TOWNSHIP' || h.level === 'COUNTY'))
          parentKey = h.ref.key;
      }
      const key = existing?.key ?? this.ensureSubplace(name, level, parentKey, start, 'place.standalone');
      this.pushHit({
        ref: { label: 'Place', key },
        start,
        end,
        rule: 'place.standalone',
        level,
        deictic: false,
      });
    }
  }

  // 门楼镇南庄村, ，百尺杆镇泗各庄村，: a town and a village named together, at a clause start or after
  // a locative word, are places even when the gazetteer lists neither (the pair is the genre's
  // way of naming a village); the town hangs under the place named right before it, else the main place.
  addTownVillagePairs(mainKey: string | null): void {
    // Tried at each start a pair may have (the regex is sticky, so a match that begins too early
    // does not swallow the right one): a clause start, a locative word, the end of a place named.
    const re = /([\u4e00-\u9fa5]{2,4}?)(镇|乡|街道)([\u4e00-\u9fa5]{2,4}?)(村|社区)(?![民级里委务干部两])/y;
    const starts = new Set<number>([0, ...this.hits.filter((h) => !h.deictic).map((h) => h.end)]);
    for (let i = 1; i < this.text.length; i++)
      if (/[，。；：！？、\n“”■在到于从至]/.test(this.text[i - 1] ?? '')) starts.add(i);
    for (const at of [...starts].sort((a, b) => a - b)) {
      re.lastIndex = at;
      const m = re.exec(this.text);
      if (m === null) continue;
      const townCore = m[1] ?? '';
      const villageCore = m[3] ?? '';
      if (!validSubplaceCore(townCore) || !validSubplaceCore(villageCore) || startsWithVerb(villageCore))
        continue;
      const start = m.index;
      const before = this.hits.find((h) => h.end === start && !h.deictic);
      const townEnd = start + townCore.length + (m[2] ?? '').length;
      const end = start + m[0].length;
      let townKey: string | null = null;
      if (this.free(start, townEnd)) {
        const town = townCore + (m[2] ?? '');
        const existing = [...this.places.values()].find((p) => p.name === town && p.level === 'TOWNSHIP');
        townKey =
          existing?.key ??
          this.ensureSubplace(town, 'TOWNSHIP', before?.ref.key ?? mainKey, start, 'place.town-village');
        this.pushHit({
          ref: { label: 'Place', key: townKey },
          start,
          end: townEnd,
          rule: 'place.town-village',
          level: 'TOWNSHIP',
          deictic: false,
        });
      } else {
        townKey = this.hits.find((h) => h.end === townEnd && !h.deictic)?.ref.key ?? null;
      }
      if (townKey === null || !this.free(townEnd, end)) continue;
      const village = villageCore + (m[4] ?? '');
      const level: PlaceLevel = m[4] === '村' ? 'VILLAGE' : 'COMMUNITY';
      const existing = [...this.places.values()].find((p) => p.name === village && p.parentKey === townKey);
      const key =
        existing?.key ?? this.ensureSubplace(village, level, townKey, townEnd, 'place.town-village');
      this.pushHit({
        ref: { label: 'Place', key },
        start: townEnd,
        end,
        rule: 'place.town-village',
        level,
        deictic: false,
      });
    }
  }

  // 余村 again after 天荒坪镇余村: a two-character name is repeated only where it stands as a word —
  // after punctuation or a locative word, and not as the start of 村民/村级 … (其余村民 is no 余村).
  addShortRepeats(): void {
    const named = [...this.places.values()].filter(
      (p) =>
        p.code === null &&
        p.name.length === 2 &&
        p.level === 'VILLAGE' &&
        !/^[新老大小本该全邻各外]/.test(p.name),
    );
    for (const p of named) {
      for (let at = this.text.indexOf(p.name); at >= 0; at = this.text.indexOf(p.name, at + p.name.length)) {
        const end = at + p.name.length;
        const before = this.text[at - 1];
        if (!this.free(at, end) || (isHan(before) && !'在到赴于和与及的从对向'.includes(before ?? '')))
          continue;
        if ('民级里庄落委务干部两'.includes(this.text[end] ?? '')) continue;
        this.pushHit({
          ref: { label: 'Place', key: p.key },
          start: at,
          end,
          rule: 'place.repeat',
          level: p.level,
          deictic: false,
        });
      }
    }
  }

  // 北庄村如期完成换届: a town/village/community named earlier with its chain is the same place
  // when named again alone (names of three characters or more, to stay unambiguous).
  // 大济镇举办…。大济镇23个村…, or …、蒲山村…、坑北村…、尾坂村…: a township, village or community
  // the gazetteer does not list and no chain leads to, named where a clause starts and written at
  // least twice, or one of three or more villages (communities) listed after 、 in one sentence.
  // Not a word of the segmenter's dictionary (示范村, 小城镇) and no predicate. A village hangs under
  // the township or county named last before it in its paragraph, else under the main place.
  addUnlistedSubplaces(mainKey: string | null): void {
    const re = /(?<=^|[，。；：！？、\n“”■（(了])([\u4e00-\u9fa5]{2,3}?)(村|社区|街道|镇|乡)/g;
    const candidates: Array<{ core: string; suffix: string; start: number; end: number; free: boolean }> = [];
    for (const m of this.text.matchAll(re)) {
      const core = m[1] ?? '';
      const suffix = m[2] ?? '';
      const start = m.index;
      const end = start + m[0].length;
      const next = this.text[end] ?? '';
      // 村民, 村级, 村委会 …, 镇村, 乡镇: the suffix starts another word.
      if ((suffix === '村' || suffix === '社区') && /[民级里庄落委务干部两集内名局厅办]/.test(next)) continue;
      // “空壳村”: a quoted term, not a place.
      if (this.quotedAt(start)) continue;
      if ((suffix === '镇' || suffix === '乡') && /[村镇级长域里内]/.test(next)) continue;
      if (!validSubplaceCore(core) || namesCounty(core)) continue;
      if (startsWithVerb(core) || startsWithAdverb(core) || isOneVerb(core)) continue;
      if (isDictionaryWord(core + suffix)) continue;
      // A place another rule found counts for the list, and is not read again.
      candidates.push({ core, suffix, start, end, free: this.free(start, end) });
    }
    // Villages (communities) per sentence, and how many of them follow a 、.
    const listedIn = new Map<number, { all: number; afterComma: number }>();
    for (const c of candidates) {
      if (c.suffix !== '村' && c.suffix !== '社区') continue;
      const s0 = this.sentences.at(c.start).start;
      const n = listedIn.get(s0) ?? { all: 0, afterComma: 0 };
      n.all++;
      if (this.text[c.start - 1] === '、') n.afterComma++;
      listedIn.set(s0, n);
    }
    const sorted = [...this.hits].sort(compareHits);
    for (const c of candidates) {
      if (!c.free) continue;
      const name = c.core + c.suffix;
      let written = 0;
      for (let at = this.text.indexOf(name); at >= 0; at = this.text.indexOf(name, at + name.length))
        if (!this.quotedAt(at)) written++;
      const list = listedIn.get(this.sentences.at(c.start).start);
      const listed =
        (c.suffix === '村' || c.suffix === '社区') &&
        list !== undefined &&
        list.all >= 3 &&
        list.afterComma >= 2;
      if (written < 2 && !listed) continue;
      const level: PlaceLevel =
        c.suffix === '村' ? 'VILLAGE' : c.suffix === '社区' ? 'COMMUNITY' : 'TOWNSHIP';
      const paragraphStart = this.sentences.paragraphStart(c.start);
      let parentKey = mainKey;
      for (const h of sorted) {
        if (h.start >= c.start) break;
        if (h.start < paragraphStart || h.deictic) continue;
        if (h.level === 'COUNTY' || (level !== 'TOWNSHIP' && h.level === 'TOWNSHIP')) parentKey = h.ref.key;
      }
      const existing = [...this.places.values()].find((p) => p.name === name && p.level === level);
      const key = existing?.key ?? this.ensureSubplace(name, level, parentKey, c.start, 'place.unlisted');
      this.pushHit({
        ref: { label: 'Place', key },
        start: c.start,
        end: c.end,
        rule: 'place.unlisted',
        level,
        deictic: false,
      });
    }
  }

  // Whether `at` is inside a quote opened earlier in its line.
  private quotedAt(at: number): boolean {
    const lineStart = this.text.lastIndexOf('\n', at) + 1;
    const line = this.text.slice(lineStart, at);
    return line.lastIndexOf('“') > line.lastIndexOf('”');
  }

  addRepeats(): void {
    const named = [...this.places.values()].filter(
      (p) => p.code === null && p.name.length >= 3 && (p.level !== 'OTHER' || p.name.endsWith('新区')),
    );
    for (const p of named) {
      for (let at = this.text.indexOf(p.name); at >= 0; at = this.text.indexOf(p.name, at + p.name.length)) {
        const end = at + p.name.length;
        if (!this.free(at, end)) continue;
        this.pushHit({
          ref: { label: 'Place', key: p.key },
          start: at,
          end,
          rule: 'place.repeat',
          level: p.level,
          deictic: false,
        });
      }
    }
  }

  // 我市/全市/本市/该市 → the main city, 我省/全省 → the province, 我县/全县 → the county;
  // 该村/该社区/该镇 → the village, community or town named last in the same paragraph.
  addDeictics(targets: Record<'city' | 'province' | 'county' | 'district', string | null>): void {
    for (const { re, target } of DEICTIC) {
      const key = targets[target];
      if (key === null) continue;
      const place = this.places.get(key);
      if (place === undefined) continue;
      for (const m of this.text.matchAll(re)) {
        const start = m.index;
        const end = start + m[0].length;
        // 全市县乡 is a list of levels, 本市场 is a market: the deictic must end the word.
        if (!this.free(start, end) || /^[县乡级场民委区]/.test(this.text.slice(end, end + 1))) continue;
        this.pushHit({
          ref: { label: 'Place', key },
          start,
          end,
          rule: `place.deictic-${target}`,
          level: place.level,
          deictic: true,
        });
      }
    }
    const levelOfWord: Record<string, PlaceLevel> = {
      村: 'VILLAGE',
      社区: 'COMMUNITY',
      镇: 'TOWNSHIP',
      乡: 'TOWNSHIP',
      街道: 'TOWNSHIP',
    };
    const sorted = [...this.hits].sort(compareHits);
    for (const m of this.text.matchAll(/该(社区|街道|村|镇|乡)/g)) {
      const start = m.index;
      const end = start + m[0].length;
      const level = levelOfWord[m[1] ?? ''];
      if (level === undefined || !this.free(start, end)) continue;
      const paragraph = this.sentences.at(start).paragraph;
      let previous: PlaceHit | undefined;
      for (const h of sorted) {
        if (h.start >= start) break;
        if (h.level === level && !h.deictic && this.sentences.at(h.start).paragraph === paragraph)
          previous = h;
      }
      if (previous === undefined) continue;
      this.pushHit({ ref: previous.ref, start, end, rule: 'place.deictic-previous', level, deictic: true });
    }
  }

  finish(): { places: Map<string, PlaceEntity>; hits: PlaceHit[] } {
    this.hits.sort(compareHits);
    // Entities are returned sorted by key by the caller; here only evidence order matters: the
    // evidence of a place is its first hit when it has one.
    const firstHit = new Map<string, PlaceHit>();
    for (const h of this.hits) if (!firstHit.has(h.ref.key)) firstHit.set(h.ref.key, h);
    for (const [key, p] of this.places) {
      const h = firstHit.get(key);
      if (h !== undefined && h.start < p.evidence.start)
        p.evidence = this.sentences.evidence(h.start, h.rule);
    }
    const places = new Map([...this.places.entries()].sort((a, b) => compareStrings(a[0], b[0])));
    return { places, hits: this.hits };
  }
}

// Morphemes that describe a kind of village rather than name one: 省级示范村, 少数民族村, 传统古村,
// 易地搬迁社区, 网格化社区, 美丽宜居村 (a proper name like 东张务村 or 劲松北社区 has none of them).
const DESCRIPTIVE =
  /级|化$|乡$|示范|传统|偏远|边远|山区|民族|搬迁|易地|移民|安置|相邻|宜居|美丽|文明|先进|重点|贫困|脱贫|薄弱|后进|涣散|特色|生态|旅游|红色|绿色|宜业|富裕|小康|集体|经济|城郊|近郊|远郊|新型|老旧|网格|智慧|数字|城市|农村|样板|明星|模范|典型|所辖|包联|联系|帮扶|结对|周边|附近|其他|其它|几个|每个/;

/**
 * Whether `core` (the part of a name before 村/社区/镇/新区) reads as a proper name: no function
 * word, digit, punctuation or implementation verb inside, and not a generic head like 农村 or 示范,
 * not a description like 省级示范.
 */
// 化峪镇聚焦农村党员: a verb followed by more words is a predicate, not a village's name (a name
// that is one verb, 前进村 or 胜利村, stays a name).
function startsWithVerb(core: string): boolean {
  const first = tokenize(core)[0];
  return (
    first !== undefined && first.word.length >= 2 && first.word.length < core.length && /^v/.test(first.tag)
  );
}

// 充分发挥|社区党委, 积极推动|村党支部: a core that opens with an adverb word is a predicate, not a
// name (the segmenter may read the whole idiom as one word, so its first two characters are asked too).
function startsWithAdverb(core: string): boolean {
  if (core.length >= 4) {
    const head = tokenize(core.slice(0, 2));
    const tail = tokenize(core.slice(2));
    if (
      head.length === 1 &&
      /^(?:d|ad)$/.test(head[0]?.tag ?? '') &&
      tail.length === 1 &&
      /^v/.test(tail[0]?.tag ?? '')
    )
      return true;
  }
  const first = tokenize(core)[0];
  return (
    first !== undefined &&
    first.word.length >= 2 &&
    first.word.length < core.length &&
    /^(?:d|ad)$/.test(first.tag)
  );
}

// 示范村, 小城镇, 城中村: a name the segmenter's dictionary holds as one common word.
function isDictionaryWord(name: string): boolean {
  const tokens = tokenize(name);
  return tokens.length === 1 && !/^(?:x|nr|nrt|nrfg|ns)$/.test(tokens[0]?.tag ?? '');
}

// 形成, 推动: a core that is one verb word.
function isOneVerb(core: string): boolean {
  const tokens = tokenize(core);
  return tokens.length === 1 && /^v/.test(tokens[0]?.tag ?? '');
}

// Whether the segmenter reads text[start, end) as one verb word within its clause.
function readsAsVerb(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - 6);
  const window = text.slice(from, Math.min(text.length, end + 6));
  return tokenize(window).some((t) => t.start === start - from && t.end === end - from && /^v/.test(t.tag));
}

// Same length and suffix, one other character different: 百尺杆镇 / 百尺竿镇.
function oneCharVariant(written: string, listed: string): boolean {
  if (written.length !== listed.length || written.at(-1) !== listed.at(-1)) return false;
  let diff = 0;
  for (let i = 0; i < listed.length; i++) if (written[i] !== listed[i]) diff++;
  return diff === 1 && [...written].every((c) => isHan(c));
}

// Function characters that still occur inside village names, after their first character.
const CHAINED_NAME_CHARS: ReadonlySet<string> = new Set(['各', '名', '全', '之']);

function validChainedCore(core: string): boolean {
  return validSubplaceCore(core, CHAINED_NAME_CHARS);
}

function validSubplaceCore(core: string, inside: ReadonlySet<string> = new Set()): boolean {
  if (core.length === 0 || GENERIC_SUBPLACE.has(core) || DESCRIPTIVE.test(core)) return false;
  for (const [i, ch] of [...core].entries()) {
    if (!isHan(ch) || (NAME_STOP_CHARS.has(ch) && !(i > 0 && inside.has(ch)))) return false;
  }
  for (let i = 1; i <= core.length; i++) if (implementVerbEndingAt(core, i) !== null) return false;
  return true;
}

// 在吉县白沙村: a county's suffix inside the core means two places were named, the county first
// (a village named 县前村 has it first).
function namesCounty(core: string): boolean {
  return /.[省县区旗]/.test(core);
}

// Where a village/community name named with its organization starts: at the nearest boundary
// (punctuation, function word, digit or an earlier hit) within four characters, else two
// characters back. `、东张务村党支部` → 东张务村; `组织张庄村党支部` → 张庄村.
function subplaceStart(text: string, suffixAt: number, covered: (i: number) => boolean): number | null {
  for (let len = 1; len <= 4; len++) {
    const i = suffixAt - len;
    if (i < 0) return len > 1 ? suffixAt - len + 1 : null;
    const ch = text[i];
    if (
      covered(i) ||
      !isHan(ch) ||
      PUNCTUATION.has(ch ?? '') ||
      NAME_STOP_CHARS.has(ch ?? '') ||
      isAsciiDigit(ch)
    ) {
      return len > 1 ? i + 1 : null;
    }
    if (implementVerbEndingAt(text, i + 1) !== null) return len > 1 ? i + 1 : null;
  }
  return suffixAt - 2;
}
