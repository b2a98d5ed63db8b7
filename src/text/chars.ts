/**
 * Character classes shared by the text stage. Internal.
 */
import iconv from 'iconv-lite';

/** Any Han character (CJK ideograph, incl. extensions and compatibility ideographs). */
export const HAN = /\p{Script=Han}/u;

/**
 * Characters that count as "Chinese context" for punctuation decisions: Han, CJK symbols and
 * punctuation, full-width forms, and the curly quotes / ellipsis / dash Chinese text uses.
 */
const CJK_CONTEXT = /[\p{Script=Han}\u3000-\u303f\uff01-\uff60\uffe0-\uffe6“”‘’…—·]/u;

/** True when `ch` is Han or Chinese punctuation (see {@link CJK_CONTEXT}). */
export function isCjkContext(ch: string | undefined): boolean {
  return ch !== undefined && CJK_CONTEXT.test(ch);
}

// Bit set over the BMP of the Han characters a Chinese text mostly consists of:
// GB2312 level 1 (the 3755 most common simplified characters) and Big5 level 1
// (the 5401 common traditional ones). A correct decode is ~99% made of these; a GB file
// read as Big5 (or the reverse) is ~60%. Built once, lazily, by decoding the two byte
// ranges with iconv-lite, so the table stays exactly in step with the decoder.
let commonHan: Uint8Array | undefined;

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function markDecoded(table: Uint8Array, encoding: string, leads: number[], trails: number[]): void {
  const bytes: number[] = [];
  for (const lead of leads) for (const trail of trails) bytes.push(lead, trail);
  const text = iconv.decode(Buffer.from(bytes), encoding);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (HAN.test(text[i] ?? '')) table[code] = 1;
  }
}

function commonHanTable(): Uint8Array {
  if (!commonHan) {
    const table = new Uint8Array(0x10000);
    markDecoded(table, 'gb18030', range(0xb0, 0xd7), range(0xa1, 0xfe));
    markDecoded(table, 'big5', range(0xa4, 0xc6), [...range(0x40, 0x7e), ...range(0xa1, 0xfe)]);
    commonHan = table;
  }
  return commonHan;
}

/** True when the UTF-16 code unit `code` is a common simplified or traditional Han character. */
export function isCommonHan(code: number): boolean {
  return commonHanTable()[code] === 1;
}
