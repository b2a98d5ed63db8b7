/**
 * Markdown (.md) by markdown-it's parser: the text of headings, paragraphs, list items, table
 * rows, quotes and code, without the markup (links keep their text, images their alt text);
 * the first heading is the title. Internal to the format stage.
 */
import MarkdownIt from 'markdown-it';
import { parseHTML } from 'linkedom';
import { decodeBytes } from '../decode';
import { joinLines } from './joinLines';
import type { FormatInput, FormatReader, FormattedText } from './types';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

const parser = new MarkdownIt({ html: true, linkify: false });

const htmlText = (html: string): string =>
  parseHTML(`<html><body>${html}</body></html>`).document.body?.textContent ?? '';

/** The plain text of an inline token's children; a soft break joins as a reader would. */
function inlineText(token: Token): string[] {
  const lines: string[] = [''];
  for (const child of token.children ?? []) {
    const last = lines.length - 1;
    switch (child.type) {
      case 'text':
      case 'code_inline':
        lines[last] += child.content;
        break;
      case 'image':
        lines[last] += child.content; // the alt text
        break;
      case 'html_inline':
        if (/^<br\s*\/?>$/i.test(child.content)) lines.push('\u0000'); // a tag: only <br> means anything here
        break;
      case 'softbreak':
        lines.push('');
        break;
      case 'hardbreak':
        lines.push('\u0000');
        break;
      default:
        break; // link_open/close, em, strong …: markup only
    }
  }
  // Soft breaks join (a wrapped line), hard breaks stay line breaks.
  const out: string[] = [];
  for (const l of lines) {
    if (l.startsWith('\u0000')) out.push(l.slice(1));
    else if (out.length === 0) out.push(l);
    else out[out.length - 1] = joinLines(out[out.length - 1] as string, l);
  }
  return out;
}

export function readMarkdown(input: FormatInput): FormattedText {
  const { text: source, encoding } = decodeBytes(input.bytes, input.file);
  const tokens = parser.parse(source, {});
  const lines: string[] = [];
  let row: string[] | null = null;
  let title: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.type === 'tr_open') row = [];
    else if (t.type === 'tr_close') {
      if (row && row.some((c) => c !== '')) lines.push(row.join(' '));
      row = null;
    } else if (t.type === 'inline') {
      const text = inlineText(t);
      if (row) row.push(text.join(' ').trim());
      else lines.push(...text);
      if (title === undefined && tokens[i - 1]?.type === 'heading_open') title = text.join(' ').trim();
    } else if (t.type === 'fence' || t.type === 'code_block') lines.push(...t.content.split('\n'));
    else if (t.type === 'html_block') lines.push(...htmlText(t.content).split('\n'));
  }
  return {
    format: 'MARKDOWN',
    text: lines
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .join('\n'),
    encoding,
    ...(title ? { title } : {}),
  };
}

export const markdown: FormatReader = {
  format: 'MARKDOWN',
  extensions: ['.md', '.markdown'],
  mediaTypes: ['text/markdown', 'text/x-markdown'],
  read: readMarkdown,
};
