/**
 * The encoding of an HTML page: a byte-order mark, then what the server (`Content-Type`) and
 * the page (`<meta charset>`, `http-equiv`) declare, then detection. Internal to the format stage.
 *
 * A declaration is checked against the bytes before it is believed, because pages lie: a
 * GBK page served as `charset=utf-8` is not valid UTF-8, and a UTF-8 page declared `gb2312`
 * (an old template) is valid UTF-8, which a GBK text practically never is.
 */
import iconv from 'iconv-lite';
import { decodeBytes, type DecodedText } from '../decode';
import type { SourceEncoding } from '../types';

/** The charset parameter of a Content-Type value (`text/html; charset=GBK` → `GBK`). */
export function charsetOfContentType(contentType: string | undefined): string | undefined {
  const m = contentType ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType) : null;
  return m?.[1];
}

/** The charset a page declares in its first 4 KB (`<meta charset>` or `http-equiv`). */
export function charsetOfMeta(buf: Buffer): string | undefined {
  const head = buf.subarray(0, 4096).toString('latin1');
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?([\w.:-]+)/i.exec(tag);
    if (direct?.[1]) return direct[1];
  }
  return undefined;
}

/** Our name for a declared charset, or undefined for one we do not read. */
function supported(charset: string): SourceEncoding | undefined {
  const c = charset.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (c === 'utf8') return 'utf-8';
  // GB2312 and GBK are subsets of GB18030; browsers read all three as GB18030 too.
  if (c === 'gb2312' || c === 'gbk' || c === 'gb18030' || c === 'xgbk' || c === 'cp936') return 'gb18030';
  if (c === 'big5' || c === 'big5hkscs' || c === 'cp950') return 'big5';
  return undefined;
}

function strictUtf8(buf: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    return undefined;
  }
}

/**
 * Decodes an HTML page.
 *
 * @param contentType the HTTP Content-Type of a fetched page, if any
 * @throws TextError as `decodeBytes` does, when neither a declaration nor detection reads it
 */
export function decodeHtml(bytes: Uint8Array, file: string, contentType?: string): DecodedText {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom =
    (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) ||
    (buf[0] === 0xff && buf[1] === 0xfe) ||
    (buf[0] === 0xfe && buf[1] === 0xff);
  if (bom) return decodeBytes(buf, file);
  const utf8 = strictUtf8(buf);
  for (const declared of [charsetOfContentType(contentType), charsetOfMeta(buf)]) {
    const encoding = declared ? supported(declared) : undefined;
    if (encoding === undefined) continue;
    if (encoding === 'utf-8') {
      if (utf8 !== undefined) return { text: utf8, encoding };
      continue; // declared UTF-8 but is not: the next declaration, or detection
    }

    if (utf8 !== undefined && /[^\x00-\x7f]/.test(utf8)) return { text: utf8, encoding: 'utf-8' };
    return { text: iconv.decode(buf, encoding), encoding };
  }
  return decodeBytes(buf, file);
}
