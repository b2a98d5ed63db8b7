/** Plain text (.txt): decoded as it always was (`decodeBytes`). Internal to the format stage. */
import { decodeBytes } from '../decode';
import type { FormatInput, FormatReader, FormattedText } from './types';

export function readTxt(input: FormatInput): FormattedText {
  const { text, encoding } = decodeBytes(input.bytes, input.file);
  return { format: 'TXT', text, encoding };
}

export const txt: FormatReader = {
  format: 'TXT',
  extensions: ['.txt', '.text'],
  mediaTypes: ['text/plain'],
  read: readTxt,
};
