/**
 * Organizations: party committees and branches, work committees, governments and their
 * departments, each located in its place; bodies named by a proper name and a type word
 * (某某商圈党总支, 某某食品有限公司, 某某大学), whose left edge the jieba segmenter decides; media
 * outlets that employ a named reporter. Bare level bodies (区委组织部, 镇党委, 园区组织部) are completed
 * with the place of the text. Public within `extract`: `extractOrganizations`, `classifyOrganization`,
 * `orgKey`, `OrgHit`.
 */
import type { Hit, SentenceIndex } from './evidence';
import { compareHits, compareStrings } from './evidence';
import { implementVerbEndingAt, isHan, NAME_STOP_CHARS } from './lexicon';
import type { PlaceAnalysis, PlaceHit } from './places';
import type { Token, TokenIndex } from './tokens';
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
// (区直机关工委: 江宁区委区直机关工委; 教育工委: 江西省委教育工委.)
const DEPT =
  '(?:组织部|宣传部|统战部|政法委|办公室|党校|常委会|巡察办|编办|网信办|老干部局|政研室|农办|直属机关工委|[省市县区]直机关工委|机关工委|教育工委|企业工委|两新工委|社会工作部|宣讲团)?';
// A section of a department: 县委组织部干部教育科 (not 科技, 科学).
const SECTION_AFTER = /^[\u4e00-\u9fa5]{2,5}?科(?![技学研普])/;
const COMMITTEE_AFTER_PLACE = new RegExp(`^委(?:员会)?${DEPT}`);
// The unit right after a place name: 台城村党支部, 南文营社区党总支, 落垡镇党委, 固安县纪委监委 …
const UNIT_AFTER_PLACE =
  /^(?:党工委|党委|工委|党总支|党支部|总支部|支部|党组|人民政府|政府|街道办事处|办事处|纪委监委|纪委|监委|人大常委会|人大|政协|村民委员会|居民委员会|村委会|居委会|总工会|妇联|残联|科协|工商联)/;
// A zone's administrative committee: 雄安新区容东管理委员会, 南沙新区管委会.
const ZONE_COMMITTEE = /^[\u4e00-\u9fa5]{0,4}?(?:管理委员会|管委会)/;
// A government agency of a province, city or county: 廊坊市行政审批局, 馆陶县综合行政执法局.
const AGENCY = /^[\u4e00-\u9fa5]{1,8}?(?:局|厅)(?![面势限])/;
// Bare level bodies, resolved to the document's main place: 市委, 省委组织部, 市政府, 省人大常委会,
// 区工商联, 县妇联, 区疾控中心 (an agency, 区行政审批局, is matched separately: it needs a word boundary).
const BARE_LEVEL = new RegExp(
  `(省|市|县|区)(委(?:员会)?${DEPT}|(?:人民)?政府|人大常委会|政协|纪委监委|纪委|工商联|总工会|妇联|残联|科协|疾控中心)`,
  'g',
);
// A township's body named by its level alone: 镇党委, 街道党工委, 乡政府.
const BARE_TOWN = /(镇|乡|街道)(党委|党工委|人民政府|政府)/g;
// A zone's body named by the zone word alone: 园区组织部, 新区党工委, 开发区管委会.
const ZONE_BODY = /(园区|新区|开发区|高新区)(党工委|管委会|组织部|宣传部)/g;
// A bare level agency: 区行政审批局, 县市场监管局 (checked against the segmenter: 市场监管局 is no 市 body).
const BARE_AGENCY = /(省|市|县|区)([\u4e00-\u9fa5]{2,6}?局)/g;
// National bodies have no place: 党中央 and 中共中央 are one organization; the ministries of the
// State Council (a closed class): 民政部派驻…的第一书记, 财政部和省委组织部联合发文….
// prettier-ignore
const MINISTRIES = [
  '外交部', '国防部', '教育部', '科学技术部', '科技部', '工业和信息化部', '工信部', '公安部', '民政部', '司法部',
  '财政部', '人力资源和社会保障部', '人社部', '自然资源部', '生态环境部', '住房和城乡建设部', '住建部',
  '交通运输部', '水利部', '农业农村部', '商务部', '文化和旅游部', '退役军人事务部', '应急管理部', '审计署',
  '国家发展改革委', '国家卫生健康委', '国家民委', '中央组织部', '中组部', '中央宣传部', '中宣部',
];
const NATIONAL = new RegExp(`党中央|中共中央|国务院|全国人大常委会|${MINISTRIES.join('|')}`, 'g');
// A branch or committee named only by its level, resolved to the village or community of the
// sentence (else the paragraph): 记者来到大柳树村，村委会主任… → 大柳树村村委会.
const GENERIC_UNIT = /(村|社区)(党支部|党总支|党委)|村委会|居委会/g;

// Type words that end the name of an organization that is not a place's own body (longest
// first): 江宁区快递物流行业党委, 新街口商圈党总支, 金沙广场联合党支部, 鑫源物流集团党委;
// 百川源食品有限公司, 鑫源物流集团, 清溪村股份经济合作社, 东江大学, 白沙中学, 家政行业协会,
// 德清县人民医院, 某某农商银行.
// prettier-ignore
const NAMED_UNIT_WORDS = [
  '联合党支部', '联合党委', '党工委', '党总支', '党支部', '党委', '有限责任公司', '有限公司', '公司', '集团', '合作社', '大学', '学院',
  '中学', '小学', '协会', '商会', '党建联盟', '医院', '卫生院', '银行', '信用社', '研究院',
];
const NAMED_UNIT = new RegExp(NAMED_UNIT_WORDS.join('|'), 'g');
// Name parts that make a descriptor a proper name (jieba tags): place, person, organization,
// other proper noun, unknown word (鑫源/x), Latin (not abbreviations: 非公/j).
const PROPER_TAGS = new Set(['ns', 'nr', 'nrt', 'nrfg', 'nt', 'nz', 'x', 'eng']);
// Tags that never occur inside a name before its type word: prepositions, conjunctions,
// particles, pronouns, adverbs, classifiers, time words, interjections, verbs.
const NOT_IN_NAME_TAGS = /^(?:p|c|u\w*|r\w*|d|q|t|y|e|o|v|vd|ad|zg|m|f|a)$/;
// Generic descriptors that are no name: 3个独立党支部, 各级党委, 基层党支部, 物业公司, 相关企业 ….
// Verbs that put an organization in place, which the segmenter may tag as nouns: 党支部领办某某合作社,
// 村集体创办某某公司 (the name starts after them).
const LEADING_VERBS = new Set([
  '领办',
  '创办',
  '兴办',
  '成立',
  '组建',
  '注册',
  '牵头',
  '联合',
  '依托',
  '引进',
  '入驻',
]);
// Conjunctions that join two names, never inside one before its type word: 成立暨家政行业协会党委.
const CONJUNCTION_CHARS = new Set([...'暨及和或']);
// A descriptor of a sector of the jurisdiction: (江宁区)家政行业协会党委, (某某新区)两新组织党工委. With no
// place before it, the name is completed with the document's place.
const SECTOR_DESCRIPTOR = /(?:行业|非公|两新|协会|商会|楼宇|商圈|新就业群体)/;
const GENERIC_DESCRIPTOR =
  /^(?:独立|联合|基层|各级|各|全|所属|相关|有关|上级|下级|本级|临时|功能型|物业|公益性|国有|民营|非公|企业|机关|学校|高校|农村|城市|社区|村|新|老|楼宇|商务|商圈|园区|小区|网格|楼栋|单位|部门|行业|两新|市场|协会|社会组织|经济组织|公立|私立|民办|县级|乡镇|基层|定点|三甲)+$/;

// Media type words (a closed class): 日报, 晚报, 新闻网, 在线, 电视台, 通讯社 …, the last character
// of an outlet's name (东海在线, 南江日报, 新华社).
const MEDIA =
  '日报|晚报|晨报|都市报|时报|商报|青年报|法治报|报社|新闻网|在线|电视台|广播电视台|通讯社|新华社|客户端|杂志社|网|报';
// An outlet right before a newsroom role: 福州日报记者, 《某某日报》记者, 某某日报副总编辑.
const OUTLET_ROLE = new RegExp(
  `(?:${MEDIA})(?=》?(?:特约|见习|实习|首席|摄影)?(?:记者|通讯员|副?总编辑|编辑|副?主编|评论员))`,
  'g',
);
// A dispatch opening a paragraph with a titled byline (the outlet employs the reporter):
// 某某网南宁3月8日电(记者 …), 某某在线宁波6月2日讯(某某在线记者 …), 某某日报讯(通讯员 …).
const DISPATCH = new RegExp(
  `^([\\u4e00-\\u9fa5]{1,8}(?:${MEDIA}|社))[\\u4e00-\\u9fa5]{0,4}?(?:\\d{1,2}月\\d{1,2}日)?[电讯]\\s*[(（【][^)）】]{0,10}?(?:记者|通讯员)`,
);
// The outlet of a 来源 line, for 本报: 来源：某某日报 2019-07-29, 来源：某某日报-某某网.
const SOURCE_LINE = new RegExp(`来源[：:]\\s*([\\u4e00-\\u9fa5]{1,10}?(?:${MEDIA}))(?![\\u4e00-\\u9fa5])`);

/**
 * Kind of an organization from the end of its name: 党总支 → GENERAL_BRANCH, 党支部 → PARTY_BRANCH,
 * 工委 → WORK_COMMITTEE, 党委/市委/县委/党组, a committee's standing body (市委常委会) and its departments (县委组织部, 区委社会工作部,
 * 县委组织部干部教育科) → PARTY_COMMITTEE, 政府/管委会/局/村委会/居委会/ministries → GOVERNMENT;
 * companies, universities, media, 工商联 → OTHER.
 */
export function classifyOrganization(name: string): OrganizationKind {
  if (/(?:党总支|总支部?)$/.test(name)) return 'GENERAL_BRANCH';
  if (/支部$/.test(name)) return 'PARTY_BRANCH';
  if (/工委$/.test(name)) return 'WORK_COMMITTEE';
  // 廊坊市委常委会 is the committee's standing body (OrganizationKind's rule); 人大常委会 is not a party body.
  if (/(?:党委|党组|[省市县区州旗]委|[省市县区州旗]委员会|[省市县区州旗]委常委会|中共中央)$/.test(name))
    return 'PARTY_COMMITTEE';
  // 组织部, 宣传部, 统战部, 社会工作部 are party departments wherever they sit (园区组织部 too).
  if (
    /(?:组织部|宣传部|统战部|社会工作部|^中[组宣]部)$/.test(name) ||
    /(?:[省市县区州旗]委|^中央)(?:政法委|办公室|[\u4e00-\u9fa5]{0,8}科)$/.test(name)
  )
    return 'PARTY_COMMITTEE';
  if (
    /(?:政府|管委会|管理委员会|局|厅|国务院|村委会|居委会|村委|村民委员会|居民委员会|疾控中心|审计署|办事处)$/.test(
      name,
    )
  )
    return 'GOVERNMENT';
  if (/部$/.test(name) && MINISTRIES.includes(name)) return 'GOVERNMENT';
  if (/^国家.{1,6}委$/.test(name)) return 'GOVERNMENT';
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

// How deep a level lies (a village's party branch sits in the village, not in its county).
const LEVEL_DEPTH: Record<PlaceEntity['level'], number> = {
  PROVINCE: 1,
  CITY: 2,
  COUNTY: 3,
  TOWNSHIP: 4,
  COMMUNITY: 5,
  VILLAGE: 5,
  OTHER: 0,
};

/**
 * Finds the organizations of one document: units named after a place, bare level bodies
 * (市委 → the main city's 市委), national bodies and branches named by level only.
 */
export function extractOrganizations(
  text: string,
  sentences: SentenceIndex,
  places: PlaceAnalysis,
  tokens: TokenIndex,
  outlet: string | null = null,
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
    // 彝良县发达村党支部: the organization sits in the most specific place its own name names.
    const inner = places.hits.filter((h) => !h.deictic && h.start >= start && h.end <= end).at(-1);
    const innerPlace = inner === undefined ? undefined : places.places.get(inner.ref.key);
    if (
      innerPlace !== undefined &&
      innerPlace.key !== place?.key &&
      LEVEL_DEPTH[innerPlace.level] > LEVEL_DEPTH[place?.level ?? 'OTHER']
    )
      place = innerPlace;
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
  // An organization the text names only inside a longer one: 县委组织部 of 县委组织部干部教育科.
  const addImplied = (name: string, place: PlaceEntity | null, at: number, rule: string): void => {
    const key = orgKey(place?.key ?? null, name);
    if (!organizations.has(key))
      organizations.set(key, {
        key,
        name,
        kind: classifyOrganization(name),
        placeKey: place?.key ?? null,
        evidence: sentences.evidence(at, rule),
      });
  };
  // 县委组织部|干部教育科: a section right after a department extends the organization.
  const section = (name: string, end: number): string => {
    const m = /(?:组织部|宣传部|统战部|社会工作部)$/.test(name)
      ? SECTION_AFTER.exec(text.slice(end, end + 6))
      : null;
    return m?.[0] ?? '';
  };

  const placeHits = places.hits;
  for (const h of placeHits) {
    const place = places.places.get(h.ref.key);
    if (place === undefined || (h.deictic && h.rule !== 'place.deictic-previous')) continue;
    if (!h.deictic && verbLikeSubplace(text, tokens, h)) continue;
    const ahead = text.slice(h.end, h.end + 16);
    const levelChar = text[h.end - 1] ?? '';
    // 廊坊市委书记, 定州市委宣传部: the 市 of the place is the 市 of 市委.
    const committee =
      '省市县区州旗'.includes(levelChar) && !h.deictic ? COMMITTEE_AFTER_PLACE.exec(ahead) : null;
    if (committee !== null) {
      const name = place.name + committee[0];
      const sec = section(name, h.end + committee[0].length);
      if (sec !== '') addImplied(normalizeName(name), place, h.start, 'org.place-committee');
      add(
        name + sec,
        place,
        h.start,
        h.end + committee[0].length + sec.length,
        h.end - 1,
        'org.place-committee',
      );
      continue;
    }
    // 台城村党支部, 南文营社区党总支, 该村党支部 (该村 = the village named before).
    // 金火村委办公楼: a village's 村委 (not 村委员); 金火村委会主任: its 村委会.
    // 某村原党支部书记: the tense marker belongs to the post, not to the branch's name.
    const tense = /^(?:原|时任|前任)(?=党|支部|总支|村委|居委)/.exec(ahead)?.[0] ?? '';
    const unitAhead = ahead.slice(tense.length);
    const unit =
      UNIT_AFTER_PLACE.exec(unitAhead) ??
      (levelChar === '村' && tense === '' ? /^委会|^委(?![员托])/.exec(ahead) : null);
    // 某镇党支部领办合作社: a township or county has a 党委, not a branch of its own; the branches named
    // after it are its villages' (the text names them generically).
    const branchOfTown =
      unit !== null &&
      /^(?:党支部|党总支|总支部|支部)/.test(unit[0]) &&
      /^(?:TOWNSHIP|COUNTY|CITY|PROVINCE)$/.test(h.level);
    if (unit !== null && !branchOfTown) {
      const end = h.end + tense.length + unit[0].length;
      add(place.name + unit[0], place, h.start, end, h.end + tense.length, 'org.place-unit');
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
      // 奎文公安分局: an agency named after the short form keeps the name as written.
      const written = h.rule === 'place.gazetteer-short' ? text.slice(h.start, h.end) : place.name;
      add(written + agency[0], place, h.start, h.end + agency[0].length, h.end, 'org.place-agency');
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
    const name = place.name + m[0].slice(1);
    const sec = section(name, start + m[0].length);
    if (sec !== '') addImplied(normalizeName(name), place, start, 'org.level-committee');
    add(name + sec, place, start, start + m[0].length + sec.length, start, 'org.level-committee');
  }

  // 镇党委, 街道党工委, 乡政府 written bare in a text that names one township: that township's body.
  const townships = new Set(
    placeHits.filter((h) => !h.deictic && h.level === 'TOWNSHIP').map((h) => h.ref.key),
  );
  const township = townships.size === 1 ? places.places.get([...townships][0] ?? '') : undefined;
  for (const m of text.matchAll(BARE_TOWN)) {
    const start = m.index;
    const before = text[start - 1];
    if (township === undefined || !township.name.endsWith(m[1] ?? '') || isCoveredByPlace(placeHits, start))
      continue;
    if (before !== undefined && isHan(before) && !'由在和与及向经被对将把是的'.includes(before)) continue;
    add(township.name + (m[2] ?? ''), township, start, start + m[0].length, start, 'org.level-township');
  }

  // 园区组织部, 新区管委会 in a text about a zone (某某工业园区, 某某新区): the zone's own body.
  for (const m of text.matchAll(ZONE_BODY)) {
    const start = m.index;
    // The one zone of that kind the text names.
    const zones = new Set(
      placeHits
        .filter((h) => !h.deictic && (places.places.get(h.ref.key)?.name.endsWith(m[1] ?? '') ?? false))
        .map((h) => h.ref.key),
    );
    const main = zones.size === 1 ? places.places.get([...zones][0] ?? '') : undefined;
    if (main === undefined || main.name === m[1]) continue;
    if (
      isCoveredByPlace(placeHits, start) ||
      (isHan(text[start - 1]) && !'在由和与及、'.includes(text[start - 1] ?? ''))
    )
      continue;
    add(main.name + (m[2] ?? ''), main, start, start + m[0].length, start, 'org.zone-body');
  }

  // 区行政审批局开展…: a bare agency of the level, when the level character stands alone (not 市场监管局).
  for (const m of text.matchAll(BARE_AGENCY)) {
    const start = m.index;
    const before = text[start - 1];
    if (before !== undefined && isHan(before)) continue;
    const t = tokens.at(start);
    if (t === undefined || t.start !== start || t.end !== start + 1) continue;
    if (!validCore((m[2] ?? '').slice(0, -1))) continue;
    const key = levelPlace[m[1] ?? ''] ?? null;
    const place = key === null ? undefined : places.places.get(key);
    if (place === undefined) continue;
    add(place.name + (m[2] ?? ''), place, start, start + m[0].length, start, 'org.level-agency');
  }

  // Media outlets named as the employer of a reporter or editor, or as the sender of a dispatch:
  // 东海在线记者, 时任某某日报副总编辑, 《某某日报》记者, 新华社南宁3月8日电, 本报记者 (the outlet of the
  // 来源 line). An outlet named only in a 来源 line is not an actor.
  for (const m of text.matchAll(OUTLET_ROLE)) {
    const me = m.index + m[0].length;
    if (taken[m.index] === 1) continue;
    const start = outletStart(text, tokens, m.index, me);
    if (start === null) continue;
    add(text.slice(start, me), null, start, me, me + (text[me] === '》' ? 1 : 0), 'org.outlet');
  }
  for (const p of paragraphStarts(text)) {
    const d = DISPATCH.exec(text.slice(p, p + 24));
    const name = d?.[1];
    if (name === undefined || name.length < 2 || /^[本该]/.test(name) || taken[p] === 1) continue;
    add(name, null, p, p + name.length, p + name.length, 'org.outlet-dispatch');
  }
  // The outlet of 本报: the 来源 line's, else the outlet the document info read from its header
  // (a masthead `某某日报 2024年06月12日`).
  const source =
    SOURCE_LINE.exec(text)?.[1] ??
    (outlet !== null && new RegExp(`(?:${MEDIA})$`).test(outlet) ? outlet : undefined);
  // 本报记者 许文静 / 本报宁波讯 (not 本报记者带着…, where no reporter is named).
  for (const m of text.matchAll(
    /本报(?=(?:特约|见习|实习)?(?:记者|通讯员)\s*[\u4e00-\u9fa5]{2,4}(?:[\s)）、]|$)|[\u4e00-\u9fa5]{0,4}讯)/g,
  )) {
    if (source === undefined || source.length < 3) break;
    add(source, null, m.index, m.index + 2, m.index + 2, 'org.outlet-own');
  }

  // 党中央, 中共中央, 国务院: national bodies, no place.
  for (const m of text.matchAll(NATIONAL)) {
    const end = m.index + m[0].length;
    // 《2019年国务院政府工作报告》 is a title, not the body acting; 教育部门 is no ministry.
    if (insideTitle(text, m.index, end) || !tokens.boundaryAt(end) || !tokens.boundaryAt(m.index)) continue;
    add(m[0], null, m.index, end, m.index, 'org.national');
  }

  // 村党支部书记封红卷 in a sentence naming 北庄村 → 北庄村党支部; 村委会主任 → 大柳树村村委会.
  for (const m of text.matchAll(GENERIC_UNIT)) {
    const start = m.index;
    if (isCoveredByPlace(placeHits, start)) continue;
    const unit = m[2] ?? m[0];
    const level = m[1] === '社区' || unit === '居委会' ? 'COMMUNITY' : 'VILLAGE';
    const sentence = sentences.at(start);
    const paragraphStart = sentences.paragraphStart(start);
    let nearest: PlaceHit | undefined;
    for (const h of placeHits) {
      if (h.start >= start) break;
      if (h.level !== level || h.deictic || verbLikeSubplace(text, tokens, h)) continue;
      // A committee of the village (村委会) may be named in the paragraph; a branch, in its sentence.
      if (h.start >= sentence.start || (m[2] === undefined && h.start >= paragraphStart)) nearest = h;
    }
    const place = nearest === undefined ? undefined : places.places.get(nearest.ref.key);
    if (place === undefined) continue;
    add(place.name + unit, place, start, start + m[0].length, start, 'org.generic-unit');
  }

  // Organizations named by a proper name and a type word: 新街口商圈党总支, 鑫源物流集团党委,
  // 江宁区快递物流行业党委, 百川源食品有限公司, “青山绿水”合作社.
  for (const m of text.matchAll(NAMED_UNIT)) {
    const ts = m.index;
    const te = ts + m[0].length;
    if (taken[ts] === 1 || taken[te - 1] === 1) continue;
    // 百川源公司党支部: the company is named as part of its branch.
    if (/^(?:联合)?(?:党工委|党总支|党支部|党委)/.test(text.slice(te, te + 5))) continue;
    // 东江大学化学系… and 某某大学学生 keep 大学; 大学生 is no university.
    if (m[0] === '大学' && text[te] === '生') continue;
    // 《中国共产党支部工作条例》 is a title, not a branch.
    if (insideTitle(text, ts, te)) continue;
    const found = namedUnitStart(text, tokens, placeHits, ts);
    if (found === null) continue;
    let { start } = found;
    // “某某县某某果蔬专业合作社”: a name written whole in quotes keeps its place.
    const open = text.lastIndexOf('“', ts);
    if (
      text[te] === '”' &&
      open >= 0 &&
      open < start &&
      start - open <= 8 &&
      !text.slice(open, ts).includes('”')
    )
      start = open + 1;
    const quoted = text[start] === '“';
    let name = quoted ? text.slice(start + 1, ts - 1) + m[0] : text.slice(start, te);
    // 某村原党支部书记: the tense marker belongs to the post.
    name = name.replace(/(?:原|时任|前任)(?=(?:联合)?(?:党工委|党总支|党支部|党委)$)/, '');
    const inner = placeHits.find((h) => h.start >= start && h.end <= ts && !h.deictic);
    // 某镇党支部领办合作社: a town's own body is its 党委; a branch named by the town alone is generic.
    if (/党支部|党总支/.test(m[0]) && /(?:镇|乡|街道|县|市|区|省)$/.test(text.slice(start, ts))) continue;
    let place = inner === undefined ? null : (places.places.get(inner.ref.key) ?? null);
    if (found.complete) {
      const main = places.mainPlaceKey === null ? undefined : places.places.get(places.mainPlaceKey);
      const key =
        places.mainCountyKey ??
        (main?.level === 'COUNTY' || main?.level === 'CITY' ? main.key : null) ??
        places.mainCityKey;
      place = key === null ? null : (places.places.get(key) ?? null);
      if (place === null) continue;
      name = place.name + name;
    }
    add(name, place, start, te, start, 'org.named-unit');
  }

  hits.sort(compareHits);
  const sorted = new Map([...organizations.entries()].sort((a, b) => compareStrings(a[0], b[0])));
  return { organizations: sorted, hits };
}

// Start of the name before the type word at `ts`, or null when no name precedes it. The name is
// the run of segmenter words before the type word (up to 12 characters) that are no function words
// or verbs, and it must hold a proper word (鑫源/x, 恒远/nz, 南京/ns, an ordinal 第三, a type word such
// as 局/集团/学院) or follow a place: 牵头成立江宁区快递物流行业党委 → 江宁区快递物流行业党委. A place
// written in full (江宁区秣陵街道) before a name-like word (金鹰) is the location, not part of the name:
// 江宁区秣陵街道金鹰花园联合党支部 → 金鹰花园联合党支部; 江西省南丰百川源食品有限公司 → 南丰….
function namedUnitStart(
  text: string,
  tokens: TokenIndex,
  placeHits: readonly PlaceHit[],
  ts: number,
): { start: number; complete: boolean } | null {
  // “青山绿水”合作社: a quoted name right before a company or cooperative (“五星”党支部 is an
  // honour, not a name).
  if (text[ts - 1] === '”' && !/^(?:联合)?党/.test(text.slice(ts, ts + 3))) {
    const open = text.lastIndexOf('“', ts - 2);
    const inner = text.slice(open + 1, ts - 1);
    if (open >= 0 && inner.length >= 2 && inner.length <= 8 && [...inner].every((c) => isHan(c)))
      return { start: open, complete: false };
  }
  interface Unit {
    start: number;
    tag: string;
    place: PlaceHit | null;
  }
  const units: Unit[] = [];
  let at = ts;
  while (ts - at < 12) {
    const place = placeHits.find((h) => h.end === at && !h.deictic) ?? null;
    if (place !== null && verbLikeSubplace(text, tokens, place)) break;
    const t: Token | undefined = place === null ? tokens.at(at - 1) : undefined;
    let from = place?.start ?? t?.start ?? at;
    // 三里村家林…: a word the segmenter ran across the end of a place starts where the place ends.
    const cut = place === null ? placeHits.find((h) => !h.deictic && h.end > from && h.end < at) : undefined;
    if (cut !== undefined) from = cut.end;
    if (from >= at || ts - from > 12) break;
    const piece = text.slice(from, at);
    // 与 joins two nouns inside a unit's name (实验室与工程中心党支部, 材料与工程系), but never starts one.
    const joins = piece === '与' && /^(?:n|nz|nt|ns|x)$/.test(tokens.at(from - 1)?.tag ?? '');
    const nameChar = (c: string): boolean =>
      isHan(c) && (!NAME_STOP_CHARS.has(c) || joins) && !CONJUNCTION_CHARS.has(c);
    if (![...piece].every(nameChar)) {
      // 与鑫源/x: the segmenter glued a function word to the name; the name starts after it.
      let cut = at;
      while (cut > from && nameChar(text[cut - 1] ?? '')) cut--;
      if (cut < at && place === null && t?.tag === 'x') units.unshift({ start: cut, tag: 'x', place: null });
      break;
    }
    if (place === null && LEADING_VERBS.has(piece)) break;
    const tag = place !== null ? 'ns' : (t?.tag ?? '');
    const ordinal = /^第[一二三四五六七八九十]+$/.test(piece);
    if (!ordinal && !joins && NOT_IN_NAME_TAGS.test(tag) && tag !== 'vn') break;
    units.unshift({ start: from, tag: ordinal ? 'nz' : tag, place });
    at = from;
  }
  // A full place name before a name-like word is the location: drop it.
  while (units.length > 1) {
    const first = units[0];
    const next = units[1];
    if (first?.place === null || first === undefined || next === undefined) break;
    const surface = text.slice(first.place.start, first.place.end);
    if (
      !/(?:省|市|县|区|旗|镇|乡|街道|村|社区)$/.test(surface) ||
      !/^(?:x|nz|nr|nrt|nrfg|ns)$/.test(next.tag)
    )
      break;
    units.shift();
  }
  const first = units[0];
  // 镇党委, 村党支部: one character is a level, never a name.
  if (first !== undefined && ts - first.start === 1) return null;
  if (first !== undefined) {
    const descriptor = text.slice(first.start, ts);
    // 着力建强党支部, 做强党委: a lone two-character unknown word before a party unit is a verb
    // (建强, 做强), not a name; a company may be named so (某某集团).
    const loneVerbish =
      units.length === 1 &&
      first.tag === 'x' &&
      ts - first.start <= 2 &&
      /^(?:联合)?党/.test(text.slice(ts, ts + 3));
    // 楼宇联合党支部, 楼宇社区党委: generic words (the segmenter may tag them as names) make no name.
    const generic = GENERIC_DESCRIPTOR.test(descriptor);
    if (!generic && !loneVerbish && units.some((u) => PROPER_TAGS.has(u.tag)))
      return { start: first.start, complete: false };
    // 税务局党委, 水利局党委: a body named by its own type word (not a bare 公司党委).
    if (units.length > 1 && /(?:局|公司|集团|大学|学院|中心)$/.test(descriptor))
      return { start: first.start, complete: false };
  }
  // 江宁区|快递物流行业|党委: a place within eight characters, and only name characters between.
  const place = [...placeHits]
    .reverse()
    .find((h) => h.end <= ts && ts - h.end <= 8 && !h.deictic && !verbLikeSubplace(text, tokens, h));
  const gap = place === undefined ? '' : text.slice(place.end, ts);
  const named =
    (!GENERIC_DESCRIPTOR.test(gap) || SECTOR_DESCRIPTOR.test(gap)) &&
    ![...LEADING_VERBS].some((v) => gap.includes(v)) &&
    !/党支部|党总支|党委|党工委/.test(gap);
  if (place !== undefined && gap.length > 0 && named && validCore(gap))
    return { start: place.start, complete: false };
  // 成立暨家政行业协会党委 in a text about 江宁区: a sector body of the document's place.
  // (A bare 行业党委 refers back to a body named before.)
  if (first !== undefined && ts - first.start >= 4 && SECTOR_DESCRIPTOR.test(text.slice(first.start, ts)))
    return { start: first.start, complete: true };
  return null;
}

// Start of the outlet whose media word is [ms, me): the first proper word (东海/ns, 南方日报/nz,
// 南京/ns) of the run of name words before it, so 时任南方日报 → 南方日报; at least three characters
// (浙报, 本报 are references, not names).
function outletStart(text: string, tokens: TokenIndex, ms: number, me: number): number | null {
  let start: number | null = null;
  const own = tokens.at(ms);
  if (own !== undefined && own.start < ms && PROPER_TAGS.has(own.tag)) start = own.start;
  if (text.slice(ms, me) === '新华社') start = ms;
  let at = own !== undefined && own.start < ms ? own.start : ms;
  while (me - at < 10) {
    const t = tokens.at(at - 1);
    if (t === undefined || ![...t.word].every((c) => isHan(c) && !NAME_STOP_CHARS.has(c))) break;
    if (NOT_IN_NAME_TAGS.test(t.tag) || ms - t.start > 8) break;
    if (PROPER_TAGS.has(t.tag) || t.tag === 'j') start = t.start;
    at = t.start;
  }
  if (start === null || me - start < 3) return null;
  return start;
}

function paragraphStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

// A village or community read from a verb or a committee word before 村/社区 (当选村党支部书记,
// 号召村党支部领办…, 党委推出农村…): no body of a place is named there.
function verbLikeSubplace(text: string, tokens: TokenIndex, h: PlaceHit): boolean {
  if (h.level !== 'VILLAGE' && h.level !== 'COMMUNITY') return false;
  const stem = text.slice(h.start, h.end).replace(/(?:村|社区)$/, '');
  if (/党|委/.test(stem)) return true;
  const t = tokens.at(h.start);
  return t !== undefined && t.start === h.start && t.word === stem && /^(?:v|vd|p|r|d|c)$/.test(t.tag);
}

// True when [start, end) lies inside a 《title》 that says more than the name itself.
function insideTitle(text: string, start: number, end: number): boolean {
  const open = text.lastIndexOf('《', start);
  if (open < 0 || text.lastIndexOf('》', start) > open) return false;
  const close = text.indexOf('》', end);
  return close >= 0 && close - open - 1 > end - start && !text.slice(end, close).includes('《');
}

function isCoveredByPlace(hits: readonly PlaceHit[], offset: number): boolean {
  return hits.some((h) => h.start <= offset && offset < h.end);
}

function validCore(core: string): boolean {
  for (const ch of core) if (!isHan(ch) || NAME_STOP_CHARS.has(ch)) return false;
  for (let i = 1; i <= core.length; i++) if (implementVerbEndingAt(core, i) !== null) return false;
  return true;
}
