/**
 * Stage 1, tokens: `@node-rs/jieba` words with part-of-speech tags, mapped to offsets in the
 * clean text. The dictionary loads once per process (worker), on first use (≈0.2 s). HMM is on,
 * so unknown words (most personal names) come out whole with the tag `x`: 书记邵允品给 → 邵允品/x.
 * Internal to `extract`.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

/** One word of the text: `text.slice(start, end) === word`. */
export interface Token {
  word: string;
  /** jieba's tag: nr person, ns place, nt organization, v verb, n noun, m numeral, x unknown/punct … */
  tag: string;
  start: number;
  end: number;
}

let jieba: Jieba | null = null;

function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

// The stages ask for the same strings again (the whole text, a noun phrase per metric): results are
// kept for the texts of the current document. Callers never mutate what they get.
const cache = new Map<string, Token[]>();
const CACHE_LIMIT = 4096;

/** The words of `text` with their tags and offsets, in order (cached; treat the result as read-only). */
export function tokenize(text: string): Token[] {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const out = segment(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, out);
  return out;
}

function segment(text: string): Token[] {
  const out: Token[] = [];
  let at = 0;
  for (const { word, tag } of segmenter().tag(text, true)) {
    // jieba returns every character in order; indexOf guards against a normalisation surprise.
    const start = text.startsWith(word, at) ? at : text.indexOf(word, at);
    if (start < 0) continue;
    out.push({ word, tag, start, end: start + word.length });
    at = start + word.length;
  }
  return out;
}

/** Index from text offset to the token that starts or covers it. */
export class TokenIndex {
  readonly tokens: Token[];
  private readonly byOffset: Int32Array;

  constructor(text: string, tokens: Token[] = tokenize(text)) {
    this.tokens = tokens;
    this.byOffset = new Int32Array(text.length + 1).fill(-1);
    tokens.forEach((t, i) => this.byOffset.fill(i, t.start, t.end));
  }

  /** The token covering `offset`, if any. */
  at(offset: number): Token | undefined {
    const i = this.byOffset[offset] ?? -1;
    return i < 0 ? undefined : this.tokens[i];
  }

  /** True when a word boundary falls at `offset` (a token starts there, or nothing covers it). */
  boundaryAt(offset: number): boolean {
    const t = this.at(offset);
    return t === undefined || t.start === offset;
  }
}
