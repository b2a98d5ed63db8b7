/**
 * Word files (.docx) by mammoth: its HTML keeps headings, paragraphs and tables, which become
 * lines as in an HTML page; the first heading is the title. Internal to the format stage.
 */
import mammoth from 'mammoth';
import { parseHTML } from 'linkedom';
import { TextError } from '../errors';
import { domLines, type DomNode } from './domText';
import type { FormatInput, FormatReader, FormattedText } from './types';

export async function readDocx(input: FormatInput): Promise<FormattedText> {
  let html: string;
  try {
    const buffer = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
    html = (await mammoth.convertToHtml({ buffer })).value;
  } catch (error) {
    throw new TextError(
      'BAD_FORMAT',
      input.file,
      `not a readable Word .docx file (${error instanceof Error ? error.message : String(error)})`,
      'open it in Word or LibreOffice and save it as .docx again (old .doc files are not read)',
    );
  }
  const { document } = parseHTML(`<html><body>${html}</body></html>`);
  const heading = document.querySelector('h1, h2, h3');
  const title = heading?.textContent?.replace(/\s+/g, ' ').trim();
  return {
    format: 'DOCX',
    text: domLines(document.body as unknown as DomNode).join('\n'),
    encoding: 'utf-8',
    ...(title ? { title } : {}),
  };
}

export const docx: FormatReader = {
  format: 'DOCX',
  extensions: ['.docx'],
  mediaTypes: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  read: readDocx,
};
