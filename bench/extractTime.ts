/**
 * Extraction time per article, in-process on the main thread: the bundled articles, the
 * development set when `../shared/corpus-dev` is beside the project, and the first articles of
 * the generated corpus. Each article is extracted once to warm up (the gazetteer, OpenCC and the
 * segmenter load on first use), then timed over a few rounds; the median of its rounds is its time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { extractDocument } from '../src/extract';
import { prepareText } from '../src/text';

export interface ExtractTimeSet {
  set: string;
  articles: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** Mean characters per article. */
  meanChars: number;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

function timeFolder(set: string, dir: string, limit: number, rounds: number): ExtractTimeSet | null {
  if (!fs.existsSync(dir)) return null;
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .slice(0, limit);
  const times: number[] = [];
  let chars = 0;
  for (const f of files) {
    const bytes = fs.readFileSync(path.join(dir, f));
    const doc = prepareText(bytes, f);
    chars += doc.text.length;
    extractDocument(doc);
    const own: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const t = performance.now();
      extractDocument(doc);
      own.push(performance.now() - t);
    }
    own.sort((a, b) => a - b);
    times.push(quantile(own, 0.5));
  }
  times.sort((a, b) => a - b);
  return {
    set,
    articles: files.length,
    medianMs: quantile(times, 0.5),
    p95Ms: quantile(times, 0.95),
    maxMs: times[times.length - 1] ?? 0,
    meanChars: files.length === 0 ? 0 : chars / files.length,
  };
}

/** Times extraction on the bundled articles, the development set (if present) and a generated corpus. */
export function measureExtractTime(root: string, generatedDir: string | null): ExtractTimeSet[] {
  const sets = [
    timeFolder('bundled (import/)', path.join(root, 'import'), 100, 5),
    timeFolder(
      'development set (../shared/corpus-dev)',
      path.join(root, '..', 'shared', 'corpus-dev'),
      100,
      5,
    ),
    generatedDir === null ? null : timeFolder('generated corpus (first 200)', generatedDir, 200, 3),
  ];
  return sets.filter((s): s is ExtractTimeSet => s !== null);
}
