/**
 * The contract of the format stage, the first step of `text`: the bytes of one file or page →
 * the article's text plus what the file itself states about it. Public via `../index.ts`.
 */
import type { SourceEncoding } from '../types';

/** What a document was imported from. */
export type DocumentFormat = 'TXT' | 'HTML' | 'DOCX' | 'PDF' | 'MARKDOWN';

/** One file or fetched page, as the format stage receives it. */
export interface FormatInput {
  bytes: Uint8Array;
  /** The file name or URL as the user named it; errors name it verbatim. */
  file: string;
  /** The HTTP `Content-Type` of a fetched page (its charset is the first hint for HTML). */
  contentType?: string;
  /** The address a page was fetched from. */
  url?: string;
}

/**
 * The article's text as the format gives it (paragraphs on their own lines), and the metadata
 * the file states (`<meta name="PubDate">`, a PDF's Title, a Markdown heading …), which wins
 * over what the extractor guesses from the text.
 */
export interface FormattedText {
  format: DocumentFormat;
  text: string;
  /** How the bytes were decoded (`utf-8` for formats that carry Unicode themselves). */
  encoding: SourceEncoding;
  title?: string;
  /** `YYYY-MM-DD`. */
  publishedAt?: string;
  source?: string;
  url?: string;
}

/** One format: recognises its files and reads them. */
export interface FormatReader {
  format: DocumentFormat;
  /** Lower-case file name endings, with the dot. */
  extensions: readonly string[];
  /** Media types (without parameters) a server sends for it. */
  mediaTypes: readonly string[];
  read(input: FormatInput): FormattedText | Promise<FormattedText>;
}
