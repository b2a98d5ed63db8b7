/**
 * Raw decoded string → clean simplified text, with a map from every clean offset back to the
 * raw one. Public via `index.ts`.
 *
 * Steps, in order (each keeps the offset map, see `MappedText`):
 * 1. line breaks, invisible and control characters, space-like characters, full-width digits/letters;
 * 2. pinyin annotations out (`經(jīng)驗` → `經驗`), before conversion so OpenCC sees whole phrases;
 * 3. traditional → simplified (`經驗` → `经验`);
 * 4. punctuation (full-width in Chinese context, no doubled commas) and spacing;
 * 5. page furniture lines out, broken paragraphs re-joined, empty lines dropped.
 */
import { cleanSpacing, unifySpaces } from './spacing';
import { removeFurniture, rejoinBrokenParagraphs } from './lines';
import { MappedText } from './mappedText';
import { cleanPunctuation } from './punctuation';
import { removePinyin } from './pinyin';
import { toSimplified } from './script';

/** Clean text plus its way back to the raw text. */
export interface NormalizedText {
  /** Clean simplified text: paragraphs joined by "\n", no empty lines. */
  text: string;
  /** Offset in the raw text of the clean character at `cleanOffset` (`text.length` → raw end). */
  toRawOffset(cleanOffset: number): number;
  /** Raw span `[start, end)` behind the clean span `[cleanStart, cleanEnd)`. */
  toRawRange(cleanStart: number, cleanEnd: number): { start: number; end: number };
}

function basicCharacters(text: MappedText): MappedText {
  return (
    text
      // Windows and old Mac line ends, and Unicode line/paragraph separators: "\r\n" → "\n".
      .replace(/\r\n?|[\u2028\u2029\u0085\u000b\u000c]/g, '\n')
      // Invisible characters and a BOM inside the text: zero-width spaces, soft hyphens, U+FEFF;
      // U+FFFD left by an isolated bad byte in an otherwise decodable file.
      .replace(/[\u200b-\u200d\u2060\ufeff\u00ad\ufffd]/g, '')
      // Other C0/C1 controls: a stray \x1a DOS end-of-file mark.
      .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g, '')
  );
}

// Full-width digits, letters and ％ as ASCII, so numbers read the same everywhere:
// ２０２１年 → 2021年, ８７．６％ → 87.6%. Full-width punctuation is left alone.
function asciiAlphanumerics(text: MappedText): MappedText {
  const shifted = text.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05]/g, (m) =>
    String.fromCharCode(m[0].charCodeAt(0) - 0xfee0),
  );
  // The full-width full stop between two digits is a decimal point: 87．6 → 87.6.
  return shifted.replace(/(?<=[0-9])．(?=[0-9])/g, '.');
}

/**
 * Normalize a decoded article.
 *
 * @param raw the decoded text (as returned by `decodeBytes`)
 * @returns the clean text; empty when nothing but furniture and whitespace was there
 */
export function normalizeText(raw: string): NormalizedText {
  let m = MappedText.fromRaw(raw);
  m = asciiAlphanumerics(unifySpaces(basicCharacters(m)));
  m = toSimplified(removePinyin(m));
  m = cleanSpacing(cleanPunctuation(cleanSpacing(m)));
  const paragraphs = rejoinBrokenParagraphs(removeFurniture(m));
  const clean = MappedText.join(paragraphs, '\n');
  return {
    text: clean.text,
    toRawOffset: (cleanOffset) => {
      checkOffset(cleanOffset, clean.length, 'cleanOffset');
      return clean.rawOffset(cleanOffset);
    },
    toRawRange: (cleanStart, cleanEnd) => {
      checkOffset(cleanStart, clean.length, 'cleanStart');
      checkOffset(cleanEnd, clean.length, 'cleanEnd');
      if (cleanEnd <= cleanStart)
        return { start: clean.rawOffset(cleanStart), end: clean.rawOffset(cleanStart) };
      return { start: clean.rawOffset(cleanStart), end: clean.rawEndOf(cleanEnd - 1) };
    },
  };
}

function checkOffset(offset: number, length: number, name: string): void {
  if (!Number.isInteger(offset) || offset < 0 || offset > length) {
    throw new RangeError(
      `${name} must be an integer in [0, ${length}] (the clean text's length), got ${offset}`,
    );
  }
}
