/**
 * Punctuation clean-up over the whole text (no rule crosses a line break). Internal.
 *
 * Decision: in Chinese context, ASCII , : ; ? ! become full-width ，：；？！ so every article
 * uses one set of marks whatever the site printed; between digits (10:02:52, 1,000, 1:1) and in
 * Latin text they stay. Parentheses and the full stop are left as they are: `(试行)` and
 * `（试行）` both occur, and `.` is a decimal point far more often than a sentence end.
 */
import { isCjkContext } from './chars';
import type { MappedText } from './mappedText';

const FULL_WIDTH: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！' };
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

// 夯基铸魂,汇聚 → 夯基铸魂，汇聚; 来源:河北新闻网 → 来源：河北新闻网; 打卡了吗? → 打卡了吗？
// A run is decided as a whole (一往无前,! → 一往无前，！), looking back through closing brackets
// and spaces (学校(园),6所 → 学校(园)，6所); 10:02:52, 1:1, 1,000 and "Hello, world" stay.
function toFullWidth(text: MappedText): MappedText {
  return text.replace(/[,:;?!]+/g, (m) => {
    const input = m.input;
    let p = m.index - 1;
    while (p >= 0 && /[ )\]]/.test(input[p] ?? '')) p--;
    const prev = input[p];
    const next = input[m.index + m[0].length];
    if (isDigit(input[m.index - 1]) && isDigit(input[m.index + m[0].length])) return m[0];
    if (!isCjkContext(prev) && !isCjkContext(next)) return m[0];
    return m[0].replace(/[,:;?!]/g, (c) => FULL_WIDTH[c] ?? c);
  });
}

// Corner brackets are the traditional-script quotes; simplified text uses curly ones:
// 「群眾說事」 → “群众说事”, 『江山』 → ‘江山’.
function cornerQuotes(text: MappedText): MappedText {
  const map: Record<string, string> = { '「': '“', '」': '”', '『': '‘', '』': '’' };
  return text.replace(/[「」『』]/g, (m) => map[m[0]] ?? m[0]);
}

// Straight double quotes around Chinese become curly ones, alternating open/close within a
// line, but only on lines where they pair up: 实施"领头羊"工程 → 实施“领头羊”工程.
function straightQuotes(text: MappedText): MappedText {
  return text.replace(/^.*"[^\n]*$/gm, (m) => {
    const line = m[0];
    const count = line.split('"').length - 1;
    if (count % 2 !== 0 || !/"\p{Script=Han}|\p{Script=Han}"/u.test(line)) return line;
    let open = true;
    return line.replace(/"/g, () => {
      const q = open ? '“' : '”';
      open = !open;
      return q;
    });
  });
}

interface Rule {
  pattern: RegExp;
  replacement: string;
}

// Applied in order, repeatedly until nothing changes (`,,。` needs two rules).
const COMMA_RULES: readonly Rule[] = [
  // Doubled commas: 百年党史，，就是 → 百年党史，就是; 41个，,143个 → 41个，143个 (and "a,,b" → "a,b").
  { pattern: /[，,]*，[，,]*/g, replacement: '，' },
  { pattern: /,{2,}/g, replacement: ',' },
  // A comma before a stronger mark: 经验，。 → 经验。; 斗志，、明确 → 斗志、明确; 走，！ → 走！
  { pattern: /[，,]+([。！？；：、])/g, replacement: '$1' },
  // A comma after a stronger mark: 使命。， → 使命。; 操心事、，烦心事 → 操心事、烦心事
  { pattern: /([。！？；：、])[，,]+/g, replacement: '$1' },
  // A comma right after an opening quote or bracket: “，江山 → “江山; 《，长津湖》 → 《长津湖》
  { pattern: /([“‘《〈（(【])[，,]+/g, replacement: '$1' },
  // A comma right before a closing bracket: 长津湖，》 → 长津湖》; 试行，） → 试行）
  { pattern: /[，,]+([）)】》〉])/g, replacement: '$1' },
  // A comma before a closing quote that ends the sentence or line: 江山，”。 → 江山”。
  // (“……，”他说 keeps its comma: there the quote goes on after the speech verb.)
  { pattern: /[，,]+([”’])(?=[。！？；，、\n]|$)/g, replacement: '$1' },
  // Punctuation a line cannot start with: ，知史砺初心 → 知史砺初心
  { pattern: /^[，、。；：,]+/gm, replacement: '' },
  // Doubled stops and enumeration commas: 。。 → 。; 、、 → 、; ；； → ；
  { pattern: /([。、；])\1+/g, replacement: '$1' },
];

/**
 * Normalize punctuation: full-width marks in Chinese context, curly quotes, and no doubled or
 * stray commas. Whitespace is handled separately (see `spacing.ts`).
 */
export function cleanPunctuation(text: MappedText): MappedText {
  let out = straightQuotes(cornerQuotes(toFullWidth(text)));
  for (let round = 0; round < 5; round++) {
    const before = out.text;
    for (const rule of COMMA_RULES) out = out.replace(rule.pattern, (m) => expand(rule.replacement, m));
    if (out.text === before) break;
  }
  return out;
}

function expand(replacement: string, m: RegExpExecArray): string {
  return replacement.replace(/\$(\d)/g, (_, n: string) => m[Number(n)] ?? '');
}
