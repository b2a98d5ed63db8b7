/**
 * Clean text → paragraphs and sentences with offsets. Public via `index.ts`.
 */
import type { Paragraph, Sentence } from './types';

// Marks that end a sentence. The ellipsis …… and the dash —— do not: they pause inside one.
const TERMINATORS = new Set(['。', '！', '？', '；', '!', '?']);
// Marks that close what the sentence opened and stay with it: ……。” and （完）。
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '】', '》', '〉', '"', "'"]);

/** Paragraphs and sentences of a clean text. */
export interface Segmentation {
  paragraphs: Paragraph[];
  sentences: Sentence[];
}

/**
 * Split clean text into paragraphs (its lines) and sentences. A sentence ends after 。！？；!?
 * together with any closing quotes or brackets and further end marks that follow
 * (`……品格。”` stays whole, `吗？！` too), or at the end of its line.
 * Offsets are into `text`, end exclusive; `text.slice(s.start, s.end) === s.text`.
 */
export function segmentText(text: string): Segmentation {
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    const end = start + line.length;
    if (line.trim().length > 0) {
      const paragraph = paragraphs.length;
      paragraphs.push({ start, end, text: line });
      for (const [s, e] of sentenceBounds(line)) {
        sentences.push({ start: start + s, end: start + e, paragraph, text: line.slice(s, e) });
      }
    }
    start = end + 1;
  }
  return { paragraphs, sentences };
}

function sentenceBounds(line: string): Array<[number, number]> {
  const bounds: Array<[number, number]> = [];
  let from = 0;
  let i = 0;
  while (i < line.length) {
    if (!TERMINATORS.has(line[i] ?? '')) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < line.length && (TERMINATORS.has(line[end] ?? '') || CLOSERS.has(line[end] ?? ''))) end++;
    push(bounds, line, from, end);
    from = end;
    i = end;
  }
  push(bounds, line, from, line.length);
  return bounds;
}

// Trim surrounding spaces; skip what is empty after that.
function push(bounds: Array<[number, number]>, line: string, from: number, to: number): void {
  let s = from;
  let e = to;
  while (s < e && /\s/.test(line[s] ?? '')) s++;
  while (e > s && /\s/.test(line[e - 1] ?? '')) e--;
  if (e > s) bounds.push([s, e]);
}
