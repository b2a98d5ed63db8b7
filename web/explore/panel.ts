/**
 * The side panel: the selected node's properties, its metrics as a sortable table, and the
 * evidence of a node or an edge (sentences with their documents). Builds DOM from data with
 * textContent only: nothing from the API is parsed as HTML.
 */
import type { Entity, Mention, Metric } from './api';
import { EDGE_LABEL, KIND_LABEL, type GEdge, type GraphModel } from './model';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string | null,
  className?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = text;
  if (className) e.className = className;
  return e;
}

const LEVEL: Record<string, string> = {
  PROVINCE: '省级',
  CITY: '市级',
  COUNTY: '县级',
  TOWNSHIP: '乡镇',
  VILLAGE: '村',
  COMMUNITY: '社区',
  OTHER: '其他',
};

/** The properties of an entity as a two-column table. */
export function showEntity(panel: HTMLElement, e: Entity): void {
  panel.replaceChildren();
  const head = el('h2', e.name);
  head.append(el('span', KIND_LABEL[e.__typename], `badge kind-${e.__typename}`));
  panel.append(head);
  const props: Array<[string, string]> = [['ID', e.id]];
  if (e.level) props.push(['级别', LEVEL[e.level] ?? e.level]);
  if (e.kind) props.push(['类型', e.kind]);
  if (e.code) props.push(['区划代码', e.code]);
  if (e.aliases?.length) props.push(['别名', e.aliases.join('、')]);
  props.push(['文档数', String(e.documents.length)]);
  const table = el('table', undefined, 'props');
  for (const [k, v] of props) {
    const tr = el('tr');
    tr.append(el('th', k), el('td', v));
    table.append(tr);
  }
  panel.append(table);
  // The API gives at most 100 metrics per entity here (metrics(placeId:) pages through the rest).
  if (e.metrics?.length)
    panel.append(
      el('h3', e.metrics.length >= 100 ? `指标（前 ${e.metrics.length} 条）` : `指标 (${e.metrics.length})`),
      metricsTable(e.metrics),
    );
  panel.append(el('h3', '证据', 'evidence-title'));
  const evidence = el('div', undefined, 'evidence');
  const mentions = [...(e.mentions ?? [])];
  for (const p of e.positions ?? []) if (p.mention) mentions.push(p.mention);
  if (mentions.length) evidence.append(sentenceList(mentions, []));
  evidence.append(documentList(e.documents.map((d) => [d.id, d.title])));
  panel.append(evidence);
}

type Column = { key: string; label: string; get: (m: Metric) => string | number };
const COLUMNS: Column[] = [
  { key: 'value', label: '数值', get: (m) => m.value },
  { key: 'unit', label: '单位', get: (m) => m.unit },
  { key: 'subject', label: '统计对象', get: (m) => m.subject ?? '' },
  { key: 'year', label: '年份', get: (m) => m.year ?? '' },
  { key: 'quote', label: '出处', get: (m) => m.mention.quote },
];

/** Metrics with one row each; a click on a column header sorts by it (again: reversed). */
export function metricsTable(metrics: Metric[]): HTMLTableElement {
  const table = el('table', undefined, 'metrics');
  const thead = el('thead');
  const tbody = el('tbody');
  let sortKey = '';
  let dir = 1;
  const render = () => {
    const col = COLUMNS.find((c) => c.key === sortKey);
    const rows = col
      ? [...metrics].sort((a, b) => {
          const x = col.get(a);
          const y = col.get(b);
          const c =
            typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh');
          return c * dir;
        })
      : metrics;
    tbody.replaceChildren(
      ...rows.map((m) => {
        const tr = el('tr');
        tr.append(
          el('td', (m.approximate ? '约' : '') + m.value.toLocaleString('zh-CN'), 'num'),
          el('td', m.unit),
          el('td', m.subject ?? '—'),
          el('td', m.year === null ? '—' : String(m.year)),
        );
        const src = el('td', undefined, 'quote');
        src.append(el('span', m.mention.quote), el('cite', m.mention.document.title ?? ''));
        tr.append(src);
        return tr;
      }),
    );
    for (const th of thead.querySelectorAll('th'))
      th.setAttribute(
        'aria-sort',
        th.dataset.key === sortKey ? (dir > 0 ? 'ascending' : 'descending') : 'none',
      );
  };
  const tr = el('tr');
  for (const c of COLUMNS) {
    const th = el('th', c.label);
    th.dataset.key = c.key;
    th.addEventListener('click', () => {
      dir = sortKey === c.key ? -dir : 1;
      sortKey = c.key;
      render();
    });
    tr.append(th);
  }
  thead.append(tr);
  table.append(thead, tbody);
  render();
  return table;
}

/** Sentences, each with its document's title; `names` are marked where they occur. */
function sentenceList(mentions: Mention[], names: string[]): HTMLElement {
  const ul = el('ul', undefined, 'sentences');
  for (const m of mentions) {
    const li = el('li', undefined, 'sentence');
    const q = el('q');
    let rest = m.quote;
    const hit = names.filter((n) => n && rest.includes(n));
    if (hit.length) {
      const re = new RegExp(`(${hit.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);
      for (const part of rest.split(re)) q.append(hit.includes(part) ? el('mark', part) : part);
      rest = '';
    } else q.textContent = rest;
    li.append(q, el('cite', m.document.title ?? m.document.id));
    ul.append(li);
  }
  return ul;
}

function documentList(docs: Array<[string, string]>): HTMLElement {
  const box = el('div', undefined, 'documents');
  box.append(el('h4', `文档 (${docs.length})`));
  const ul = el('ul');
  for (const [id, title] of docs) {
    const li = el('li', title);
    li.title = id;
    ul.append(li);
  }
  box.append(ul);
  return box;
}

/**
 * An edge's evidence: the documents naming both ends and, where an end is a program or a
 * person, its sentences in those documents (the other end's name marked where it occurs).
 */
export function showEdge(panel: HTMLElement, model: GraphModel, edge: GEdge, mentions: Mention[]): void {
  panel.replaceChildren();
  const a = model.nodes.get(edge.source);
  const b = model.nodes.get(edge.target);
  const head = el('h2', `${a?.name ?? edge.source} → ${b?.name ?? edge.target}`);
  head.append(el('span', EDGE_LABEL[edge.type] + (edge.title ? `（${edge.title}）` : ''), 'badge'));
  panel.append(head);
  panel.append(
    el(
      'p',
      edge.type === 'RELATED_TO'
        ? `两个项目共同出现在 ${edge.docs.length} 篇文档中。`
        : `同时提到两端的文档：${edge.docs.length} 篇（线宽）。`,
      'note',
    ),
  );
  const shared = new Set(edge.docs);
  const names = [a?.name ?? '', b?.name ?? ''].flatMap(shortForms);
  // Sentences naming both ends first: they state the link; the others only share a document.
  const both = (q: string) => names.filter((n) => q.includes(n)).length;
  const inShared = mentions
    .filter((m) => shared.has(m.document.id))
    .sort((x, y) => both(y.quote) - both(x.quote));
  panel.append(el('h3', '证据', 'evidence-title'));
  const evidence = el('div', undefined, 'evidence');
  if (inShared.length) evidence.append(sentenceList(inShared, names));
  evidence.append(documentList(edge.docs.map((d) => [d, model.title(d)])));
  panel.append(evidence);
}

export function showMessage(panel: HTMLElement, text: string): void {
  panel.replaceChildren(el('p', text, 'note'));
}

// 廊坊市 is often written 廊坊, 领头羊工程 as 领头羊: mark the short form too.
function shortForms(name: string): string[] {
  const short = name.replace(/(省|市|县|区|镇|乡|村|社区|街道|工程)$/, '');
  return short.length >= 2 && short !== name ? [name, short] : [name];
}
