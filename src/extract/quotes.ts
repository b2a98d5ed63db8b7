/**
 * Quotation spans of the clean text: “…”, 「…」, ‘…’, 『…』, "…" and the title marks 《…》.
 * Internal to `extract`; programs, metrics and people read them.
 */

/** One quoted stretch; `start`/`end` bound the content, `open`/`close` the marks themselves. */
export interface Quote {
  open: number;
  /** Offset of the closing mark (so the quote spans `[open, close + 1)`). */
  close: number;
  start: number;
  end: number;
  /** The opening mark. */
  mark: string;
  /** 0 for a quote not inside another one. */
  depth: number;
  /** True for 《…》/〈…〉: a title of a document, book or film. */
  title: boolean;
  content: string;
}

const CLOSING = new Map([
  ['“', '”'],
  ['「', '」'],
  ['‘', '’'],
  ['『', '』'],
  ['《', '》'],
  ['〈', '〉'],
]);
const CLOSERS = new Set(CLOSING.values());
// Every mark the scanner reacts to; any other character is skipped with one Set lookup.
const MARKS = new Set(['\n', '"', ...CLOSING.keys(), ...CLOSERS]);

/**
 * All quotes of `text`, ordered by opening offset. Unbalanced marks are ignored and a quote never
 * spans a line break (a paragraph). ASCII `"` toggles: `"双报到"` reads like `“双报到”`.
 */
export function findQuotes(text: string): Quote[] {
  const out: Quote[] = [];
  const stack: Array<{ mark: string; at: number }> = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (!MARKS.has(ch)) continue;
    if (ch === '\n') {
      stack.length = 0;
      continue;
    }
    if (ch === '"') {
      const top = stack[stack.length - 1];
      if (top?.mark === '"') close(i, stack.length - 1);
      else stack.push({ mark: ch, at: i });
      continue;
    }
    if (CLOSING.has(ch)) {
      stack.push({ mark: ch, at: i });
      continue;
    }
    if (CLOSERS.has(ch)) {
      for (let d = stack.length - 1; d >= 0; d--) {
        const entry = stack[d];
        if (entry !== undefined && CLOSING.get(entry.mark) === ch) {
          close(i, d);
          break;
        }
      }
    }
  }
  out.sort((a, b) => a.open - b.open);
  return out;

  function close(at: number, depth: number): void {
    const entry = stack[depth];
    stack.length = depth;
    if (entry === undefined) return;
    out.push({
      open: entry.at,
      close: at,
      start: entry.at + 1,
      end: at,
      mark: entry.mark,
      depth,
      title: entry.mark === '《' || entry.mark === '〈',
      content: text.slice(entry.at + 1, at),
    });
  }
}

/** The quote marks `‘’「」『』"` removed from a name: `抓党建强基础，筑牢‘护城河’前沿阵地` → without ‘’. */
export function stripQuoteMarks(s: string): string {
  return s.replace(/[“”‘’「」『』"]/g, '');
}
