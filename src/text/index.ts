/**
 * The `text` stage: bytes of one article → clean simplified-Chinese text with paragraphs,
 * sentences and offsets back to the decoded raw text. Pure functions, no I/O.
 *
 * Public: everything exported here. `formats/` is the first step (one module per file format).
 * Internal: `chars`, `mappedText`, `pinyin`, `script`,
 * `punctuation`, `spacing`, `furniture`, `lines`.
 */
export type { CleanDocument, Paragraph, Sentence, SourceEncoding } from './types';
export { TextError, type TextErrorCode } from './errors';
export { decodeBytes, type DecodedText } from './decode';
export { normalizeText, type NormalizedText } from './normalize';
export { segmentText, type Segmentation } from './segment';
export { prepareDocument, prepareText, type PreparedDocument, type StatedInfo } from './prepare';
export {
  formatOf,
  formatOfName,
  readFormat,
  SUPPORTED_EXTENSIONS,
  type DocumentFormat,
  type FormatInput,
  type FormattedText,
} from './formats';
