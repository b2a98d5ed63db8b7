/**
 * The drawn graph as data: nodes met so far, edges between them with the documents naming both
 * ends, and which nodes were expanded. Pure: no drawing, no fetching.
 */
import type { DocRef, Entity, Kind, Ref } from './api';

export type EdgeType =
  'IMPLEMENTED_IN' | 'RUNS' | 'LOCATED_IN' | 'PART_OF' | 'HOLDS' | 'RELATED_TO' | 'WORKS_ON';

export const EDGE_LABEL: Record<EdgeType, string> = {
  IMPLEMENTED_IN: '实施于',
  RUNS: '负责',
  LOCATED_IN: '位于',
  PART_OF: '隶属',
  HOLDS: '任职',
  RELATED_TO: '相关',
  WORKS_ON: '参与',
};

export const KIND_LABEL: Record<Kind, string> = {
  Program: '项目',
  Place: '地点',
  Organization: '组织',
  Person: '人物',
};

export interface GNode {
  id: string;
  kind: Kind;
  name: string;
  sub?: string;
  parent?: string;
  place?: string;
  docs: Set<string>;
}

export interface GEdge {
  id: string;
  type: EdgeType;
  source: string;
  target: string;
  title?: string;
  /** Documents naming both ends (for RELATED_TO: the API's shared documents). */
  docs: string[];
}

export class GraphModel {
  readonly nodes = new Map<string, GNode>();
  readonly edges = new Map<string, GEdge>();
  readonly expanded = new Set<string>();
  readonly titles = new Map<string, string>();

  private upsert(r: Ref): GNode {
    const known = this.nodes.get(r.id);
    const docs = r.documents.map((d) => d.id);
    for (const d of r.documents) if (d.title) this.titles.set(d.id, d.title);
    if (known) {
      for (const d of docs) known.docs.add(d);
      if (r.parent) known.parent = r.parent.id;
      if (r.place) known.place = r.place.id;
      return known;
    }
    const node: GNode = {
      id: r.id,
      kind: r.__typename,
      name: r.name,
      sub: r.level ?? r.kind,
      parent: r.parent?.id,
      place: r.place?.id,
      docs: new Set(docs),
    };
    this.nodes.set(r.id, node);
    return node;
  }

  private link(type: EdgeType, source: string, target: string, extra: Partial<GEdge> = {}): void {
    if (source === target) return;
    const id = `${type}:${source}:${target}:${extra.title ?? ''}`;
    const reverse = `${type}:${target}:${source}:${extra.title ?? ''}`;
    if (this.edges.has(id) || (type === 'RELATED_TO' && this.edges.has(reverse))) return;
    this.edges.set(id, { id, type, source, target, docs: [], ...extra });
  }

  /** Adds an entity and its neighbours; returns the ids of nodes that were not drawn before. */
  merge(e: Entity): string[] {
    const before = new Set(this.nodes.keys());
    this.upsert(e);
    this.expanded.add(e.id);
    for (const p of e.places ?? []) this.link('IMPLEMENTED_IN', e.id, this.upsert(p).id);
    for (const o of e.organizations ?? []) {
      const n = this.upsert(o);
      if (e.__typename === 'Place') this.link('LOCATED_IN', n.id, e.id);
      else this.link('RUNS', n.id, e.id);
    }
    for (const g of e.programs ?? []) {
      const n = this.upsert(g);
      if (e.__typename === 'Place') this.link('IMPLEMENTED_IN', n.id, e.id);
      else this.link('RUNS', e.id, n.id);
    }
    for (const h of e.people ?? []) {
      const n = this.upsert(h);
      if (e.__typename === 'Organization') this.link('HOLDS', n.id, e.id);
      else this.link('WORKS_ON', n.id, e.id);
    }
    if (e.__typename === 'Place' && e.parent) this.upsert(e.parent as Ref);
    for (const c of e.children ?? []) this.upsert(c);
    for (const r of e.related ?? []) {
      this.upsert(r.program);
      for (const d of r.sharedDocuments) this.titles.set(d.id, d.title);
      this.link('RELATED_TO', e.id, r.program.id, { docs: r.sharedDocuments.map((d) => d.id) });
    }
    for (const p of e.positions ?? []) {
      this.titles.set(p.document.id, p.document.title);
      const at = p.organization ?? p.place;
      if (at) this.link('HOLDS', e.id, this.upsert(at).id, { title: p.title });
    }
    for (const m of [...(e.metrics ?? []).map((x) => x.mention), ...(e.mentions ?? [])])
      if (m.document.title) this.titles.set(m.document.id, m.document.title);
    this.linkKnownHierarchy();
    this.weigh();
    return [...this.nodes.keys()].filter((id) => !before.has(id));
  }

  /** PART_OF and LOCATED_IN between any two drawn nodes whose rows name each other. */
  private linkKnownHierarchy(): void {
    for (const n of this.nodes.values()) {
      if (n.parent && this.nodes.has(n.parent)) this.link('PART_OF', n.id, n.parent);
      if (n.place && this.nodes.has(n.place)) this.link('LOCATED_IN', n.id, n.place);
    }
  }

  private weigh(): void {
    for (const e of this.edges.values()) {
      if (e.type === 'RELATED_TO') continue;
      const a = this.nodes.get(e.source);
      const b = this.nodes.get(e.target);
      if (a && b) e.docs = [...a.docs].filter((d) => b.docs.has(d));
    }
  }

  title(doc: DocRef | string): string {
    const id = typeof doc === 'string' ? doc : doc.id;
    return this.titles.get(id) ?? id;
  }
}
