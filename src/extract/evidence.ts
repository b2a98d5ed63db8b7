/**
 * Evidence: the sentence of the clean text that supports a fact, found by offset. Every entity and
 * relation carries one (`quote === text.slice(start, end)` always holds). Internal to `extract`.
 */
import type { CleanDocument, Sentence } from '../text/types';
import type { EntityRef, Evidence } from './types';

/** One place in the text where an entity is named, with the rule that read it. */
export interface Hit {
  ref: EntityRef;
  start: number;
  end: number;
  rule: string;
}

/** Finds the sentence (and paragraph) around any offset of one document's clean text. */
export class SentenceIndex {
  readonly text: string;
  private readonly sentences: readonly Sentence[];
  private readonly starts: number[];

  constructor(doc: CleanDocument) {
    this.text = doc.text;
    // A document without segmentation still gets evidence: each paragraph, or the whole text, is one sentence.
    this.sentences =
      doc.sentences.length > 0
        ? doc.sentences
        : doc.paragraphs.length > 0
          ? doc.paragraphs.map((p, i) => ({ start: p.start, end: p.end, paragraph: i, text: p.text }))
          : [{ start: 0, end: doc.text.length, paragraph: 0, text: doc.text }];
    this.starts = this.sentences.map((s) => s.start);
  }

  /** Index of the sentence containing `offset` (the nearest one before it when `offset` falls between two). */
  indexAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The sentence containing `offset`. */
  at(offset: number): Sentence {
    const s = this.sentences[this.indexAt(offset)];
    if (s === undefined)
      throw new Error(`SentenceIndex: no sentence at offset ${offset} (text length ${this.text.length})`);
    return s;
  }

  /** Start offset of the paragraph containing `offset` (its first sentence's start). */
  paragraphStart(offset: number): number {
    const index = this.indexAt(offset);
    const paragraph = this.sentences[index]?.paragraph;
    let i = index;
    while (i > 0 && this.sentences[i - 1]?.paragraph === paragraph) i--;
    return this.sentences[i]?.start ?? 0;
  }

  /** End offset of the paragraph containing `offset` (its last sentence's end). */
  paragraphEnd(offset: number): number {
    const index = this.indexAt(offset);
    const paragraph = this.sentences[index]?.paragraph;
    let i = index;
    while (i < this.sentences.length - 1 && this.sentences[i + 1]?.paragraph === paragraph) i++;
    return this.sentences[i]?.end ?? this.text.length;
  }

  /** All sentences, in text order. */
  all(): readonly Sentence[] {
    return this.sentences;
  }

  /** Evidence for a fact read at `offset` by `rule`: the whole sentence around it. */
  evidence(offset: number, rule: string): Evidence {
    const s = this.at(offset);
    return this.span(s.start, s.end, rule);
  }

  /** Evidence spanning `[start, end)` of the text (e.g. two sentences of one paragraph). */
  span(start: number, end: number, rule: string): Evidence {
    return { start, end, quote: this.text.slice(start, end), rule };
  }
}

/** Code-unit order of two strings (locale-independent, so output order is the same on every machine). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Stable order for hits: by offset, then by longer span first. */
export function compareHits(a: Hit, b: Hit): number {
  return a.start - b.start || b.end - a.end || compareStrings(a.ref.key, b.ref.key);
}
