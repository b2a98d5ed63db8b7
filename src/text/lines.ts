/**
 * Line-level steps over a MappedText: split into lines, apply the furniture verdicts, re-join
 * paragraphs a page broke in two. Internal.
 */
import { classifyLines } from './furniture';
import { MappedText } from './mappedText';

/** Drop furniture lines and empty lines; keep the chosen part of every other line. */
export function removeFurniture(text: MappedText): MappedText[] {
  const lines = text.split('\n');
  const verdicts = classifyLines(lines.map((l) => l.text));
  const kept: MappedText[] = [];
  lines.forEach((line, i) => {
    const v = verdicts[i];
    if (v?.kind !== 'keep') return;
    const part = line.slice(v.start, v.end);
    const trimmed = trimSpaces(part);
    if (trimmed.length > 0) kept.push(trimmed);
  });
  return kept;
}

function trimSpaces(line: MappedText): MappedText {
  const start = line.text.length - line.text.trimStart().length;
  const end = line.text.trimEnd().length;
  return start === 0 && end === line.length ? line : line.slice(start, Math.max(start, end));
}

// A paragraph broken by the page layout: a line whose last sentence has started and gone on past
// a comma, then stops on a character, followed by a line going on with it:
// 优化党员“两比例”。立足…质量不高等难题，研究 / 制定《农村发展党员二十项措施》… → one paragraph.
// Headlines have no 。, and a photo caption's credit after its 。 has no comma
// (…驰援无物业小区。廊坊市委宣传部供图), so neither is joined to the line below.
const MIN_BROKEN_LINE = 30;
const ENDS_ON_CHARACTER = /\p{Script=Han}$/u;
const ENDS_ON_COMMA = /[，、]$/u;
const CONTINUES = /^[\p{Script=Han}《0-9]/u;

function isBrokenParagraph(line: string, next: string): boolean {
  if (line.length < MIN_BROKEN_LINE || !CONTINUES.test(next)) return false;
  if (ENDS_ON_COMMA.test(line)) return true;
  const lastSentence = line.slice(line.lastIndexOf('。') + 1);
  return ENDS_ON_CHARACTER.test(line) && line.includes('。') && lastSentence.includes('，');
}

/** Join lines that are one paragraph split by the page layout (see isBrokenParagraph). */
export function rejoinBrokenParagraphs(lines: readonly MappedText[]): MappedText[] {
  const out: MappedText[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    if (prev && isBrokenParagraph(prev.text, line.text))
      out[out.length - 1] = MappedText.concat([prev, line]);
    else out.push(line);
  }
  return out;
}
