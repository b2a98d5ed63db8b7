/**
 * Extraction must stay cheap: the benchmarks run it on 10,000 articles. After the first call
 * (which loads the gazetteer) one article takes a few milliseconds; the bound here is the
 * budget of 50 ms per article, far above what it takes, so the test only catches regressions.
 */
import { extractDocument } from '.';
import { loadArticle } from './testing/clean';
import { articleFiles } from './testing/graph';

describe('extraction speed', () => {
  it('extracts one article in under 50 ms on average after warm-up', () => {
    const docs = articleFiles().map((f) => loadArticle(f));
    for (const d of docs) extractDocument(d);
    const rounds = 5;
    const start = process.hrtime.bigint();
    for (let i = 0; i < rounds; i++) for (const d of docs) extractDocument(d);
    const perDocumentMs = Number(process.hrtime.bigint() - start) / 1e6 / (rounds * docs.length);
    expect(perDocumentMs).toBeLessThan(50);
  });
});
