/**
 * The same article in every supported encoding yields the same DocumentGraph: extraction
 * sees only the clean text, whatever bytes it came from.
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { Converter } from 'opencc-js';
import { prepareText } from '../text';
import { extractDocument } from './index';

const DIR = path.resolve(__dirname, '..', '..', 'import');
const FILES = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const graphOf = (bytes: Buffer, file: string) => extractDocument(prepareText(bytes, file));

describe.each(FILES)('%s', (file) => {
  const raw = fs.readFileSync(path.join(DIR, file), 'utf8');
  const utf8 = graphOf(Buffer.from(raw, 'utf8'), file);

  test.each([
    ['GB18030', () => iconv.encode(raw, 'gb18030')],
    ['UTF-16LE with BOM', () => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(raw, 'utf16le')])],
    ['UTF-16BE without BOM', () => iconv.encode(raw, 'utf16be')],
    ['UTF-8 with BOM', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(raw, 'utf8')])],
  ])('as %s yields the identical graph', (_name, encode) => {
    expect(graphOf(encode(), file)).toEqual(utf8);
  });

  test('as Big5 (its traditional form) yields the graph of the same text in UTF-8, and the same programs and people', () => {
    // Big5 holds neither pinyin letters nor simplified characters: encode the traditional form,
    // with the few characters Big5 lacks (NBSP, rare ones) as spaces.
    const toTraditional = Converter({ from: 'cn', to: 'tw' });
    const traditional = [...toTraditional(raw.replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/gu, ''))]
      .map((ch) => (iconv.decode(iconv.encode(ch, 'big5'), 'big5') === ch ? ch : ' '))
      .join('');
    const big5 = graphOf(iconv.encode(traditional, 'big5'), file);
    expect(big5).toEqual(graphOf(Buffer.from(traditional, 'utf8'), file));
    expect(big5.programs.map((p) => p.key)).toEqual(utf8.programs.map((p) => p.key));
    expect(big5.people.map((p) => p.name)).toEqual(utf8.people.map((p) => p.name));
    expect(big5.places.map((p) => p.key)).toEqual(utf8.places.map((p) => p.key));
  });
});
