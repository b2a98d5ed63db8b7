/**
 * Metrics: every reported number with its unit, the thing it counts, its year, place and program.
 * `全市3199名村党组织书记` → 3199 名 村党组织书记 in 廊坊市; `11.2万余名党员` → 112000 名, approximate.
 * Dates, times, ordinals (第一, 第19版, 第3名), document numbers (〔2023〕5号) and numbers inside names
 * or short quotes (“三个100%”, 十四五) are not metrics. Fractions and tenths are percentages:
 * 三分之一 → 33.33… %, 百分之九十五 → 95 %, 两成 → 20 %.
 * Public within `extract`: `extractMetrics`.
 */
import type { Sentence } from '../text/types';
import type { Hit, SentenceIndex } from './evidence';
import {
  CHINESE_NUMERALS,
  IMPLEMENT_VERBS,
  implementVerbEndingAt,
  isAsciiDigit,
  isHan,
  NAME_STOP_CHARS,
} from './lexicon';
import { parseFractionPercent, parseScaledNumber } from './numbers';
import type { PlaceHit } from './places';
import { TokenIndex, tokenize } from './tokens';
import type { MetricEntity } from './types';

/** What metrics need from the other extractors. */
export interface MetricContext {
  sentences: SentenceIndex;
  placeHits: readonly PlaceHit[];
  programHits: readonly Hit[];
  /** Spans whose numbers are part of a name (program names, short quotes, 《titles》). */
  excluded: ReadonlyArray<readonly [number, number]>;
  mainPlaceKey: string | null;
  /** The year the document speaks from (its date, or a year in its title), for 今年 and undated numbers. */
  documentYear: number | null;
}

// Counting units and measures, longest first (个月 before 个, 平方公里 before 公里).
// prettier-ignore
const UNITS = [
  '平方公里', '平方千米', '平方米', '立方米', '万人次', '个百分点', '人次', '场次', '期次', '户次', '个月',
  '周岁', '公里', '千米', '公顷', '小时', '分钟', '余人', '名', '个', '人', '元', '%', '％', '户', '期', '场',
  '次', '件', '条', '项', '所', '家', '支', '处', '套', '岁', '天', '台', '辆', '米', '吨', '批', '类', '节',
  '篇', '座', '间', '份', '位', '张', '株', '亩', '棵', '头', '只', '倍', '届',
  // 调处矛盾纠纷46起 (incidents), 气温只有5℃, 连续7年 / 扎根山村30年 (a duration; years and 6年前 are
  // left out by isCountable)
  '起', '℃', '年',
];
const DURATION_UNITS = new Set(['个月', '小时', '分钟', '天', '年']);
// 近千名, 上万人 (上 only before a bare 百/千/万), 不足2万元
const APPROX_PREFIX =
  '将近|接近|近|约|大约|超过|超|逾|不少于|不低于|不超过|不足|不到|至少|最高|最多|上(?=[百千万])';
const NUMERAL = '\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千万亿]+';
// 近500名, 11.2万余名, 400多万元, 两万余名, 140余万人次, 200平方米以上
// 电梯15部 (but 12部门, 3部委 and 党支部 are no count of 部).
// 2个多月, 3个余月: the approximation sits inside 个月.
const UNIT_PATTERN = ['个[多余]月', ...UNITS.map(escape), '部(?![门署委队分长级])'].join('|');
// The lower end of a range right before the upper one: 300—500户, 3至5万元 (not 第3-5名, not 10:00-12:00).
const RANGE_LOW = /(?<![\d.:：第A-Za-z])(\d+(?:\.\d+)?) ?[—\-~～至到] ?$/;
// A page may put a space inside a number's phrase: 园区企业近300 家、商户80 余家.
const TOKEN = new RegExp(
  `(${APPROX_PREFIX})?(${NUMERAL}) ?(余|多)?(万亿|万|亿)?(余|多)? ?(${UNIT_PATTERN})(以上|以下|左右|上下)?`,
  'g',
);
const FRACTION = new RegExp(
  `(${APPROX_PREFIX})?([零〇一二两三四五六七八九十百千\\d]+)分之([零〇一二两三四五六七八九十百千\\d]+(?:\\.\\d+)?)(以上|以下|左右)?`,
  'g',
);
// 两成, 近四成, 九成以上: tenths as a percentage. Not 一成不变, 三五成群, 成员, 成果 …
const TENTHS = new RegExp(
  `(${APPROX_PREFIX})?(?<![零〇一二两三四五六七八九十百千万亿\\d])([二两三四五六七八九])成(?![员果绩立为功效本品型熟长都就风片套网群交家年人])(以上|以下|左右)?`,
  'g',
);
// prettier-ignore
const TENTHS_VALUE: Record<string, number> = { 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const YEAR = /((?:19|20)\d{2})年|(今年|去年|上年)/g;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&');
}

// Words that end the counted noun after a number: 8344名社区党员开展… → 社区党员.
// prettier-ignore
const SUBJECT_STOPS = [
  '全部', '全面', '参加', '参与', '下沉', '受到', '得到', '完成', '实现', '达到', '进行', '开展', '纳入', '打通',
  '清零', '化解', '投用', '开放', '提前', '自发', '自愿', '奋战', '带头', '深入', '成立', '担任', '接受',
  '入库', '考录', '当选', '进入', '连续', '发挥', '累计', '占比', '覆盖', '涵盖', '常态化', '集中', '获得', '提供',
  '帮助', '解决', '反馈', '挂牌', '配备', '招聘', '选派', '普调', '列支', '培训', '举办', '创建', '打造', '建立',
  '评选', '组建', '参训', '分别', '经受', '彰显', '主动', '积极', '广泛', '每年', '每月', '平均', '以上', '以下',
  '左右', '中的', '其中', '补偿', '种植', '驰援', '紧急', '进村', '降至', '增长', '增至', '比原', '发表', '获',
  '支持', '用于', '帮扶', '逐一', '逐个', '一律', '普遍', '升格', '走在', '考录', '纳入', '超过', '达到',
];
// Nouns that contain a stop character: 647名机关在职党员 is not 机关.
const NOUN_WORDS = ['在职', '在岗', '在编', '在校', '在册', '上级', '参与', '给予', '和谐', '就地', '就近'];
// Single characters that end it once two characters are read (党员在… → 党员).
const SUBJECT_STOP_CHARS = new Set([...'在和与及或等的了被将把对向从到为是有都均已就又也并上里内']);
// Copulas between a noun and its number: 集中参学率达到87.6% → 集中参学率.
const COPULAS =
  /(?:累计达到?|分别为|达到了?|占到了?|占(?:总数|总量|全部|全市|全县|全省)?的|共有|共计|总计|合计|只有|仅有|仅|超过了?|约为|多达|降至|增至|增长到|提高到|提升至|提升到|下降到|减少到|降到|升至|(?:提高|提升|增加|增长|下降|降低|减少)了?|达|为|是|占|约|超|共|有|计|了)$/;
// prettier-ignore
const ADVERBS = ['先后', '累计', '共计', '分别', '同时', '已经', '目前', '现在', '其中', '月均', '人均', '年均', '平均'];
// Verbs before a number: the noun before them is not what is counted (市级每年投入400多万元).
// prettier-ignore
const BACK_STOPS = [
  '解决', '取得', '获得', '接待', '培训', '投入', '配备', '新建', '改造', '招聘', '划定', '举办', '评选', '挂牌',
  '推动', '选派', '提出', '办理', '建起', '吸纳', '引导', '总结', '成立', '选树', '培树', '化解', '完成', '实现',
  '参加', '讲', '用活', '增加', '提升', '减少', '下降', '增长', '获', '召开', '以上', '以下', '捐款', '投资',
  '列支', '拨付', '筹集', '划分', '划定', '设立', '建成', '安排', '新增', '下达', '争取', '整合', '统筹', '带动',
  '办', '加装', '安装', '修建', '铺设', '硬化', '形成', '新修', '引进', '引入', '吸引',
];

/**
 * Finds the metrics of one document. Keys are the offset of the number (its first digit) in the text.
 */
export function extractMetrics(text: string, ctx: MetricContext): MetricEntity[] {
  const out = new Map<string, MetricEntity>();
  const words = new TokenIndex(text);
  const nounAfter = (pos: number): string | null =>
    trimAfter(text, pos, readNounAfter(text, pos, words), words);
  const nounBefore = (pos: number, unit = ''): string | null =>
    trimBefore(readNounBefore(text, pos, ctx, unit));
  const excludedAt = (i: number): boolean => ctx.excluded.some(([s, e]) => s <= i && i < e);

  // 三分之一农村党组织 → 33.33… % of 农村党组织; 百分之九十五以上的农户 → 95 %, approximate;
  // 占比近四成 → 40 % of 占比 (a rate named before); 满意度由改造前的六成提高到… → of 满意度.
  const fractionSpans: Array<[number, number]> = [];
  const percents: Array<{ re: RegExp; rule: string; value: (m: RegExpMatchArray) => number | null }> = [
    { re: FRACTION, rule: 'metric.fraction', value: (m) => parseFractionPercent(m[2] ?? '', m[3] ?? '') },
    { re: TENTHS, rule: 'metric.tenths', value: (m) => (TENTHS_VALUE[m[2] ?? ''] ?? 0) * 10 || null },
  ];
  for (const { re, rule, value: read } of percents) {
    for (const m of text.matchAll(re)) {
      const [whole, prefix = ''] = m;
      const bound = m[re === FRACTION ? 4 : 3] ?? '';
      const numStart = m.index + prefix.length;
      const end = m.index + whole.length;
      if (excludedAt(numStart) || fractionSpans.some(([s, e]) => s <= numStart && numStart < e)) continue;
      fractionSpans.push([numStart, end]);
      const value = read(m);
      if (value === null) continue;
      const around =
        re === FRACTION ? (nounAfter(end) ?? nounBefore(m.index)) : (nounBefore(m.index) ?? nounAfter(end));
      const subject = changeSubject(text, m.index, ctx) ?? around;
      const approximate = prefix !== '' || bound !== '';
      const written = text.slice(numStart, end);
      out.set(
        String(numStart),
        build(text, ctx, numStart, end, value, '%', written, approximate, subject, rule),
      );
    }
  }

  for (const m of text.matchAll(TOKEN)) {
    const [whole, prefix = '', numeral = '', more1 = '', scale = '', more2 = '', rawUnit = '', bound = ''] =
      m;
    const start = m.index;
    const numStart = start + prefix.length;
    const end = start + whole.length;
    if (fractionSpans.some(([s, e]) => s <= numStart && numStart < e)) continue;
    if (excludedAt(numStart) || !isCountable(text, numStart, numeral, end, prefix, whole, rawUnit)) continue;
    if (inKeywordLine(text, numStart)) continue;
    const value = parseScaledNumber(numeral, scale);
    if (value === null) continue;
    const innerMore = /^个[多余]月$/.test(rawUnit);
    let unit = rawUnit === '％' ? '%' : rawUnit === '余人' ? '人' : innerMore ? '个月' : rawUnit;
    let stop = end;
    // 100元/月: a rate keeps its period.
    const per = /^\/(月|年|日|天|人|次)/.exec(text.slice(end, end + 2));
    if (per !== null) {
      unit = `${unit}/${per[1] ?? ''}`;
      stop += per[0].length;
    }
    const ranged =
      /[—\-~～至到]$/.test(text.slice(Math.max(0, numStart - 1), numStart)) &&
      isAsciiDigit(text[numStart - 2]);
    const approximate =
      prefix !== '' ||
      more1 !== '' ||
      more2 !== '' ||
      bound !== '' ||
      rawUnit === '余人' ||
      innerMore ||
      ranged ||
      /^余/.test(text.slice(end, end + 1));
    let subject: string | null = null;
    // 为60岁以上老人配备… → 老人 (a noun right after the threshold); 新发展农村党员35周岁以下不少于60% →
    // 新发展农村党员 (nothing countable after it, so the people named before).
    const thresholdPeople = (at: number): string | null =>
      /^n/.test(words.at(at)?.tag ?? '') ? nounAfter(at) : (nounBefore(start) ?? nounAfter(at));
    if (unit === '岁' || unit === '周岁') {
      // An age measures a person's age: 年龄60岁以下, 平均年龄43岁 name it; 60岁以上老年人 is a
      // threshold on the people after it; 91岁高龄的老党员, 76岁独居老人X → 年龄 (never the name).
      const named = nounBefore(start);
      subject =
        (named !== null && /(?:年龄|岁数|年纪)$/.test(named) ? named : null) ??
        changeSubject(text, start, ctx) ??
        (bound !== '' ? thresholdPeople(stop) : null) ??
        '年龄';
    } else if (DURATION_UNITS.has(unit)) {
      // A duration names what lasted before it (园区开发建设5年多来) or after it (提供全天12小时服务,
      // 60年来，“某某经验”…).
      const rest = /^多?(?:以?来)?[，,]?/.exec(text.slice(stop, stop + 4))?.[0] ?? '';
      // 连续3年获评…: an adverb of duration names nothing.
      const lasted = nounBefore(start, unit);
      subject = lasted !== null && /^(?:连续|持续|长期|累计|先后)$/.test(lasted) ? null : lasted;
      subject ??= nounAfter(stop + rest.length);
    } else {
      // Rates name their subject before the number: 集中参学率达到87.6%; so does a threshold
      // (集体经济年收入10万元以上的村) and a change (从A增长到B).
      const before = unit === '%' || unit === '个百分点' || (bound !== '' && text[stop] === '的');
      // 投入资金2.6亿元改造老旧小区: what follows an amount is what it paid for; the noun before names it.
      const paidFor = unit.startsWith('元') && /^v$/.test(words.at(stop)?.tag ?? '');
      subject =
        changeSubject(text, start, ctx) ??
        moneyVerb(text, start, unit) ??
        (before || paidFor
          ? (nounBefore(start, unit) ?? nounAfter(stop))
          : (nounAfter(stop) ?? nounBefore(start, unit))) ??
        listSubject(text, start, out);
    }
    const rule = unit === '%' ? 'metric.percent' : /元/.test(unit) ? 'metric.money' : 'metric.count';
    out.set(
      String(numStart),
      build(text, ctx, numStart, stop, value, unit, text.slice(numStart, stop), approximate, subject, rule),
    );
    // 300—500户, 3至5万元: a range keeps its lower end as a metric of the same unit and scale.
    const low = ranged ? RANGE_LOW.exec(text.slice(Math.max(0, numStart - 14), numStart)) : null;
    const lowValue = low === null ? null : parseScaledNumber(low[1] ?? '', scale);
    if (low !== null && lowValue !== null) {
      const lowStart = numStart - low[0].length;
      const written = text.slice(lowStart, stop);
      if (!excludedAt(lowStart))
        out.set(
          String(lowStart),
          build(text, ctx, lowStart, stop, lowValue, unit, written, true, subject, rule),
        );
    }
  }
  return [...out.values()].sort((a, b) => Number(a.key) - Number(b.key));
}

// Word classes (jieba tags) that end a counted noun read forward: verbs (not verbal nouns 培训/vn),
// adverbs, prepositions, conjunctions, pronouns, locality, place and time words, particles, idioms.
// 老旧小区分成三档 → 老旧小区; 骑手穿梭于大街小巷 → 骑手; 人员中择优选拔 → 人员; 村民心里乐开了花 →
// 村民.
const FORWARD_STOP_TAGS = new Set(['v', 'vd', 'd', 'p', 'c', 'r', 'f', 's', 't', 'ul', 'uz', 'uj', 'i']);

/**
 * The counted noun read after a number, cut where the segmenter sees a predicate start: a verb
 * with no noun after it in the phrase (骑手穿梭于大街小巷 → 骑手, 村道修通 → 村道; but 村级组织履行
 * 职责事项 and 主题学习线路 stay whole: a noun follows their verbs), or a function word.
 */
function trimAfter(text: string, pos: number, noun: string | null, words: TokenIndex): string | null {
  // 2至3年内实现…: a locality word (内, 中, 前) after the number is no noun.
  if (noun === null || /^[内中上下前后里外间]$/.test(noun)) return null;
  const at = text.indexOf(noun, pos);
  // A quoted noun (10个“口袋公园”) is whole; so is a noun not found where it was read.
  if (at < 0 || at - pos > 24 || '“「‘"'.includes(text[at - 1] ?? '')) return noun;
  const end = at + noun.length;
  // The verb's object or head noun comes right after it (or after more verbs): 改造项目, 履行职责事项.
  const nounFollows = (from: number): boolean => {
    for (let j = from; j < end;) {
      const w = words.at(j);
      if (w === undefined || w.start !== j || w.end > end) return false;
      if (w.word.length >= 2 && /^(?:n|vn)/.test(w.tag)) return true;
      if (w.tag !== 'v') return false;
      j = w.end;
    }
    // 百场主题展览等: a verb that ends a member of a list is a noun.
    return from === end && /^[等、和及与]/.test(text.slice(end, end + 1));
  };
  for (let i = at + 1; i < end; i++) {
    const w = words.at(i);
    if (w?.start !== i || !FORWARD_STOP_TAGS.has(w.tag)) continue;
    const verb = w.tag === 'v' || w.tag === 'vd';
    // 大地上: a function word reaching past the phrase did not end it (the reader did).
    if (!verb && w.end > end) continue;
    // 市场监管所: a noun-forming last character, whatever the segmenter calls it.
    if (w.end === end && w.word.length === 1 && NOUN_SUFFIXES.includes(w.word)) break;
    // 基层学习点, 临时服务站: a verb before one noun-forming character is part of the noun.
    if (verb && w.end === end - 1 && NOUN_SUFFIXES.includes(text[w.end] ?? '')) break;
    if (verb && nounFollows(w.end)) continue;
    return noun.slice(0, i - at);
  }
  return noun;
}

// Characters that make a noun of the verb before them: 学习点, 服务站, 活动室, 示范岗, 帮扶组,
// 服务队, 培训班, 办结率, 志愿者, 调解员, 议事会, 宣传栏, 阅读角, 服务台, 展览馆, 聊天群, 议事厅,
// 监管所.
const NOUN_SUFFIXES = '点站室岗组队班率者员会栏角台馆群厅所';

/**
 * The counted noun read before a number, without the adverbs around it and a verb an adverb
 * introduces: 活动已举办12场 → 活动, 面积原则上均不少于 → 面积, 已组织活动40场 → 组织活动,
 * 授权专利共计 → 授权专利.
 */
function trimBefore(noun: string | null): string | null {
  if (noun === null || noun.length === 1) return noun;
  // Segmented alone: the phrase is short and its edges are what matter here.
  const tokens = tokenize(noun);
  let last = tokens.length;
  let k = last;
  // 活动已开展: a verb after an adverb is the predicate (not 按时办结率, where 率 ends the noun).
  if (!NOUN_SUFFIXES.includes(noun.slice(-1)))
    while (k > 0 && /^v/.test(tokens[k - 1]?.tag ?? '') && tokens[k - 1]?.tag !== 'vn') k--;
  if (k < last && k > 0 && tokens[k - 1]?.tag === 'd') last = k;
  // 驿站内提供全天服务: a verb after a locality word (内/中/上) is the predicate.
  else if (
    k < last &&
    k > 1 &&
    (tokens[k - 1]?.tag === 'f' || /^[内中上里外]$/.test(tokens[k - 1]?.word ?? ''))
  )
    last = k - 1;
  // 工作队用了2个多月 → 工作队, 连续5年 → nothing: adverbs, prepositions, particles and a one-character
  // verb do not end a noun.
  for (;;) {
    const t = tokens[last - 1];
    if (last === 0 || t === undefined) break;
    const oneVerb = t.tag === 'v' && t.word.length === 1 && !NOUN_SUFFIXES.includes(t.word);
    const preposition = t.tag === 'p' && t.word !== '比'; // 人员占比 keeps its 比
    if (!['d', 'ad', 'c', 'u', 'uj', 'ul', 'uz'].includes(t.tag) && !oneVerb && !preposition) break;
    last--;
  }
  // 目前我市…, 已组织活动: a time word, a pronoun or a one-character adverb does not open a noun.
  let first = 0;
  for (;;) {
    const t = tokens[first];
    if (first >= last || t === undefined) break;
    if (!['t', 'r', 'p'].includes(t.tag) && !(t.tag === 'd' && t.word.length === 1)) break;
    first++;
  }
  if (first >= last) return null;
  const out = noun.slice(tokens[first]?.start ?? 0, tokens[last - 1]?.end ?? noun.length);
  return out.length >= 2 ? out : null;
}

// Verbs of money that name what an amount right after them is: 累计投入800余万元 → 投入,
// 全县将投资3亿多元 → 投资, 每户增收3200元 → 增收, 通过“共富工程”增收30余万元 → 增收;
// 列支/拨付/筹集/筹措/捐款/捐赠 (每年列支经费/拨付资金/筹集善款…万元), 奖励/补贴/补助 (每人奖励500元),
// 节约/节省/减免 (为群众节省费用2万元).
const MONEY_VERBS =
  /(投资|投入|列支|拨付|筹集|筹措|捐款|捐赠|增收|奖励|补贴|补助|节约|节省|减免)[了达近约超逾]*$/;

function moneyVerb(text: string, start: number, unit: string): string | null {
  if (!unit.startsWith('元')) return null;
  return MONEY_VERBS.exec(text.slice(Math.max(0, start - 6), start))?.[1] ?? null;
}

// The later members of a list share the first one's noun: 面积分别不少于800平方米、
// 500平方米和300平方米 → 面积 for all three.
function listSubject(text: string, start: number, found: ReadonlyMap<string, MetricEntity>): string | null {
  let previous: MetricEntity | undefined;
  for (const m of found.values()) if (Number(m.key) < start) previous = m;
  if (previous === undefined) return null;
  const gap = text.slice(Number(previous.key) + previous.text.length, start);
  return /^[、和及与]$/.test(gap) ? previous.subject : null;
}

// Not a count: 第19版 and 第一 (ordinals), dates and times (2021-06-07, 10:02), PM2.5, a lone 一
// (一名党员，一面旗帜 is a saying), and numbers glued to Latin letters.
function isCountable(
  text: string,
  numStart: number,
  numeral: string,
  end: number,
  prefix: string,
  whole: string,
  unit: string,
): boolean {
  let b = numStart - 1;
  while (b >= 0 && text[b] === ' ') b--;
  const before = text[b] ?? '';
  if (before === '第' || /[A-Za-z.:：/]/.test(before)) return false;
  if (/^[-:：/]\d/.test(text.slice(numStart + numeral.length, numStart + numeral.length + 2))) return false;
  if (before === '-' && isAsciiDigit(text[b - 1])) return false;
  if (/^[A-Za-z]/.test(text.slice(end, end + 1))) return false;
  // 几十个, 数百名, 若干: not a stated number.
  if ('几数若'.includes(before) && before !== '' && !/\d/.test(numeral)) return false;
  // 一名党员，一面旗帜 is a saying and 统一/唯一/之一 are words: a lone 一 is never a metric.
  if (numeral === '一' || numeral === '〇' || numeral === '零') return false;
  // 千条万条, 千家万户, 万人空巷: a bare 千 or 万 is a figure of speech, not a count — unless a word
  // of approximation says it is one (近千名党员, 上万人次).
  // 千余名志愿者, 万余元: 余/多 after a bare scale word make it a stated (rounded) count.
  const rounded = /^[千万亿][余多]/.test(whole.slice(prefix.length));
  if (
    (numeral === '千' || numeral === '万' || numeral === '亿') &&
    prefix === '' &&
    !rounded &&
    !bareScaleCount(text, end)
  )
    return false;
  // 三类问题, 两件事, 五个层级: a Chinese numeral without a scale word is a small count of the prose,
  // not a reported figure (千余名, 两万余名 and 近百家 keep theirs).
  if (!/\d/.test(numeral) && !/[百千万亿]/.test(whole)) return false;
  // 2020年5期 names an issue of a journal, not five of anything.
  if (/\d{4}\s?年\s?$/.test(text.slice(Math.max(0, b - 6), b + 1)) && /^期/.test(unit)) return false;
  if (unit === '年' && !isDuration(text, numeral, end)) return false;
  return true;
}

// 万株樱花, 千亩茶园: a bare 万/千 before a measure of plants or land is a count; 千家万户 (a pair of
// scale words) stays a figure of speech.
function bareScaleCount(text: string, end: number): boolean {
  const unit = text[end - 1] ?? '';
  return '株棵亩'.includes(unit) && !/^[\u4e00-\u9fa5]?[千万]/.test(text.slice(end, end + 2));
}

// 连续7年, 扎根30年, 56年来: a number of years. Not a year (2019年), a relative time (6年前, 3年后),
// a decade (60年代), a grade (3年级) or the start of a date (2年3月).
function isDuration(text: string, numeral: string, end: number): boolean {
  // 百年大党, 千年古村: a Chinese numeral of years is a figure of speech.
  if (!/^\d+(?:\.\d+)?$/.test(numeral) || Number(numeral) >= 200) return false;
  return !/^(?:前|后|代|级|度|初|底|末|\d|[一二三四五六七八九十]+月)/.test(text.slice(end, end + 3));
}

// A line of `|`-separated keywords or links (site navigation, injected spam) holds no report.
function inKeywordLine(text: string, pos: number): boolean {
  const start = text.lastIndexOf('\n', pos) + 1;
  const end = text.indexOf('\n', pos);
  const line = text.slice(start, end < 0 ? text.length : end);
  return (line.match(/[|｜]/g)?.length ?? 0) >= 3;
}

function build(
  text: string,
  ctx: MetricContext,
  numStart: number,
  end: number,
  value: number,
  unit: string,
  written: string,
  approximate: boolean,
  subject: string | null,
  rule: string,
): MetricEntity {
  const sentence = ctx.sentences.at(numStart);
  let placeKey = ctx.mainPlaceKey;
  for (const h of ctx.placeHits) {
    if (h.start >= numStart) break;
    // 河北 inside “红色土地英雄河北——河北革命史联展” names an exhibition, not where the number was counted.
    if (
      h.start >= sentence.start &&
      !ctx.excluded.some(([s, e]) => s <= h.start && h.start < e) &&
      isSubjectPlace(text, h, ctx.placeHits)
    )
      placeKey = h.ref.key;
  }
  // The program named in the number's own clause (组织百场文艺演出…等“十个百”系列活动; the last one
  // before the number when the clause names several). A program named only in another clause of
  // the sentence is not what the number measures (组织8344名党员开展“双报到”，…全市11.2万余名党员在
  // 检查站发挥作用: the 11.2万 are not counted by 双报到).
  const clauseStart = Math.max(sentence.start, lastClauseBreak(text, numStart) + 1);
  const clauseEnd = Math.min(sentence.end, numStart + clauseAfter(text, numStart).length);
  let inClause: string | null = null;
  for (const h of ctx.programHits) {
    if (h.start >= clauseStart && h.start < clauseEnd && (inClause === null || h.start < numStart))
      inClause = h.ref.key;
  }
  return {
    key: String(numStart),
    value,
    unit,
    text: written,
    approximate,
    subject,
    year: yearAt(text, sentence, ctx.sentences.paragraphStart(numStart), numStart, ctx.documentYear),
    placeKey,
    programKey: inClause,
    evidence: ctx.sentences.evidence(numStart, rule),
  };
}

function lastClauseBreak(text: string, pos: number): number {
  for (let i = pos - 1; i >= 0 && pos - i <= 60; i--)
    if ('，。；：！？,;:!?\n'.includes(text[i] ?? '')) return i;
  return -1;
}

// The year that governs the number: the last year its sentence names before it, or the year that
// opens an earlier sentence of its paragraph (2020年2月初，疫情防控正值紧要关头。全市423个小区… → 2020; 2021年实现集体收入80余万元，每户分红4500元 →
// 2018 for both; 今年 → the document's year), else the document's year (a dated text speaks of its
// own year). A present-tense word after that year (2005年，…。如今…50多项; 目前已有…) brings
// the number back to the document's year. Not a year that governs: a period up to now (2016年以来
// 举办120期 counts up to the text's day; 从2018年开始在70个村启动 does govern), a comparison's baseline (比2015年增加), a year inside a 《title》.
// A norm (每年至少开展2次, 原则上不少于80平方米, 鼓励党员5名以上的商户…) is no count at any
// time: null.
function yearAt(
  text: string,
  sentence: Sentence,
  paragraphStart: number,
  numStart: number,
  documentYear: number | null,
): number | null {
  const clause = text.slice(Math.max(sentence.start, lastClauseBreak(text, numStart) + 1), numStart);
  if (NORM.test(clause)) return null;
  const before = text.slice(paragraphStart, numStart);
  let year: number | null = documentYear;
  let at = -1;
  for (const m of before.matchAll(YEAR)) {
    const end = m.index + m[0].length;
    if (/^(?:以来|来)/.test(before.slice(end, end + 2))) continue; // 2015年以来
    if (/(?:比|较|相比|同比|对比)$/.test(before.slice(Math.max(0, m.index - 2), m.index))) continue; // 比2015年
    if (insideTitle(before, m.index)) continue; // 《2020年某省工作要点》
    // 满意度由2021年的76%提升至95.2%: the year of a change's start is not the year of its end.
    if (/[从由]$/.test(before.slice(0, m.index)) && CHANGE_TO.test(before.slice(end))) continue;
    // An earlier sentence's year carries on only when it opens that sentence as its time
    // (2020年2月初，疫情防控正值紧要关头。全市423个…), not from inside it (…由2021年的76%提升至95.2%。).
    if (paragraphStart + m.index < sentence.start) {
      const opening = before.slice(before.slice(0, m.index).search(/[^。！？\n]*$/), m.index);
      if (!/^(?:在|到|至|自|从|截至)?$/.test(opening.trim())) continue;
    }
    if (m[1] !== undefined) year = Number(m[1]);
    else year = documentYear === null ? null : m[2] === '今年' ? documentYear : documentYear - 1;
    at = end;
  }
  if (at >= 0 && PRESENT.test(before.slice(at))) return documentYear;
  return year;
}

// The verb of a change between its start and the number: 提升至, 增长到, 降至, 减少到.
const CHANGE_TO = /(?:增长|增加|提升|提高|上升|扩大|下降|减少|降低|缩短|缩小|降|增|升)(?:到|至|为)了?$/;

// Words that put a statement in the present of the text: 如今, 目前, 现在, 至今, 眼下.
const PRESENT = /(?:如今|目前|现在|现已|至今|眼下|当前)/;

// Words of a norm or a requirement in the number's clause: 规定各村每年至少开展2次, 原则上不少于,
// 鼓励党员5名以上的商户…, 要求每个网格配备1名, 应当/必须/不得 (应当配备2名, 不得少于3名).
const NORM = /(?:至少|原则上|规定|要求|鼓励|应当|必须|不得)/;

function insideTitle(s: string, at: number): boolean {
  return s.lastIndexOf('《', at) > s.lastIndexOf('》', at);
}

// The noun right after the unit: 8344名社区党员开展… → 社区党员; 10个“口袋公园” → 口袋公园;
// 近6500支新成立的党员先锋队 → 党员先锋队 (the words before 的 qualify it).
function readNounAfter(text: string, pos: number, words?: TokenIndex): string | null {
  let i = pos;
  // 5个(ge) 方面: a page's pinyin annotation after the unit is skipped.
  i += PINYIN_NOTE.exec(text.slice(i, i + 12))?.[0].length ?? 0;
  // 2000余名以快递员、外卖骑手为主的新业态从业人员: the 以…为主的 description qualifies the noun after it.
  i += /^以[^，。；！？]{1,24}?为(?:主|主体|代表|核心)的/.exec(text.slice(i, i + 32))?.[0].length ?? 0;
  const quoted = quotedNoun(text, i);
  if (quoted !== undefined) return quoted;
  // 6500支新成立的党员先锋队: a short modifier ending in 的 (not itself a counted noun) is skipped.
  if (text[i] === '的') i++; // 三分之二的村集体经济收入
  const modifier = /^([\u4e00-\u9fa5]{1,6}?)的/.exec(text.slice(i, i + 8));
  if (
    modifier !== null &&
    !HEAD_NOUNS.some((h) => (modifier[1] ?? '').endsWith(h)) &&
    !/[在和与及或等了被将把对向从到为是]/.test(modifier[1] ?? '')
  ) {
    i += modifier[0].length;
    const quoted = quotedNoun(text, i);
    if (quoted !== undefined) return quoted;
    // 200多位群众心头热乎乎的——: nothing after 的, so the words before it are the noun.
    if (!isHan(text[i])) return modifier[1] ?? null;
  }
  let start = i;
  let usedDe = false;
  let beforeDe = '';
  let notes = 0; // characters of pinyin annotations inside the noun
  // 培训班, 覆盖率: a stop word that only opens a noun of one more character does not stop it
  // (全面推行 tagged a noun still stops).
  const stopsAt = (i: number, w: string): boolean => {
    if (!text.startsWith(w, i)) return false;
    const t = words?.at(i);
    return !(t?.start === i && t.word.length === w.length + 1 && /^n/.test(t.tag));
  };
  while (i < text.length && i - start - notes < 12) {
    const ch = text[i] ?? '';
    if (ch === '的' && !usedDe && i > start) {
      // 1500个村的集体经济发展乡镇示范片区: a counted noun before 的 stays; 6500支新成立的党员先锋队:
      // a modifier before 的 gives way to the noun after it.
      const before = text.slice(start, i);
      if (HEAD_NOUNS.some((h) => before.endsWith(h))) break;
      beforeDe = before;
      usedDe = true;
      start = i + 1;
      i++;
      // 14条群众反映强烈的“断头路” → 断头路
      const after = quotedNoun(text, i);
      if (after !== undefined) return after;
      continue;
    }
    const note = i > start ? PINYIN_NOTE.exec(text.slice(i, i + 12)) : null;
    if (note !== null && isHan(text[i + note[0].length])) {
      i += note[0].length; // 具体(ti) 创建内(nei) 容
      notes += note[0].length;
      continue;
    }
    if (!isHan(ch)) break;
    if (SUBJECT_STOPS.some((w) => stopsAt(i, w))) break;
    if (IMPLEMENT_VERBS.some((v) => stopsAt(i, v))) break;
    // 1200个村发展壮大…, 8.6万个村党组织政治功能…, 174名村党组织书记分批…: after a head noun, a
    // predicate (or an attribute of the counted things) starts.
    if (
      i - start >= 1 &&
      PREDICATE_AFTER_HEAD.some((w) => text.startsWith(w, i)) &&
      HEAD_NOUNS.some((h) => text.slice(start, i).endsWith(h))
    )
      break;
    if (NOUN_WORDS.some((w) => text.startsWith(w, i))) {
      i += 2;
      continue;
    }
    // 新就业群体: a stop character that opens a word of the segmenter (就业) does not stop.
    const inWord = (words?.at(i)?.start ?? -1) === i && (words?.at(i)?.word.length ?? 0) >= 2;
    if (i - start >= 2 && SUBJECT_STOP_CHARS.has(ch) && !inWord) break;
    if (i - start < 2 && NAME_STOP_CHARS.has(ch) && ch !== '个' && !inWord) break;
    i++;
  }
  // Cut at the last head noun only when no boundary ended the phrase: 无物业小区门口搭起临时帐篷 →
  // 无物业小区, but 定州干部大讲堂， stays whole.
  const capped = i - start - notes >= 12;
  // 200多位群众心头热乎乎的——: nothing after 的, so the words before it are the noun.
  if (i === start && beforeDe !== '') return beforeDe.length <= 12 ? beforeDe : null;
  // A phrase cut by the length cap ends where a word of the segmenter ends (…联席会议平台 is not
  // …联席会议平).
  const straddling = capped ? words?.at(i) : undefined;
  const end =
    straddling !== undefined && straddling.start < i && straddling.start > start ? straddling.start : i;
  const noun = (capped ? cutAtHead(text.slice(start, end)) : text.slice(start, end)).replace(
    PINYIN_NOTES,
    '',
  );
  // 1000平方米以上的达24%: a copula, not a noun, follows.
  if (/^(?:达|为|占|是|超)/.test(noun)) return null;
  return noun.length > 0 && noun.length <= 12 ? noun : null;
}

// A pinyin annotation some mirror sites put after characters: 机关(guan), 个(ge) .
const PINYIN_NOTE = /^\s?\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)\s?/;
const PINYIN_NOTES = /\s?\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)\s?/g;

// Words that start a predicate or an attribute right after a counted noun.
// prettier-ignore
const PREDICATE_AFTER_HEAD = [
  '发展壮大', '政治功能', '组织功能', '功能', '作用', '顺利', '分批', '用上', '陆续', '持续', '整体', '逐步', '共同',
  '均', '统一', '领办', '全面',
];

// 10个“口袋公园” → 口袋公园: a short quote right at `pos` is the noun (undefined when there is none).
function quotedNoun(text: string, pos: number): string | null | undefined {
  const open = text[pos];
  if (open === undefined || !'“「‘"'.includes(open)) return undefined;
  const close = text.slice(pos + 1, pos + 14).search(/[”」’"]/);
  return close > 0 ? text.slice(pos + 1, pos + 1 + close) : null;
}

// Nouns that end a counted phrase; what follows one is usually the predicate:
// 无物业小区门口搭起临时帐篷 → 无物业小区.
// prettier-ignore
const HEAD_NOUNS = [
  '小区', '社区', '村街', '党员', '干部', '书记', '党组织', '支部', '单位', '部门', '企业', '项目', '问题', '事项',
  '人员', '群众', '网格', '学校', '场所', '中心', '基地', '示范区', '示范村', '示范带', '教学点', '工作者', '志愿者',
  '网格员', '队伍', '村民', '居民', '游客', '学员', '课程', '场次', '活动', '措施', '任务', '案件', '家庭', '村',
  '片区', '村庄', '园区', '楼宇', '岗', '组', '农户',
];

function cutAtHead(phrase: string): string {
  if (phrase.length < 6) return phrase;
  let cut = -1;
  for (const h of HEAD_NOUNS) {
    const at = phrase.lastIndexOf(h);
    if (at >= 0 && at + h.length > cut && at + h.length >= 2) cut = Math.max(cut, at + h.length);
  }
  return cut > 0 ? phrase.slice(0, cut) : phrase;
}

// Words before a place that make it a partner or a modifier, not where the number was counted:
// 联合北京市通州区…, 与江苏、河南等省份, 推广劲松北社区经验, 环北京村街.
const PARTNER_BEFORE =
  /(?:联合|会同|携手|对标|对口|对接|支援|援助|帮扶|学习|借鉴|参照|推广|复制|毗邻|紧邻|背靠|面向|辐射|与|同|和|及|跟|向|环|比|较|、)$/;
// Words after a place that make it a comparison, a modifier, a list member or a place visited to
// learn: 在全省率先, 居全省前列, 定州籍, 鼓楼、台江等, 到鲁家村学习.
const COMPARISON_AFTER =
  /^(?:率先|前列|第一|首位|领先|首批|首个|唯一|排名|位列|之首|籍|等|、|学习|考察|参观|取经|观摩)/;

/**
 * Whether a place hit can be where a number of its sentence was counted: not a partner or a
 * destination (联合北京市通州区、大兴区及天津市武清区设立…25个), not a modifier (环北京村街), not a
 * comparison (在全省率先成立…), not a member of a list. A chain (天津市武清区) is judged as a whole.
 */
function isSubjectPlace(text: string, hit: PlaceHit, hits: readonly PlaceHit[]): boolean {
  let first = hit;
  for (;;) {
    const prev = hits.find((h) => h.end === first.start && !h.deictic);
    if (prev === undefined) break;
    first = prev;
  }
  let last = hit;
  for (;;) {
    const next = hits.find((h) => h.start === last.end && !h.deictic);
    if (next === undefined) break;
    last = next;
  }
  if (PARTNER_BEFORE.test(text.slice(Math.max(0, first.start - 2), first.start))) return false;
  return !COMPARISON_AFTER.test(text.slice(last.end, last.end + 2));
}

// A change names its subject before 从/由: 群众满意率从百分之八十提升到百分之九十八, 平均年龄由此前的
// 50多岁降至43岁, 北庄村集体收入从2020年的6.5万元增长到2022年的100多万元 (→ 集体收入). The number
// either follows 从/由 (with a time before it) or ends the change after a change verb.
const CHANGE_FIRST =
  /^(?:(?:(?:19|20)\d{2}年(?:底|初|末)?)|[\u4e00-\u9fa5]{0,4}?(?:前|初|底|末)|此前|以前|之前|过去|去年|上年)?的?$/;
const CHANGE_SECOND =
  /(?:增长|增加|提升|提高|上升|扩大|下降|减少|降低|缩短|缩小|降|增|升|变|达)(?:到|至|为)了?(?:(?:19|20)\d{2}年(?:底|初|末)?的?)?$/;

const CHANGE_AFTER =
  /^[^，。；]{1,14}?(?:增长|增加|提升|提高|上升|扩大|下降|减少|降低|缩短|缩小|降|增|升|变)(?:到|至|为)/;

function clauseAfter(text: string, start: number): string {
  const rest = text.slice(start, start + 60);
  const cut = rest.search(/[，。；：！？,;:!?\n]/);
  return cut < 0 ? rest : rest.slice(0, cut);
}

function changeSubject(text: string, start: number, ctx: MetricContext): string | null {
  for (let k = start - 1; k >= 0 && start - k <= 30; k--) {
    const ch = text[k] ?? '';
    if ('，。；：！？,;:!?\n'.includes(ch)) return null;
    if (ch !== '从' && ch !== '由') continue;
    const between = text.slice(k + 1, start);
    // The first number of a change needs the change after it (从47个市直单位抽调 is no change).
    const first = CHANGE_FIRST.test(between) && CHANGE_AFTER.test(clauseAfter(text, start));
    const second = /[\d零〇一二两三四五六七八九十百千]/.test(between) && CHANGE_SECOND.test(between);
    if (!first && !second) continue;
    return readNounBefore(text, k, ctx);
  }
  return null;
}

// 先后举办 → 举办: the phrase without an adverb that opens it.
function withoutAdverb(phrase: string): string {
  const adverb = ADVERBS.find((a) => phrase.startsWith(a));
  return adverb === undefined ? phrase : phrase.slice(adverb.length);
}

// The words of a long phrase after its last verb: 团队成员承担省级科研课题 → 省级科研课题; null when no verb splits it or too much is left.
function afterLastVerb(phrase: string): string | null {
  const tokens = tokenize(phrase);
  // 区级党群服务中心, 省级重点研发项目: a run of nouns is the noun.
  if (tokens.every((t) => /^(?:n|vn|l|j)/.test(t.tag))) return phrase;
  for (let k = tokens.length - 1; k > 0; k--) {
    const t = tokens[k - 1];
    if (t === undefined || !/^v[d]?$/.test(t.tag)) continue;
    const rest = phrase.slice(t.end);
    return rest.length >= 2 && rest.length <= 10 ? rest : null;
  }
  return null;
}

// The noun before a number: 集中参学率达到87.6% → 集中参学率; 培训基层干部1.2万名 → 基层干部;
// 4类人员占比达到99.8% → 人员占比. Null when a verb stands right before (投入400多万元). A place
// that opens the noun is not part of it (北庄村集体收入 → 集体收入).
function readNounBefore(text: string, pos: number, ctx?: MetricContext, unit = ''): string | null {
  let end = pos;
  while (end > 0 && text[end - 1] === ' ') end--; // 党组织 587个: a page's stray space
  const lead = text.slice(Math.max(0, end - 6), end);
  const copula = COPULAS.exec(lead);
  if (copula !== null) end -= copula[0].length;
  // “党员先锋岗”40个: a quoted noun right before the number (with the words it ends: “两新”组织).
  const quoted = /(?:[\u4e00-\u9fa5]{0,6}“([^”“]{1,12})”([\u4e00-\u9fa5]{0,6}))$/.exec(
    text.slice(Math.max(0, end - 26), end),
  );
  if (quoted !== null) {
    const tail = quoted[2] ?? '';
    const head = tail === '' ? '' : (quoted[1] ?? '');
    if (tail === '') return quoted[1] ?? null;
    if (!/[，。；：、]/.test(head)) return `${head}${tail}`;
  }
  let i = end;
  while (i > 0 && end - i < 10) {
    const ch = text[i - 1] ?? '';
    // 参与率, 在职党员: nouns with a function character inside.
    const word = NOUN_WORDS.find((w) => i - w.length >= 0 && text.startsWith(w, i - w.length));
    if (word !== undefined) {
      i -= word.length;
      continue;
    }
    if (!isHan(ch) || NAME_STOP_CHARS.has(ch) || CHINESE_NUMERALS.includes(ch)) break;
    // 60岁以上老年人占比: 以上/以下 end the threshold before the noun.
    if (text.startsWith('以上', i - 2) || text.startsWith('以下', i - 2)) break;
    // 化解率100%: a verb right before one last character is part of the noun (办结率: one more for a
    // one-character verb; 为群众办实事好事46.8万件 → 实事好事).
    // 解决办证难问题: a one-character verb right after another verb starts the object noun.
    const stop = BACK_STOPS.find((w) => i - w.length >= 0 && text.startsWith(w, i - w.length));
    const oneAfterVerb =
      stop?.length === 1 && BACK_STOPS.some((w) => w.length > 1 && text.startsWith(w, i - 1 - w.length));
    if (stop !== undefined && !oneAfterVerb && end - i >= (stop.length === 1 ? 3 : 2)) break;
    if (end - i >= 2 && implementVerbEndingAt(text, i) !== null) break;
    i--;
  }
  // Ten characters without a boundary: the noun starts after the last head noun (村党组织书记平均年龄
  // 46.5岁 → 平均年龄), else we do not know where it starts.
  if (end - i >= 10) {
    const phrase = text.slice(i, end);
    const cut = Math.max(
      ...HEAD_NOUNS.map((h) => (phrase.lastIndexOf(h) < 0 ? -1 : phrase.lastIndexOf(h) + h.length)),
    );
    // 全区建成区级党群服务中心9个: the phrase ends in its head noun; keep the words after the
    // last verb (团队成员承担省级科研课题5项 → 省级科研课题).
    if (cut <= 0 || end - (i + cut) < 2) return afterLastVerb(phrase);
    i += cut;
  }
  // 北庄村集体收入: the place is the metric's place, not part of what it counts.
  const place = ctx?.placeHits.find((h) => h.start === i && h.end < end && !h.deictic);
  if (place !== undefined) i = place.end;
  let noun = text.slice(i, end);
  // 收入20万元以上的村达到64个 → 村: one character heading a 的 phrase is a noun.
  if (noun.length === 1 && text[i - 1] === '的' && isHan(noun) && !SUBJECT_STOP_CHARS.has(noun)) return noun;
  // 每人费用 → 费用, 每次活动时长 → 活动时长: 每 and its counter give a rate, not the noun.
  if (text[i - 1] === '每' && /^[人户村家次场名][\u4e00-\u9fa5]{2}/.test(noun)) noun = noun.slice(1);
  // 每年集体收入 (每 stopped the walk) → 集体收入; 各类服务事项 → 服务事项
  if ('每今全去当本'.includes(text[i - 1] ?? '') && /^[年月季周]/.test(noun)) noun = noun.slice(1);
  if ('各每全'.includes(text[i - 1] ?? '') && /^[类种项个级]/.test(noun)) noun = noun.slice(1);
  // 其中在职党员占比: 其 stopped the walk inside 其中.
  if (/^[中]/.test(noun) && /[其之当]/.test(text[i - 1] ?? '')) noun = noun.slice(1);
  // 全村村民收入, 该县农民收入: the scope (全村) is the metric's place, not part of its noun.
  if ('全该本我'.includes(text[i - 1] ?? '') && /^[村镇乡县市区省][\u4e00-\u9fa5]{2}/.test(noun))
    noun = noun.slice(1);
  // 先后投入2.1亿元, 市县财政每年列支6.9亿元: a verb or an adverb, not a noun, stands before the number.
  // 开展集中宣讲18场: an event counted (场/次/期) is named by its verbal noun.
  const event = /^(?:场|次|期|场次|期次)$/.test(unit);
  if (
    noun.length < 2 ||
    BACK_STOPS.some((w) => noun.endsWith(w) && !(event && withoutAdverb(noun).length > w.length)) ||
    IMPLEMENT_VERBS.includes(noun) ||
    ADVERBS.includes(noun)
  )
    return null;
  // 4类人员占比, 三级机关干部: drop the counting unit of an earlier number (one character: 人员 stays);
  // 50多岁降至43岁: what follows an earlier number is its unit, not a noun (多岁 → nothing).
  const before = text[i - 1] ?? '';
  const counter = '名个人元户期场次件条项所家支处套岁天台辆批类级月年';
  const afterNumber = (ch: string): boolean => isAsciiDigit(ch) || CHINESE_NUMERALS.includes(ch);
  if (counter.includes(before) && afterNumber(text[i - 2] ?? '') && counter.includes(noun[0] ?? '')) {
    noun = noun.slice(1); // 2个月工程总土方量: the 月 of 个月 still belongs to the number.
  } else if (afterNumber(before)) {
    noun = noun.replace(/^[多余]?(?:万|亿)?[多余]?/, '');
    if (counter.includes(noun[0] ?? '')) noun = noun.slice(1);
  }
  noun = noun.replace(/^(?:每年|今年|全年|累计|其中|年底|年初|年内|目前|当前|去年|上半年|下半年)+/, '');
  // 平均年龄较换届前下降5.2岁, 同比增长12%: a comparison's baseline is not what is measured.
  const comparison = /较|同比|环比|比上年|比去年/.exec(noun);
  if (comparison !== null) noun = noun.slice(0, comparison.index);
  if (/^比/.test(noun)) return null;
  if (noun.length < 2 || noun.length > 10 || noun.endsWith('的')) return null;
  return noun;
}
