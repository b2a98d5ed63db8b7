/**
 * Programs: named, repeatable initiatives (工程, 活动/行动, 机制/制度/工作法/清单/模式, 平台/驿站/
 * 会客厅, and quoted names shown to be carried out). One key per program across documents: the
 * canonical name drops generic type words, so 农村“领头羊”工程 and “领头羊”工程 are 领头羊工程,
 * “三审一谈”工作机制 and “三审一谈”机制 are 三审一谈. Public within `extract`: `extractPrograms`,
 * `canonicalProgramName`.
 */
import { compareHits, compareStrings, type Hit, type SentenceIndex } from './evidence';
import { implementVerbEndingAt, isClauseBreak, isHan, NAME_STOP_CHARS } from './lexicon';
import { stripQuoteMarks, type Quote } from './quotes';
import type { ProgramEntity, ProgramKind } from './types';

/** The programs of one document, where they are named, and the spans their names cover. */
export interface ProgramAnalysis {
  programs: Map<string, ProgramEntity>;
  hits: Hit[];
  /** Spans of program names and of short quotes: numbers inside them are not metrics. */
  nameSpans: Array<[number, number]>;
}

interface Suffix {
  word: string;
  kind: ProgramKind;
  /** True when the suffix is part of the name (领头羊工程); false for a generic type word (活动, 机制). */
  keep: boolean;
}

// Longest first, so 工作法 wins over 法-less matches and 治理架构 over nothing.
const SUFFIXES: readonly Suffix[] = [
  { word: '百日攻坚', kind: 'CAMPAIGN', keep: false },
  { word: '治理架构', kind: 'MECHANISM', keep: false },
  { word: '会客厅', kind: 'PLATFORM', keep: true },
  { word: '工作法', kind: 'MECHANISM', keep: true },
  { word: '工程', kind: 'PROJECT', keep: true },
  { word: '行动', kind: 'CAMPAIGN', keep: true },
  { word: '活动', kind: 'CAMPAIGN', keep: false },
  { word: '机制', kind: 'MECHANISM', keep: false },
  { word: '制度', kind: 'MECHANISM', keep: false },
  { word: '清单', kind: 'MECHANISM', keep: true },
  { word: '模式', kind: 'MECHANISM', keep: false },
  { word: '平台', kind: 'PLATFORM', keep: true },
  { word: '驿站', kind: 'PLATFORM', keep: true },
];

// After 等 a list of quoted names may end in a broader word: “一楼八员”“党建楼长制”等集约服务体系.
const LIST_SUFFIXES: readonly Suffix[] = [
  ...SUFFIXES,
  { word: '经验做法', kind: 'MECHANISM', keep: false },
  { word: '体系', kind: 'MECHANISM', keep: false },
  { word: '做法', kind: 'MECHANISM', keep: false },
  { word: '措施', kind: 'MECHANISM', keep: false },
  { word: '举措', kind: 'MECHANISM', keep: false },
];

const SUFFIX_RE = new RegExp(SUFFIXES.map((s) => s.word).join('|'), 'g');

// Words that only say what kind of thing a program is; dropped from the canonical name together
// with a generic suffix: “三审一谈”工作机制 → 三审一谈, “六位一体”社区治理架构 → 六位一体.
// prettier-ignore
const GENERIC_TOKENS = [
  '常态化', '工作', '长效', '实践', '主题', '系列', '专项', '议事', '决策', '社区', '治理', '服务', '管理',
  '集约', '数字', '党建', '创建', '特色', '品牌', '示范', '宣传', '教育', '培训', '联动', '协同', '综合', '社会',
  '基层', '网格', '组织',
];

// Quoted phrases that are sayings, slogans, figures of speech or descriptions, not programs.
// prettier-ignore
const NOT_PROGRAMS = new Set([
  '不可能', '红马甲', '最后一公里', '急难愁盼', '护城河', '黄金三角', '十四五', '关键少数', '一张网', '一盘棋',
  '一条心', '一条链', '一股劲', '一站式', '零距离', '红色引擎', '主心骨', '排头兵', '牛鼻子', '责任田', '指挥棒',
  '先手棋', '小巨人', '大能量', '正气歌', '协奏曲', '一把手', '一肩挑', '两委', '关键一棒', '关键人', '上瘾',
  '大合唱', '死角死面', '全覆盖', '硬骨头', '领头羊', '领头雁', '头雁', '红色名片', '金名片', '绣花功夫', '店小二',
  '娘家人', '连心桥', '贴心人', '压舱石', '定盘星', '试金石', '桥头堡', '加油站', '及时雨', '好帮手', '主阵地',
  '主战场', '生命线', '指南针', '三农', '两新', '老大难', '断头路', '钉子案', '口袋公园', '大治理', '小网格',
]);

// 三个如何, 两个确立, 五个廊坊, 九项措施: a count of things, not a name.
const COUNTED = /^[一二三四五六七八九十两百千万\d]+(?:个|项|条|大|点|种|类|批|次)/;

// What a bare quoted name is, from the verb that carries it out: 开展“双报到” is a campaign,
// 实行“双述双评” a mechanism.
const VERB_KINDS: Readonly<Record<string, ProgramKind>> = {
  开展: 'CAMPAIGN',
  举办: 'CAMPAIGN',
  发起: 'CAMPAIGN',
  启动: 'CAMPAIGN',
  建立: 'MECHANISM',
  健全: 'MECHANISM',
  完善: 'MECHANISM',
  实行: 'MECHANISM',
  推行: 'MECHANISM',
  试行: 'MECHANISM',
  施行: 'MECHANISM',
  构建: 'MECHANISM',
  落实: 'MECHANISM',
  实施: 'PROJECT',
};

// A quoted phrase followed by one of these is a strategy, idea or requirement, not a program.
const DESCRIBED_AS =
  /^(?:战略|理念|精神|思想|要求|目标|主题|口号|标准|重要|指示|论述|讲话|号召|方针|原则|理论)/;

// Adverbs and scopes before an unquoted name that are not part of it: 深入开展… → 开展 is the verb,
// but 持续推进 全面 深化… may also sit between verb and name.
const LEADING_MODIFIERS =
  /^(?:深入|全面|持续|大力|积极|扎实|广泛|常态化|不断|进一步|着力|认真|切实|率先|首次|全市|全省|全县|全区|全方位|立体式|多层次|系统化|规范化|制度化)+/;

// Characters that continue a suffix word into a longer noun (会客厅坐班制, 工程管理).
const NOUN_AFTER_SUFFIX = '坐制体系式化站点员队室长办部组群库池费款图表管师';

function suffixAt(text: string, pos: number, list: readonly Suffix[]): Suffix | null {
  for (const s of list) if (text.startsWith(s.word, pos)) return s;
  return null;
}

function isGenericGap(gap: string): boolean {
  let rest = gap;
  while (rest.length > 0) {
    const token = GENERIC_TOKENS.find((t) => rest.startsWith(t));
    if (token === undefined) return false;
    rest = rest.slice(token.length);
  }
  return true;
}

// Type words at the end of an unquoted name before a generic suffix: 防瘫预警长效工作机制 → 防瘫预警.
// Narrower than GENERIC_TOKENS: 党史学习教育活动 keeps 教育.
const TAIL_TOKENS = ['常态化', '工作', '长效', '实践', '主题', '系列', '专项', '创建'];

function stripGenericTail(core: string): string {
  let out = core;
  for (;;) {
    const token = TAIL_TOKENS.find((t) => out.endsWith(t) && out.length - t.length >= 2);
    if (token === undefined) return out;
    out = out.slice(0, -token.length);
  }
}

/**
 * The canonical name of a program from its parts: a quoted or unquoted core, the words between
 * it and the type suffix, and the suffix. Generic suffixes (活动, 机制, 制度, 模式, 治理架构,
 * 百日攻坚) are dropped with generic words before them; naming suffixes (工程, 行动, 工作法, 清单,
 * 平台, 驿站, 会客厅) stay: `领头羊` + `` + `工程` → 领头羊工程, `三审一谈` + `工作` + `机制` → 三审一谈,
 * `三基` + `建设年` + `活动` → 三基建设年, `近邻党建` + `` + `百日攻坚` → 近邻党建.
 */
export function canonicalProgramName(core: string, gap: string, suffix: string): string {
  const clean = stripQuoteMarks(core).trim();
  const def = SUFFIXES.find((s) => s.word === suffix) ?? LIST_SUFFIXES.find((s) => s.word === suffix);
  if (def === undefined || suffix === '') return clean;
  if (def.keep) return clean.endsWith(suffix) && gap === '' ? clean : clean + gap + suffix;
  return isGenericGap(gap) ? clean : clean + gap;
}

function kindOfName(name: string): ProgramKind {
  for (const s of SUFFIXES) if (name.endsWith(s.word)) return s.kind;
  if (/制$/.test(name)) return 'MECHANISM';
  return 'OTHER';
}

interface Draft {
  name: string;
  kind: ProgramKind;
  aliases: Set<string>;
  /** Surface forms (quoted core, canonical name) searched again to count mentions. */
  forms: Set<string>;
  rule: string;
  at: number;
}

/**
 * Finds the programs of one document.
 *
 * @param quotes all quotes of the text (from `findQuotes`)
 */
export function extractPrograms(
  text: string,
  sentences: SentenceIndex,
  quotes: readonly Quote[],
  isEntityAt: (offset: number) => boolean = () => false,
): ProgramAnalysis {
  const drafts = new Map<string, Draft>();
  const hits: Hit[] = [];
  const nameSpans: Array<[number, number]> = [];
  const claimed = new Uint8Array(text.length + 1);

  const record = (
    name: string,
    kind: ProgramKind,
    start: number,
    end: number,
    rule: string,
    surfaces: string[],
    forms: string[],
  ): void => {
    if (name.length < 2 || name.length > 24 || /[，,。]{2}/.test(name)) return;
    let d = drafts.get(name);
    if (d === undefined) {
      d = { name, kind, aliases: new Set(), forms: new Set([name]), rule, at: start };
      drafts.set(name, d);
    }
    if (d.kind === 'OTHER') d.kind = kind;
    for (const s of surfaces) if (s !== name && s.length > 0) d.aliases.add(s);
    for (const f of forms) if (f.length >= 2) d.forms.add(f);
    hits.push({ ref: { label: 'Program', key: name }, start, end, rule });
    nameSpans.push([start, end]);
    for (let i = start; i < end; i++) claimed[i] = 1;
  };

  // Short quotes are names or sayings: numbers inside them (“三个100%”, “8+1”) are not metrics.
  for (const q of quotes) if (q.end - q.start <= 20) nameSpans.push([q.open, q.close + 1]);

  const groups = groupQuotes(
    text,
    quotes.filter((q) => !q.title && !insideTitle(q, quotes)),
  );
  for (const group of groups) readQuotedGroup(text, group, record, isEntityAt);
  readUnquoted(text, quotes, claimed, record);

  countRepeats(text, drafts, hits);

  const programs = new Map<string, ProgramEntity>();
  for (const d of [...drafts.values()].sort((a, b) => compareStrings(a.name, b.name))) {
    const first = hits.filter((h) => h.ref.key === d.name).sort(compareHits)[0];
    programs.set(d.name, {
      key: d.name,
      name: d.name,
      aliases: [...d.aliases].sort(compareStrings),
      kind: d.kind,
      evidence: sentences.evidence(first?.start ?? d.at, first?.rule ?? d.rule),
    });
  }
  hits.sort(compareHits);
  return { programs, hits, nameSpans };
}

type Recorder = (
  name: string,
  kind: ProgramKind,
  start: number,
  end: number,
  rule: string,
  surfaces: string[],
  forms: string[],
) => void;

function insideTitle(q: Quote, quotes: readonly Quote[]): boolean {
  return quotes.some((t) => t.title && t.open < q.open && q.close < t.close);
}

// Quotes written one after the other (“A”“B”) or joined by 、 read as one group: they share the
// verb before them and the suffix or 等 after them.
function groupQuotes(text: string, quotes: readonly Quote[]): Quote[][] {
  const groups: Quote[][] = [];
  let current: Quote[] = [];
  for (const q of quotes) {
    const last = current[current.length - 1];
    if (
      last !== undefined &&
      q.depth === last.depth &&
      (q.open === last.close + 1 || (q.open === last.close + 2 && text[last.close + 1] === '、'))
    ) {
      current.push(q);
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [q];
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function readQuotedGroup(
  text: string,
  group: Quote[],
  record: Recorder,
  isEntityAt: (offset: number) => boolean,
): void {
  const first = group[0];
  const last = group[group.length - 1];
  if (first === undefined || last === undefined) return;
  const after = last.close + 1;

  // “福州党建超市”“红色小广播”“党课云平台”等数字党建平台: every quoted name of the list is a program.
  if (text[after] === '等') {
    for (let gap = 0; gap <= 6; gap++) {
      const at = after + 1 + gap;
      if (gap > 0 && !isNameChar(text[at - 1])) break;
      const suffix = suffixAt(text, at, LIST_SUFFIXES);
      if (suffix === null) continue;
      for (const q of group) {
        const name = stripQuoteMarks(q.content).trim();
        if (!acceptableQuotedName(name, false)) continue;
        const own = kindOfName(name);
        record(name, own !== 'OTHER' ? own : suffix.kind, q.open, q.close + 1, 'program.quoted-list', [], []);
      }
      return;
    }
  }

  // “领头羊”工程, “三审一谈”工作机制, “六位一体”社区治理架构, “百千万”培训工程: a quote followed by a
  // type suffix, with at most six characters between them.
  for (let gap = 0; gap <= 6; gap++) {
    const at = after + gap;
    if (gap > 0 && !isNameChar(text[at - 1])) break;
    const suffix = suffixAt(text, at, SUFFIXES);
    if (suffix === null) continue;
    const gapText = text.slice(after, at);
    const core = group.map((q) => stripQuoteMarks(q.content).trim()).join('');
    if (core.length < 2 || core.length > 20) return;
    if (!suffix.keep && (NOT_PROGRAMS.has(core) || isGenericGap(core))) return;
    const name = canonicalProgramName(core, gapText, suffix.word);
    const end = at + suffix.word.length;
    const prefixStart = modifierStart(text, first.open, isEntityAt);
    const surfaces = [
      text.slice(first.open, end),
      text.slice(prefixStart, end),
      stripQuoteMarks(text.slice(first.open, end)),
    ];
    const forms = group.length === 1 ? [text.slice(first.open, first.close + 1)] : [];
    record(name, suffix.kind, prefixStart, end, 'program.quoted-suffix', surfaces, forms);
    return;
  }

  // “领航工程”, “红色驿站”, “党群会客厅”: a quoted name that itself ends in a type suffix.
  const verb = verbBefore(text, first.open);
  for (const q of group) {
    const name = stripQuoteMarks(q.content).trim();
    const kind = kindOfName(name);
    const named = kind !== 'OTHER' && (!name.endsWith('制') || name.endsWith('制度') || verb !== null);
    if (named && acceptableQuotedName(name, false)) {
      record(name, kind, q.open, q.close + 1, 'program.quoted-name', [], []);
      continue;
    }
    // 开展“双报到”, 深化“万人示范培训”, 实行村党组织书记“双述双评”: a quoted name carried out by
    // an implementation verb just before it (a few words of scope may stand between) — unless a
    // noun after it says it is a strategy, idea or requirement (实施“乡村振兴”战略).
    const described = DESCRIBED_AS.test(text.slice(last.close + 1, last.close + 3));
    if (verb !== null && !described && acceptableQuotedName(name, true)) {
      record(
        name,
        kind !== 'OTHER' ? kind : (VERB_KINDS[verb] ?? 'OTHER'),
        q.open,
        q.close + 1,
        'program.quoted-verb',
        [],
        [],
      );
    }
  }
}

function acceptableQuotedName(name: string, strict: boolean): boolean {
  if (name.length < 2 || NOT_PROGRAMS.has(name)) return false;
  if (/[，,。；;！!？?：:]|——/.test(name)) return false;
  if (!strict) return name.length <= 20;
  return name.length <= 10 && !COUNTED.test(name);
}

// Function words never inside a program name. Narrower than NAME_STOP_CHARS: 首都政治“护城河”…,
// 万名基层党组织书记大培训工程, 全域党建 and 本乡本土 may be.
const PROGRAM_STOP_CHARS = new Set([...NAME_STOP_CHARS].filter((c) => !'都全本个名'.includes(c)));

function isNameChar(ch: string | undefined): boolean {
  return isHan(ch) && !PROGRAM_STOP_CHARS.has(ch ?? '');
}

// The implementation verb that governs a quote opening at `open`: right before it (开展“双报到”,
// 构建了“1+5+N”) or before up to eight characters of scope without function words
// (落实基层党组织“三会一课”).
function verbBefore(text: string, open: number): string | null {
  for (let gap = 0; gap <= 8; gap++) {
    const end = open - gap;
    if (gap > 0 && !isNameChar(text[end]) && text[end] !== '了') return null;
    const verb =
      implementVerbEndingAt(text, end) ??
      (text[end - 1] === '了' ? implementVerbEndingAt(text, end - 1) : null);
    if (verb !== null) return verb;
  }
  return null;
}

// Where the words qualifying a quoted program start: 实施农村“领头羊”工程 → 农村,
// 实施基层党组织“领头羊”工程 → 基层党组织. Stops at a verb, a function word or punctuation.
// The qualifier must run from the verb (or the start of the clause) to the quote; anything else
// (部纳入“互联网+政务服务”平台, 廊坊市工信局组织“企业家进高校”…) is not part of the name.
function modifierStart(text: string, open: number, isEntityAt: (offset: number) => boolean): number {
  let k = open;
  while (k > 0 && open - k < 8) {
    if (implementVerbEndingAt(text, k) !== null || isClauseBreak(text[k - 1])) return k;
    if (!isNameChar(text[k - 1]) || isEntityAt(k - 1)) return open;
    k--;
  }
  return open;
}

// 创新开展创星争先活动, 探索建立村党组织防瘫预警长效工作机制, 全面开展近邻党建百日攻坚: an unquoted
// name ending in a type suffix, right after an implementation verb (or after 、 in a clause that
// has one: 开展…培训工程、万名基层党组织书记大培训工程).
function readUnquoted(text: string, quotes: readonly Quote[], claimed: Uint8Array, record: Recorder): void {
  for (const m of text.matchAll(SUFFIX_RE)) {
    const suffixStart = m.index;
    if (claimed[suffixStart] === 1) continue;
    // Inside quotes the quoted rules decide; inside 《》 a document title is not a program.
    if (quotes.some((q) => q.start <= suffixStart && suffixStart < q.end)) continue;
    const suffix = suffixAt(text, suffixStart, SUFFIXES);
    if (suffix === null) continue;
    // 会客厅坐班制, 工程管理, 平台建设者: the suffix word runs on into a longer noun.
    if (NOUN_AFTER_SUFFIX.includes(text[suffixStart + suffix.word.length] ?? '')) continue;
    let k = suffixStart;
    let boundary: 'verb' | 'list' | 'other' = 'other';
    let han = 0;
    while (k > 0) {
      const ch = text[k - 1] ?? '';
      if ('“”‘’「」"'.includes(ch)) {
        k--;
        continue;
      }
      // A verb closer than four characters is part of the name: 党建示范村创建活动.
      if (han >= 4 && implementVerbEndingAt(text, k) !== null) {
        boundary = 'verb';
        break;
      }
      if (han >= 4 && ch === '了' && implementVerbEndingAt(text, k - 1) !== null) {
        boundary = 'verb';
        break;
      }
      if (!isNameChar(ch)) {
        if (ch === '、') boundary = 'list';
        break;
      }
      if (++han > 16) break;
      k--;
    }
    if (boundary === 'other') continue;
    if (boundary === 'list' && !clauseHasVerb(text, k)) continue;
    const end = suffixStart + suffix.word.length;
    const raw = text.slice(k, end);
    const trimmed = raw.replace(LEADING_MODIFIERS, '');
    const start = end - trimmed.length;
    const body = stripQuoteMarks(trimmed.slice(0, trimmed.length - suffix.word.length));
    // A quote right before the suffix is the quoted rules' case (they may have rejected it: “护城河”).
    if (
      body.length < 4 ||
      body.length > 16 ||
      isGenericGap(body) ||
      /[”’」"]/.test(text[suffixStart - 1] ?? '')
    )
      continue;
    const name = suffix.keep ? stripQuoteMarks(trimmed) : stripGenericTail(body);
    // 长效监督机制 and 工作机制 say what kind of thing it is, not which one.
    if (name.length < 4 || NOT_PROGRAMS.has(name) || TAIL_TOKENS.some((t) => name.startsWith(t))) continue;
    record(name, suffix.kind, start, end, 'program.unquoted-suffix', [trimmed, stripQuoteMarks(trimmed)], []);
  }
}

function clauseHasVerb(text: string, before: number): boolean {
  for (let i = before; i > 0 && !isClauseBreak(text[i - 1]); i--) {
    if (implementVerbEndingAt(text, i) !== null) return true;
  }
  return false;
}

// Every later naming of a program counts as a mention: its canonical name anywhere (党群会客厅建设)
// and its quoted core (建强村级“领头羊” names 领头羊工程).
function countRepeats(text: string, drafts: Map<string, Draft>, hits: Hit[]): void {
  const taken = new Uint8Array(text.length + 1);
  for (const h of hits) for (let i = h.start; i < h.end; i++) taken[i] = 1;
  for (const d of drafts.values()) {
    for (const form of d.forms) {
      for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + form.length)) {
        const end = at + form.length;
        let free = true;
        for (let i = at; i < end; i++) if (taken[i] === 1) free = false;
        if (!free) continue;
        hits.push({ ref: { label: 'Program', key: d.name }, start: at, end, rule: 'program.repeat' });
        for (let i = at; i < end; i++) taken[i] = 1;
      }
    }
  }
}
