/**
 * A DOM subtree → the lines a reader sees: one line per paragraph, heading, list item and
 * table row, `<br>` as a line break. Internal to the format stage (HTML and DOCX).
 *
 * Written here because Readability's `textContent` drops the paragraph breaks the segmenter
 * needs, and html-to-text would bring a second HTML parser for a thirty-line walk.
 */

/** The little of the DOM the walk needs (linkedom's nodes have it). */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'SVG',
  'CANVAS',
  'OBJECT',
  'HEAD',
]);
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'CAPTION',
  'CENTER',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TBODY',
  'THEAD',
  'TFOOT',
  'TR',
  'UL',
]);
const CELLS = new Set(['TD', 'TH']);
// A cell with more text than this is page layout (an old portal puts the whole article in one
// <td>), not a data cell: its paragraphs and <br>s stay lines.
const MAX_DATA_CELL = 100;

/** The lines of `root`'s text, trimmed, empty ones dropped; a table row is one line, its cells spaced. */
export function domLines(root: DomNode): string[] {
  const out: string[] = [];
  let line = '';
  let inCell = 0;
  const flush = () => {
    // Paragraphs inside a table cell (Word puts every cell's text in one) stay on the row's line.
    if (inCell > 0) {
      line += ' ';
      return;
    }
    const t = line.replace(/[ \t\u00a0\u3000]+/g, ' ').trim();
    if (t !== '') out.push(t);
    line = '';
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      // Source line breaks inside a paragraph are layout, not text.
      line += (node.textContent ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeName.toUpperCase();
    if (SKIPPED.has(tag)) return;
    if (tag === 'BR') return flush();
    const cell = CELLS.has(tag) && (node.textContent ?? '').trim().length <= MAX_DATA_CELL;
    const block = BLOCKS.has(tag) || (CELLS.has(tag) && !cell);
    if (block) flush();
    if (cell) inCell += 1;
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i] as DomNode);
    if (cell) {
      inCell -= 1;
      line += ' ';
    }
    if (block) flush();
  };
  walk(root);
  flush();
  return out;
}
