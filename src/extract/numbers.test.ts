import { parseChineseNumeral, parseFractionPercent, parseScaledNumber } from './numbers';

describe('parseChineseNumeral', () => {
  it.each([
    ['三千一百九十九', 3199],
    ['两万', 20000],
    ['十二', 12],
    ['十', 10],
    ['百', 100],
    ['一百零八', 108],
    ['十九', 19],
  ])('%s → %d', (raw, value) => {
    expect(parseChineseNumeral(raw)).toBe(value);
  });

  it('rejects digit runs that are lists, not numbers (十四五, 一二)', () => {
    expect(parseChineseNumeral('十四五')).toBeNull();
    expect(parseChineseNumeral('一二')).toBeNull();
  });

  it('rejects text that is not a numeral', () => {
    expect(parseChineseNumeral('党员')).toBeNull();
    expect(parseChineseNumeral('')).toBeNull();
  });
});

describe('parseScaledNumber', () => {
  it('scales by 万 and 亿 without binary noise', () => {
    expect(parseScaledNumber('11.2', '万')).toBe(112000);
    expect(parseScaledNumber('1998.03', '万')).toBe(19980300);
    expect(parseScaledNumber('2.1', '亿')).toBe(210000000);
    expect(parseScaledNumber('520.49', '万')).toBe(5204900);
  });

  it('reads plain Arabic and Chinese numbers', () => {
    expect(parseScaledNumber('87.6')).toBe(87.6);
    expect(parseScaledNumber('两万')).toBe(20000);
  });

  it('returns null for an unknown scale word', () => {
    expect(parseScaledNumber('3', '打')).toBeNull();
  });
});

describe('parseFractionPercent', () => {
  it('reads X分之Y as a percentage', () => {
    expect(parseFractionPercent('三', '一')).toBeCloseTo(33.333, 3);
    expect(parseFractionPercent('百', '八十')).toBe(80);
  });

  it('returns null for a zero denominator', () => {
    expect(parseFractionPercent('零', '一')).toBeNull();
  });
});
