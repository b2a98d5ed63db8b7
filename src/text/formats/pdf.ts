/**
 * PDF files by PDF.js (through unpdf): the text layer of every page as lines by position,
 * running headers and footers and page numbers dropped, lines broken inside a paragraph
 * joined back, the document's Title as title. A PDF without a text layer (a scan) is an
 * error naming OCR. Internal to the format stage.
 *
 * Written here (the layout part): PDF.js gives positioned text runs; which lines are page
 * furniture and where a paragraph ends is read from their positions, and no library does that.
 */
import path from 'node:path';
import { definePDFJSModule, extractTextItems, getDocumentProxy, getMeta } from 'unpdf';
import { TextError } from '../errors';
import { joinLines } from './joinLines';
import type { FormatInput, FormatReader, FormattedText } from './types';

interface Line {
  text: string;
  x: number;
  xEnd: number;
  y: number;
  size: number;
}

let pdfjsReady: Promise<void> | undefined;

// unpdf loads its PDF.js bundle (an ES module) with import(), which jest's CommonJS runtime
// cannot run; require() loads it natively on Node ≥ 20.19 and through a transform in jest.
function loadPdfjs(): Promise<void> {
  const bundle = path.join(path.dirname(require.resolve('unpdf')), 'pdfjs.mjs');

  return (pdfjsReady ??= definePDFJSModule(() => Promise.resolve(require(bundle))));
}

/** Positioned runs of one page → lines, top to bottom, runs of a line left to right. */
function pageLines(
  items: ReadonlyArray<{
    str: string;
    x: number;
    y: number;
    width: number;
    height: number;
    fontSize: number;
  }>,
): Line[] {
  const lines: Line[] = [];
  const runs = items.filter((i) => i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  for (const run of runs) {
    const size = run.fontSize || run.height || 10;
    const line = lines.find((l) => Math.abs(l.y - run.y) < size * 0.5);
    if (!line) {
      lines.push({ text: run.str, x: run.x, xEnd: run.x + run.width, y: run.y, size });
      continue;
    }
    // A wide gap between runs is a word space in Latin text, nothing between Chinese characters.
    line.text = run.x - line.xEnd > size * 0.6 ? joinLines(line.text, run.str) : line.text + run.str;
    line.x = Math.min(line.x, run.x);
    line.xEnd = Math.max(line.xEnd, run.x + run.width);
  }
  return lines.sort((a, b) => b.y - a.y);
}

const PAGE_NUMBER =
  /^(?:第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|[-—–]\s*\d+\s*[-—–]|\d+(?:\s*\/\s*\d+)?|(?:page|p\.)\s*\d+(?:\s*of\s*\d+)?)$/i;
// How many lines at the top and at the bottom of a page may be running headers or footers.
const EDGE = 2;

const furnitureKey = (text: string) => text.replace(/\d+/g, '#').replace(/\s+/g, '');

/** Drops page numbers and lines repeated at the same edge of at least half the pages (two or more). */
function dropRunningLines(pages: Line[][]): Line[][] {
  const edge = (lines: Line[]) => [...lines.slice(0, EDGE), ...lines.slice(-EDGE)];
  const seen = new Map<string, number>();
  for (const lines of pages) {
    for (const key of new Set(edge(lines).map((l) => furnitureKey(l.text))))
      seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const running = (l: Line) => {
    const n = seen.get(furnitureKey(l.text)) ?? 0;
    return n >= 2 && n >= pages.length / 2;
  };
  return pages.map((lines) => {
    const atEdge = new Set(edge(lines));
    return lines.filter((l) => !(atEdge.has(l) && (PAGE_NUMBER.test(l.text.trim()) || running(l))));
  });
}

/**
 * Lines → paragraphs: a line continues the previous one unless the previous ended short of the
 * right margin, this one is indented, or a blank gap lies between them.
 */
function paragraphs(pages: Line[][]): string[] {
  const all = pages.flat();
  if (all.length === 0) return [];
  const lefts = all.map((l) => Math.round(l.x)).sort((a, b) => a - b);
  const left = lefts[0] as number;
  const right = Math.max(...all.map((l) => l.xEnd));
  // A line wrapped at the margin ends within a character or two of it (a closing quote is not
  // left alone at the start of the next line, so the break may come early), and not on 。！？.
  const endsFull = (l: Line) =>
    l.xEnd >= right - l.size * 1.5 ||
    (l.xEnd >= right - l.size * 4 && !/[。！？；：]["”’」』)）]?$/.test(l.text));
  // The body's type size: the most common one. A larger size is a heading, which wraps centred.
  const sizes = new Map<number, number>();
  for (const l of all) sizes.set(Math.round(l.size), (sizes.get(Math.round(l.size)) ?? 0) + l.text.length);
  const body = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 12;
  const sameHeading = (a: Line, b: Line) =>
    Math.round(a.size) === Math.round(b.size) && Math.round(a.size) > body;
  const out: string[] = [];
  // The last line of the previous page: a paragraph that fills it goes on on the next page.
  let carried: Line | undefined;
  for (const lines of pages) {
    let prev = carried;
    for (const line of lines) {
      const indented = line.x > left + line.size * 0.8;
      const gap = prev !== undefined && prev !== carried && prev.y - line.y > prev.size * 2;
      const continues =
        prev !== undefined &&
        !gap &&
        ((endsFull(prev) && !indented) || (prev !== carried && sameHeading(prev, line)));
      if (continues) out[out.length - 1] = joinLines(out[out.length - 1] as string, line.text);
      else out.push(line.text.trim());
      prev = line;
    }
    carried = prev;
  }
  return out;
}

export async function readPdf(input: FormatInput): Promise<FormattedText> {
  await loadPdfjs();
  const data = new Uint8Array(input.bytes); // PDF.js takes ownership of (detaches) its buffer
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(data, { isEvalSupported: false, verbosity: 0 });
  } catch (error) {
    throw new TextError(
      'BAD_FORMAT',
      input.file,
      `not a readable PDF (${error instanceof Error ? error.message : String(error)})`,
      'open it in a PDF reader and save or print it to PDF again',
    );
  }
  try {
    const { totalPages, items } = await extractTextItems(pdf);
    const pages = dropRunningLines(items.map(pageLines));
    const text = paragraphs(pages).join('\n');
    if (text.replace(/\s/g, '') === '') {
      throw new TextError(
        'NO_TEXT_LAYER',
        input.file,
        `NO_TEXT_LAYER: scanned PDF, run OCR first (none of its ${totalPages} page${totalPages === 1 ? '' : 's'} has a text layer)`,
        'make it searchable (e.g. with ocrmypdf) and import the result',
      );
    }
    const info = (await getMeta(pdf)).info as { Title?: unknown };
    const title = typeof info.Title === 'string' ? info.Title.trim() : '';
    return { format: 'PDF', text, encoding: 'utf-8', ...(title ? { title } : {}) };
  } finally {
    await pdf.destroy();
  }
}

export const pdf: FormatReader = {
  format: 'PDF',
  extensions: ['.pdf'],
  mediaTypes: ['application/pdf'],
  read: readPdf,
};
