/** Joining a line broken inside a sentence. Internal to the format stage. */

const LATIN_END = /[A-Za-z0-9,.;:!?%)]$/;
const LATIN_START = /^[A-Za-z0-9(]/;

/** `a` and its continuation `b` as one line: no space between Chinese characters, one between words. */
export function joinLines(a: string, b: string): string {
  const left = a.trimEnd();
  const right = b.trimStart();
  if (left === '') return right;
  if (right === '') return left;
  return LATIN_END.test(left) && LATIN_START.test(right) ? `${left} ${right}` : left + right;
}
