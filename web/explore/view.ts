/**
 * Draws the GraphModel with cytoscape.js. Positions are computed here, not by a force layout:
 * the first entity sits in the middle with its neighbours on a ring grouped by kind, and an
 * expanded node's new neighbours fan out beside it, away from the centre, so what is already
 * drawn never moves and the same URL always gives the same picture.
 */
import cytoscape from 'cytoscape';
import type { Kind } from './api';
import { EDGE_LABEL, type GraphModel } from './model';

const COLOR: Record<Kind, string> = {
  Program: '#c0392b',
  Place: '#2471a3',
  Organization: '#d68910',
  Person: '#7d3c98',
};
const KIND_ORDER: Kind[] = ['Program', 'Place', 'Organization', 'Person'];

export function createView(container: HTMLElement): cytoscape.Core {
  return cytoscape({
    container,
    minZoom: 0.2,
    maxZoom: 3,
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(label)',
          'font-size': 13,
          'font-family':
            '"Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif',
          'text-valign': 'bottom',
          'text-margin-y': 4,
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.85,
          'text-background-padding': '2px',
          'background-color': 'data(color)',
          width: 22,
          height: 22,
        },
      },
      { selector: 'node[?expanded]', style: { 'border-width': 3, 'border-color': '#1c2833' } },
      { selector: 'node[kind = "Program"]', style: { shape: 'round-rectangle', width: 28, height: 20 } },
      { selector: 'node[kind = "Organization"]', style: { shape: 'diamond' } },
      { selector: 'node[kind = "Person"]', style: { shape: 'ellipse', width: 16, height: 16 } },
      {
        selector: 'edge',
        style: {
          width: 'data(width)',
          'line-color': '#aab7b8',
          'curve-style': 'bezier',
          'target-arrow-shape': 'triangle',
          'target-arrow-color': '#aab7b8',
          'arrow-scale': 0.8,
        },
      },
      {
        selector: 'edge[type = "RELATED_TO"]',
        style: { 'line-style': 'dashed', 'target-arrow-shape': 'none' },
      },
      {
        selector: 'edge[type = "PART_OF"]',
        style: { 'line-color': '#85c1e9', 'target-arrow-color': '#85c1e9' },
      },
      {
        selector: ':selected',
        style: { 'overlay-color': '#f4d03f', 'overlay-opacity': 0.35, 'overlay-padding': 6 },
      },
    ],
  });
}

/** Places the nodes in `added` around `around` (or the centre) and syncs edges with the model. */
export function draw(cy: cytoscape.Core, model: GraphModel, added: string[], around: string | null): void {
  const centre = around ? cy.getElementById(around) : null;
  const origin = centre && centre.nonempty() ? centre.position() : { x: 0, y: 0 };
  const fresh = added
    .filter((id) => id !== around && cy.getElementById(id).empty())
    .map((id) => model.nodes.get(id))
    .filter((n) => n !== undefined)
    .sort(
      (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name, 'zh'),
    );
  // A full ring for the first entity; later a fan facing away from the middle, wider and in
  // two staggered rows when many nodes join at once.
  const first = cy.nodes().empty();
  const away = Math.atan2(origin.y, origin.x);
  const span = first ? 2 * Math.PI : Math.min(1.6 * Math.PI, Math.max(Math.PI, fresh.length * 0.12));
  const radius = Math.max(160, fresh.length * 12);
  const elements: cytoscape.ElementDefinition[] = [];
  if (first && around) {
    const root = model.nodes.get(around);
    if (root) elements.push(nodeElement(root, origin));
  }
  fresh.forEach((n, i) => {
    const angle = first
      ? (i / Math.max(1, fresh.length)) * span - Math.PI / 2
      : away - span / 2 + ((i + 0.5) / fresh.length) * span;
    const r = fresh.length > 12 && i % 2 === 1 ? radius * 1.3 : radius;
    elements.push(nodeElement(n, { x: origin.x + r * Math.cos(angle), y: origin.y + r * Math.sin(angle) }));
  });
  cy.add(elements);
  for (const id of model.expanded) cy.getElementById(id).data('expanded', true);
  for (const e of model.edges.values()) {
    const width = 1 + 2 * Math.min(e.docs.length, 5);
    const drawn = cy.getElementById(e.id);
    if (drawn.nonempty()) drawn.data({ width, docs: e.docs.length });
    else if (cy.getElementById(e.source).nonempty() && cy.getElementById(e.target).nonempty())
      cy.add({
        group: 'edges',
        data: { id: e.id, source: e.source, target: e.target, type: e.type, width, docs: e.docs.length },
      });
  }
  cy.fit(undefined, 40);
  // A few nodes would be blown up to the maximum zoom: keep labels at a reading size.
  if (cy.zoom() > 1.3) {
    cy.zoom(1.3);
    cy.center();
  }
}

function nodeElement(
  n: { id: string; name: string; kind: Kind },
  position: { x: number; y: number },
): cytoscape.ElementDefinition {
  return { group: 'nodes', data: { id: n.id, label: n.name, kind: n.kind, color: COLOR[n.kind] }, position };
}

export { EDGE_LABEL };
