/**
 * Traditional → simplified Chinese with OpenCC, keeping the offset map. Internal.
 *
 * The chain is OpenCC's hk→t (Hong Kong variants such as 衞 → 衛) then tw→cn (Taiwan variants
 * such as 著 → 着 where it means -zhe, then standard t→s with phrase tables: 陳建莊 → 陈建庄,
 * 乾淨 → 干净 but 乾隆 stays). A document is converted when it is written in traditional script
 * (see `toSimplified`); names and queries (`simplify`) always are. The `twp`/`hkp` variants are not used: they also swap regional
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

// A simplified text still holds characters OpenCC would change because they are also traditional
// forms: 乾 in a company's name (兰州乾川投资), 於 as a surname, 著 in 著名. A document is converted
// only when enough of its characters change to say it is written in traditional script: the
// development set's traditional pages change 32–49 % of their Han characters, its simplified ones
// 0–0.3 %.
const TRADITIONAL_SHARE = 0.05;
const TRADITIONAL_MIN = 2;
const SHORT_TEXT = 50;

/** Convert a document in traditional script to simplified; a simplified document passes unchanged. */
export function toSimplified(text: MappedText): MappedText {
  let han = 0;
  let changed = 0;
  for (const m of text.text.matchAll(HAN_RUN)) {
    const run = m[0];
    const out = convert(run);
    han += run.length;
    if (out.length !== run.length) changed += run.length;
    else for (let i = 0; i < run.length; i++) if (run[i] !== out[i]) changed++;
  }
  // A line or two (a headline, a test) is judged by any traditional character at all.
  const needed = han < SHORT_TEXT ? 1 : Math.max(TRADITIONAL_MIN, TRADITIONAL_SHARE * han);
  if (changed < needed) return text;
  return text.convertRuns(HAN_RUN, convert);
}

/** The plain-string form of {@link toSimplified}, for callers without an offset map. */
export function simplify(text: string): string {
  return text.replace(HAN_RUN, (run) => convert(run));
}
