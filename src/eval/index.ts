/**
 * The `eval` stage: a folder of articles with a `gold.json` → recall and precision per type,
 * with every miss (`kg eval`). Reads the folder (the only I/O here), then scores with the pure
 * `scoreDocument`. Public: `evalFolder` and the summary types.
 */
import fs from 'node:fs';
import path from 'node:path';
import { KgError } from '../errors';
import { extractDocument } from '../extract';
import { prepareText } from '../text';
import { parseGold } from './gold';
import { scoreDocument, type DocumentScore } from './score';
import { summarize, type EvalSummary } from './summary';

export type { EvalSummary, Rate } from './summary';
export { formatSummary } from './summary';
export { programMatchKey } from './score';

/**
 * Extracts every article of `folder` that its `gold.json` annotates and scores it. An article
 * is the file whose name without extension is the gold key (`d01_zhuji_fengyuan` →
 * `d01_zhuji_fengyuan.txt`).
 */
export function evalFolder(folder: string): EvalSummary & { scores: DocumentScore[] } {
  const goldPath = path.join(folder, 'gold.json');
  let json: string;
  try {
    json = fs.readFileSync(goldPath, 'utf8');
  } catch (error) {
    throw new KgError(
      'BAD_USER_INPUT',
      `${goldPath}: cannot read it (${(error as NodeJS.ErrnoException).code}); kg eval needs a folder with a gold.json`,
    );
  }
  const gold = parseGold(json);
  const files = fs.readdirSync(folder);
  const scores: DocumentScore[] = [];
  for (const [key, doc] of Object.entries(gold.docs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const file = files.find((f) => f !== 'gold.json' && path.parse(f).name === key);
    if (file === undefined)
      throw new KgError(
        'BAD_USER_INPUT',
        `gold.json annotates "${key}" but ${folder} has no file named ${key}.*`,
      );
    const bytes = fs.readFileSync(path.join(folder, file));
    const graph = extractDocument(prepareText(bytes, file));
    scores.push(scoreDocument(key, doc, graph));
  }
  return { ...summarize(scores), scores };
}
