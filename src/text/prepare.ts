/**
 * The text stage end to end: bytes of one file → CleanDocument. Public via `index.ts`.
 */
import { basename } from 'node:path';

import { HAN } from './chars';
import { decodeBytes } from './decode';
import { TextError } from './errors';
import { normalizeText } from './normalize';
import { segmentText } from './segment';
import type { CleanDocument } from './types';

/** A CleanDocument plus what the text stage knows beyond the fixed contract. */
export interface PreparedDocument extends CleanDocument {
  /** The decoded text before normalization (byte-order mark removed); `toRawOffset` points into it. */
  raw: string;
  /** Raw span `[start, end)` behind the clean span `[cleanStart, cleanEnd)`: the evidence as printed. */
  toRawRange(cleanStart: number, cleanEnd: number): { start: number; end: number };
}

/**
 * Decode, normalize and segment one article file. Pure: no I/O.
 *
 * @param bytes the file content (UTF-8 with or without BOM, UTF-16 LE/BE, GB18030/GBK or Big5)
 * @param file the file name as given; errors name it verbatim, `CleanDocument.file` keeps its basename
 * @throws TextError `EMPTY_DOCUMENT` (no text, or only page furniture), `BINARY_FILE`,
 *   `UNKNOWN_ENCODING`, `NO_CHINESE_TEXT`
 */
export function prepareText(bytes: Buffer | Uint8Array, file: string): PreparedDocument {
  if (bytes.length === 0) {
    throw new TextError(
      'EMPTY_DOCUMENT',
      file,
      'the file is empty (0 bytes)',
      'put the article text in it and import it again',
    );
  }
  const { text: raw, encoding } = decodeBytes(bytes, file);
  if (raw.trim().length === 0) {
    throw new TextError(
      'EMPTY_DOCUMENT',
      file,
      `the file contains only whitespace (${bytes.length} bytes, ${encoding})`,
      'put the article text in it and import it again',
    );
  }
  if (!HAN.test(raw)) {
    throw new TextError(
      'NO_CHINESE_TEXT',
      file,
      `the text (read as ${encoding}) contains no Chinese characters`,
      'import Chinese articles only, or check that this is the file you meant',
    );
  }
  const normalized = normalizeText(raw);
  if (!HAN.test(normalized.text)) {
    throw new TextError(
      'EMPTY_DOCUMENT',
      file,
      'nothing but page furniture (share buttons, editor, copyright or related-news lines) is left after cleaning',
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
  };
}
