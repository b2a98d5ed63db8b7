/**
 * A string that remembers, for each of its UTF-16 code units, the span of the raw text it came
 * from. Every normalization step maps a MappedText to a new one, so the offset map is correct by
 * construction however many steps delete, merge or convert characters. Internal.
 */

/** One edit proposed by a rewrite rule: replace `text.slice(start, end)` by `replacement`. */
interface Edit {
  start: number;
  end: number;
  replacement: string;
}

/**
 * Immutable text with a raw span per UTF-16 code unit. Operations return new instances; the
 * identity map comes from {@link MappedText.fromRaw}.
 */
export class MappedText {
  private constructor(
    /** The current text. */
    readonly text: string,
    // rawStart[i] / rawEnd[i]: the raw span character i stands for (rawEnd exclusive).
    private readonly rawStart: Int32Array,
    private readonly rawEnd: Int32Array,
  ) {}

  /** A text with an explicit map: `rawStart[i]`/`rawEnd[i]` is the raw span of character i. */
  static fromMap(text: string, rawStart: Int32Array, rawEnd: Int32Array): MappedText {
    if (rawStart.length !== text.length || rawEnd.length !== text.length) {
      throw new Error(
        `MappedText needs one raw span per character: ${text.length} characters, ${rawStart.length}/${rawEnd.length} spans`,
      );
    }
    return new MappedText(text, rawStart, rawEnd);
  }

  /** The identity map over `raw`. */
  static fromRaw(raw: string): MappedText {
    const start = new Int32Array(raw.length);
    const end = new Int32Array(raw.length);
    for (let i = 0; i < raw.length; i++) {
      start[i] = i;
      end[i] = i + 1;
    }
    return new MappedText(raw, start, end);
  }

  /**
   * Text that has no raw counterpart of its own (a "\n" joining two kept lines): every
   * character maps to the empty raw span at `rawOffset`.
   */
  static synthetic(text: string, rawOffset: number): MappedText {
    return new MappedText(
      text,
      new Int32Array(text.length).fill(rawOffset),
      new Int32Array(text.length).fill(rawOffset),
    );
  }

  /** Concatenate pieces, keeping each piece's map. */
  static concat(parts: readonly MappedText[]): MappedText {
    const b = new Builder();
    for (const p of parts) b.appendSlice(p, 0, p.length);
    return b.build();
  }

  get length(): number {
    return this.text.length;
  }

  /** Raw offset of the character at `i`; `i === length` gives the raw end of the last character. */
  rawOffset(i: number): number {
    if (i === this.text.length) return this.text.length === 0 ? 0 : (this.rawEnd[i - 1] ?? 0);
    return this.rawStart[i] ?? 0;
  }

  /** Raw end (exclusive) of the character at `i`. */
  rawEndOf(i: number): number {
    return this.rawEnd[i] ?? 0;
  }

  slice(start: number, end: number = this.text.length): MappedText {
    return new MappedText(
      this.text.slice(start, end),
      this.rawStart.slice(start, end),
      this.rawEnd.slice(start, end),
    );
  }

  /** Split at every occurrence of `separator`; the separators themselves are dropped. */
  split(separator: string): MappedText[] {
    const out: MappedText[] = [];
    let from = 0;
    for (;;) {
      const at = this.text.indexOf(separator, from);
      if (at < 0) break;
      out.push(this.slice(from, at));
      from = at + separator.length;
    }
    out.push(this.slice(from));
    return out;
  }

  /** Join pieces with a synthetic separator placed at the raw end of the preceding piece. */
  static join(parts: readonly MappedText[], separator: string): MappedText {
    const pieces: MappedText[] = [];
    parts.forEach((p, i) => {
      if (i > 0) {
        const prev = parts[i - 1];
        const at = prev && prev.length > 0 ? prev.rawOffset(prev.length) : p.rawOffset(0);
        pieces.push(MappedText.synthetic(separator, at));
      }
      pieces.push(p);
    });
    return MappedText.concat(pieces);
  }

  /**
   * Rewrite every match of the global regex `pattern` by `replacer`. A replacement of the same
   * length maps character by character; one that is a substring of the match (`，，` → `，`)
   * keeps the map of that substring; anything else maps each new character to the whole match.
   */
  replace(pattern: RegExp, replacer: string | ((match: RegExpExecArray) => string)): MappedText {
    if (!pattern.global) throw new Error(`MappedText.replace needs a global regex, got ${String(pattern)}`);
    const edits: Edit[] = [];
    pattern.lastIndex = 0;
    for (let m = pattern.exec(this.text); m; m = pattern.exec(this.text)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      const replacement = typeof replacer === 'string' ? replacer : replacer(m);
      if (replacement !== m[0]) edits.push({ start: m.index, end: m.index + m[0].length, replacement });
    }
    return this.applyEdits(edits);
  }

  /**
   * Rewrite each run matched by the global regex `pattern` through `convert` (used for script
   * conversion, which works on whole phrases).
   */
  convertRuns(pattern: RegExp, convert: (run: string) => string): MappedText {
    return this.replace(pattern, (m) => convert(m[0]));
  }

  /** Apply non-overlapping edits sorted by start. */
  private applyEdits(edits: readonly Edit[]): MappedText {
    if (edits.length === 0) return this;
    const b = new Builder();
    let at = 0;
    for (const e of edits) {
      if (e.start < at) throw new Error(`MappedText edits overlap at ${e.start}`);
      b.appendSlice(this, at, e.start);
      this.appendReplacement(b, e);
      at = e.end;
    }
    b.appendSlice(this, at, this.length);
    return b.build();
  }

  private appendReplacement(b: Builder, e: Edit): void {
    const original = this.text.slice(e.start, e.end);
    const r = e.replacement;
    if (r.length === 0) return;
    if (r.length === original.length) {
      b.appendText(r, this, e.start);
      return;
    }
    const inside = original.indexOf(r);
    if (inside >= 0) {
      b.appendText(r, this, e.start + inside);
      return;
    }
    const spanStart = this.rawStart[e.start] ?? 0;
    const spanEnd = this.rawEnd[e.end - 1] ?? spanStart;
    for (let i = 0; i < r.length; i++) b.push(r.charCodeAt(i), spanStart, spanEnd);
  }
}

class Builder {
  private codes: number[] = [];
  private starts: number[] = [];
  private ends: number[] = [];

  push(code: number, start: number, end: number): void {
    this.codes.push(code);
    this.starts.push(start);
    this.ends.push(end);
  }

  /** Append `src.text[from, to)` with its map. */
  appendSlice(src: MappedText, from: number, to: number): void {
    for (let i = from; i < to; i++) this.push(src.text.charCodeAt(i), src.rawOffset(i), src.rawEndOf(i));
  }

  /** Append `text`, taking the map of `src` from position `from` on, character by character. */
  appendText(text: string, src: MappedText, from: number): void {
    for (let i = 0; i < text.length; i++)
      this.push(text.charCodeAt(i), src.rawOffset(from + i), src.rawEndOf(from + i));
  }

  build(): MappedText {
    // String.fromCharCode over large arrays can overflow the call stack; go in chunks.
    let text = '';
    for (let i = 0; i < this.codes.length; i += 8192)
      text += String.fromCharCode(...this.codes.slice(i, i + 8192));
    return MappedText.fromMap(text, Int32Array.from(this.starts), Int32Array.from(this.ends));
  }
}
