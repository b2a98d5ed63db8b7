/**
 * The format stage on realistic files made by test/fixtures/formats.ts: what each file states
 * (headline, day, outlet, body, table) comes out, the page furniture does not, and a development
 * article read from any format yields the same programs, places and metrics as its plain text.
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import PDFDocument from 'pdfkit';
import { extractFile } from '../../importer/pipeline';
import { TextError } from '../errors';
import { prepareDocument } from '../prepare';
import {
  cjkFont,
  govPage,
  markdownFile,
  oldPortalPage,
  pdfFile,
  wordFile,
  type ArticleParts,
} from '../../../test/fixtures/formats';

// Written for these tests (not from a corpus): a short report with numbers and a table.
const REPORT: ArticleParts = {
  title: '廊坊市安次区推行“红色网格”治理模式',
  date: '2023-05-16',
  source: '河北日报',
  paragraphs: [
    '今年以来，廊坊市安次区坚持党建引领基层治理，在全区推行“红色网格”治理模式，把党组织建在网格上，让党员干部沉到网格里，推动服务资源向基层一线下沉，打通联系服务群众的“最后一米”。',
    '截至目前，全区共划分网格326个，配备专职网格员412名，建立网格党支部58个，化解矛盾纠纷1200余件。',
    '安次区委组织部负责同志介绍，下一步将持续深化“红色网格”建设，完善网格员队伍管理、考核和激励机制。',
  ],
  table: [
    ['街道', '网格数', '网格员'],
    ['银河南路街道', '86', '102'],
    ['光明西道街道', '74', '91'],
  ],
};
const TABLE_LINES = ['街道 网格数 网格员', '银河南路街道 86 102', '光明西道街道 74 91'];
const FURNITURE = [
  '首页',
  '您的位置',
  '分享到',
  '微信',
  '责任编辑',
  '相关新闻',
  '热点排行',
  '石家庄',
  '唐山',
  'Copyright',
  'ICP',
];

const font = cjkFont();
const noFont =
  'no font with Chinese glyphs (fc-list :lang=zh-cn is empty; apt-get install fonts-wqy-microhei)';

async function prepared(file: string, bytes: Buffer | string) {
  return prepareDocument({ bytes: typeof bytes === 'string' ? Buffer.from(bytes) : bytes, file });
}

describe('HTML', () => {
  test.each(['utf-8', 'gbk'] as const)(
    'a %s government news page: metadata, body and table, no navigation, share bar, related news or footer',
    async (charset) => {
      const doc = await prepared('article.shtml', govPage(REPORT, charset));
      expect(doc.format).toBe('HTML');
      expect(doc.encoding).toBe(charset === 'gbk' ? 'gb18030' : 'utf-8');
      expect(doc.stated).toEqual({ title: REPORT.title, publishedAt: '2023-05-16', source: '河北日报' });
      const lines = doc.text.split('\n');
      expect(lines[0]).toBe(REPORT.title);
      expect(lines[1]).toBe('2023-05-16 来源：河北日报');
      for (const p of REPORT.paragraphs) expect(lines).toContain(p);
      for (const row of TABLE_LINES) expect(lines).toContain(row);
      for (const f of FURNITURE) expect(doc.text).not.toContain(f);
      // Offsets point into the text the format returned.
      const at = doc.text.indexOf('网格党支部58个');
      const raw = doc.toRawRange(at, at + '网格党支部58个'.length);
      expect(doc.raw.slice(raw.start, raw.end)).toBe('网格党支部58个');
    },
  );

  test('an older GBK portal page: table layout, <br> paragraphs, print/close links and site footer left out', async () => {
    const doc = await prepared('gzdt_1024.htm', oldPortalPage(REPORT));
    expect(doc.encoding).toBe('gb18030');
    expect(doc.stated).toEqual({ title: REPORT.title, publishedAt: '2023-05-16', source: '河北日报' });
    const lines = doc.text.split('\n');
    for (const p of REPORT.paragraphs) expect(lines).toContain(p);
    for (const f of [
      '网站首页',
      '当前位置',
      '打印本页',
      '关闭窗口',
      '浏览次数',
      '网站地图',
      '主办单位',
      'ICP',
    ]) {
      expect(doc.text).not.toContain(f);
    }
  });

  test('a page without government tags: Open Graph, else <title> with its column and site cut', async () => {
    const og = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>x</title>
<meta property="og:title" content="${REPORT.title}"><meta property="og:site_name" content="长城网">
<meta property="article:published_time" content="2023-05-17T08:00:00+08:00"></head>
<body><article>${REPORT.paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    expect((await prepared('og.html', og)).stated).toEqual({
      title: REPORT.title,
      publishedAt: '2023-05-17',
      source: '长城网',
    });
    // Government tags win over Open Graph wherever they stand in the <head>.
    const both = og
      .replace('<title>x</title>', '<title>x</title><meta name="PubDate" content="2023-05-18">')
      .replace(
        '</head>',
        `<meta name="ArticleTitle" content="${REPORT.title}（图）"><meta name="ContentSource" content="廊坊日报"></head>`,
      );
    expect((await prepared('both.html', both)).stated).toEqual({
      title: `${REPORT.title}（图）`,
      publishedAt: '2023-05-18',
      source: '廊坊日报',
    });
    const plain = `<html><head><meta charset="utf-8"><title>${REPORT.title}_党建要闻_河北新闻网</title></head>
<body><div>${REPORT.paragraphs.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`;
    expect((await prepared('plain.htm', plain)).stated).toEqual({ title: REPORT.title });
  });

  test('a page whose <meta> says gb2312 but whose bytes are UTF-8 is read as UTF-8', async () => {
    const page = govPage(REPORT, 'utf-8').toString('utf8').replace('charset=utf-8', 'charset=gb2312');
    const doc = await prepared('lying.html', page);
    expect(doc.encoding).toBe('utf-8');
    expect(doc.stated.title).toBe(REPORT.title);
    // And a GBK page served as charset=utf-8 is read by its <meta> (see the URL tests for the header).
    const gbk = iconv.encode(page.replace('charset=gb2312', 'charset=gbk'), 'gbk');
    const again = await prepareDocument({
      bytes: gbk,
      file: 'x.html',
      contentType: 'text/html; charset=utf-8',
    });
    expect(again.encoding).toBe('gb18030');
    expect(again.text).toContain(REPORT.paragraphs[1]);
  });

  test('an extensionless file that is clearly HTML is read as HTML', async () => {
    expect((await prepared('saved-page', govPage(REPORT))).format).toBe('HTML');
  });
});

test('Word: the first heading is the title; paragraphs, the second heading and the table rows are lines', async () => {
  const doc = await prepared('report.docx', await wordFile(REPORT));
  expect(doc.format).toBe('DOCX');
  expect(doc.stated).toEqual({ title: REPORT.title });
  const lines = doc.text.split('\n');
  expect(lines.slice(0, 2)).toEqual([REPORT.title, '2023-05-16 来源：河北日报']);
  for (const p of REPORT.paragraphs) expect(lines).toContain(p);
  expect(lines).toContain('各街道网格情况');
  for (const row of TABLE_LINES) expect(lines).toContain(row);
});

test('Markdown: markup removed (links keep their text, the table its cells), the first heading is the title', async () => {
  const md = markdownFile(REPORT)
    .replace('化解矛盾纠纷', '化解矛盾纠纷<br>')
    .replace('网格员412名，', '网格员412名，\n');
  expect(md).toContain('[廊坊市](https://example.org/place)');
  const doc = await prepared('report.md', md);
  expect(doc.format).toBe('MARKDOWN');
  expect(doc.stated).toEqual({ title: REPORT.title });
  const lines = doc.text.split('\n');
  expect(lines.slice(0, 2)).toEqual([REPORT.title, '2023-05-16 来源：河北日报']);
  const [p1, p2 = '', p3] = REPORT.paragraphs;
  expect(lines).toContain(p1);
  expect(lines).toContain(p3);
  // A wrapped line joins back; <br> breaks the line.
  const [before, after] = p2.split('化解矛盾纠纷');
  expect(lines).toContain(`${before}化解矛盾纠纷`);
  expect(lines).toContain(after);
  for (const row of TABLE_LINES) expect(lines).toContain(row);
  expect(doc.text).not.toMatch(/[#*|[\]]|https?:|<br>/);
});

describe('PDF', () => {
  if (!font) {
    test.skip(`(skipped: ${noFont})`, () => undefined);
    console.log(`PDF tests skipped: ${noFont}`);
    return;
  }
  const cjk = font;
  // Long enough for two pages: the report's paragraphs several times, numbered.
  const long: ArticleParts = {
    ...REPORT,
    table: undefined,
    paragraphs: Array.from({ length: 7 }, (_, i) => REPORT.paragraphs.map((p) => `（${i + 1}）${p}`)).flat(),
  };

  test('two pages: running header and page numbers dropped, wrapped lines joined, Title as title', async () => {
    const bytes = await pdfFile(long, cjk);
    const doc = await prepared('briefing.pdf', bytes);
    expect(doc.format).toBe('PDF');
    expect(doc.stated).toEqual({ title: REPORT.title });
    const lines = doc.text.split('\n');
    expect(lines.slice(0, 2)).toEqual([REPORT.title, '2023-05-16 来源：河北日报']);
    // Every paragraph whole on one line, including the one that crosses the page break.
    for (const p of long.paragraphs) expect(lines).toContain(p);
    expect(doc.text).not.toContain('党建工作简报');
    expect(doc.text).not.toMatch(/第\s*\d+\s*页/);
  });

  test('a scanned PDF (no text layer) is refused with NO_TEXT_LAYER', async () => {
    const pdf = new PDFDocument();
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<Buffer>((r) => pdf.on('end', () => r(Buffer.concat(chunks))));
    pdf.rect(100, 100, 300, 400).fill('#888'); // an "image" of a page: no text operators
    pdf.end();
    const error = await prepared('scan.pdf', await done).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TextError);
    expect(error).toMatchObject({ code: 'NO_TEXT_LAYER' });
    expect((error as Error).message).toContain('scan.pdf: NO_TEXT_LAYER: scanned PDF, run OCR first');
  });
});

test('an explicitly unsupported type is an UNSUPPORTED_FORMAT error', async () => {
  const error = await prepared('table.xlsx', Buffer.from('PK\x03\x04')).catch((e: unknown) => e);
  expect(error).toMatchObject({ code: 'UNSUPPORTED_FORMAT' });
  expect((error as Error).message).toMatch(/^table\.xlsx: \.xlsx files are not articles/);
});

// ---- the same article in every format extracts the same facts as its plain text ----------

const DEV = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus-dev');
const DEV_ARTICLE = path.join(DEV, 'd29_hebei_wanrenpeixun.txt');

describe('a development article in every format', () => {
  if (!fs.existsSync(DEV_ARTICLE)) {
    test.skip(`(skipped: ${DEV_ARTICLE} is absent)`, () => undefined);
    console.log(`format equivalence skipped: ${DEV_ARTICLE} is absent`);
    return;
  }
  const plainBytes = fs.readFileSync(DEV_ARTICLE);

  type Facts = { programs: string[]; places: string[]; metrics: string[] };
  async function facts(file: string, bytes: Buffer): Promise<Facts & { title: string; date: string | null }> {
    const out = await extractFile({ file, bytes });
    if (!out.ok) throw new Error(out.message);
    const g = out.graph;
    return {
      title: g.document.title,
      date: g.document.publishedAt,
      programs: g.programs.map((p) => p.name).sort(),
      places: g.places.map((p) => `${p.name}/${p.level}`).sort(),
      metrics: g.metrics
        .map((m) => `${m.text}=${m.value}${m.unit} ${m.subject ?? ''} ${m.year ?? ''}`)
        .sort(),
    };
  }

  /**
   * The article's parts as its plain text states them: the line the extractor reads as its headline
   * (a page may open with a 原标题 line before it), and the others its body.
   */
  function parts(headline: string): ArticleParts {
    const lines = plainBytes
      .toString('utf8')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '');
    const at = Math.max(
      0,
      lines.findIndex((l) => l.startsWith(headline)),
    );
    const title = headline;
    return { title, paragraphs: lines.filter((_, i) => i !== at) };
  }

  test('HTML (UTF-8 and GBK), Word, Markdown and PDF give the plain text’s programs, places and metrics', async () => {
    const plain = await facts('plain.txt', plainBytes);
    expect(plain.programs.length + plain.places.length + plain.metrics.length).toBeGreaterThan(10);
    const a = parts(plain.title);
    const files: Array<[string, Buffer]> = [
      ['page.html', govPage(a)],
      ['page-gbk.html', govPage(a, 'gbk')],
      ['article.docx', await wordFile(a)],
      ['article.md', Buffer.from(markdownFile(a))],
    ];
    if (font) files.push(['article.pdf', await pdfFile(a, font)]);
    else console.log(`PDF left out: ${noFont}`);
    for (const [file, bytes] of files) {
      const got = await facts(file, bytes);
      expect({
        file,
        title: got.title,
        programs: got.programs,
        places: got.places,
        metrics: got.metrics,
      }).toEqual({
        file,
        title: plain.title,
        programs: plain.programs,
        places: plain.places,
        metrics: plain.metrics,
      });
    }
  });
});
