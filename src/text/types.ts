/**
 * The contract of the `text` stage: bytes in, one clean simplified-Chinese text out,
 * with sentences and a way back to the raw offsets. Public.
 */

/** An encoding the decoder recognises. */
export type SourceEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

/** One sentence of the clean text; `start`/`end` are offsets into `CleanDocument.text` (end exclusive). */
export interface Sentence {
  start: number;
  end: number;
  /** Index of the paragraph the sentence belongs to (0-based). */
  paragraph: number;
  text: string;
}

/** One paragraph of the clean text (a line of the article after furniture is removed). */
export interface Paragraph {
  start: number;
  end: number;
  text: string;
}

/** The result of preparing one file: clean simplified text plus its segmentation. */
export interface CleanDocument {
  /** The file name as given (basename), kept for the Document node. */
  file: string;
  encoding: SourceEncoding;
  /** Clean, simplified text: paragraphs joined by "\n". */
  text: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  /** Maps an offset of `text` to the offset of the same character in the decoded raw text. */
  toRawOffset(cleanOffset: number): number;
}
