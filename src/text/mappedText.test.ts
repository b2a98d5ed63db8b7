import { MappedText } from './mappedText';

/** The raw offsets of every character, for compact assertions. */
function offsets(m: MappedText): number[] {
  return Array.from({ length: m.length }, (_, i) => m.rawOffset(i));
}

describe('MappedText', () => {
  it('starts as the identity map, with the end offset after the last character', () => {
    const m = MappedText.fromRaw('党建');
    expect(offsets(m)).toEqual([0, 1]);
    expect(m.rawOffset(2)).toBe(2);
  });

  it('maps a same-length replacement character by character', () => {
    const m = MappedText.fromRaw('a,b').replace(/,/g, '，');
    expect(m.text).toBe('a，b');
    expect(offsets(m)).toEqual([0, 1, 2]);
  });

  it('keeps the map of a replacement that is part of the match', () => {
    // 党史,,就是 → 党史,就是: the kept comma is the first one (raw 2).
    const m = MappedText.fromRaw('党史,,就是').replace(/,{2,}/g, ',');
    expect(m.text).toBe('党史,就是');
    expect(offsets(m)).toEqual([0, 1, 2, 4, 5]);
  });

  it('deletes without disturbing the characters after', () => {
    const m = MappedText.fromRaw('經(jīng)驗').replace(/\([a-zī]+\)/g, '');
    expect(m.text).toBe('經驗');
    expect(offsets(m)).toEqual([0, 7]);
    expect(m.rawEndOf(1)).toBe(8);
  });

  it('maps a longer, different replacement to the whole match', () => {
    const m = MappedText.fromRaw('x...y').replace(/\.{3}/g, '……');
    expect(m.text).toBe('x……y');
    expect(offsets(m)).toEqual([0, 1, 1, 4]);
    expect(m.rawEndOf(2)).toBe(4);
  });

  it('splits and joins, placing the synthetic separator at the end of the previous piece', () => {
    const lines = MappedText.fromRaw('甲\n\n乙').split('\n');
    expect(lines.map((l) => l.text)).toEqual(['甲', '', '乙']);
    const joined = MappedText.join([lines[0]!, lines[2]!], '\n');
    expect(joined.text).toBe('甲\n乙');
    expect(offsets(joined)).toEqual([0, 1, 3]);
  });

  it('refuses a non-global regex, saying what it needs', () => {
    expect(() => MappedText.fromRaw('a').replace(/a/, 'b')).toThrow(
      'MappedText.replace needs a global regex, got /a/',
    );
  });
});
