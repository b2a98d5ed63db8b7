/**
 * The CPU part of importing one file: bytes → clean text → DocumentGraph. Pure; runs in a
 * worker thread or inline. Errors from bad input come back as TextError with a clear message.
 */
import { extractDocument } from '../extract';
import type { DocumentGraph } from '../extract/types';
import { prepareText } from '../text';

export interface ExtractTask {
  file: string;
  bytes: Uint8Array;
}

export type ExtractResult =
  { ok: true; graph: DocumentGraph; encoding: string } | { ok: false; code: string; message: string };

/** Never throws: an error is a value, so one bad file cannot take the pool down. */
export function extractFile(task: ExtractTask): ExtractResult {
  try {
    const clean = prepareText(
      Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength),
      task.file,
    );
    return { ok: true, graph: extractDocument(clean), encoding: clean.encoding };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return {
      ok: false,
      code: typeof code === 'string' ? code : 'EXTRACTION_FAILED',
      message: error instanceof Error ? error.message : String(error),
    };
  }
}
