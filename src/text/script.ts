/**
 * Traditional → simplified Chinese with OpenCC, keeping the offset map. Internal.
 *
 * The chain is OpenCC's hk→t (Hong Kong variants such as 衞 → 衛) then tw→cn (Taiwan variants
 * such as 著 → 着 where it means -zhe, then standard t→s with phrase tables: 陳建莊 → 陈建庄,
 * 乾淨 → 干净 but 乾隆 stays). Checked on the bundled simplified articles: the chain leaves
 * them unchanged character for character, so it is applied to every text, not only to texts
 * that look traditional. The `twp`/`hkp` variants are not used: they also swap regional
 * vocabulary (刷新 → 重新整理 …), which would change wording, not script.
 */
import { Converter } from 'opencc-js';

import type { MappedText } from './mappedText';

let converter: ((text: string) => string) | undefined;

// Building the tries takes ~40 ms; do it once, on first use.
function convert(text: string): string {
  if (!converter) {
    const hkToT = Converter({ from: 'hk', to: 't' });
    const twToCn = Converter({ from: 'tw', to: 'cn' });
    converter = (s) => twToCn(hkToT(s));
  }
  return converter(text);
}

// Phrases never span punctuation or spaces, so converting maximal runs of Han characters gives
// OpenCC the same context as the whole text while keeping a length change (rare) local to one run.
const HAN_RUN = /\p{Script=Han}+/gu;

/** Convert traditional characters to simplified ones; simplified text passes unchanged. */
export function toSimplified(text: MappedText): MappedText {
  return text.convertRuns(HAN_RUN, convert);
}

/** The plain-string form of {@link toSimplified}, for callers without an offset map. */
export function simplify(text: string): string {
  return text.replace(HAN_RUN, (run) => convert(run));
}
