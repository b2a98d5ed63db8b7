/**
 * The document node: headline, publication day, outlet and byline. Public within `extract`:
 * `readDocumentInfo`. The main place is decided by `places.ts` and passed in.
 */
import type { CleanDocument, Paragraph } from '../text/types';
import { isHan } from './lexicon';
import { surnameLength } from './surnames';
import type { DocumentInfo } from './types';

// How far into the text the header (banner, headline, dateline, kicker) may reach.
const HEADER_PARAGRAPHS = 8;

const DATE = /(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?/;
const TIME = /\d{1,2}:\d{2}(?::\d{2})?/g;
const OUTLET =
  /[\u4e00-\u9fa5A-Za-z]{2,12}?(?:日报客户端|客户端|日报|晚报|新闻网|时报|城市报|报|网|电视台|广播电视台|新闻|杂志|通讯社|社|在线)/;

/**
 * Reads title, date, source and authors from the header and byline of a clean document.
 *
 * @param mainPlaceKey the key `places.ts` chose as the document's main place (or null)
 */
export function readDocumentInfo(doc: CleanDocument, mainPlaceKey: string | null): DocumentInfo {
  const header = doc.paragraphs.slice(0, HEADER_PARAGRAPHS);
  return {
    title: readTitle(doc),
    publishedAt: readDate(header) ?? readDispatchDay(header, doc.text),
    source: readSource(doc, header),
    authors: readAuthors(doc.paragraphs),
    mainPlaceKey,
    charCount: doc.text.length,
  };
}

// A paragraph of site furniture rather than a headline: 河北频道 > 全景河北, 第19版:全域党建·廊坊市,
// 廊坊新闻河北日报廊坊专辑, a dateline, a 来源 line, a kicker ending in a colon (河北省廊坊市：).
function isBanner(p: string): boolean {
  const t = p.trim();
  // 市县亮点, 工作背景: a label this short is a column or section head, not a headline.
  if (t.length <= 5) return true;
  // 爱豆…|91…|…: a row of links or injected keywords; 今日烟台 今日龙口 今日莱阳 …: a navigation row.
  if ((t.match(/[|｜]/g)?.length ?? 0) >= 3) return true;
  if (/^(?:\S{1,6}\s+){3,}\S{1,6}$/.test(t)) return true;
  // 法治号 手机版| 站内搜索, APP下载: site furniture.
  if (SITE_FURNITURE.test(t) && (t.length <= 20 || /[|｜]/.test(t))) return true;
  // 某某网——省内权威综合门户: a masthead (an outlet and its motto).
  if (new RegExp(`^${OUTLET.source}\\s*(?:——|--|[|｜])`).test(t)) return true;
  // 记者 张三 通讯员 李四, □记者…: a byline; …察看长势。某某网记者 王五 摄: a photo caption.
  const byline = /^[□■(（]?\s*(?:本报)?(?:记者|通讯员|作者|文\/|撰稿)/.test(t) && !/[，。]/.test(t);
  if (byline || /摄(?:影)?\s*[)）]?$/.test(t)) return true;
  // 原标题：…: a repost's former headline; the display headline is the next line.
  if (/^原标题[：:]/.test(t)) return true;
  if (/[>＞»]/.test(t)) return true;
  if (/^第\s*\d+\s*版/.test(t)) return true;
  if (/(?:专辑|频道|专题|专栏|首页|版面|客户端)$/.test(t) && t.length <= 20) return true;
  if (/(?:来源|稿源)[：:]|扫码|分享[：:]|返回目录|放大|缩小|字号|打印|关闭窗口|责任编辑|编辑[：:]/.test(t))
    return true;
  if (/[：:]$/.test(t)) return true;
  if (isDateline(t)) return true;
  if (/^(?:中共)?[\u4e00-\u9fa5]{2,12}(?:委|部|局|办|厅)$/.test(t)) return true; // an author organization: 中共廊坊市委组织部
  if (/^《[^》]+》\s*[(（]/.test(t)) return true; // 《中国城市报》(2023年07月31日 第19版)
  return false;
}

// What is left of a paragraph once its date, time, weekday and outlet are removed is (almost)
// nothing: `2021-06-07 10:02:52 来源：河北新闻网`, `中国城市报 2023年07月31日 星期一`.
function isDateline(p: string): boolean {
  if (!DATE.test(p)) return false;
  const rest = p
    .replace(DATE, '')
    .replace(TIME, '')
    .replace(/星期[一二三四五六日天]|周[一二三四五六日]/g, '')
    .replace(/来源[：:]\s*\S+/g, '')
    .replace(/第\s*\d+\s*版/g, '')
    .replace(new RegExp(OUTLET.source, 'g'), '')
    .replace(/[\s《》()（）|:：,，·-]/g, '');
  return rest.length <= 4;
}

// Words of site furniture (a closed class): 站内搜索, 手机版, APP下载, 下载客户端, 违法和有害信息举报,
// 设为首页, 加入收藏, 登录, 注册.
const SITE_FURNITURE = /站内搜索|手机版|APP下载|下载客户端|有害信息举报|设为首页|加入收藏|登录|注册/i;

// A dispatch line that opens a story: 新华社南宁7月4日电, 某某在线杭州3月2日讯, 某某报业网讯 (the
// outlet first, then a place and a day), with 题： before a headline and a bracketed byline after.
const DISPATCH = new RegExp(
  `^(${OUTLET.source.replace('{2,12}?', '{2,12}')})[\\u4e00-\\u9fa5]{0,8}?(?:\\d{1,2}月\\d{1,2}日)?(?:电|讯)\\s*(?:[(（][^)）]{0,40}[)）])?\\s*(?:题[：:]\\s*)?`,
);

// The headline: the first paragraph that is not furniture, with a column name before `|` removed
// (`燕赵新答卷·廊坊篇 | 夯基铸魂，汇聚前行澎湃力量` → 夯基铸魂，汇聚前行澎湃力量), a dispatch
// line (新华社南宁7月4日电 题：…) and a column tag at its end (…本领更强(特别关注)) removed. An
// article that opens with body text (no headline) gets its first sentence.
function readTitle(doc: CleanDocument): string {
  const header = doc.paragraphs.slice(0, HEADER_PARAGRAPHS).map((p) => p.text.trim());
  for (const [k, p] of doc.paragraphs.slice(0, HEADER_PARAGRAPHS).entries()) {
    // 标题：某村的产业路 → 某村的产业路 (a labelled headline).
    const t = (header[k] ?? '')
      .replace(DISPATCH, '')
      .replace(/^(?:标题|题目)[：:]\s*/, '')
      .trim();
    if (isBanner(t)) continue;
    if (/^——/.test(t)) continue; // a subtitle
    const column = /^[^|｜]{2,30}\s*[|｜]\s*(.{4,})$/.exec(t);
    const headline = joinedHeadline((column?.[1] ?? t).trim(), header.slice(k + 1)).replace(
      /\s*[(（][\u4e00-\u9fa5]{2,6}[)）]$/,
      '',
    );
    if (headline.length <= 64 && !/[。！；]/.test(headline.slice(0, -1))) return headline;
    const first = doc.sentences.find((s) => s.start >= p.start && s.end <= p.end);
    return cleanOpening(first?.text ?? headline);
  }
  return cleanOpening(doc.sentences[0]?.text ?? doc.text.slice(0, 64));
}

// 某县 五招壮大集体经济某某集团荣获行业大奖…: an e-paper's title bar joins the page's headlines;
// when the lines below give them one by one, the first is this article's.
function joinedHeadline(t: string, below: readonly string[]): string {
  for (const a of below) {
    if (a.length < 6 || a.length >= t.length || !t.startsWith(a)) continue;
    if (below.includes(t.slice(a.length).trim())) return a;
  }
  return t;
}

// The opening sentence as a title: without its dispatch line and bracketed byline, and without
// whatever a page put before a link (某某专科医院 https://… 9月9日，…).
function cleanOpening(sentence: string): string {
  const afterLink = sentence.replace(/^.*https?:\/\/\S+\s*/, '');
  return afterLink
    .replace(DISPATCH, '')
    .replace(/^[(（][^)）]{0,30}[)）]\s*/, '') // (通讯员 向如)近日，…
    .slice(0, 64)
    .trim();
}

// The publication day, from a header dateline only (never a date of the body, never today).
// A date counts when its paragraph is no running sentence (no ，。；！？ around it) and the date
// opens the paragraph (`17.06.2015  11:35`, `2019 年 01 月 28 日 星期一`), follows a label
// (`发布时间：2025-11-19`, `[字体：时间：2022-11-29 15:24 稿源：…]`), carries a clock time
// (`来源：某某日报 2018-10-09 08:30`) or is all the paragraph says besides an outlet.
function readDate(header: readonly Paragraph[]): string | null {
  for (const p of header) {
    const t = p.text;
    for (const d of datesIn(t)) {
      const around = t.slice(Math.max(0, d.start - 12), d.end + 12);
      if (/[，。；！？]/.test(around) && !isDateline(t)) continue;
      const before = t.slice(0, d.start);
      const after = t.slice(d.end);
      const opens = /^[\s[【(（]*$/.test(before);
      const labelled = /(?:时间|日期|发布|发表|更新|稿源|来源)[^，。；]{0,16}[：:]\s*[[【]?\s*$/.test(before);
      const timed = /^\s*\]?\s*\d{1,2}:\d{2}/.test(after) || /^\s*(?:星期|周[一二三四五六日天])/.test(after);
      if (opens || labelled || timed || isDateline(t)) return d.iso;
    }
  }
  return null;
}

// A dispatch line gives the day without the year (浙江在线杭州5月15日讯, 新华社昆明9月21日电). The
// year is read only where the text states it by arithmetic — an event's year and the years since
// it (1963年…。56年来 → 2019) — and every such pair agrees; a year merely mentioned is no date of
// publication.
const DISPATCH_DAY = /^[\u4e00-\u9fa5]{2,20}?(\d{1,2})月(\d{1,2})日(?:电|讯)/;
const YEAR_THEN_SINCE = /(?<!\d)((?:19|20)\d{2})年[^。]{0,120}。?[^。]{0,40}?(?<![\d.])(\d{1,3})(?:多)?年来/g;

function readDispatchDay(header: readonly Paragraph[], text: string): string | null {
  for (const p of header) {
    const m = DISPATCH_DAY.exec(p.text.trim());
    if (m === null) continue;
    const years = new Set<number>();
    for (const y of text.matchAll(YEAR_THEN_SINCE)) years.add(Number(y[1]) + Number(y[2]));
    const [year] = [...years];
    if (years.size !== 1 || year === undefined) return null;
    return datesIn(`${year}年${m[1]}月${m[2]}日`)[0]?.iso ?? null;
  }
  return null;
}

/** A full day written in the text, with its span. */
interface StatedDate {
  start: number;
  end: number;
  iso: string;
}

// Year-first days (2025-11-19, 2015/10/14, 2019年05月15日, 2019 年 01 月 28 日), the
// day-first form of some portals (17.06.2015) and `2025 09/22 18:06:28`; a four-digit number glued
// to more digits is no year.
const YEAR_FIRST = /(?<!\d)(\d{4})\s*([-年/.])\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})(?!\d)\s*日?/g;
const DAY_FIRST = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])/g;
// The year, then month/day, then a clock time: `2025 09/22 18:06:28` (a news agency's page header).
const YEAR_THEN_MONTH_DAY = /(?<![\d/])(\d{4})\s+(\d{1,2})\/(\d{1,2})(?=\s+\d{1,2}:\d{2})/g;

/** Every well-formed full date of `t`, in order. */
export function datesIn(t: string): StatedDate[] {
  const out: StatedDate[] = [];
  const add = (index: number, length: number, y: number, mo: number, d: number): void => {
    if (y < 1949 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return;
    const iso = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    out.push({ start: index, end: index + length, iso });
  };
  for (const m of t.matchAll(YEAR_FIRST)) {
    // 2019年5月15日 needs 月 after 年; 2019-05-15 keeps one separator throughout.
    if (m[2] === '年' && !/月/.test(m[0])) continue;
    add(m.index, m[0].length, Number(m[1]), Number(m[3]), Number(m[4]));
  }
  for (const m of t.matchAll(DAY_FIRST)) add(m.index, m[0].length, Number(m[3]), Number(m[2]), Number(m[1]));
  for (const m of t.matchAll(YEAR_THEN_MONTH_DAY))
    add(m.index, m[0].length, Number(m[1]), Number(m[2]), Number(m[3]));
  return out.sort((a, b) => a.start - b.start);
}

// The outlet: `来源：河北新闻网` or `稿源：区委组织部`, else the outlet of a dispatch line
// (`新华社南宁7月4日电`), a journal issue line (`党的建设(某省) 2021年3期`), an outlet on the
// dateline (`中国城市报 2023年07月31日`, in 《》, or a label in brackets), a masthead row of outlets
// (`某某日报 | 某某日报农村版`), else the paper of the byline (`福州日报记者 林晗` → 福州日报).
function readSource(doc: CleanDocument, header: readonly Paragraph[]): string | null {
  for (const p of header) {
    for (const m of p.text.matchAll(/(?:来源|稿源)\s*[：:]\s*([^\s|，,。\]】]+)/g)) {
      const named = outletOf(m[1] ?? '');
      if (named !== null) return named;
    }
  }
  for (const p of header) {
    const m = DISPATCH.exec(p.text.trim());
    if (m?.[1] !== undefined && !/^本/.test(m[1])) return m[1];
  }
  for (const p of header) {
    const issue = /^(\S.{1,16}?)\s*\d{4}\s*年\s*(?:第\s*)?\d{1,3}\s*期$/.exec(p.text.trim());
    if (issue?.[1] !== undefined) return issue[1].trim();
  }
  for (const p of header) {
    if (datesIn(p.text).length === 0 || /[，。；]/.test(p.text)) continue;
    const titled = /《\s*([^》]+?)\s*》/.exec(p.text);
    if (titled?.[1] !== undefined) return titled[1];
    // 2014-05-20 (来源: 某某网信息中心), its label garbled by the page.
    const bracketed = /[(（][^()（）]{0,8}[：:]\s*([^()（）]+?)\s*[)）]/.exec(p.text);
    if (bracketed?.[1] !== undefined && outletOf(bracketed[1]) !== null) return bracketed[1];
    if (!isDateline(p.text)) continue;
    const outlet = OUTLET.exec(p.text.replace(DATE, ' '));
    if (outlet !== null) return outlet[0];
  }
  for (const p of header) {
    const parts = p.text.split(/\s*[|｜]\s*/);
    // Each part opens with an outlet name (某某日报农村版 is an edition of one); the first is the page's.
    const opens = new RegExp(`^${OUTLET.source}`);
    const whole = new RegExp(`^${OUTLET.source}$`);
    const first = parts[0]?.trim() ?? '';
    if (parts.length >= 2 && whole.test(first) && parts.every((x) => opens.test(x.trim()))) return first;
  }
  const tail = doc.paragraphs.slice(-4);
  for (const p of [...header, ...tail]) {
    const m = /([\u4e00-\u9fa5]{2,8}?(?:日报|晚报|时报|报))(?:社)?(?:记者|通讯员)/.exec(p.text);
    if (m?.[1] !== undefined && !m[1].startsWith('本报') && !/^[的在和与]/.test(m[1])) return m[1];
  }
  return null;
}

// The outlet a source label names: 某某日报-某某网 → 某某日报 (the first of a pair), 光明网-《光明日报》
// 时间：2021-12-22 → 光明日报 (a name in 《》 first; a swallowed date label cut off). Not an outlet:
// 本站, 本网, 网络, a copyright notice (版权归原作者所有…).
function outletOf(raw: string): string | null {
  const label = raw.replace(/(?:时间|日期|发布|作者|编辑|责任编辑)[：:].*$/, '');
  const titled = /《([^》]+)》/.exec(label);
  const name = (titled?.[1] ?? label.split(/[-—|｜]/)[0] ?? '').trim();
  if (name.length < 2 || /^(?:本站|本网|本报|网络|互联网|原创|未知)$/.test(name)) return null;
  if (/版权|原作者|转载|侵权/.test(name)) return null;
  return name;
}

const ROLE = /(?:记者|通讯员|作者|撰稿|撰文|文\/|文：|文:)/g;

// The byline: names after 记者/通讯员/作者, separated by spaces or 、, in byline order
// (`(河北日报记者 解丽达 孟宪峰 通讯员 周禹佳)`, `本报记者聂资滨`). A name followed by 摄 is a
// photographer (`河北日报记者 赵永辉摄`) and is not an author; editors (责任编辑) are not authors.
function readAuthors(paragraphs: readonly Paragraph[]): string[] {
  const out: string[] = [];
  const candidates = [...paragraphs.slice(0, HEADER_PARAGRAPHS), ...paragraphs.slice(-4)];
  const seen = new Set<Paragraph>();
  for (const p of candidates) {
    if (seen.has(p)) continue;
    seen.add(p);
    for (const m of p.text.matchAll(ROLE)) {
      const before = p.text[m.index - 1];
      // 记者了解到 in the body is not a byline: the role word must open the byline or follow an outlet.
      if (
        before !== undefined &&
        isHan(before) &&
        !/(?:报|网|社|台|本报|新闻)$/.test(p.text.slice(0, m.index))
      )
        continue;
      let rest = p.text.slice(m.index + m[0].length);
      for (;;) {
        const token = /^[\s、，,]*([^\s、，,()（）]+)/.exec(rest);
        if (token === null) break;
        const word = token[1] ?? '';
        if (/摄(?:影)?$/.test(word)) break;
        if (!isPersonName(word)) break;
        if (!out.includes(word)) out.push(word);
        rest = rest.slice(token[0].length);
      }
    }
  }
  return out;
}

function isPersonName(word: string): boolean {
  if (word.length < 2 || word.length > 4) return false;
  if (![...word].every((ch) => isHan(ch))) return false;
  if (/(?:记者|通讯员|日报|报社|编辑)/.test(word)) return false;
  return surnameLength(word) > 0;
}
