/**
 * Bytes → string: recognise the encoding of one article file and decode it. Public via `index.ts`.
 *
 * Order of evidence, strongest first: a byte-order mark; NUL bytes (UTF-16 without a BOM,
 * or a binary file); strict UTF-8 validity; then GB18030 versus Big5 by which decode reads
 * as common Chinese characters. chardet only breaks ties, vetoes a confident Korean/Japanese
 * verdict, and names the encoding in error messages: on short texts it confuses GB18030 and Big5.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

import { isCommonHan } from './chars';
import { TextError } from './errors';
import type { SourceEncoding } from './types';

/** A decoded file: the text without its byte-order mark, and the encoding it was read as. */
export interface DecodedText {
  text: string;
  encoding: SourceEncoding;
}

// A decode is accepted when its non-ASCII characters score at least this (see textScore).
// Correct GB18030/Big5 decodes of the bundled articles score ~0.99, a GB file read as Big5
// (or the reverse) 0.2–0.6, ISO-8859-1 read as GB18030 below 0.
const MIN_TEXT_SCORE = 0.7;
// A UTF-16 guess is accepted when at least this share of its code units are plausible text.
const MIN_UTF16_SCORE = 0.6;
// More C0 control bytes than this share (NUL aside) means the file is not text.
const MAX_CONTROL_SHARE = 0.01;
// Two candidate scores closer than this are a tie, settled by chardet.
const TIE = 0.02;
// chardet must be this sure of a Korean/Japanese encoding, and this far ahead of GB18030/Big5,
// to overrule the Chinese decode (the bundled articles in GB18030: GB18030 100, EUC-KR ≤ 68).
const FOREIGN_CJK = new Set(['EUC-KR', 'EUC-JP', 'Shift_JIS', 'ISO-2022-KR', 'ISO-2022-JP']);
const FOREIGN_MIN_CONFIDENCE = 90;
const FOREIGN_MARGIN = 20;

/**
 * Decode the bytes of one article file.
 *
 * @param bytes the file content
 * @param file the file name, used in error messages only
 * @returns the decoded text (a leading byte-order mark removed) and the encoding used
 * @throws TextError `BINARY_FILE` for NUL bytes outside UTF-16 or many control bytes;
 *   `UNKNOWN_ENCODING` when no supported encoding reads the bytes as Chinese text
 */
export function decodeBytes(bytes: Buffer | Uint8Array, file: string): DecodedText {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length === 0) return { text: '', encoding: 'utf-8' };

  const bom = fromBom(buf, file);
  if (bom) return bom;

  const nulCount = countNul(buf);
  if (nulCount > 0) return guessUtf16(buf, nulCount, file);

  const controls = countControlBytes(buf);
  if (controls / buf.length > MAX_CONTROL_SHARE) {
    throw new TextError(
      'BINARY_FILE',
      file,
      `the file looks binary, not text (${controls} control bytes in ${buf.length})`,
      'import the article as a plain-text file (.txt, UTF-8)',
    );
  }

  const utf8 = strictUtf8(buf);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };

  return guessChineseLegacy(buf, file);
}

function fromBom(buf: Buffer, file: string): DecodedText | undefined {
  const [b0, b1, b2, b3] = buf;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(buf.subarray(3));
    const bad = countChar(text, 0xfffd);
    if (bad > text.length * 0.01) {
      throw unknownEncoding(
        buf,
        file,
        `the file starts with a UTF-8 byte-order mark but has ${bad} invalid UTF-8 sequences`,
      );
    }
    return { text, encoding: 'utf-8' };
  }
  // UTF-32 BOMs start like UTF-16 ones, so test them first.
  if (
    (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) ||
    (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)
  ) {
    throw new TextError(
      'UNKNOWN_ENCODING',
      file,
      'the file is UTF-32, which is not supported (only UTF-8, UTF-16, GB18030 and Big5 are)',
      'save the file as UTF-8 and import it again',
    );
  }
  if (b0 === 0xff && b1 === 0xfe) return checkedUtf16(buf.subarray(2), 'utf-16le', file);
  if (b0 === 0xfe && b1 === 0xff) return checkedUtf16(buf.subarray(2), 'utf-16be', file);
  return undefined;
}

function decodeUtf16(buf: Buffer, encoding: 'utf-16le' | 'utf-16be'): string {
  // iconv-lite would strip a BOM itself; callers have already removed it, keep any later U+FEFF.
  return iconv.decode(buf, encoding === 'utf-16le' ? 'utf16le' : 'utf16be', { stripBOM: false });
}

function checkedUtf16(buf: Buffer, encoding: 'utf-16le' | 'utf-16be', file: string): DecodedText {
  const text = decodeUtf16(buf, encoding);
  if (utf16Score(text) < MIN_UTF16_SCORE) {
    throw new TextError(
      'BINARY_FILE',
      file,
      `the file has a ${encoding.toUpperCase()} byte-order mark but its content is not text`,
      'import the article as a plain-text file (.txt, UTF-8)',
    );
  }
  return { text, encoding };
}

// UTF-8 and the legacy Chinese encodings never contain NUL bytes; UTF-16 text almost always
// does (the high byte of ASCII, the low byte of 一 U+4E00 …). Try both byte orders and keep
// the one that reads as text; if neither does, the file is binary.
function guessUtf16(buf: Buffer, nulCount: number, file: string): DecodedText {
  const even = buf.subarray(0, buf.length - (buf.length % 2));
  const le = decodeUtf16(even, 'utf-16le');
  const be = decodeUtf16(even, 'utf-16be');
  const leScore = utf16Score(le);
  const beScore = utf16Score(be);
  const best: DecodedText =
    leScore >= beScore ? { text: le, encoding: 'utf-16le' } : { text: be, encoding: 'utf-16be' };
  if (Math.max(leScore, beScore) >= MIN_UTF16_SCORE && buf.length % 2 === 0) return best;
  throw new TextError(
    'BINARY_FILE',
    file,
    `the file looks binary, not text (${nulCount} NUL bytes, and it does not read as UTF-16)`,
    'import the article as a plain-text file (.txt, UTF-8)',
  );
}

function guessChineseLegacy(buf: Buffer, file: string): DecodedText {
  const gb = iconv.decode(buf, 'gb18030');
  const big5 = iconv.decode(buf, 'big5');
  const gbScore = textScore(gb);
  const big5Score = textScore(big5);
  const matches = chardet.analyse(buf);
  const confidence = (name: string): number => matches.find((match) => match.name === name)?.confidence ?? 0;
  const chinese = Math.max(confidence('GB18030'), confidence('Big5'));

  // Korean and Japanese legacy bytes also decode as valid, common GB2312 characters
  // (EUC-KR 한국어 → 茄惫绢). Only a confident chardet verdict on a long enough text says so;
  // on short texts every chardet confidence is ~10.
  const top = matches[0];
  if (
    top &&
    FOREIGN_CJK.has(top.name) &&
    top.confidence >= FOREIGN_MIN_CONFIDENCE &&
    top.confidence - chinese >= FOREIGN_MARGIN
  ) {
    throw unknownEncoding(buf, file, 'the bytes are not UTF-8, UTF-16, GB18030 or Big5');
  }
  if (Math.max(gbScore, big5Score) < MIN_TEXT_SCORE) {
    throw unknownEncoding(buf, file, 'the bytes are not UTF-8, UTF-16, GB18030 or Big5');
  }
  if (Math.abs(gbScore - big5Score) < TIE) {
    return confidence('Big5') > confidence('GB18030')
      ? { text: big5, encoding: 'big5' }
      : { text: gb, encoding: 'gb18030' };
  }
  return gbScore > big5Score ? { text: gb, encoding: 'gb18030' } : { text: big5, encoding: 'big5' };
}

function unknownEncoding(buf: Buffer, file: string, problem: string): TextError {
  const { bad, multibyte } = utf8Damage(buf);
  // A UTF-8 file with a few damaged bytes (many valid multi-byte characters, few bad bytes):
  // say where they are, not which encoding chardet guessed for the whole.
  if (bad.length > 0 && multibyte >= 10 * bad.length) {
    const at = bad.slice(0, 5).map((offset) => `byte ${offset} (line ${lineAt(buf, offset)})`);
    return new TextError(
      'UNKNOWN_ENCODING',
      file,
      `the file is UTF-8 except for ${bad.length} invalid byte${bad.length === 1 ? '' : 's'} at ${at.join(', ')}${bad.length > 5 ? ' …' : ''}`,
      'repair or remove those bytes, or save the file as UTF-8 again, and import it again',
    );
  }
  const detected = chardet.detect(buf);
  return new TextError(
    'UNKNOWN_ENCODING',
    file,
    `${problem} (detected ${detected ?? 'no known encoding'})`,
    'save the file as UTF-8 and import it again',
  );
}

/**
 * Offsets of the bytes that break UTF-8 (a bad lead byte or a truncated sequence's lead), and
 * how many valid multi-byte characters there are.
 */
function utf8Damage(buf: Buffer): { bad: number[]; multibyte: number } {
  const bad: number[] = [];
  let multibyte = 0;
  let i = 0;
  while (i < buf.length) {
    const b = buf[i] as number;
    const len =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= buf.length;
    for (let k = 1; ok && k < len; k++) ok = ((buf[i + k] as number) & 0xc0) === 0x80;
    if (ok) {
      if (len > 1) multibyte++;
      i += len;
    } else bad.push(i++);
  }
  return { bad, multibyte };
}

/** The 1-based line of a byte offset. */
function lineAt(buf: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (buf[i] === 0x0a) line++;
  return line;
}

function strictUtf8(buf: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    return undefined;
  }
}

function countNul(buf: Buffer): number {
  let n = 0;
  for (const b of buf) if (b === 0) n++;
  return n;
}

// C0 controls other than tab, LF, VT, FF, CR; 0x1A (the DOS end-of-file mark) is tolerated too.
function countControlBytes(buf: Buffer): number {
  let n = 0;
  for (const b of buf)
    if (
      (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1a) ||
      b === 0x7f
    )
      n++;
  return n;
}

function countChar(text: string, code: number): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === code) n++;
  return n;
}

function isCjkPunctuation(c: number): boolean {
  return (
    (c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff65) || (c >= 0x2010 && c <= 0x206f) || c === 0xb7
  );
}

// Code points a mis-decode produces and a Chinese article does not contain: the replacement
// character, private use, kana, hangul, box drawing, Greek and Cyrillic (Big5 bytes read as GB
// land in those GB2312 rows).
function isMisdecodeMark(c: number): boolean {
  return (
    c === 0xfffd ||
    (c >= 0xe000 && c <= 0xf8ff) ||
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0xac00 && c <= 0xd7af) ||
    (c >= 0x2500 && c <= 0x257f) ||
    (c >= 0x0370 && c <= 0x04ff)
  );
}

// Score of a legacy decode over its non-ASCII characters: +1 per common Han or CJK punctuation,
// -2 per mis-decode mark, divided by their number. ASCII is the same in both candidates.
function textScore(text: string): number {
  let nonAscii = 0;
  let score = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if (isCommonHan(c) || isCjkPunctuation(c)) score += 1;
    else if (isMisdecodeMark(c)) score -= 2;
  }
  return nonAscii === 0 ? 1 : score / nonAscii;
}

// Share of code units that look like text: common Han, CJK punctuation, printable ASCII and
// whitespace; mis-decode marks and controls count against.
function utf16Score(text: string): number {
  if (text.length === 0) return 1;
  let score = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f) || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xfeff) score += 1;
    else if (isCommonHan(c) || isCjkPunctuation(c)) score += 1;
    else if (isMisdecodeMark(c) || c < 0x20) score -= 1;
  }
  return score / text.length;
}
