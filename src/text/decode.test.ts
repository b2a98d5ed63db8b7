import { randomBytes } from 'node:crypto';

import iconv from 'iconv-lite';
import { Converter } from 'opencc-js';

import { decodeBytes } from './decode';
import { TextError } from './errors';

const toTraditional = Converter({ from: 'cn', to: 'tw' });
const TEXT = '廊坊市委书记杨晓和介绍，全市3199名村党组织书记全部为高中及以上学历。\n';

function thrown(fn: () => unknown): TextError {
  try {
    fn();
  } catch (e) {
    if (e instanceof TextError) return e;
    throw e;
  }
  throw new Error('expected a TextError, nothing was thrown');
}

describe('decodeBytes', () => {
  it('reads UTF-8 with and without a BOM, dropping the BOM', () => {
    expect(decodeBytes(Buffer.from(TEXT, 'utf8'), 'a.txt')).toEqual({ text: TEXT, encoding: 'utf-8' });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]);
    expect(decodeBytes(bom, 'a.txt')).toEqual({ text: TEXT, encoding: 'utf-8' });
  });

  it('reads UTF-16 LE and BE, with a BOM or by the NUL-byte pattern', () => {
    const le = iconv.encode(TEXT, 'utf16le');
    const be = iconv.encode(TEXT, 'utf16be');
    expect(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), le]), 'a.txt')).toEqual({
      text: TEXT,
      encoding: 'utf-16le',
    });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'a.txt')).toEqual({
      text: TEXT,
      encoding: 'utf-16be',
    });
    expect(decodeBytes(le, 'a.txt')).toEqual({ text: TEXT, encoding: 'utf-16le' });
    expect(decodeBytes(be, 'a.txt')).toEqual({ text: TEXT, encoding: 'utf-16be' });
  });

  it('accepts a Uint8Array as well as a Buffer', () => {
    const bytes = new Uint8Array(Buffer.from(TEXT, 'utf8'));
    expect(decodeBytes(bytes, 'a.txt').text).toBe(TEXT);
  });

  it('tells GB18030 from Big5, even for short texts where chardet guesses wrong', () => {
    for (const phrase of [
      '党建',
      '中国',
      '双报到',
      '三审一谈',
      '近邻党建',
      '领头羊工程',
      '小区党组织',
      TEXT,
    ]) {
      const traditional = toTraditional(phrase);
      expect(decodeBytes(iconv.encode(phrase, 'gb18030'), 'a.txt')).toEqual({
        text: phrase,
        encoding: 'gb18030',
      });
      expect(decodeBytes(iconv.encode(traditional, 'big5'), 'a.txt')).toEqual({
        text: traditional,
        encoding: 'big5',
      });
    }
  });

  it('reads traditional text saved as GB18030 as GB18030', () => {
    const traditional = toTraditional(TEXT);
    expect(decodeBytes(iconv.encode(traditional, 'gb18030'), 'a.txt')).toEqual({
      text: traditional,
      encoding: 'gb18030',
    });
  });

  it('rejects ISO-8859-1 text as UNKNOWN_ENCODING, naming the file and what was detected', () => {
    const e = thrown(() =>
      decodeBytes(iconv.encode('Ceci est un texte français déjà écrit à Noël.', 'latin1'), 'import/x.txt'),
    );
    expect(e.code).toBe('UNKNOWN_ENCODING');
    expect(e.message).toBe(
      'import/x.txt: the bytes are not UTF-8, UTF-16, GB18030 or Big5 (detected ISO-8859-1); save the file as UTF-8 and import it again',
    );
  });

  it('rejects Korean and Japanese legacy encodings that would decode as GB18030', () => {
    const korean = thrown(() =>
      decodeBytes(iconv.encode('한국어 텍스트입니다 안녕하세요', 'euc-kr'), 'k.txt'),
    );
    expect(korean.code).toBe('UNKNOWN_ENCODING');
    expect(korean.message).toContain('(detected EUC-KR)');
    expect(
      thrown(() => decodeBytes(iconv.encode('日本語のテキストです。こんにちは', 'shift_jis'), 'j.txt')).code,
    ).toBe('UNKNOWN_ENCODING');
  });

  it('rejects UTF-32 by its BOM', () => {
    const e = thrown(() => decodeBytes(Buffer.from([0xff, 0xfe, 0, 0, 0x5a, 0x4e, 0, 0]), 'u.txt'));
    expect(e.code).toBe('UNKNOWN_ENCODING');
    expect(e.message).toContain('UTF-32');
  });

  it('rejects binary data: NUL bytes that are not UTF-16, or many control bytes', () => {
    const withNul = Buffer.concat([
      Buffer.from('%PDF-1.7\n', 'latin1'),
      randomBytes(4000),
      Buffer.from([0, 0, 0]),
    ]);
    const e = thrown(() => decodeBytes(withNul, 'import/scan.pdf'));
    expect(e.code).toBe('BINARY_FILE');
    expect(e.message).toMatch(/^import\/scan\.pdf: the file looks binary, not text \(\d+ NUL bytes/);
    const controls = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)));
    expect(thrown(() => decodeBytes(controls, 'c.bin')).code).toBe('BINARY_FILE');
  });
});
