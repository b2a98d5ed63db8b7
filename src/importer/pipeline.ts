/**
 * The CPU part of importing one file or page: bytes → format → clean text → DocumentGraph.
 * Pure; runs in a worker thread or inline. Errors from bad input come back as a value with the
 * TextError's code and message.
 */
import { extractDocument } from '../extract';
import type { DocumentGraph } from '../extract/types';
import { prepareDocument, type DocumentFormat, type StatedInfo } from '../text';

export interface ExtractTask {
  file: string;
  bytes: Uint8Array;
  /** The HTTP Content-Type of a fetched page. */
  contentType?: string;
  /** The address of a fetched page. */
  url?: string;
}

export type ExtractResult =
  | { ok: true; graph: DocumentGraph; encoding: string; format: DocumentFormat; url: string | null }
  | { ok: false; code: string; message: string };

/**
 * The document info with what the file states put over what the extractor read from the text
 * (an HTML page's `<meta name="PubDate">` over a date guessed from its header lines). Applied
 * here, after extraction, because `extract` reads only the text; metric years still come from
 * the text's own date, which the HTML reader writes into its header lines.
 */
export function withStatedInfo(graph: DocumentGraph, stated: StatedInfo): DocumentGraph {
  return {
    ...graph,
    document: {
      ...graph.document,
      title: stated.title ?? graph.document.title,
      publishedAt: stated.publishedAt ?? graph.document.publishedAt,
      source: stated.source ?? graph.document.source,
    },
  };
}

/** Never throws: an error is a value, so one bad file cannot take the pool down. */
export async function extractFile(task: ExtractTask): Promise<ExtractResult> {
  try {
    const bytes = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
    const clean = await prepareDocument({
      bytes,
      file: task.file,
      ...(task.contentType !== undefined ? { contentType: task.contentType } : {}),
      ...(task.url !== undefined ? { url: task.url } : {}),
    });
    return {
      ok: true,
      graph: withStatedInfo(extractDocument(clean), clean.stated),
      encoding: clean.encoding,
      format: clean.format,
      url: clean.stated.url ?? null,
    };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return {
      ok: false,
      code: typeof code === 'string' ? code : 'EXTRACTION_FAILED',
      message: error instanceof Error ? error.message : String(error),
    };
  }
}
