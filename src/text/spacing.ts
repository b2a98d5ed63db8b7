/**
 * Whitespace clean-up: one kind of space, no runs, none beside full-width punctuation, and
 * trimmed lines. Internal.
 */
import type { MappedText } from './mappedText';

// Full-width punctuation and the marks Chinese text sets without spaces around them.
const FULL_WIDTH_MARK = '\\u3001-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65“”‘’…—';

/** Map every space-like character to " " (one for one, so offsets stay exact). */
export function unifySpaces(text: MappedText): MappedText {
  // NBSP, en/em spaces, the ideographic space U+3000 and tabs: 　　筑牢 → "  筑牢"
  return text.replace(/[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, (m) => ' '.repeat(m[0].length));
}

/** Collapse space runs, drop spaces beside full-width marks and inside brackets, trim lines. */
export function cleanSpacing(text: MappedText): MappedText {
  return (
    text
      // Runs of spaces: 返回目录  放大 → 返回目录 放大
      .replace(/ {2,}/g, ' ')
      // Spaces against full-width marks: 《 中国城市报 》 → 《中国城市报》; 来源： 河北 → 来源：河北
      .replace(new RegExp(` (?=[${FULL_WIDTH_MARK}])|(?<=[${FULL_WIDTH_MARK}]) `, 'g'), '')
      // Spaces just inside ASCII brackets: ( 2023年07月31日 → (2023年07月31日
      .replace(/(?<=[([]) | (?=[)\]])/g, '')
      // Leading and trailing spaces of a line:   党的基层组织 → 党的基层组织
      .replace(/^ +| +$/gm, '')
  );
}
