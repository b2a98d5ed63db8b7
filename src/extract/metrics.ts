/**
 * Metrics: every reported number with its unit, the thing it counts, its year, place and program.
 * `全市3199名村党组织书记` → 3199 名 村党组织书记 in 廊坊市; `11.2万余名党员` → 112000 名, approximate.
 * Dates, times, ordinals (第一, 第19版), document numbers and numbers inside names or short quotes
 * (“三个100%”, 十四五) are not metrics. A fraction is a percentage: 三分之一 → 33.33… %.
 * Public within `extract`: `extractMetrics`.
 */
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
];
const DURATION_UNITS = new Set(['个月', '小时', '分钟', '天']);
const APPROX_PREFIX = '将近|接近|近|约|大约|超过|超|逾|不少于|不低于|不超过|至少|最高|最多';
const NUMERAL = '\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千万亿]+';
// 近500名, 11.2万余名, 400多万元, 两万余名, 140余万人次, 200平方米以上
const TOKEN = new RegExp(
  `(${APPROX_PREFIX})?(${NUMERAL})(余|多)?(万亿|万|亿)?(余|多)?(${UNITS.map(escape).join('|')})(以上|以下|左右|上下)?`,
  'g',
);
const FRACTION = /([零〇一二两三四五六七八九十百千\d]+)分之([零〇一二两三四五六七八九十百千\d]+(?:\.\d+)?)/g;
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
const NOUN_WORDS = ['在职', '在岗', '在编', '在校', '在册', '上级', '参与', '给予', '和谐'];
// Single characters that end it once two characters are read (党员在… → 党员).
const SUBJECT_STOP_CHARS = new Set([...'在和与及或等的了被将把对向从到为是有都均已就又也并上里内']);
// Copulas between a noun and its number: 集中参学率达到87.6% → 集中参学率.
const COPULAS =
  /(?:累计达到?|分别为|达到了?|占到了?|共有|总计|合计|超过|约为|多达|降至|增至|增长到|提高到|提升至|提升到|下降到|减少到|降到|升至|达|为|是|占|约|超|共|有|计|了)$/;
// prettier-ignore
const ADVERBS = ['先后', '累计', '共计', '分别', '同时', '已经', '目前', '现在', '其中', '月均', '人均', '年均', '平均'];
// Verbs before a number: the noun before them is not what is counted (市级每年投入400多万元).
// prettier-ignore
const BACK_STOPS = [
  '解决', '取得', '获得', '接待', '培训', '投入', '配备', '新建', '改造', '招聘', '划定', '举办', '评选', '挂牌',
  '推动', '选派', '提出', '办理', '建起', '吸纳', '引导', '总结', '成立', '选树', '培树', '化解', '完成', '实现',
  '参加', '讲', '用活', '增加', '提升', '减少', '下降', '增长', '获', '召开', '以上', '以下', '捐款', '投资',
  '列支', '拨付', '筹集', '划分', '划定', '设立', '建成',
];

/**
 * Finds the metrics of one document. Keys are the offset of the number (its first digit) in the text.
 */
export function extractMetrics(text: string, ctx: MetricContext): MetricEntity[] {
  const out = new Map<string, MetricEntity>();
  const excludedAt = (i: number): boolean => ctx.excluded.some(([s, e]) => s <= i && i < e);

  // 三分之一农村党组织 → 33.33… %, subject 农村党组织.
  const fractionSpans: Array<[number, number]> = [];
  for (const m of text.matchAll(FRACTION)) {
    const start = m.index;
    const end = start + m[0].length;
    fractionSpans.push([start, end]);
    if (excludedAt(start)) continue;
    const value = parseFractionPercent(m[1] ?? '', m[2] ?? '');
    if (value === null) continue;
    const subject = nounAfter(text, end);
    out.set(String(start), build(text, ctx, start, end, value, '%', m[0], false, subject, 'metric.fraction'));
  }

  for (const m of text.matchAll(TOKEN)) {
    const [whole, prefix = '', numeral = '', more1 = '', scale = '', more2 = '', rawUnit = '', bound = ''] =
      m;
    const start = m.index;
    const numStart = start + prefix.length;
    const end = start + whole.length;
    if (fractionSpans.some(([s, e]) => s <= numStart && numStart < e)) continue;
    if (excludedAt(numStart) || !isCountable(text, numStart, numeral, end)) continue;
    const value = parseScaledNumber(numeral, scale);
    if (value === null) continue;
    let unit = rawUnit === '％' ? '%' : rawUnit === '余人' ? '人' : rawUnit;
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
      ranged ||
      /^余/.test(text.slice(end, end + 1));
    let subject: string | null = null;
    if (!DURATION_UNITS.has(unit)) {
      // Rates and ages name their subject before the number: 集中参学率达到87.6%, 年龄60岁以下.
      const before = unit === '%' || unit === '个百分点' || unit === '岁' || unit === '周岁';
      subject = before
        ? (nounBefore(text, start) ?? nounAfter(text, stop))
        : (nounAfter(text, stop) ?? nounBefore(text, start));
    }
    const rule = unit === '%' ? 'metric.percent' : /元/.test(unit) ? 'metric.money' : 'metric.count';
    out.set(
      String(numStart),
      build(text, ctx, numStart, stop, value, unit, text.slice(numStart, stop), approximate, subject, rule),
    );
  }
  return [...out.values()].sort((a, b) => Number(a.key) - Number(b.key));
}

// Not a count: 第19版 and 第一 (ordinals), dates and times (2021-06-07, 10:02), PM2.5, a lone 一
// (一名党员，一面旗帜 is a saying), and numbers glued to Latin letters.
function isCountable(text: string, numStart: number, numeral: string, end: number): boolean {
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
  // 千条万条, 千家万户, 万人空巷: a bare 千 or 万 is a figure of speech, not a count.
  if (numeral === '千' || numeral === '万' || numeral === '亿') return false;
  return true;
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
    if (h.start >= sentence.start && !ctx.excluded.some(([s, e]) => s <= h.start && h.start < e))
      placeKey = h.ref.key;
  }
  let programKey: string | null = null;
  let after: string | null = null;
  for (const h of ctx.programHits) {
    if (h.start < sentence.start || h.start >= sentence.end) continue;
    if (h.start < numStart) programKey = h.ref.key;
    else after ??= h.ref.key;
  }
  return {
    key: String(numStart),
    value,
    unit,
    text: written,
    approximate,
    subject,
    year: yearAt(text, ctx.sentences.paragraphStart(numStart), numStart, ctx.documentYear),
    placeKey,
    programKey: programKey ?? after,
    evidence: ctx.sentences.evidence(numStart, rule),
  };
}

// The year nearest before the number in its paragraph (2020年的6.5万元 → 2020; 2020年2月初，… 423个
// → 2020; 今年 → the document's year), else the document's year.
function yearAt(
  text: string,
  paragraphStart: number,
  numStart: number,
  documentYear: number | null,
): number | null {
  let year: number | null = null;
  for (const m of text.slice(paragraphStart, numStart).matchAll(YEAR)) {
    if (m[1] !== undefined) year = Number(m[1]);
    else if (documentYear !== null) year = m[2] === '今年' ? documentYear : documentYear - 1;
  }
  return year ?? documentYear;
}

// The noun right after the unit: 8344名社区党员开展… → 社区党员; 10个“口袋公园” → 口袋公园;
// 近6500支新成立的党员先锋队 → 党员先锋队 (the words before 的 qualify it).
function nounAfter(text: string, pos: number): string | null {
  let i = pos;
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
  }
  let start = i;
  let usedDe = false;
  while (i < text.length && i - start < 12) {
    const ch = text[i] ?? '';
    if (ch === '的' && !usedDe && i > start) {
      // 1500个村的集体经济发展乡镇示范片区: a counted noun before 的 stays; 6500支新成立的党员先锋队:
      // a modifier before 的 gives way to the noun after it.
      const before = text.slice(start, i);
      if (HEAD_NOUNS.some((h) => before.endsWith(h))) break;
      usedDe = true;
      start = i + 1;
      i++;
      // 14条群众反映强烈的“断头路” → 断头路
      const after = quotedNoun(text, i);
      if (after !== undefined) return after;
      continue;
    }
    if (!isHan(ch)) break;
    if (SUBJECT_STOPS.some((w) => text.startsWith(w, i))) break;
    if (IMPLEMENT_VERBS.some((v) => text.startsWith(v, i))) break;
    if (NOUN_WORDS.some((w) => text.startsWith(w, i))) {
      i += 2;
      continue;
    }
    if (i - start >= 2 && SUBJECT_STOP_CHARS.has(ch)) break;
    if (i - start < 2 && NAME_STOP_CHARS.has(ch) && ch !== '个') break;
    i++;
  }
  // Cut at the last head noun only when no boundary ended the phrase: 无物业小区门口搭起临时帐篷 →
  // 无物业小区, but 定州干部大讲堂， stays whole.
  const capped = i - start >= 12;
  const noun = capped ? cutAtHead(text.slice(start, i)) : text.slice(start, i);
  return noun.length > 0 && noun.length <= 12 ? noun : null;
}

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
  '片区', '村庄', '园区', '楼宇', '岗', '组',
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

// The noun before a number: 集中参学率达到87.6% → 集中参学率; 培训基层干部1.2万名 → 基层干部;
// 4类人员占比达到99.8% → 人员占比. Null when a verb stands right before (投入400多万元).
function nounBefore(text: string, pos: number): string | null {
  let end = pos;
  const lead = text.slice(Math.max(0, end - 6), end);
  const copula = COPULAS.exec(lead);
  if (copula !== null) end -= copula[0].length;
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
    // 化解率100%: a verb right before one last character is part of the noun.
    if (end - i >= 2 && BACK_STOPS.some((w) => i - w.length >= 0 && text.startsWith(w, i - w.length))) break;
    if (end - i >= 2 && implementVerbEndingAt(text, i) !== null) break;
    i--;
  }
  // Ten characters without a boundary: we do not know where the noun starts.
  if (end - i >= 10) return null;
  let noun = text.slice(i, end);
  // 每年集体收入 (每 stopped the walk) → 集体收入; 各类服务事项 → 服务事项
  if ('每今全去当本'.includes(text[i - 1] ?? '') && /^[年月季周]/.test(noun)) noun = noun.slice(1);
  if ('各每全'.includes(text[i - 1] ?? '') && /^[类种项个级]/.test(noun)) noun = noun.slice(1);
  // 先后投入2.1亿元, 市县财政每年列支6.9亿元: a verb or an adverb, not a noun, stands before the number.
  if (
    noun.length < 2 ||
    BACK_STOPS.some((w) => noun.endsWith(w)) ||
    IMPLEMENT_VERBS.includes(noun) ||
    ADVERBS.includes(noun)
  )
    return null;
  // 4类人员占比, 三级机关干部: drop the counting unit of an earlier number; 每年集体收入 → 集体收入.
  const unitChars = '名个人元户期场次件条项所家支处套岁天台辆批类级月年';
  let before = text[i - 1] ?? '';
  while (
    noun.length > 0 &&
    unitChars.includes(noun[0] ?? '') &&
    (isAsciiDigit(before) || CHINESE_NUMERALS.includes(before) || unitChars.includes(before))
  ) {
    before = noun[0] ?? '';
    noun = noun.slice(1);
  }
  noun = noun.replace(/^(?:每年|今年|全年|累计|其中)+/, '');
  if (noun.length === 0 || noun.length > 10 || noun.endsWith('的')) return null;
  return noun;
}
