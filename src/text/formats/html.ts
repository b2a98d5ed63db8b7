/**
 * HTML pages (saved or fetched): the article body by Mozilla's Readability over linkedom,
 * else the body without scripts, navigation and footers; headline, day and outlet from the
 * page's metadata. Internal to the format stage.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { HAN } from '../chars';
import { dayOf } from './dates';
import { domLines, type DomNode } from './domText';
import { decodeHtml } from './htmlCharset';
import type { FormatInput, FormatReader, FormattedText } from './types';

type Doc = ReturnType<typeof parseHTML>['document'];

/** `<meta name|property=…>` content of the first of `names` (in that order of priority) the page has. */
function meta(document: Doc, ...names: string[]): string | undefined {
  const found = new Map<string, string>();
  for (const el of document.querySelectorAll('meta')) {
    const name = (el.getAttribute('name') ?? el.getAttribute('property') ?? '').toLowerCase();
    const content = el.getAttribute('content')?.trim();
    if (content && !found.has(name)) found.set(name, content);
  }
  for (const name of names) {
    const content = found.get(name.toLowerCase());
    if (content) return content;
  }
  return undefined;
}

const clean = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

// A <title> is `headline_column_site` or `headline - site`: the headline is the part an <h1>
// repeats, else the first part (`上海市奉贤区：新就业群体当上了“街区书记”_党建要闻_河北新闻网`).
function titleOfTitleTag(document: Doc): string | undefined {
  const title = clean(document.querySelector('title')?.textContent);
  if (title === '') return undefined;
  const parts = title.split(/\s*[_|｜]\s*|\s+[-–—]{1,2}\s+/).filter((p) => p !== '');
  const headings = [...document.querySelectorAll('h1, h2')].map((h) => clean(h.textContent));
  return parts.find((p) => headings.includes(p)) ?? parts[0] ?? title;
}

/** Headline, day and outlet: government metadata tags, then Open Graph, then `<title>`. */
export function readHtmlMeta(document: Doc): Pick<FormattedText, 'title' | 'publishedAt' | 'source'> {
  const title = meta(document, 'ArticleTitle', 'og:title', 'twitter:title') ?? titleOfTitleTag(document);
  const publishedAt = dayOf(
    meta(document, 'PubDate', 'publishdate', 'article:published_time', 'og:release_date', 'dc.date'),
  );
  const source = meta(document, 'ContentSource', 'source', 'SiteName', 'og:site_name', 'Author');
  return {
    ...(title ? { title: clean(title) } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    ...(source ? { source: clean(source) } : {}),
  };
}

const FURNITURE =
  'script, style, noscript, template, iframe, nav, header, footer, aside, form, button, select';

/** The body's lines once scripts, navigation, headers, footers and forms are removed. */
function bodyLines(document: Doc): string[] {
  for (const el of [...document.querySelectorAll(FURNITURE)]) el.remove();
  return document.body ? domLines(document.body as unknown as DomNode) : [];
}

/** The article's lines by Readability, or null when it finds no article with Chinese text. */
function readabilityLines(html: string): string[] | null {
  const { document } = parseHTML(html);
  // Readability is typed against the browser DOM; linkedom implements the part it uses.
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
    charThreshold: 100,
  }).parse();
  if (!article?.content) return null;
  const content = parseHTML(`<!DOCTYPE html><html><body>${article.content}</body></html>`).document;
  const lines = domLines(content.body as unknown as DomNode);
  return lines.some((l) => HAN.test(l)) ? lines : null;
}

/**
 * Reads an HTML page. The headline and a dateline (`2026-03-18 来源：中国志愿`) built from the
 * metadata open the text when the body does not start with them, as in a plain-text copy of
 * the article, so the text stage and the extractor see the header a reader sees.
 */
export function readHtml(input: FormatInput): FormattedText {
  const { text: html, encoding } = decodeHtml(input.bytes, input.file, input.contentType);
  const { document } = parseHTML(html);
  const info = readHtmlMeta(document);
  const lines = readabilityLines(html) ?? bodyLines(document);
  const head = lines.slice(0, 3).join('\n');
  const header: string[] = [];
  if (info.title && !head.includes(info.title)) header.push(info.title);
  if (info.publishedAt && !/\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}/.test(head)) {
    header.push(`${info.publishedAt}${info.source ? ` 来源：${info.source}` : ''}`);
  }
  return {
    format: 'HTML',
    text: [...header, ...lines].join('\n'),
    encoding,
    ...info,
    ...(input.url ? { url: input.url } : {}),
  };
}

export const html: FormatReader = {
  format: 'HTML',
  extensions: ['.html', '.htm', '.shtml', '.xhtml'],
  mediaTypes: ['text/html', 'application/xhtml+xml'],
  read: readHtml,
};
