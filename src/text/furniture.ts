/**
 * Page furniture: the lines a news page prints around an article (share buttons, breadcrumbs,
 * copyright lines, related-news lists, comment counters). Decides, per line, whether
 * it is dropped and which part of a kept line is kept. Internal.
 *
 * Kept on purpose: the headline, datelines (`2021-06-07 10:02:52 来源：河北新闻网`), author
 * and editor lines (记者/通讯员, 责任编辑：某某 — people with a post) and photo captions, which the
 * extraction stage reads.
 * Every rule works on the line's text alone or on its position relative to the body, never on
 * line numbers, so it carries over to unseen articles.
 */
import { HAN } from './chars';

/** Why a line was dropped (for tests and debugging). */
export type FurnitureRule =
  | 'no-words'
  | 'ui'
  | 'keywords'
  | 'copyright'
  | 'breadcrumb'
  | 'page-label'
  | 'comments'
  | 'related-heading'
  | 'related-list'
  | 'header-label'
  | 'navigation'
  | 'tail';

/** The verdict on one line: dropped by a rule, or kept as `line.slice(start, end)`. */
export type LineVerdict =
  { kind: 'drop'; rule: FurnitureRule } | { kind: 'keep'; start: number; end: number };

const SENTENCE_END = /[。！？]/;

// A line with no Han, letter or digit: "-", "■", "|", "……".
const NO_WORDS = /^[^\p{Script=Han}\p{L}\p{N}]*$/u;

// Buttons and links a page prints as text. A line is furniture when nothing but these tokens
// and separators remain: 扫码阅读手机版; 分享：; 返回目录 放大缩小全文复制; 【打印本页】【关闭窗口】;
// 字号：大 中 小; 进入图片频道最新图文; - 最新福州新闻 频道推荐.
const UI_TOKEN = new RegExp(
  [
    '扫码阅读手机版',
    '(?:手机)?扫(?:一扫|码)(?:阅读|分享|关注)?',
    '手机(?:版|阅读|看新闻)',
    '分享(?:到|至)?',
    '微信(?:好友)?',
    '(?:新浪)?微博',
    '朋友圈',
    'QQ(?:空间|好友)?',
    '返回(?:目录|顶部|首页|列表|上一页)',
    '放大',
    '缩小',
    '(?:全文)?复制(?:链接)?',
    '(?:打印|收藏)(?:本页|此文|本文)?',
    '关闭(?:窗口|本页)?',
    '(?:我要)?纠错',
    '字号[：:]?(?:\\s*[大中小])*',
    '上一(?:篇|页)',
    '下一(?:篇|页)',
    '电子报',
    '进入\\p{Script=Han}{0,6}频道\\p{Script=Han}{0,6}',
    '最新\\p{Script=Han}{0,6}新闻',
    '频道推荐',
    '(?:一周)?热点新闻',
    '热门推荐',
  ].join('|'),
  'gu',
);
const UI_SEPARATORS = /[\s|｜/\\\-—–·•【】[\]（）()：:，,。>＞«»]/gu;

// An editor credit glued to the end of a line: 关键词：河北，社区责任编辑：刘政豪 (the keywords go, the credit stays)
const EDITOR_SUFFIX = /[（(【[]?\s*(?:责任编辑|责编)\s*[：:]\s*[\p{Script=Han}·\s]{1,12}[）)】\]]?\s*$/u;

// Keyword / tag lines under an article: 关键词：河北，社区.
const KEYWORDS_LINE = /^(?:关键词|关键字|标签|tags?)\s*[：:]/iu;
const MAX_KEYWORDS_LINE = 80;

// Copyright notices. Strong marks are enough on their own (版权所有, Copyright, ©, an ICP
// licence number, 未经授权禁止转载); otherwise two of 版权/转载/摘编/镜像/授权/追究 and a reference
// to the site or its works (本网, 本站, 作品 …) are needed, so that prose about copyright
// protection or an article "被多家媒体转载" stays:
// 凡注有“河北新闻网”电头或标明“来源：河北新闻网”的所有作品，版权均为本网站与……所有.
const COPYRIGHT_STRONG =
  /版权所有|copyright|©|\(c\)\s*\d{4}|ICP备|公网安备|未经(?:授权|许可|同意)[，,]?\s*(?:禁止|不得|严禁)(?:转载|使用|复制)|转载请注明/iu;
const COPYRIGHT_WEAK = ['版权', '转载', '摘编', '镜像', '授权', '追究'];
const COPYRIGHT_OWNER = /本网|本站|本报|本刊|本平台|本公众号|作品/u;
const MAX_COPYRIGHT_LINE = 300;

// Breadcrumbs: 河北频道 > 全景河北; 当前位置：首页 > 新闻 > 正文. Every crumb starts with a
// character or letter, so a comparison such as 增长率 > 5% is not one.
const BREADCRUMB_PREFIX = /^(?:当前位置|您的位置|你的位置|所在位置)\s*[：:]/u;
const BREADCRUMB =
  /^[\p{Script=Han}A-Za-z][^。，！？>＞»›]{0,14}(?:\s*[>＞»›]\s*[\p{Script=Han}A-Za-z][^。，！？>＞»›]{0,14})+$/u;

// Newspaper page labels: 第19版：全域党建·廊坊市; 上一版 / 下一版.
const PAGE_LABEL = /^(?:第\s*[0-9一二三四五六七八九十百]+\s*版\s*[：:]|(?:上一版|下一版|版面导航)$)/u;
const MAX_PAGE_LABEL = 40;

// Comment and like counters: 已有0人发表了评论; 评论(0); 12条评论; 我要评论; 点赞 3.
const COMMENTS =
  /^(?:已有\s*\d+\s*人(?:发表了?|参与了?)?评论|\d+\s*条评论|(?:网友)?评论\s*[（(]\s*\d+\s*[）)]|(?:我要|发表|查看|暂无)评论|点赞\s*\d*|(?:阅读|浏览)(?:量|数|次数)?\s*[：:]?\s*\d+)$/u;

// Headings of related-news blocks: 相关新闻; 【推荐阅读】; 热点推荐：
const RELATED_HEADING =
  /^[【[]?(?:相关新闻|相关阅读|相关链接|相关报道|相关文章|推荐阅读|延伸阅读|热点推荐|热门推荐|猜你喜欢|更多新闻|更多阅读|往期回顾|精彩推荐|今日推荐|图片新闻)[】\]]?[：:]?$/u;
const MAX_RELATED_ITEM = 60;

// A headline followed by its date, as related-news lists print them:
// - 福州集体土地建设租赁住房试点工作再推进2021-07-01.
const HEADLINE_WITH_DATE =
  /^(?!\d{4}[-/.]\d{1,2}[-/.]\d{1,2})(?:[-–•·*▪◆●○■□>]\s*)?(?=.*\p{Script=Han})[^。！？]{4,80}?\s*[（(\[]?\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[）)\]]?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/u;
// …unless it is a dateline: 来源：河北日报 2023-05-27.
const DATELINE_WORDS = /来源|发布|时间|日期|记者|作者|编辑|通讯员/u;

// Datelines: 2021-06-07 10:02:52 来源：河北新闻网; 来源：河北日报客户端; 中国城市报 2023年07月31日 星期一.
const DATELINE =
  /\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|^(?:来源|发布时间|发布日期|时间|日期)\s*[：:]/u;
const MAX_DATELINE = 80;
const HEADER_LINES = 8;
// Section labels printed above the headline: 廊坊新闻河北日报廊坊专辑; 时政频道.
const HEADER_LABEL = /^[\p{Script=Han}A-Za-z0-9·]{2,20}(?:频道|专辑|专题|专栏|栏目|首页|正文)$/u;

// Author and credit lines, kept wherever they are: 本报记者聂资滨; 通讯员 陈薇宇 福州日报记者 林晗;
// (河北日报记者 解丽达 孟宪峰 通讯员 周禹佳); 贾珺摄.
const AUTHOR_LINE =
  /记者|通讯员|作者|撰文|撰稿|供稿|特约|实习生|编译|整理|编辑|校对|摄影?$|^文[/／]|^图[/／]|本报讯|来源/u;
const MAX_TAIL_JUNK = 40;

// Decorative bullets in front of a kept line: ■ 大抓基层 → 大抓基层; - 福州… → 福州….
const BULLET = /^(?:[■□▪▫◆◇●○•▶►★☆※◎]+\s*|[-–]+\s+)/u;

function isUiOnly(line: string): boolean {
  const rest = line.replace(UI_TOKEN, '').replace(UI_SEPARATORS, '');
  return rest.length === 0;
}

function isCopyright(line: string): boolean {
  if (line.length > MAX_COPYRIGHT_LINE) return false;
  if (COPYRIGHT_STRONG.test(line)) return true;
  return COPYRIGHT_WEAK.filter((word) => line.includes(word)).length >= 2 && COPYRIGHT_OWNER.test(line);
}

function isDateline(line: string): boolean {
  return line.length <= MAX_DATELINE && DATELINE.test(line);
}

/** The rule that makes `line` furniture on its own, if any. */
function lineRule(line: string): FurnitureRule | undefined {
  if (NO_WORDS.test(line)) return 'no-words';
  if (isUiOnly(line)) return 'ui';
  if (line.length <= MAX_KEYWORDS_LINE && KEYWORDS_LINE.test(line.replace(EDITOR_SUFFIX, '')))
    return 'keywords';
  if (isCopyright(line)) return 'copyright';
  if (BREADCRUMB_PREFIX.test(line) || BREADCRUMB.test(line)) return 'breadcrumb';
  if (line.length <= MAX_PAGE_LABEL && PAGE_LABEL.test(line)) return 'page-label';
  if (COMMENTS.test(line)) return 'comments';
  if (RELATED_HEADING.test(line)) return 'related-heading';
  return undefined;
}

// Five or more short link texts separated by spaces, or four that share a first or last word
// (今日烟台 今日龙口 …; 烟台新闻 龙口新闻 …).
function isNavigationRow(line: string): boolean {
  // A row of links or keywords joined by bars (a portal's menu, a spinner's keyword line): five or
  // more items, nearly all short.
  const barred = line.split(/\s*[|｜]\s*/u).filter((x) => x.length > 0);
  if (barred.length >= 5 && barred.filter((x) => x.length <= 20).length >= 0.8 * barred.length) return true;
  if (AUTHOR_LINE.test(line) || /[。，！？；：“”]/u.test(line)) return false;
  const items = line.split(/[\s|｜·]+/u).filter((x) => x.length > 0);
  if (items.length < 4 || !items.every((x) => x.length >= 2 && x.length <= 8)) return false;
  if (items.length >= 5) return true;
  const shared = (pick: (x: string) => string): boolean => new Set(items.map(pick)).size === 1;
  return shared((x) => x.slice(0, 2)) || shared((x) => x.slice(-2));
}

function isHeadlineWithDate(line: string): boolean {
  return HEADLINE_WITH_DATE.test(line) && !DATELINE_WORDS.test(line);
}

/**
 * Classify every line of a text (lines already trimmed, punctuation already normalized).
 * Empty lines are dropped as `no-words`.
 */
export function classifyLines(lines: readonly string[]): LineVerdict[] {
  const verdicts: LineVerdict[] = lines.map((line) => {
    const rule = lineRule(line);
    // 关键词：河北，社区责任编辑：刘政豪: the keywords go, the editor credit (a byline) stays.
    const credit = rule === 'keywords' ? EDITOR_SUFFIX.exec(line) : null;
    if (credit !== null) return { kind: 'keep', start: credit.index, end: line.length };
    return rule ? { kind: 'drop', rule } : keepTrimmed(line);
  });
  const drop = (i: number, rule: FurnitureRule): void => {
    verdicts[i] = { kind: 'drop', rule };
  };
  const kept = (i: number): boolean => verdicts[i]?.kind === 'keep';
  const droppedBy = (i: number, rule: FurnitureRule): boolean => {
    const v = verdicts[i];
    return v?.kind === 'drop' && v.rule === rule;
  };
  const firstBody = lines.findIndex((line, i) => kept(i) && SENTENCE_END.test(line));

  // A related-news heading takes the headline-like lines after it: 相关新闻 / 标题一 / 标题二.
  lines.forEach((_, i) => {
    if (!droppedBy(i, 'related-heading')) return;
    for (let j = i + 1; j < lines.length; j++) {
      const item = lines[j] ?? '';
      if (!kept(j)) continue;
      // A headline may ask or exclaim (？！) but does not end a sentence with 。.
      if (item.length > MAX_RELATED_ITEM || item.includes('。')) break;
      drop(j, 'related-list');
    }
  });

  // Headline + date lines after the body has started, when they come as a list (two or more)
  // or carry a list bullet: - 福州初三市质检分数段统计表公布2021-07-01.
  const dated = lines.map(
    (line, i) => kept(i) && i > firstBody && firstBody >= 0 && isHeadlineWithDate(line),
  );
  const datedCount = dated.filter(Boolean).length;
  dated.forEach((isDated, i) => {
    if (isDated && (datedCount >= 2 || BULLET.test(lines[i] ?? ''))) drop(i, 'related-list');
  });

  // A site's navigation row above the article: 今日烟台 今日龙口 今日莱阳 今日莱州 今日蓬莱 (links to
  // its local editions), 首页 新闻 政务 民生 文化 视频. Not a byline (记者/通讯员 …), not a headline
  // of two parts.
  for (let i = 0; i < (firstBody < 0 ? lines.length : firstBody); i++) {
    if (kept(i) && isNavigationRow(lines[i] ?? '')) drop(i, 'navigation');
  }

  // Section labels above the headline, when a headline still follows before the dateline:
  // 廊坊新闻河北日报廊坊专辑 / 燕赵新答卷·廊坊篇 | 夯基铸魂… / 2021-06-07 10:02:52 来源：河北新闻网.
  const dateline = lines.findIndex((line, i) => i < HEADER_LINES && kept(i) && isDateline(line));
  for (let i = 0; i < dateline; i++) {
    const laterHeadline = lines.slice(i + 1, dateline).some((_, k) => kept(i + 1 + k));
    if (kept(i) && laterHeadline && HEADER_LABEL.test(lines[i] ?? '')) drop(i, 'header-label');
  }

  // After the article's last sentence (or its author line), short lines without a sentence
  // are page furniture: 电子报; 进入视频频道最新视频; 一周热点新闻.
  let anchor = -1;
  lines.forEach((line, i) => {
    if (kept(i) && (SENTENCE_END.test(line) || AUTHOR_LINE.test(line) || /[）)】]$/u.test(line))) anchor = i;
  });
  if (anchor >= 0 && firstBody >= 0) {
    for (let i = anchor + 1; i < lines.length; i++) {
      const line = lines[i] ?? '';
      if (kept(i) && line.length <= MAX_TAIL_JUNK && !isDateline(line)) drop(i, 'tail');
    }
  }
  return verdicts;
}

// Keep a line without its decorative bullet. An editor credit glued to its end stays: it is a
// byline with a title (SOURCES.md), read by the people stage.
function keepTrimmed(line: string): LineVerdict {
  const bullet = BULLET.exec(line);
  const start = bullet && HAN.test(line.slice(bullet[0].length)) ? bullet[0].length : 0;
  return { kind: 'keep', start, end: line.length };
}
