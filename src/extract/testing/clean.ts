/**
 * Test helpers: clean documents from a string or from a bundled article, through the real
 * `text` stage (`prepareText`), so tests see exactly what the importer will feed `extract`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { prepareText } from '../../text';
import type { CleanDocument } from '../../text/types';

/** The bundled corpus folder (`import/` at the repository root). */
export const IMPORT_DIR = join(__dirname, '..', '..', '..', 'import');

/** A clean document made from `text` (UTF-8), as if it were a file named `file`. */
export function cleanFromString(text: string, file = 'snippet.txt'): CleanDocument {
  return prepareText(Buffer.from(text, 'utf8'), file);
}

/** The clean document of a bundled article, by its file name (`000_cd5570a6f70beb67.txt`). */
export function loadArticle(file: string): CleanDocument {
  return prepareText(readFileSync(join(IMPORT_DIR, file)), file);
}
