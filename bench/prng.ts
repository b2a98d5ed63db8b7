/**
 * A small seeded PRNG (sfc32) and the draws the corpus generator needs. Deterministic across
 * machines and Node versions: only 32-bit integer arithmetic, no Math.random. Internal to bench.
 */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform in [lo, hi). */
  range(lo: number, hi: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T;
  /**
   * An index in [0, n) with P(k) ∝ 1/(k+1) (log-uniform): a few items are very common and
   * a long tail is rare, as program names are across a corpus.
   */
  zipfIndex(n: number): number;
}

/** Mixes a string and numbers into a 32-bit seed (FNV-1a), so each article gets its own stream. */
export function seedOf(...parts: Array<string | number>): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const s = String(part);
    for (let i = 0; i < s.length; i += 1) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x7c; // separator, so ("ab", 1) and ("a", "b1") differ
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** sfc32 seeded from one 32-bit number (warmed up so nearby seeds diverge). */
export function createRng(seed: number): Rng {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const u32 = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i += 1) u32();
  const next = () => u32() / 4294967296;
  const int = (n: number): number => {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`int(n) needs a positive integer; got ${n}`);
    return Math.floor(next() * n);
  };
  return {
    next,
    int,
    range: (lo, hi) => lo + next() * (hi - lo),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('pick() needs a non-empty list');
      return items[int(items.length)] as T;
    },
    zipfIndex: (n) => {
      if (!Number.isInteger(n) || n < 1)
        throw new RangeError(`zipfIndex(n) needs a positive integer; got ${n}`);
      return Math.min(n - 1, Math.floor(Math.exp(next() * Math.log(n + 1))) - 1);
    },
  };
}

/** A seeded Fisher–Yates shuffle (a copy). */
export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = rng.int(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
