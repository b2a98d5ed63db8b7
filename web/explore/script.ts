/**
 * Traditional → simplified for what is typed in the search box: names are stored in simplified
 * script, so 領頭羊 is searched as 领头羊. OpenCC's Hong Kong and Taiwan tables, as the importer
 * uses (src/text/script.ts); simplified text passes unchanged.
 */
import { Converter } from 'opencc-js/t2cn';

const fromHk = Converter({ from: 'hk', to: 'cn' });
const fromTw = Converter({ from: 'tw', to: 'cn' });

export function simplify(text: string): string {
  return fromTw(fromHk(text));
}
