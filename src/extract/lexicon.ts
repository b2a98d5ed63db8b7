/**
 * Character classes and the small closed word lists the extraction rules share. Internal to
 * `extract`. Lists hold function words and verbs of the genre, never phrases of one article.
 */

/** True for a CJK ideograph (the basic and extension-A blocks and compatibility ideographs). */
export function isHan(ch: string | undefined): boolean {
  if (ch === undefined || ch.length === 0) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

/** True for an ASCII digit. */
export function isAsciiDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Chinese numeral characters (digits and the units 十百千万亿). */
export const CHINESE_NUMERALS = '零〇一二两三四五六七八九十百千万亿';

/**
 * Function words and pronouns that never occur inside a place, village or program name:
 * `坚持把社区` is not a community, `该村` is not a village called 该.
 */
export const NAME_STOP_CHARS = new Set([
  ...'的了在和与及把将被对向从到为是有等之也都就又再更最很所而并且或其这那该本每各全我他她你们着过于以个名',
]);

/**
 * Verbs that say an initiative is carried out (推行/实施/开展 …). A quoted or suffixed name right
 * after one is read as a program: `开展“双报到”`, `创新开展创星争先活动`.
 */
// prettier-ignore
export const IMPLEMENT_VERBS = [
  '实施', '推行', '开展', '推进', '深化', '建立', '推广', '实行', '启动', '打造', '构建', '探索', '健全',
  '完善', '落实', '举办', '设立', '创建', '部署', '出台', '制定', '试行', '引入', '建成', '组建', '创设',
  '开启', '施行', '执行', '倡导', '发起', '深入推进', '推出',
];

/** The verb of `IMPLEMENT_VERBS` that `text` ends with at `end` (exclusive), if any. */
export function implementVerbEndingAt(text: string, end: number): string | null {
  for (const v of IMPLEMENT_VERBS) {
    if (end - v.length >= 0 && text.startsWith(v, end - v.length)) return v;
  }
  return null;
}

/** Sentence-internal punctuation and brackets (both full- and half-width). */
export const PUNCTUATION = new Set([
  ...'，。、；：！？,.;:!?（）()【】[]《》〈〉“”‘’「」『』"\'…—-·|/ \t\n　■●◆▲★☆',
]);

/** True when `ch` ends a clause inside a sentence (a comma, semicolon, colon or end mark). */
export function isClauseBreak(ch: string | undefined): boolean {
  return ch === undefined || '，。；：！？,;:!?\n'.includes(ch);
}
