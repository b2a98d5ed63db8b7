/**
 * Programs: named, repeatable initiatives (工程, 活动/行动, 机制/制度/工作法/清单/模式, 平台/驿站/
 * 会客厅, X长制/积分制, after a quote also 改革/计划/经验/学习教育, quoted names shown to be carried
 * out, models like 网格党建 and topic campaigns like 党史学习教育). One key per program across
 * documents: the canonical name drops generic type words, so 农村“领头羊”工程 and “领头羊”工程 are
 * 领头羊工程, “三审一谈”工作机制 and “三审一谈”机制 are 三审一谈; a short name given in （以下简称“…”）
 * is an alias. Slogans, priority labels (“一号工程”), figures of speech, organizations, event titles
 * and descriptions of what is built are not programs. Public within `extract`: `extractPrograms`,
 * `canonicalProgramName`.
 */
import { compareHits, compareStrings, type Hit, type SentenceIndex } from './evidence';
import { implementVerbEndingAt, isClauseBreak, isHan, NAME_STOP_CHARS } from './lexicon';
import { PROGRAM_TYPE_WORDS as SUFFIXES, type ProgramTypeWord as Suffix } from './names';
import { findNationalPractices } from './nationalPrograms';
import { stripQuoteMarks, type Quote } from './quotes';
import type { ProgramEntity, ProgramKind } from './types';

/** The programs of one document, where they are named, and the spans their names cover. */
export interface ProgramAnalysis {
  programs: Map<string, ProgramEntity>;
  hits: Hit[];
  /** Spans of program names and of short quotes: numbers inside them are not metrics. */
  nameSpans: Array<[number, number]>;
}

// After 等 a list of quoted names may end in a broader word: “一楼八员”“党建楼长制”等集约服务体系.
const LIST_SUFFIXES: readonly Suffix[] = [
  ...SUFFIXES,
  { word: '经验做法', kind: 'MECHANISM', keep: false },
  { word: '体系', kind: 'MECHANISM', keep: false },
  { word: '做法', kind: 'MECHANISM', keep: false },
  { word: '措施', kind: 'MECHANISM', keep: false },
  { word: '举措', kind: 'MECHANISM', keep: false },
];

// Suffixes an unquoted name may end in (改革, 计划, 经验 … only after a quote).
const UNQUOTED_SUFFIXES = SUFFIXES.filter((s) => s.quotedOnly !== true);
const SUFFIX_RE = new RegExp(UNQUOTED_SUFFIXES.map((s) => s.word).join('|'), 'g');

// Words that only say what kind of thing a program is; dropped from the canonical name together
// with a generic suffix: “三审一谈”工作机制 → 三审一谈, “六位一体”社区治理架构 → 六位一体.
// prettier-ignore
const GENERIC_TOKENS = [
  '常态化', '工作', '长效', '实践', '主题', '系列', '专项', '议事', '决策', '社区', '治理', '服务', '管理',
  '集约', '数字', '党建', '创建', '特色', '品牌', '示范', '宣传', '教育', '培训', '联动', '协同', '综合', '社会',
  '基层', '网格', '组织', '志愿', '学习', '帮扶', '关爱', '宣讲', '文化',
];

// A figure of speech is recognised by its shape, not listed: a short quoted noun with no count
// (“护城河”, “主心骨”), a count of a measure word (“一张网”, “最后一公里”, “一站式”), or a label placed
// after 的 (打造…的“龙头工程”). See `isFigure`.
const MEASURED = /[一二三四五六七八九十两百千万\d](?:个|项|条|点|种|类|批|次|张|盘|股|公里|米|站|把|肩|支)/;
const NUMERAL = /[一二三四五六七八九十两双百千万\d]/g;

// A priority label, not a program: 把“千万工程”作为“一号工程”, 作为“一把手”工程, 民生工程.
const PRIORITY_LABEL =
  /^(?:一号|头号|一把手|首要|第一|重点|民生|德政|民心|形象|面子|政绩|头等)(?:工程|任务|项目)$/;

// A sentence, not a name: “党旗在基层一线高高飘扬”, 让党徽在岗位闪光 — a locative 在 inside, or a
// figurative verb at the end.
const SLOGAN =
  /在(?!职|线|岗|编|校|册|地)[\u4e00-\u9fa5]{2,}|(?:飘扬|闪耀|绽放|闪光|飞扬|高扬|生辉|发光发热|起来)$/;

// A bare quoted name (no type word after it) that ends like one of these is something else: an
// organization (“大工委”), a person or figure of speech (“领头雁”, “金牌调解员”), a kind of place
// (“党建示范村”, “环京示范带”). Names with a count (一楼八员, 双带头人) are kept.
const ORG_LIKE = /(?:[省市县区]?委|党委|工委|支部|党组|委员会|业委会|联合会|团|队)$/;
const PERSON_LIKE = /(?:人|者|兵|雁|羊|官|匠|手|汉|员|师|星|嫂|娘|哥|姐)$/;
const PLACE_LIKE = /(?:村|带|区|片区|社区|街区|小区|园区|基地|示范点|示范街|网格)$/;
// A quote right before one of these is the title of an event or a column: “童心向党·致敬百年”中小学艺术展演.
const EVENT_AFTER =
  /^[\u4e00-\u9fa5]{0,6}?(?:展演|展览|展示|演出|比赛|大赛|竞赛|晚会|专栏|栏目|节目|论坛|讲座|征文|汇演|会演|联展|歌会|朗诵|故事会|巡演|主题展|文艺|影片|电影|纪录片)/;
// A quote right before one of these names a team or an association: 建立“红色代办”服务队.
const TEAM_AFTER = /^(?:志愿)?(?:服务队|志愿队|先锋队|突击队|宣讲团|工作队|小分队|联盟|协会|合作社|帮帮团)/;
// What a bare quoted name carried out by a verb is when its last word says so: “红色议事厅” is a venue.
const VENUE = /(?:厅|室|站|之家|中心|书屋|超市|广场|小院|课堂|学堂|讲堂|夜校|食堂|讲习所)$/;

// Everyday activities; an unquoted name made only of them (走访调研制度, 办理反馈机制) names no program.
// prettier-ignore
const GENERIC_ACTIVITIES = [
  '走访', '调研', '学习', '培训', '宣讲', '座谈', '交流', '研讨', '慰问', '帮扶', '结对', '谈心', '谈话', '考核',
  '督查', '检查', '巡察', '评议', '述职', '办理', '反馈', '交办', '承接', '报到', '值班', '值守', '接访', '下访',
  '约访', '调解', '排查', '整改', '监督', '问责', '联系', '服务', '宣传', '教育', '管理', '会议', '例会', '议事',
  '经常性', '常态化', '定期', '入户', '走街', '串户',
];

// Unquoted names that describe what is created (首都政治“护城河”党建示范村创建活动): model units.
const MODEL_UNIT =
  /(?:示范村|示范社区|示范点|示范区|示范带|示范单位|先进党组织|星级党支部|村|社区|支部|党组织|单位|家庭|企业)$/;

// 三个如何, 两个确立, 五个廊坊, 九项措施: a count of things, not a name.
const COUNTED = /^[一二三四五六七八九十两百千万\d]+(?:个|项|条|点|种|类|批|次|支|名|家|户|张|把|件)/;

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
  打造: 'PROJECT',
  创建: 'PROJECT',
  建成: 'PROJECT',
};

// A quoted phrase followed by one of these is a strategy, idea or requirement, not a program.
const DESCRIBED_AS =
  /^(?:战略|理念|精神|思想|要求|目标|主题(?!党日|教育|活动)|口号|标准|重要|指示|论述|讲话|号召|方针|原则|理论)/;

// Adverbs and scopes before an unquoted name that are not part of it: 深入开展… → 开展 is the verb,
// but 持续推进 全面 深化… may also sit between verb and name.
const LEADING_MODIFIERS =
  /^(?:深入|全面|持续|大力|积极|扎实|广泛|常态化|不断|进一步|着力|认真|切实|率先|首次|全市|全省|全县|全区|全方位|立体式|多层次|系统化|规范化|制度化)+/;

// Characters that continue a suffix word into a longer noun (会客厅坐班制, 工程管理).
// 农村集体产权制度改革: a reform of the system, not a system named 农村集体产权.
const NOUN_AFTER_SUFFIX = '坐制体系式化站点员队室长办部组群库池费款图表管师改';

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
export function canonicalProgramName(core: string, gap: string, suffix: string, quoted = false): string {
  const clean = stripQuoteMarks(core).trim();
  const def = SUFFIXES.find((s) => s.word === suffix) ?? LIST_SUFFIXES.find((s) => s.word === suffix);
  if (def === undefined || suffix === '') return clean;
  // A quoted core is the name; the words before the type word only describe it:
  // “旗帜领航”党建工程 → 旗帜领航工程, “积分换星”考评新模式 → 积分换星. 建设 is the exception: the words
  // before it are what is built (“五型”模范机关建设 → 五型模范机关).
  if (suffix === '建设') return clean + gap;
  if (def.keep) {
    if (clean.endsWith(suffix) && gap === '') return clean;
    return quoted ? clean + suffix : clean + gap + suffix;
  }
  // “积分换星”考评新模式 → 积分换星 (a model unit created, “X”示范村创建活动, is no program at all:
  // readQuotedGroup). …建设年活动: a campaign year is part of the name (“三基”建设年 → 三基建设年).
  // A quoted core is the name whatever describes it (“企业家进高校”素质提升活动 → 企业家进高校).
  return isGenericGap(gap) || (quoted && !gap.endsWith('年')) ? clean : clean + gap;
}

/**
 * The kind of a program by the rule ProgramKind's schema description states, first that
 * applies: the type word its name ends in (领航工程 → PROJECT); a nationally defined practice's
 * own kind (双报到 → MECHANISM, also where a text says 开展“双报到”); else the kind the text
 * suggested (the verb that carries a bare name out: 开展“平民夜校” → CAMPAIGN), or OTHER.
 */
export function programKind(name: string, suggested: ProgramKind): ProgramKind {
  const own = kindOfName(name);
  if (own !== 'OTHER') return own;
  const national = findNationalPractices(name).find((h) => h.start === 0 && h.end === name.length);
  return national?.kind ?? suggested;
}

function kindOfName(name: string): ProgramKind {
  for (const s of SUFFIXES) if (name.endsWith(s.word)) return s.kind;
  if (/制$/.test(name)) return 'MECHANISM';
  return 'OTHER';
}

// Whether a name ends in a word that names a program by itself (工程, 行动, 工作法, 清单, 平台 …).
function endsWithNamingSuffix(name: string): boolean {
  return SUFFIXES.some(
    (s) => s.keep && s.word !== '经验' && name.endsWith(s.word) && name.length > s.word.length,
  );
}

/** True when `name` reads as a slogan or a priority label rather than a program name. */
function isSloganOrLabel(name: string): boolean {
  return PRIORITY_LABEL.test(name) || (SLOGAN.test(name) && !BUILT_INTO.test(name));
}

// 把合作社建在支部里, 支部建在产业链上: the genre's way of naming an organizational practice (a body
// built into another), not a slogan of place (在石头缝里种樱桃).
const BUILT_INTO =
  /^[把将]?[\u4e00-\u9fa5]{1,5}(?:建|设|延伸)在[\u4e00-\u9fa5]{0,4}(?:支部|党组织|党小组|合作社|网格|产业链|楼宇|园区|小区|村)[上里中]?$/;

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

  const record: Recorder = (name, kind, start, end, rule, surfaces, forms) => {
    if (name.length < 2 || name.length > 24 || /[，,。]{2}/.test(name) || isSloganOrLabel(name)) return;
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

  // （以下简称“千万工程”）: the short name is an alias of the program named right before it.
  const abbreviations = findAbbreviations(text, quotes);
  const abbreviated = new Set(abbreviations.map((a) => a.quote));
  const usable = quotes.filter(
    (q) => !q.title && !abbreviated.has(q) && !isAbbreviationUse(q, abbreviations),
  );
  // Inside a document title (《关于开展“X”建设计划的通知》) only a type word after the quote names a program.
  for (const group of groupQuotes(text, usable))
    readQuotedGroup(text, group, record, isEntityAt, claimed, insideTitle(group[0] as Quote, quotes));
  readUnquoted(text, quotes, claimed, record);
  readVerbPlans(text, claimed, record);
  // 严格落实三会一课, 开展主题党日: practices every reader knows by name.
  for (const h of findNationalPractices(text))
    if (claimed[h.start] !== 1) record(h.name, h.kind, h.start, h.end, 'program.national', [], []);
  readModelPartyBuilding(text, claimed, record);
  readTopicCampaigns(text, claimed, record);
  readHonourCampaigns(text, claimed, record);
  for (const a of abbreviations) {
    const owner = hits.find((h) => h.end === a.after);
    const d = owner === undefined ? undefined : drafts.get(owner.ref.key);
    if (d === undefined || a.short === d.name) continue;
    d.aliases.add(a.short);
    d.forms.add(a.short);
  }

  mergeShortForms(drafts, hits);
  countRepeats(text, drafts, hits);

  const programs = new Map<string, ProgramEntity>();
  for (const d of [...drafts.values()].sort((a, b) => compareStrings(a.name, b.name))) {
    const first = hits.filter((h) => h.ref.key === d.name).sort(compareHits)[0];
    programs.set(d.name, {
      key: d.name,
      name: d.name,
      aliases: [...d.aliases].sort(compareStrings),
      kind: programKind(d.name, d.kind),
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
  claimed: Uint8Array,
  inTitle: boolean,
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
        if (!acceptableQuotedName(name, false) || isFigure(name)) continue;
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
    if (suffix === null || (suffix.notBefore?.includes(text[at + suffix.word.length] ?? '') ?? false))
      continue;
    const gapText = text.slice(after, at);
    // “头雁引领”“先锋示范”工程: quotes written one after the other before one type word are one
    // program each, sharing the type word.
    if (group.length > 1) {
      const items = group.map((q) => stripQuoteMarks(q.content).trim());
      if (items.every((c) => c.length >= 2 && c.length <= 12 && !isSloganList(c) && !isFigure(c))) {
        const end = at + suffix.word.length;
        group.forEach((q, i) => {
          const c = items[i] ?? '';
          const name = canonicalProgramName(c, gapText, suffix.word, true);
          const last = i === group.length - 1;
          record(
            name,
            suffix.kind,
            q.open,
            last ? end : q.close + 1,
            'program.quoted-suffix',
            [c + gapText + suffix.word],
            [text.slice(q.open, q.close + 1)],
          );
        });
        return;
      }
    }
    const core = group.map((q) => stripQuoteMarks(q.content).trim()).join('');
    if (core.length < 2 || core.length > 20) return;
    if (isSloganList(core) || (!suffix.keep && (COUNTED.test(core) || isGenericGap(core)))) return;
    // “两新”组织建设, “微网格”建设: what is built is an organization, a unit or a room, not a program.
    const built = core + gapText;
    if (
      suffix.word === '建设' &&
      (/(?:组织|委|支部|队伍|阵地|班子|体系)$/.test(gapText) ||
        ORG_LIKE.test(built) ||
        PLACE_LIKE.test(built) ||
        VENUE.test(built))
    )
      return;
    // 首都政治“护城河”党建示范村创建活动: what is created is a model unit, the quote its epithet.
    if (!suffix.keep && /(?:示范|先进|星级)[\u4e00-\u9fa5]{0,3}$/.test(gapText.replace(/创建$/, ''))) return;
    // “千万工程”经验: the quote already names the program; the word after it says what about it.
    const named = endsWithNamingSuffix(core) && (suffix.word === '经验' || !suffix.keep);
    const name = named ? core : canonicalProgramName(core, gapText, suffix.word, true);
    const kind = named ? kindOfName(core) : suffix.kind;
    const end = at + suffix.word.length;
    const prefixStart = modifierStart(text, first.open, isEntityAt);
    const surfaces = [
      text.slice(first.open, end),
      text.slice(prefixStart, end),
      stripQuoteMarks(text.slice(first.open, end)),
    ];
    const forms = group.length === 1 ? [text.slice(first.open, first.close + 1)] : [];
    record(name, kind, prefixStart, end, 'program.quoted-suffix', surfaces, forms);
    return;
  }

  if (inTitle) return;
  // 打造固本强基的“龙头工程”: a quote after 的 is a label the sentence gives, not a name it runs.
  // 以“…”为主题的“网格先锋行动”: after a theme or a means the quote is the name of what is held.
  if (
    text[first.open - 1] === '的' &&
    implementVerbEndingAt(text, first.open - 1) === null &&
    !/为(?:主题|主线|载体|抓手)的$/.test(text.slice(Math.max(0, first.open - 5), first.open))
  )
    return;
  // “领航工程”, “红色驿站”, “党群会客厅”: a quoted name that itself ends in a type suffix.
  const verb =
    verbBefore(text, first.open) ?? frameAround(text, first, last) ?? coordinated(text, first, claimed);
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
    const described = DESCRIBED_AS.test(text.slice(last.close + 1, last.close + 5));
    if (verb !== null && !described && acceptableQuotedName(name, true) && isBareProgramName(text, q, name)) {
      record(
        name,
        kind !== 'OTHER' ? kind : VENUE.test(name) ? 'PLATFORM' : (VERB_KINDS[verb] ?? 'OTHER'),
        q.open,
        q.close + 1,
        'program.quoted-verb',
        [],
        [],
      );
    }
  }
}

// A bare quoted name after a verb that names something else: an organization (健全街道“大工委”), a
// person or figure (打造“领头雁”队伍), a kind of place (打造“党建示范村”), or the title of an event
// (组织开展“童心向党·致敬百年”中小学艺术展演).
function isBareProgramName(text: string, q: Quote, name: string): boolean {
  const counted = /[一二两三四五六七八九十百千万双\d]/.test(name);
  if (ORG_LIKE.test(name) || PLACE_LIKE.test(name) || VENUE.test(name)) return false;
  if (PERSON_LIKE.test(name) && !counted) return false;
  const after = text.slice(q.close + 1, q.close + 12).split(/[，。；、,;]/)[0] ?? '';
  if (EVENT_AFTER.test(after) || TEAM_AFTER.test(after)) return false;
  // 开展…“一件事”上门服务, 申报“五星”级党支部: a quote that runs on into a noun modifies it.
  return !(isHan(after[0]) && !MAY_FOLLOW_NAME.test(after));
}

// What may follow a bare program name directly: a function word, a generic type word or a verb of
// carrying it out (“双报到”工作, “双报到”以来, “说事会”的做法, “积分换星”和…).
const MAY_FOLLOW_NAME = new RegExp(
  `^(?:[的等和与及、在中后时以为了是让把将被从到对由已也都就并]|${[...TAIL_TOKENS, ...SUFFIXES.map((x) => x.word)].join('|')}|项目|党建|服务|治理|管理|考评|考核|评价|评议|开展|实施|推行|推进|落实|运行|启动|工作|活动|建设|作为|成为)`,
);

// 实施党支部“堡垒指数”管理和党员“先锋指数”考评: a quote joined by 和/与/及/、 (with a few words of scope)
// to a quote already read as a program shares its verb.
function coordinated(text: string, first: Quote, claimed: Uint8Array): string | null {
  const m = /[”’」"]([\u4e00-\u9fa5]{0,4})(?:和|与|及|、)([\u4e00-\u9fa5]{0,4})$/.exec(
    text.slice(Math.max(0, first.open - 12), first.open),
  );
  if (m === null) return null;
  const closeAt = first.open - m[0].length;
  return claimed[closeAt] === 1 ? '建立' : null;
}

// 实施青苗计划, 启动雏鹰计划: an unquoted name of two to six characters ending in 计划, right after a
// verb of launching it (年度计划, 工作计划 and 培训计划 say what kind of plan, not which one).
function readVerbPlans(text: string, claimed: Uint8Array, record: Recorder): void {
  const re = /(?:实施|启动|推出|推行|开展|推进)([\u4e00-\u9fa5]{2,6}?)计划(?![书表])/g;
  for (const m of text.matchAll(re)) {
    const body = m[1] ?? '';
    const start = m.index + m[0].length - body.length - 2;
    if (claimed[start] === 1 || [...body].some((c) => !isNameChar(c))) continue;
    if (isGenericGap(body) || isActivityOnly(body) || /(?:年度|工作|发展|行动|建设|实施|培训)$/.test(body))
      continue;
    record(body + '计划', 'PROJECT', start, start + body.length + 2, 'program.verb-plan', [], []);
  }
}

// 以“党支部+村民说事会”为载体, 把“三覆盖、三推动”作为抓手: the frame says the quote is the means the
// subject works through. Returns a kind word for `VERB_KINDS` (建立 → MECHANISM).
function frameAround(text: string, first: Quote, last: Quote): string | null {
  const before = text.slice(Math.max(0, first.open - 1), first.open);
  // 以“党建攻坚·书记领衔”项目为抓手: a generic type word may stand between the quote and 为.
  const after = text.slice(last.close + 1, last.close + 8).replace(/^(?:项目|品牌|活动|工作)/, '');
  if (
    before === '以' &&
    /^为(?:载体|抓手|依托|平台|引领|主线|核心|切入点|突破口|牵引|统领|重点|纽带)/.test(after)
  )
    return '建立';
  if (before === '把' && /^作为/.test(after)) return '建立';
  return null;
}

interface Abbreviation {
  /** The quote holding the short name. */
  quote: Quote;
  short: string;
  /** Offset right after the full name (where the bracket opens). */
  after: number;
}

// （以下简称“千万工程”）, (简称“两新”), （下称「吹哨报到」）
function findAbbreviations(text: string, quotes: readonly Quote[]): Abbreviation[] {
  const out: Abbreviation[] = [];
  for (const q of quotes) {
    const lead = /[（(](?:以下|下文)?(?:简称|下称|称)$/.exec(text.slice(Math.max(0, q.open - 6), q.open));
    if (lead === null || q.title) continue;
    const short = stripQuoteMarks(q.content).trim();
    if (short.length < 2 || short.length > 12) continue;
    out.push({ quote: q, short, after: q.open - lead[0].length });
  }
  return out;
}

// A later “千万工程” is the abbreviation again, not a program of its own.
function isAbbreviationUse(q: Quote, abbreviations: readonly Abbreviation[]): boolean {
  const content = stripQuoteMarks(q.content).trim();
  return abbreviations.some((a) => a.short === content && a.quote.open < q.open);
}

// A quote of several items (、，—) is a list of principles or a slogan (“居住相邻、易于集中”), unless
// every item carries a count (“三覆盖、三推动”, “一机关一品牌，一支部一特色”: numbered program names).
// Two short items without counts may still be a name (“街乡吹哨、部门报到”, “群众说事、干部解题”); three
// or more, or long ones, are a principle or a slogan (“整体推进、重点培养、全面提升”).
function isSloganList(name: string): boolean {
  const items = name.split(/[、，,—–-]+/).filter((x) => x.length > 0);
  if (items.length < 2) return false;
  if (items.every((x) => (x.match(NUMERAL)?.length ?? 0) >= 1 && x.length <= 8)) return false;
  return items.length >= 3 || items.some((x) => x.length > 5) || SLOGAN.test(name);
}

// The count in a numbered name (三会一课 2, 双报到 1, 一总三联六化 3).
function numeralCount(name: string): number {
  return name.match(NUMERAL)?.length ?? 0;
}

/** A figure of speech or a counted phrase rather than a name: “主心骨”, “一张网”, “四种模式”. */
function isFigure(name: string): boolean {
  if (COUNTED.test(name)) return true;
  if (MEASURED.test(name) && numeralCount(name) < 2) return true;
  return name.length <= 3 && numeralCount(name) === 0 && !/[+＋]/.test(name);
}

function acceptableQuotedName(name: string, strict: boolean): boolean {
  if (name.length < 2 || isSloganList(name)) return false;
  if (/[。；;！!？?：:]|——/.test(name)) return false;
  if (strict && isFigure(name)) return false;
  if (!strict) return name.length <= 20 && !COUNTED.test(name);
  return name.length <= 10;
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
    // 构建了“1+5+N”, 推出的“十大项目”: a verb then 了 or 的 still governs the quote.
    const verb =
      implementVerbEndingAt(text, end) ??
      (text[end - 1] === '了' || text[end - 1] === '的' ? implementVerbEndingAt(text, end - 1) : null);
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
    const suffix = suffixAt(text, suffixStart, UNQUOTED_SUFFIXES);
    if (suffix === null) continue;
    const next = text[suffixStart + suffix.word.length] ?? '';
    // 会客厅坐班制, 工程管理, 平台建设者: the suffix word runs on into a longer noun.
    if (NOUN_AFTER_SUFFIX.includes(next) || (suffix.notBefore?.includes(next) ?? false)) continue;
    // 党群服务活动中心: the type word is part of a facility's name.
    if (/^(?:中心|阵地|场所|基地)/.test(text.slice(suffixStart + suffix.word.length))) continue;
    const minBody = suffix.minBody ?? 4;
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
      if (han >= minBody && implementVerbEndingAt(text, k) !== null) {
        boundary = 'verb';
        break;
      }
      if (han >= minBody && ch === '了' && implementVerbEndingAt(text, k - 1) !== null) {
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
    // 某某专项行动开展以来, 某某工程实施以来: a named campaign as the subject of its own carrying out.
    if (
      boundary === 'other' &&
      (suffix.word === '行动' || suffix.word === '工程') &&
      /^(?:开展|实施|启动|推行)(?:以来|后|中|，)/.test(text.slice(suffixStart + suffix.word.length)) &&
      (k === 0 || isClauseBreak(text[k - 1]) || '。\n“'.includes(text[k - 1] ?? ''))
    )
      boundary = 'verb';
    if (boundary === 'other') continue;
    // 建立街道交办、部门承接、办理反馈机制: a generic type word after a list governs the whole list, which
    // is a description; only a naming suffix makes each item a name (…培训工程、万名…大培训工程).
    if (boundary === 'list' && (!(suffix.keep || listItemsNamed(text, k)) || !clauseHasVerb(text, k)))
      continue;
    const end = suffixStart + suffix.word.length;
    const raw = text.slice(k, end);
    const trimmed = raw.replace(LEADING_MODIFIERS, '');
    const start = end - trimmed.length;
    const body = stripQuoteMarks(trimmed.slice(0, trimmed.length - suffix.word.length));
    // A quote right before the suffix is the quoted rules' case (they may have rejected it: “护城河”).
    if (
      body.length < minBody ||
      body.length > 16 ||
      (body.length > 0 && isGenericGap(body)) ||
      /[”’」"]/.test(text[suffixStart - 1] ?? '')
    )
      continue;
    // 探索矛盾纠纷多元化解新模式: 新 qualifies the type word (a new model), it is not the name's.
    const name = suffix.keep ? stripQuoteMarks(trimmed) : stripGenericTail(body.replace(/(?<=.{3})新$/, ''));
    // 长效监督机制 and 工作机制 say what kind of thing it is, not which one; 走访调研制度 names an
    // activity; 首都政治护城河党建示范村创建活动 says what is created.
    if (
      name.length < Math.min(4, minBody + suffix.word.length) ||
      TAIL_TOKENS.some((t) => name.startsWith(t)) ||
      isActivityOnly(suffix.keep ? name.slice(0, -suffix.word.length) : name) ||
      (!suffix.keep && MODEL_UNIT.test(name))
    )
      continue;
    record(name, suffix.kind, start, end, 'program.unquoted-suffix', [trimmed, stripQuoteMarks(trimmed)], []);
  }
}

// Whether the list item before the 、 at `k - 1` ends in a type word of its own (…督导考核办法、城市基层
// 党建联席会议制度): then every item is a name, and the suffix belongs to the last one only.
function listItemsNamed(text: string, k: number): boolean {
  let i = k - 1;
  while (i > 0 && !isClauseBreak(text[i - 1]) && text[i - 1] !== '、') i--;
  const item = text.slice(i, k - 1);
  return LIST_SUFFIXES.some((s) => item.endsWith(s.word)) || /(?:办法|措施|条|制|体系)$/.test(item);
}

function isActivityOnly(body: string): boolean {
  let rest = body.replace(LEADING_MODIFIERS, '');
  if (rest.length === 0) return false;
  while (rest.length > 0) {
    const token = GENERIC_ACTIVITIES.find((t) => rest.startsWith(t));
    if (token === undefined) return false;
    rest = rest.slice(token.length);
  }
  return true;
}

// Qualifiers that make X党建 a model of party building (推行网格党建, 推进区域化党建), not a domain
// of it (机关党建, 农村党建).
const MODEL_QUALIFIER =
  /^(?:网格|近邻|全域|智慧|融合|共建|联建|链式|飞地|红色|楼宇联盟|[\u4e00-\u9fa5]{1,3}化)$/;

// 推行网格党建，…: a model of party building carried out by an implementation verb, unquoted and
// without a type word.
function readModelPartyBuilding(text: string, claimed: Uint8Array, record: Recorder): void {
  for (const m of text.matchAll(/党建(?=[，。；、,;]|工作[，。；、]|模式|品牌)/g)) {
    const end = m.index;
    for (let len = 2; len <= 4 && end - len >= 0; len++) {
      const start = end - len;
      const core = text.slice(start, end);
      if (!MODEL_QUALIFIER.test(core) || claimed[start] === 1) continue;
      const lead = /(?:全面|深入|大力|积极|持续|不断|着力)$/.exec(text.slice(Math.max(0, start - 2), start));
      const verb = implementVerbEndingAt(text, start - (lead?.[0].length ?? 0));
      if (verb === null) continue;
      record(core + '党建', VERB_KINDS[verb] ?? 'MECHANISM', start, end + 2, 'program.model', [], []);
      break;
    }
  }
}

// A national campaign named by its topic: 党史学习教育, 四史学习教育, 党纪学习教育 — wherever it is
// named (通过党史学习教育, 在党史学习教育中, 自党史学习教育启动以来), since these always name the
// campaign. The topic is the two characters before 学习教育/主题教育; longer topics come quoted
// (“两学一做”学习教育, read by the quoted rules). A verb, an adverb or a generic word there is no topic:
// 推动学习教育, 加强学习教育, 深入学习教育, 党员学习教育, 思想主题教育.
// prettier-ignore
const NOT_TOPICS = new Set([
  '党员', '干部', '理论', '集中', '专题', '日常', '政治', '思想', '加强', '强化', '组织', '进行', '接受', '经常',
  '注重', '深化', '推进', '开展', '确保', '坚持', '参加', '参与', '抓好', '搞好', '做好', '定期', '通过', '结合',
  '巩固', '拓展', '推动', '持续', '深入', '扎实', '认真', '全面', '围绕', '聚焦', '学好', '用好', '启动', '动员',
  '成果', '开始', '进一', '一步',
]);

function readTopicCampaigns(text: string, claimed: Uint8Array, record: Recorder): void {
  for (const m of text.matchAll(/学习教育|主题教育/g)) {
    const suffixStart = m.index;
    const k = suffixStart - 2;
    if (k < 0 || claimed[suffixStart] === 1 || claimed[k] === 1) continue;
    const core = text.slice(k, suffixStart);
    if (![...core].every((c) => isNameChar(c)) || NOT_TOPICS.has(core) || isGenericGap(core)) continue;
    if (implementVerbEndingAt(core, 2) !== null) continue;
    record(core + m[0], 'CAMPAIGN', k, suffixStart + m[0].length, 'program.topic-campaign', [], []);
  }
}

// A campaign named by the honour it strives for: 模范机关创建, 文明城市创建, 五星支部创建 — an honour
// quality (a closed class) + the kind of unit + 创建, named at least twice (once is a description:
// 争创文明城市). The quality words are the titles the Party and the state award.
const HONOUR_CAMPAIGN =
  /(?:模范|文明|示范|先进|星级|五好|红旗|标杆|标准化|规范化|过硬|清廉|廉洁|平安|和谐|[一二三四五六七八九十][型星好强])(?:机关|单位|党支部|支部|党组织|城市|城区|社区|村|家庭|校园|企业|窗口|部门)创建/g;

function readHonourCampaigns(text: string, claimed: Uint8Array, record: Recorder): void {
  const found = [...text.matchAll(HONOUR_CAMPAIGN)].filter((m) => claimed[m.index] !== 1);
  const counts = new Map<string, number>();
  for (const m of found) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  for (const m of found) {
    if ((counts.get(m[0]) ?? 0) < 2) continue;
    record(m[0], 'CAMPAIGN', m.index, m.index + m[0].length, 'program.honour-campaign', [], []);
  }
}

// 从“填鸭教学”到“基地模式” after 探索了“基地培训模式”: a name whose characters all appear, in order,
// in a longer program of the document that starts with the same character and ends in the same
// type word is that program's short form (as 千万工程 is of 千村示范、万村整治工程).
function mergeShortForms(drafts: Map<string, Draft>, hits: Hit[]): void {
  const typeWord = (name: string) => SUFFIXES.find((w) => name.endsWith(w.word))?.word;
  for (const short of [...drafts.values()]) {
    const word = typeWord(short.name);
    if (word === undefined || short.name.length < word.length + 2) continue;
    // “党建+”工程 is the family 党建+优质服务 belongs to, not its short form.
    if (/[+＋]$/.test(short.name.slice(0, -word.length))) continue;
    const long = [...drafts.values()].find(
      (d) =>
        d.name.length > short.name.length &&
        d.name[0] === short.name[0] &&
        typeWord(d.name) === word &&
        isSubsequence(short.name, d.name),
    );
    if (long === undefined) continue;
    fold(short, long);
  }
  // 厦门“近邻”模式 and “近邻党建”: a name and the same name with generic words after it (党建,
  // 工作, 治理 …) are one program, under the longer name.
  for (const short of [...drafts.values()]) {
    const long = [...drafts.values()].find(
      (d) =>
        d.name.length > short.name.length &&
        d.name.startsWith(short.name) &&
        short.name.length >= 2 &&
        isGenericGap(d.name.slice(short.name.length)),
    );
    if (long !== undefined) fold(short, long);
  }

  function fold(short: Draft, long: Draft): void {
    if (long.kind === 'OTHER') long.kind = short.kind;
    long.aliases.add(short.name);
    for (const a of short.aliases) long.aliases.add(a);
    for (const f of short.forms) long.forms.add(f);
    for (const h of hits) if (h.ref.key === short.name) h.ref = { label: 'Program', key: long.name };
    drafts.delete(short.name);
  }
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
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
