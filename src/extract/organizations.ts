/**
 * Organizations: party committees and branches, work committees, governments and their
 * departments, each located in its place. Public within `extract`: `extractOrganizations`,
 * `classifyOrganization`, `OrgHit`.
 */
import type { Hit, SentenceIndex } from './evidence';
import { compareHits, compareStrings } from './evidence';
import { implementVerbEndingAt, isHan, NAME_STOP_CHARS } from './lexicon';
import type { PlaceAnalysis, PlaceHit } from './places';
import type { OrganizationEntity, OrganizationKind, PlaceEntity } from './types';

/** Where the text names an organization. */
export interface OrgHit extends Hit {
  /** Start of the post words that belong to the organization (`市委` of 廊坊市委书记 starts at 市). */
  titleStart: number;
  placeKey: string | null;
}

/** The organizations of one document and where they are named. */
export interface OrgAnalysis {
  organizations: Map<string, OrganizationEntity>;
  hits: OrgHit[];
}

// Departments of a party committee: 市委组织部, 县委宣传部, 市委常委会 …
const DEPT =
  '(?:组织部|宣传部|统战部|政法委|办公室|党校|常委会|巡察办|编办|网信办|老干部局|政研室|农办|直属机关工委|社会工作部|宣讲团)?';
const COMMITTEE_AFTER_PLACE = new RegExp(`^委(?:员会)?${DEPT}`);
// The unit right after a place name: 台城村党支部, 南文营社区党总支, 落垡镇党委, 固安县纪委监委 …
const UNIT_AFTER_PLACE =
  /^(?:党工委|党委|工委|党总支|党支部|总支部|支部|党组|人民政府|政府|纪委监委|纪委|监委|人大常委会|人大|政协|村民委员会|居民委员会|村委会|居委会)/;
// A zone's administrative committee: 雄安新区容东管理委员会.
const ZONE_COMMITTEE = /^[\u4e00-\u9fa5]{2,4}?(?:管理委员会|管委会)/;
// A government agency of a province, city or county: 廊坊市行政审批局, 馆陶县综合行政执法局.
const AGENCY = /^[\u4e00-\u9fa5]{1,8}?(?:局|厅)(?![面势限])/;
// Bare level bodies, resolved to the document's main place: 市委, 省委组织部, 市政府, 省人大常委会.
const BARE_LEVEL = new RegExp(
  `(省|市|县|区)(委(?:员会)?${DEPT}|(?:人民)?政府|人大常委会|政协|纪委监委|纪委)`,
  'g',
);
// National bodies have no place: 党中央 and 中共中央 are one organization.
const NATIONAL = /党中央|中共中央|国务院|全国人大常委会/g;
// A branch named only by its level, resolved to the village or community of the same sentence.
const GENERIC_UNIT = /(村|社区)(党支部|党总支|党委)/g;

/**
 * Kind of an organization from the end of its name: 党总支 → GENERAL_BRANCH, 党支部 → PARTY_BRANCH,
 * 工委 → WORK_COMMITTEE, 党委/市委/县委 → PARTY_COMMITTEE, 政府/管委会/局 → GOVERNMENT; departments
 * (组织部, 宣传部), 纪委, 人大, 村委会 → OTHER.
 */
export function classifyOrganization(name: string): OrganizationKind {
  if (/(?:党总支|总支部?)$/.test(name)) return 'GENERAL_BRANCH';
  if (/支部$/.test(name)) return 'PARTY_BRANCH';
  if (/工委$/.test(name)) return 'WORK_COMMITTEE';
  if (/(?:党委|党组|[省市县区州旗]委|[省市县区州旗]委员会|中共中央)$/.test(name)) return 'PARTY_COMMITTEE';
  if (/(?:政府|管委会|管理委员会|局|厅|国务院)$/.test(name)) return 'GOVERNMENT';
  return 'OTHER';
}

function normalizeName(name: string): string {
  // 中共廊坊市委组织部 → 廊坊市委组织部; 中共廊坊市委员会 → 廊坊市委; 党中央 → 中共中央.
  if (name === '党中央') return '中共中央';
  return name.replace(/^中共(?!中央)/, '').replace(/([省市县区州旗])委员会/, '$1委');
}

/** Organization key: `<place key or ''>|<normalized name>`. */
export function orgKey(placeKey: string | null, name: string): string {
  return `${placeKey ?? ''}|${name}`;
}

/**
 * Finds the organizations of one document: units named after a place, bare level bodies
 * (市委 → the main city's 市委), national bodies and branches named by level only.
 */
export function extractOrganizations(
  text: string,
  sentences: SentenceIndex,
  places: PlaceAnalysis,
): OrgAnalysis {
  const organizations = new Map<string, OrganizationEntity>();
  const hits: OrgHit[] = [];
  const taken = new Uint8Array(text.length + 1);

  const add = (
    name: string,
    place: PlaceEntity | null,
    start: number,
    end: number,
    titleStart: number,
    rule: string,
  ): void => {
    for (let i = start; i < end; i++) if (taken[i] === 1) return;
    const normalized = normalizeName(name);
    const key = orgKey(place?.key ?? null, normalized);
    if (!organizations.has(key)) {
      organizations.set(key, {
        key,
        name: normalized,
        kind: classifyOrganization(normalized),
        placeKey: place?.key ?? null,
        evidence: sentences.evidence(start, rule),
      });
    }
    hits.push({
      ref: { label: 'Organization', key },
      start,
      end,
      rule,
      titleStart,
      placeKey: place?.key ?? null,
    });
    for (let i = start; i < end; i++) taken[i] = 1;
  };

  const placeHits = places.hits;
  for (const h of placeHits) {
    const place = places.places.get(h.ref.key);
    if (place === undefined || (h.deictic && h.rule !== 'place.deictic-previous')) continue;
    const ahead = text.slice(h.end, h.end + 16);
    const levelChar = text[h.end - 1] ?? '';
    // 廊坊市委书记, 定州市委宣传部: the 市 of the place is the 市 of 市委.
    const committee =
      '省市县区州旗'.includes(levelChar) && !h.deictic ? COMMITTEE_AFTER_PLACE.exec(ahead) : null;
    if (committee !== null) {
      add(
        place.name + committee[0],
        place,
        h.start,
        h.end + committee[0].length,
        h.end - 1,
        'org.place-committee',
      );
      continue;
    }
    // 台城村党支部, 南文营社区党总支, 该村党支部 (该村 = the village named before).
    const unit = UNIT_AFTER_PLACE.exec(ahead);
    if (unit !== null) {
      add(place.name + unit[0], place, h.start, h.end + unit[0].length, h.end, 'org.place-unit');
      continue;
    }
    // 雄安新区容东管理委员会
    const zone = ZONE_COMMITTEE.exec(ahead);
    if (zone !== null && validCore(zone[0])) {
      add(place.name + zone[0], place, h.start, h.end + zone[0].length, h.end, 'org.zone-committee');
      continue;
    }
    // 廊坊市行政审批局, 馆陶县综合行政执法局: agencies belong to provinces, cities and counties only.
    const agency =
      h.level === 'PROVINCE' || h.level === 'CITY' || h.level === 'COUNTY' ? AGENCY.exec(ahead) : null;
    // …but not 广阳区万众里社区建设局: a place named inside the span means the agency is not the county's.
    const nested =
      agency !== null && placeHits.some((p) => p.start > h.start && p.start < h.end + agency[0].length);
    if (agency !== null && !nested && !h.deictic && validCore(agency[0].slice(0, -1))) {
      add(place.name + agency[0], place, h.start, h.end + agency[0].length, h.end, 'org.place-agency');
    }
  }

  // 市委 → 廊坊市委 (the main city's), 省委 → 河北省委, 市政府 → 廊坊市政府; never 团市委.
  const levelPlace: Record<string, string | null> = {
    省: places.mainProvinceKey,
    市: places.mainCityKey,
    县:
      places.mainCountyKey !== null && places.places.get(places.mainCountyKey)?.name.endsWith('县') === true
        ? places.mainCountyKey
        : null,
    区:
      places.mainCountyKey !== null && places.places.get(places.mainCountyKey)?.name.endsWith('区') === true
        ? places.mainCountyKey
        : null,
  };
  for (const m of text.matchAll(BARE_LEVEL)) {
    const start = m.index;
    const before = text[start - 1];
    // 团市委 (the Youth League), 社区委员会, 各县委 are not the main place's committee.
    if (before !== undefined && '团各城都全本我该社小园景新老辖'.includes(before)) continue;
    if (isCoveredByPlace(placeHits, start)) continue;
    const key = levelPlace[m[1] ?? ''] ?? null;
    const place = key === null ? undefined : places.places.get(key);
    if (place === undefined) continue;
    add(place.name + m[0].slice(1), place, start, start + m[0].length, start, 'org.level-committee');
  }

  // 党中央, 中共中央, 国务院: national bodies, no place.
  for (const m of text.matchAll(NATIONAL)) {
    add(m[0], null, m.index, m.index + m[0].length, m.index, 'org.national');
  }

  // 村党支部书记封红卷 in a sentence naming 北庄村 → 北庄村党支部.
  for (const m of text.matchAll(GENERIC_UNIT)) {
    const start = m.index;
    if (isCoveredByPlace(placeHits, start)) continue;
    const level = m[1] === '村' ? 'VILLAGE' : 'COMMUNITY';
    const sentence = sentences.at(start);
    let nearest: PlaceHit | undefined;
    for (const h of placeHits) {
      if (h.start >= start) break;
      if (h.start >= sentence.start && h.level === level) nearest = h;
    }
    const place = nearest === undefined ? undefined : places.places.get(nearest.ref.key);
    if (place === undefined) continue;
    add(place.name + (m[2] ?? ''), place, start, start + m[0].length, start, 'org.generic-unit');
  }

  hits.sort(compareHits);
  const sorted = new Map([...organizations.entries()].sort((a, b) => compareStrings(a[0], b[0])));
  return { organizations: sorted, hits };
}

function isCoveredByPlace(hits: readonly PlaceHit[], offset: number): boolean {
  return hits.some((h) => h.start <= offset && offset < h.end);
}

function validCore(core: string): boolean {
  for (const ch of core) if (!isHan(ch) || NAME_STOP_CHARS.has(ch)) return false;
  for (let i = 1; i <= core.length; i++) if (implementVerbEndingAt(core, i) !== null) return false;
  return true;
}
