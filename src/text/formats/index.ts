/**
 * The format stage: which format a file or page is, and its text and metadata. Public via
 * `../index.ts`: `formatOfName`, `sniffFormat`, `formatOfMediaType`, `readFormat` and the types.
 * One module per format (`txt`, `html`, `docx`, `pdf`, `markdown`) behind `FormatReader`.
 */
import path from 'node:path';
import { TextError } from '../errors';
import { docx } from './docx';
import { html } from './html';
import { markdown } from './markdown';
import { pdf } from './pdf';
import { txt } from './txt';
import type { DocumentFormat, FormatInput, FormatReader, FormattedText } from './types';

export type { DocumentFormat, FormatInput, FormattedText } from './types';

export const READERS: Record<DocumentFormat, FormatReader> = {
  TXT: txt,
  HTML: html,
  DOCX: docx,
  PDF: pdf,
  MARKDOWN: markdown,
};

/** Every file name ending the importer reads, for messages. */
export const SUPPORTED_EXTENSIONS = Object.values(READERS).flatMap((r) => r.extensions);

/**
 * The format a file name says: a known ending → its format; no ending at all → `'sniff'`
 * (the bytes decide, see `sniffFormat`); any other ending → null (not an article file:
 * `.json`, `.csv`, images, archives, `.doc`, `.xlsx` …).
 */
export function formatOfName(file: string): DocumentFormat | 'sniff' | null {
  const ext = path.extname(file).toLowerCase();
  if (ext === '') return 'sniff';
  return Object.values(READERS).find((r) => r.extensions.includes(ext))?.format ?? null;
}

/** The format of a media type (`text/html; charset=GBK` → HTML), or null for any other. */
export function formatOfMediaType(contentType: string | undefined): DocumentFormat | null {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (!type) return null;
  return Object.values(READERS).find((r) => r.mediaTypes.includes(type))?.format ?? null;
}

/** True when the bytes are clearly an HTML page: after a BOM and blanks, a doctype or `<html>`. */
export function isClearlyHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024))
    .toString('latin1')
    .replace(/^(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '')
    .replace(/\0/g, '')
    .trimStart()
    .replace(/^<!--[\s\S]*?-->\s*/, '')
    .replace(/^<\?xml[^>]*>\s*/i, '');
  return /^<!doctype\s+html|^<html[\s>]/i.test(head);
}

/** The format bytes announce by their signature (PDF, a .docx zip, an HTML page), else TXT. */
export function sniffFormat(bytes: Uint8Array): DocumentFormat {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString(
    'latin1',
  );
  if (head.startsWith('%PDF-')) return 'PDF';
  if (head.startsWith('PK\x03\x04') && head.includes('word/')) return 'DOCX';
  if (isClearlyHtml(bytes)) return 'HTML';
  return 'TXT';
}

/**
 * The format to read `input` as: the server's media type, else the name's ending (a .txt or
 * extensionless file that is clearly HTML is read as HTML), else the bytes' signature.
 *
 * @throws TextError `UNSUPPORTED_FORMAT` for an ending no reader takes
 */
export function formatOf(input: FormatInput): DocumentFormat {
  const byType = formatOfMediaType(input.contentType);
  if (byType) return byType;
  const byName = input.url ? 'sniff' : formatOfName(input.file);
  if (byName === null) {
    throw new TextError(
      'UNSUPPORTED_FORMAT',
      input.file,
      `${path.extname(input.file) || 'this'} files are not articles the importer reads`,
      `import ${SUPPORTED_EXTENSIONS.join(' ')} files (or save the document in one of these formats)`,
    );
  }
  if (byName === 'sniff') return sniffFormat(input.bytes);
  if (byName === 'TXT' && isClearlyHtml(input.bytes)) return 'HTML';
  return byName;
}

/** Reads one file or page with the reader of its format (see `formatOf`). */
export async function readFormat(input: FormatInput): Promise<FormattedText> {
  return READERS[formatOf(input)].read(input);
}
