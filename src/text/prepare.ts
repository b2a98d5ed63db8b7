/**
 * The text stage end to end: bytes of one file → CleanDocument. Public via `index.ts`.
 */
import { basename } from 'node:path';

import { HAN } from './chars';
import { TextError } from './errors';
import { readFormat, type DocumentFormat, type FormatInput, type FormattedText } from './formats';
import { readTxt } from './formats/txt';
import { normalizeText } from './normalize';
import { segmentText } from './segment';
import type { CleanDocument } from './types';

/** What the file itself states about the article (HTML metadata, a PDF's Title …). */
export interface StatedInfo {
  title?: string;
  publishedAt?: string;
  source?: string;
  url?: string;
}

/** A CleanDocument plus what the text stage knows beyond the fixed contract. */
export interface PreparedDocument extends CleanDocument {
  /**
   * The text the format stage returned (a .txt file's decoded text, byte-order mark removed;
   * an HTML page's article text …) before normalization; `toRawOffset` points into it.
   */
  raw: string;
  /** Raw span `[start, end)` behind the clean span `[cleanStart, cleanEnd)`: the evidence as printed. */
  toRawRange(cleanStart: number, cleanEnd: number): { start: number; end: number };
  format: DocumentFormat;
  /** Metadata the file states; it wins over what the extractor reads from the text. */
  stated: StatedInfo;
}

function refuseEmpty(bytes: Uint8Array, file: string): void {
  if (bytes.length === 0) {
    throw new TextError(
      'EMPTY_DOCUMENT',
      file,
      'the file is empty (0 bytes)',
      'put the article text in it and import it again',
    );
  }
}

/**
 * Decode, normalize and segment one plain-text article file. Pure: no I/O.
 *
 * @param bytes the file content (UTF-8 with or without BOM, UTF-16 LE/BE, GB18030/GBK or Big5)
 * @param file the file name as given; errors name it verbatim, `CleanDocument.file` keeps its basename
 * @throws TextError `EMPTY_DOCUMENT` (no text, or only page furniture), `BINARY_FILE`,
 *   `UNKNOWN_ENCODING`, `NO_CHINESE_TEXT`
 */
export function prepareText(bytes: Buffer | Uint8Array, file: string): PreparedDocument {
  refuseEmpty(bytes, file);
  return prepareFormatted(readTxt({ bytes, file }), file, bytes.length);
}

/**
 * Any supported file or page (HTML, Word, PDF, Markdown, plain text; see `formats/`) → a
 * prepared document whose offsets refer to the text its format returned.
 *
 * @throws TextError as `prepareText`, and `UNSUPPORTED_FORMAT`, `NO_TEXT_LAYER`, `BAD_FORMAT`
 */
export async function prepareDocument(input: FormatInput): Promise<PreparedDocument> {
  refuseEmpty(input.bytes, input.file);
  return prepareFormatted(await readFormat(input), input.file, input.bytes.length);
}

/** One metadata value cleaned as a line of the text is; the value itself when cleaning leaves nothing. */
function cleanLine(value: string): string {
  return normalizeText(value).text.replace(/\n/g, ' ').trim() || value.trim();
}

/** Normalize and segment what a format returned. */
export function prepareFormatted(
  formatted: FormattedText,
  file: string,
  byteLength: number,
): PreparedDocument {
  const { text: raw, encoding, format } = formatted;
  if (raw.trim().length === 0) {
    throw new TextError(
      'EMPTY_DOCUMENT',
      file,
      format === 'TXT'
        ? `the file contains only whitespace (${byteLength} bytes, ${encoding})`
        : `the ${format} file holds no text (${byteLength} bytes)`,
      'put the article text in it and import it again',
    );
  }
  if (!HAN.test(raw)) {
    throw new TextError(
      'NO_CHINESE_TEXT',
      file,
      format === 'TXT'
        ? `the text (read as ${encoding}) contains no Chinese characters`
        : `the text of this ${format} file (read as ${encoding}) contains no Chinese characters`,
      'import Chinese articles only, or check that this is the file you meant',
    );
  }
  const normalized = normalizeText(raw);
  if (!HAN.test(normalized.text)) {
    throw new TextError(
      'EMPTY_DOCUMENT',
      file,
      'nothing but page furniture (share buttons, copyright or related-news lines) is left after cleaning',
      'check that the file holds the article body and import it again',
    );
  }
  const { paragraphs, sentences } = segmentText(normalized.text);
  return {
    file: basename(file),
    encoding,
    text: normalized.text,
    paragraphs,
    sentences,
    raw,
    toRawOffset: normalized.toRawOffset,
    toRawRange: normalized.toRawRange,
    format,
    // Stated names are cleaned as the text is (simplified script, Chinese punctuation), so
    // a page's <meta> title and its headline line in the text read the same.
    stated: {
      ...(formatted.title !== undefined ? { title: cleanLine(formatted.title) } : {}),
      ...(formatted.publishedAt !== undefined ? { publishedAt: formatted.publishedAt } : {}),
      ...(formatted.source !== undefined ? { source: cleanLine(formatted.source) } : {}),
      ...(formatted.url !== undefined ? { url: formatted.url } : {}),
    },
  };
}
