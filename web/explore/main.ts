/**
 * The explorer at /explore: search (simplified or traditional), draw an entity's
 * neighbourhood, click a node to expand it and see its evidence, click an edge for the
 * sentences behind it. The URL (/explore?id=prg_…) names the entity drawn first.
 */
import './style.css';
import {
  fetchEntity,
  fetchMentions,
  kindOf,
  suggest,
  type Entity,
  type Mention,
  type Suggestion,
} from './api';
import { GraphModel } from './model';
import { showEdge, showEntity, showMessage } from './panel';
import { simplify } from './script';
import { createView, draw } from './view';
import { KIND_LABEL } from './model';

const input = document.getElementById('search') as HTMLInputElement;
const list = document.getElementById('suggestions') as HTMLUListElement;
const panel = document.getElementById('panel') as HTMLElement;
const status = document.getElementById('status') as HTMLElement;
const cy = createView(document.getElementById('graph') as HTMLElement);

let model = new GraphModel();
const entities = new Map<string, Entity>();
const mentions = new Map<string, Promise<Mention[]>>();

/** For tests and the curious: the drawn graph and the model behind it. */
(window as unknown as { explorer: object }).explorer = { cy, model: () => model, ready: false };

function setStatus(text: string): void {
  status.textContent = text;
}

async function load(id: string): Promise<Entity | null> {
  const known = entities.get(id);
  if (known) return known;
  const e = await fetchEntity(id);
  if (e) entities.set(id, e);
  return e;
}

/** Clears the drawing and draws `id` with its neighbours. */
async function open(id: string, push: boolean): Promise<void> {
  if (!kindOf(id)) return showMessage(panel, `无法绘制此 ID：${id}`);
  setStatus('加载中…');
  const e = await load(id);
  if (!e) {
    setStatus('');
    return showMessage(panel, `未找到：${id}`);
  }
  if (push) history.pushState({ id }, '', `/explore?id=${encodeURIComponent(id)}`);
  document.title = `${e.name} · 图谱浏览`;
  cy.elements().remove();
  model = new GraphModel();
  draw(cy, model, model.merge(e), e.id);
  cy.getElementById(e.id).select();
  showEntity(panel, e);
  setStatus(`${model.nodes.size} 个节点，${model.edges.size} 条关系`);
  (window as unknown as { explorer: { ready: boolean } }).explorer.ready = true;
}

async function expand(id: string): Promise<void> {
  const e = await load(id);
  if (!e) return;
  showEntity(panel, e);
  if (!model.expanded.has(id)) {
    draw(cy, model, model.merge(e), id);
    setStatus(`${model.nodes.size} 个节点，${model.edges.size} 条关系`);
  }
}

function mentionsOf(id: string): Promise<Mention[]> {
  let m = mentions.get(id);
  if (!m) {
    m = fetchMentions(id);
    mentions.set(id, m);
  }
  return m;
}

cy.on('tap', 'node', (evt) => {
  expand(evt.target.id()).catch(fail);
});
cy.on('tap', 'edge', (evt) => {
  const edge = model.edges.get(evt.target.id());
  if (!edge) return;
  Promise.all([mentionsOf(edge.source), mentionsOf(edge.target)])
    .then(([a, b]) => showEdge(panel, model, edge, [...a, ...b]))
    .catch(fail);
});

function fail(error: unknown): void {
  setStatus('');
  showMessage(panel, `出错了：${error instanceof Error ? error.message : String(error)}`);
}

// Suggestions as you type, a little after the last key; answers to older text are dropped.
let typed = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(async () => {
    const text = simplify(input.value.trim());
    const mine = ++typed;
    if (!text) return list.replaceChildren();
    try {
      const found = await suggest(text);
      if (mine === typed) renderSuggestions(found, text);
    } catch (error) {
      fail(error);
    }
  }, 150);
});

function renderSuggestions(found: Suggestion[], text: string): void {
  list.replaceChildren(
    ...(found.length ? found : [null]).map((s) => {
      const li = document.createElement('li');
      if (!s) {
        li.textContent = `没有找到“${text}”`;
        li.className = 'empty';
        return li;
      }
      li.setAttribute('role', 'option');
      li.dataset.id = s.id;
      const name = document.createElement('span');
      name.textContent = s.name;
      const kind = document.createElement('span');
      kind.textContent = KIND_LABEL[s.kind];
      kind.className = `badge kind-${s.kind}`;
      li.append(name, kind);
      li.addEventListener('click', () => {
        list.replaceChildren();
        input.value = s.name;
        open(s.id, true).catch(fail);
      });
      return li;
    }),
  );
}

// ↓ and ↑ move through the suggestions, Enter opens the marked one (or the first), Esc closes.
input.addEventListener('keydown', (evt) => {
  const items = [...list.querySelectorAll<HTMLElement>('li[data-id]')];
  const at = items.findIndex((li) => li.classList.contains('active'));
  if (evt.key === 'ArrowDown' || evt.key === 'ArrowUp') {
    evt.preventDefault();
    if (items.length === 0) return;
    const next = (at + (evt.key === 'ArrowDown' ? 1 : items.length - 1 + (at < 0 ? 1 : 0))) % items.length;
    items.forEach((li, i) => {
      li.classList.toggle('active', i === next);
      li.setAttribute('aria-selected', String(i === next));
    });
  }
  if (evt.key === 'Enter') (items[at] ?? items[0])?.click();
  if (evt.key === 'Escape') list.replaceChildren();
});

window.addEventListener('popstate', () => {
  const id = new URLSearchParams(location.search).get('id');
  if (id) open(id, false).catch(fail);
});

const initial = new URLSearchParams(location.search).get('id');
if (initial) open(initial, false).catch(fail);
else showMessage(panel, '输入项目、地点、组织或人物的名称（简体或繁体），例如：领头羊、廊坊、双报到。');
