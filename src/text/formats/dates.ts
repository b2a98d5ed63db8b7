/** A date as files and pages state it → `YYYY-MM-DD`. Internal to the format stage. */

// 2026-03-18, 2026-03-18T10:02:00+08:00, 2026/3/18 10:02, 2026年3月18日, 2026.03.18
const DAY = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;

/** The day a metadata value states, or undefined when it states none (or an impossible one). */
export function dayOf(value: string | null | undefined): string | undefined {
  const m = value ? DAY.exec(value) : null;
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
