/**
 * Removal of pinyin annotations placed after characters, as some pages print them:
 * `經(jīng)驗` → `經驗`, `傳(chuán)統(tǒng)` → `傳統`. Internal.
 */
import type { MappedText } from './mappedText';

const TONE_VOWELS = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêếềḿńňǹ';
const SYLLABLES = `[a-zA-Z${TONE_VOWELS}]{1,7}(?:[ '’][a-zA-Z${TONE_VOWELS}]{1,7}){0,3}`;

// A bracketed group of 1–4 latin syllables right after a Han character, in half- or
// full-width brackets: 經(jīng), 鎮（zhèn）, 說(shuō míng).
// A page that puts a space after every annotation (機關(guan) 工委) loses the space with it.
const ANNOTATION = new RegExp(
  `(?<=\\p{Script=Han})[(（]\\s*(${SYLLABLES})\\s*[)）]([ \u3000](?=\\p{Script=Han}))?`,
  'gu',
);
const HAS_TONE = new RegExp(`[${TONE_VOWELS}]`, 'u');

// Toneless pinyin, accepted only in a text that already carries tone-marked annotations:
// the neutral tone 的(de), 了(le) there; never (PM), (App) or (GDP) in an ordinary text.
const TONELESS_SYLLABLE =
  /^(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:a|o|e|i|u|v|ai|ei|ao|ou|an|en|ang|eng|ong|er|ia|ie|iao|iu|ian|in|iang|ing|iong|ua|uo|uai|ui|uan|un|uang|ue|ve|r)$/;
const MIN_TONED_FOR_TONELESS = 3;
// A page that annotates without tone marks (機關(guan), 黨(dang), 於(yu)): many lower-case toneless
// syllables of several kinds after Han characters, which no run of acronyms gives.
const MIN_TONELESS_ONLY = 6;
const MIN_DISTINCT_TONELESS = 3;

/**
 * Delete pinyin annotations: brackets right after a Han character holding latin syllables with
 * a tone mark or ü. Brackets with Chinese or digits — (试行), (党组), (2021) — are never touched.
 */
export function removePinyin(text: MappedText): MappedText {
  let toned = 0;
  let toneless = 0;
  const distinct = new Set<string>();
  ANNOTATION.lastIndex = 0;
  let spaced = 0;
  for (let m = ANNOTATION.exec(text.text); m; m = ANNOTATION.exec(text.text)) {
    const syllables = m[1] ?? '';
    if (m[2] !== undefined) spaced++;
    if (HAS_TONE.test(syllables)) toned++;
    else if (isLowerToneless(syllables)) {
      toneless++;
      distinct.add(syllables);
    }
  }
  const tonelessOnly = toneless >= MIN_TONELESS_ONLY && distinct.size >= MIN_DISTINCT_TONELESS;
  if (toned === 0 && !tonelessOnly) return text;
  const allowToneless = toned >= MIN_TONED_FOR_TONELESS || tonelessOnly;
  const total = toned + toneless;
  const dropSpace = total > 0 && spaced >= 0.8 * total;
  return text.replace(ANNOTATION, (m) => {
    const syllables = m[1] ?? '';
    const rest = dropSpace ? '' : (m[2] ?? '');
    if (HAS_TONE.test(syllables)) return rest;
    const isToneless = syllables.split(/[ '’]/).every((s) => TONELESS_SYLLABLE.test(s));
    return allowToneless && isToneless ? rest : m[0];
  });
}

function isLowerToneless(syllables: string): boolean {
  return syllables.split(/[ '’]/).every((s) => /^[a-z]+$/.test(s) && TONELESS_SYLLABLE.test(s));
}
