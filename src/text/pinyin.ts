/**
 * Removal of pinyin annotations placed after characters, as some pages print them:
 * `經(jīng)驗` → `經驗`, `傳(chuán)統(tǒng)` → `傳統`. Internal.
 */
import type { MappedText } from './mappedText';

const TONE_VOWELS = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêếềḿńňǹ';
const SYLLABLES = `[a-zA-Z${TONE_VOWELS}]{1,7}(?:[ '’][a-zA-Z${TONE_VOWELS}]{1,7}){0,3}`;

// A bracketed group of 1–4 latin syllables right after a Han character, in half- or
// full-width brackets: 經(jīng), 鎮（zhèn）, 說(shuō míng).
const ANNOTATION = new RegExp(`(?<=\\p{Script=Han})[(（]\\s*(${SYLLABLES})\\s*[)）]`, 'gu');
const HAS_TONE = new RegExp(`[${TONE_VOWELS}]`, 'u');

// Toneless pinyin, accepted only in a text that already carries tone-marked annotations:
// the neutral tone 的(de), 了(le) there; never (PM), (App) or (GDP) in an ordinary text.
const TONELESS_SYLLABLE =
  /^(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:a|o|e|i|u|v|ai|ei|ao|ou|an|en|ang|eng|ong|er|ia|ie|iao|iu|ian|in|iang|ing|iong|ua|uo|uai|ui|uan|un|uang|ue|ve|r)$/;
const MIN_TONED_FOR_TONELESS = 3;

/**
 * Delete pinyin annotations: brackets right after a Han character holding latin syllables with
 * a tone mark or ü. Brackets with Chinese or digits — (试行), (党组), (2021) — are never touched.
 */
export function removePinyin(text: MappedText): MappedText {
  let toned = 0;
  ANNOTATION.lastIndex = 0;
  for (let m = ANNOTATION.exec(text.text); m; m = ANNOTATION.exec(text.text))
    if (HAS_TONE.test(m[1] ?? '')) toned++;
  if (toned === 0) return text;
  const allowToneless = toned >= MIN_TONED_FOR_TONELESS;
  return text.replace(ANNOTATION, (m) => {
    const syllables = m[1] ?? '';
    if (HAS_TONE.test(syllables)) return '';
    const isToneless = syllables.split(/[ '’]/).every((s) => TONELESS_SYLLABLE.test(s));
    return allowToneless && isToneless ? '' : m[0];
  });
}
