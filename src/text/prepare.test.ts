import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import iconv from 'iconv-lite';
import { Converter } from 'opencc-js';

import { TextError, prepareText, type CleanDocument } from './index';
import { simplify } from './script';

const IMPORT_DIR = join(__dirname, '..', '..', 'import');
const FILES = readdirSync(IMPORT_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const rawOf = (file: string): string => readFileSync(join(IMPORT_DIR, file), 'utf8');
const prepared = new Map(
  FILES.map((f) => [f, prepareText(readFileSync(join(IMPORT_DIR, f)), `import/${f}`)]),
);
function doc(prefix: string): CleanDocument & { raw: string } {
  const file = FILES.find((f) => f.startsWith(prefix));
  const d = file && prepared.get(file);
  if (!d) throw new Error(`no bundled article starting with ${prefix} in ${IMPORT_DIR}`);
  return d;
}
const paragraphs = (d: CleanDocument): string[] => d.paragraphs.map((p) => p.text);

const PINYIN = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ]+\)/u;
const STRAY_COMMAS = /[，,]{2}|[，,][。、！？；：]|[。、！？；：][，,]/u;

describe('prepareText on the bundled articles', () => {
  it('finds five articles to test', () => {
    expect(FILES).toHaveLength(5);
  });

  describe.each(FILES)('%s', (file) => {
    const d = prepared.get(file)!;

    it('keeps the basename and reads the file as UTF-8', () => {
      expect(d.file).toBe(file);
      expect(d.encoding).toBe('utf-8');
    });

    it('has no pinyin annotations, replacement characters, doubled or stray commas, or empty lines', () => {
      expect(d.text).not.toMatch(PINYIN);
      expect(d.text).not.toContain('\ufffd');
      expect(d.text).not.toMatch(STRAY_COMMAS);
      expect(d.text).not.toMatch(/\n\n|^\n|\n$|^ | $/m);
    });

    it('is simplified: converting it again changes nothing', () => {
      expect(simplify(d.text)).toBe(d.text);
    });

    it('has paragraphs and sentences whose offsets slice the clean text', () => {
      expect(d.paragraphs.length).toBeGreaterThan(10);
      for (const p of d.paragraphs) expect(d.text.slice(p.start, p.end)).toBe(p.text);
      for (const s of d.sentences) {
        expect(d.text.slice(s.start, s.end)).toBe(s.text);
        const p = d.paragraphs[s.paragraph]!;
        expect(s.start >= p.start && s.end <= p.end).toBe(true);
      }
      // Sentences cover every non-space character of every paragraph.
      const covered = d.sentences.reduce((n, s) => n + s.text.replace(/\s/g, '').length, 0);
      expect(covered).toBe(d.text.replace(/\s/g, '').length);
    });

    it('maps every sentence start back to the same character of the raw text', () => {
      for (const s of d.sentences) {
        const rawChar = d.raw[d.toRawOffset(s.start)] ?? '';
        const cleanChar = d.text[s.start] ?? '';
        // Same character modulo script conversion and full-width forms.
        expect(simplify(rawChar).normalize('NFKC')).toBe(cleanChar.normalize('NFKC'));
      }
      expect(d.toRawOffset(d.text.length)).toBeLessThanOrEqual(d.raw.length);
    });

    it('maps every sentence to a raw span that holds the same characters once cleaned', () => {
      for (const s of d.sentences) {
        const { start, end } = d.toRawRange(s.start, s.end);
        const rawHan = simplify(d.raw.slice(start, end)).replace(/[^\p{Script=Han}]/gu, '');
        expect(rawHan).toBe(s.text.replace(/[^\p{Script=Han}]/gu, ''));
      }
    });
  });

  it('000: drops the section label, scan prompt, e-paper link and copyright; keeps headline, dateline, authors, editor', () => {
    const d = doc('000');
    expect(paragraphs(d).slice(0, 2)).toEqual([
      '燕赵新答卷·廊坊篇 | 夯基铸魂，汇聚前行澎湃力量',
      '2021-06-07 10:02:52 来源：河北新闻网',
    ]);
    for (const furniture of [
      '廊坊新闻河北日报廊坊专辑',
      '扫码阅读手机版',
      '电子报',
      '版权',
      '未经许可不得转载',
    ]) {
      expect(d.text).not.toContain(furniture);
    }
    expect(paragraphs(d).slice(-2)).toEqual(['(河北日报记者 解丽达 孟宪峰 通讯员 周禹佳)', '责任编辑：李瑾']);
    expect(d.text).toContain('和他们促膝谈心。河北日报记者 赵永辉摄');
    expect(d.text).toContain('廊坊大力实施农村“领头羊”工程');
  });

  it('001: drops breadcrumb, share button and keywords; keeps source, time and the editor credit', () => {
    const d = doc('001');
    expect(paragraphs(d).slice(0, 4)).toEqual([
      '新思想引领新征程·河北答卷|筑牢坚强堡垒 夯实执政根基',
      '来源：河北日报客户端',
      '2023-05-27 08:52:50',
      '筑牢坚强堡垒 夯实执政根基',
    ]);
    for (const furniture of ['河北频道', '全景河北', '分享', '关键词', '■'])
      expect(d.text).not.toContain(furniture);
    expect(paragraphs(d).at(-1)).toBe('责任编辑：刘政豪');
    expect(paragraphs(d)).toContain('大抓基层，增强基层党组织政治功能、组织功能');
    expect(paragraphs(d).at(-2)).toMatch(
      /凝聚起加快建设经济强省、美丽河北的磅礴力量。\(河北日报记者 赵建 刘冉 陈华$/,
    );
  });

  it('002: converts the traditional, pinyin-annotated article to clean simplified text', () => {
    const d = doc('002');
    expect(paragraphs(d).slice(0, 3)).toEqual([
      '砥砺初心使命 凝聚奋进力量',
      '——回眸2021·我市扎实开展党史学习教育综述',
      '知史砺初心，践行新使命。',
    ]);
    expect(d.text).toContain('是我们党百年奋斗的宝贵历史经验。');
    expect(d.text).toContain('市委宣传部常务副部长陈建庄说');
    expect(d.text).toContain('“江山就是人民、人民就是江山。”');
    expect(d.text).toContain('在高蓬镇钮店社区党支部');
    expect(d.text).not.toContain('(jīng)');
    expect(d.text).not.toMatch(/[經驗黨歷陳莊]/u);
    expect(paragraphs(d).at(-1)).toBe('本报记者聂资滨');
  });

  it('003: drops the related-news list, channel links and comment counter; keeps the editor', () => {
    const d = doc('003');
    expect(paragraphs(d)[0]).toMatch(/^如何聚焦“四个更大”新要求/);
    expect(paragraphs(d).slice(-2)).toEqual(['通讯员 陈薇宇 福州日报记者 林晗', '责任编辑：赵睿']);
    for (const furniture of ['2021-07-01', '2021-06-30', '频道', '一周热点新闻', '评论'])
      expect(d.text).not.toContain(furniture);
    expect(d.text).toContain('意见(试行)》');
    expect(d.text).toContain('各级党委(党组)认真履行主体责任');
  });

  it('004: drops the page label and reader buttons, re-joins broken paragraphs, keeps masthead and captions', () => {
    const d = doc('004');
    expect(paragraphs(d).slice(0, 5)).toEqual([
      '中国城市报 2023年07月31日 星期一',
      '河北省廊坊市：',
      '深化实施“领航工程”推动基层党建走深走实',
      '中共廊坊市委组织部',
      '《中国城市报》(2023年07月31日 第 19 版)',
    ]);
    expect(d.text).not.toContain('第19版');
    expect(d.text).not.toContain('返回目录');
    expect(d.text).toContain('廊坊丝绸之路国际文化交流中心外景。贾珺摄');
    expect(d.text).toContain('质量不高等难题，研究制定《农村发展党员二十项措施》');
    expect(d.text).toContain('达到73.2%，综合服务站全部实现“六统一”标准');
    expect(paragraphs(d).at(-1)).toMatch(/\(图片由廊坊市委组织部提供\)$/);
  });
});

describe('prepareText: the same article in every supported encoding', () => {
  const toTraditional = Converter({ from: 'cn', to: 'tw' });
  const withBom = (bom: number[], body: Buffer): Buffer => Buffer.concat([Buffer.from(bom), body]);
  const encodings: Array<[string, (text: string) => Buffer]> = [
    ['gb18030', (t) => iconv.encode(t, 'gb18030')],
    ['utf-8', (t) => withBom([0xef, 0xbb, 0xbf], Buffer.from(t, 'utf8'))],
    ['utf-16le', (t) => withBom([0xff, 0xfe], iconv.encode(t, 'utf16le'))],
    ['utf-16le', (t) => iconv.encode(t, 'utf16le')],
    ['utf-16be', (t) => withBom([0xfe, 0xff], iconv.encode(t, 'utf16be'))],
    ['utf-16be', (t) => iconv.encode(t, 'utf16be')],
  ];
  // Characters Big5 cannot hold (NBSP, some rare ones) would come back as "?"; make them spaces.
  const big5Memo = new Map<string, boolean>();
  const inBig5 = (ch: string): boolean => {
    let ok = big5Memo.get(ch);
    if (ok === undefined) {
      ok = iconv.decode(iconv.encode(ch, 'big5'), 'big5') === ch;
      big5Memo.set(ch, ok);
    }
    return ok;
  };
  const same = (a: CleanDocument, b: CleanDocument): void => {
    expect(a.text).toBe(b.text);
    expect(a.sentences).toEqual(b.sentences);
  };

  describe.each(FILES)('%s', (file) => {
    const utf8 = prepared.get(file)!;

    it.each(encodings.map(([name, encode], i) => [`${name} #${i}`, name, encode] as const))(
      'as %s gives the identical clean text and sentences',
      (_label, name, encode) => {
        const d = prepareText(encode(rawOf(file)), file);
        expect(d.encoding).toBe(name);
        same(d, utf8);
      },
    );

    it('as Big5 (its traditional form) reads as Big5 and cleans like the same text in UTF-8', () => {
      // Big5 has no pinyin letters and not every character: keep what survives a round trip.
      const traditional = toTraditional(rawOf(file).replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/gu, ''));
      const encodable = [...traditional].map((ch) => (inBig5(ch) ? ch : ' ')).join('');
      const d = prepareText(iconv.encode(encodable, 'big5'), file);
      expect(d.encoding).toBe('big5');
      same(d, prepareText(Buffer.from(encodable, 'utf8'), file));
      // And it comes back as (almost exactly) the simplified article.
      expect(d.text.length).toBe(utf8.text.length);
      const differing = [...d.text].filter((ch, i) => ch !== utf8.text[i]).length;
      expect(differing).toBeLessThanOrEqual(5);
    });
  });
});

describe('prepareText: files it cannot use', () => {
  function rejection(bytes: Buffer, file: string): TextError {
    try {
      prepareText(bytes, file);
    } catch (e) {
      if (e instanceof TextError) return e;
      throw e;
    }
    throw new Error(`prepareText accepted ${file}`);
  }

  it.each<[string, Buffer, TextError['code'], string]>([
    [
      'an empty file',
      Buffer.alloc(0),
      'EMPTY_DOCUMENT',
      'import/empty.txt: the file is empty (0 bytes); put the article text in it and import it again',
    ],
    [
      'whitespace only',
      Buffer.from(' \r\n\u3000\n', 'utf8'),
      'EMPTY_DOCUMENT',
      'import/blank.txt: the file contains only whitespace',
    ],
    [
      'random bytes',
      Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256)),
      'BINARY_FILE',
      'import/blob.bin: the file looks binary',
    ],
    [
      'Latin-only text',
      Buffer.from('The party-building article was exported in English only.\n', 'utf8'),
      'NO_CHINESE_TEXT',
      'import/english.txt: the text (read as utf-8) contains no Chinese characters',
    ],
    [
      'Latin-1 text',
      iconv.encode('Texte français déjà écrit à Noël, très abîmé.', 'latin1'),
      'UNKNOWN_ENCODING',
      'import/latin1.txt: the bytes are not UTF-8, UTF-16, GB18030 or Big5 (detected ISO-8859-1)',
    ],
    [
      'nothing but furniture',
      Buffer.from('扫码阅读手机版\n分享：\n【打印本页】【关闭窗口】\n', 'utf8'),
      'EMPTY_DOCUMENT',
      'import/furniture.txt: nothing but page furniture',
    ],
  ])('%s', (_what, bytes, code, message) => {
    const file = message.slice(0, message.indexOf(':'));
    const e = rejection(bytes, file);
    expect(e).toBeInstanceOf(TextError);
    expect(e.code).toBe(code);
    expect(e.file).toBe(file);
    expect(e.message.startsWith(message)).toBe(true);
    expect(e.message).toMatch(/; [^;]+$/); // ends with what to do
  });
});
