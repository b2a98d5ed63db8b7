/**
 * Number parsing for metrics: Arabic decimals, Chinese numerals and the scale words 万/亿.
 * Chinese numerals are decoded by `nzh` (its `cn.decodeS`): the most used (≈30k downloads a month),
 * typed, dependency-free converter on npm that handles 十/百/千/万/亿 and 零 correctly; we only add
 * the glue it lacks (两 → 二, rejecting digit runs like 十四五, scaling decimals by 万/亿, fractions).
 * Public within `extract`.
 */
import Nzh from 'nzh';

const SCALE: Record<string, number> = { 万: 1e4, 亿: 1e8, 万亿: 1e12, 千: 1e3, 百: 1e2 };

/** Rounds away binary noise: 11.2 × 10000 → 112000, 1998.03 × 10000 → 19980300. */
function clean(value: number): number {
  return Number(value.toPrecision(12));
}

/**
 * Value of a Chinese numeral (`三千一百九十九`, `两万`, `百`), or null when it is not a well-formed
 * number: two digits in a row without a unit between them (`十四五`, `一二`) read as a list, not a number.
 */
export function parseChineseNumeral(raw: string): number | null {
  if (raw.length === 0 || !/^[零〇一二两三四五六七八九十百千万亿]+$/.test(raw)) return null;
  if (/[一二两三四五六七八九][一二两三四五六七八九]/.test(raw)) return null;
  const value = Number(Nzh.cn.decodeS(raw.replace(/两/g, '二').replace(/〇/g, '零')));
  return Number.isFinite(value) && (value > 0 || /^[零〇]$/.test(raw)) ? value : null;
}

/**
 * Value of a number as written before its unit: Arabic (`3199`, `87.6`) or Chinese (`两万`), times an
 * optional scale word (`11.2` + `万` → 112000, `1998.03` + `万` → 19980300). Null when unreadable.
 */
export function parseScaledNumber(numeral: string, scale = ''): number | null {
  const base = /^\d+(?:\.\d+)?$/.test(numeral) ? Number(numeral) : parseChineseNumeral(numeral);
  if (base === null || !Number.isFinite(base)) return null;
  const factor = scale === '' ? 1 : SCALE[scale];
  if (factor === undefined) return null;
  return clean(base * factor);
}

/** A fraction `X分之Y` as a percentage: 三分之一 → 33.333…, 百分之八十 → 80. Null when unreadable or X is 0. */
export function parseFractionPercent(denominator: string, numerator: string): number | null {
  const d = parseScaledNumber(denominator);
  const n = parseScaledNumber(numerator);
  if (d === null || n === null || d === 0) return null;
  return (n / d) * 100;
}
