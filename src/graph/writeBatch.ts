/**
 * Turns one extracted DocumentGraph into the parameter rows the write queries take: keys
 * become stable ids, every entity gets a MENTIONS row (so removal knows what the document
 * supported), every relationship carries its evidence. Pure. Internal to the graph stage.
 */
import type { DocumentGraph, EntityLabel, Evidence, RelationType } from '../extract/types';
import type { DocumentFormat } from '../text/formats/types';
import { packText } from './docText';
import { documentId, entityId } from './ids';
import { IMPLIED_RELATIONS, type NodeLabel } from './schema';

export interface RelationRow {
  from: string;
  to: string;
  doc: string;
  key: string;
  props: Record<string, unknown>;
}

export interface MentionRowIn {
  id: string;
  props: { start: number; end: number; count: number };
}

export interface WriteBatch {
  docId: string;
  document: Record<string, unknown>;
  places: Array<{ id: string; props: Record<string, unknown> }>;
  organizations: Array<{ id: string; props: Record<string, unknown> }>;
  people: Array<{ id: string; props: Record<string, unknown> }>;
  metrics: Array<{ id: string; props: Record<string, unknown> }>;
  programs: Array<{ id: string; name: string; kind: string; aliases: string[] }>;
  /** Relationship rows grouped by `TYPE:From:To`. */
  relations: Map<string, { type: RelationType; from: NodeLabel; to: NodeLabel; rows: RelationRow[] }>;
  mentions: Map<Exclude<NodeLabel, 'Document'>, MentionRowIn[]>;
}

// Offsets, not the quote: the sentence is read back from the document's text (see MentionRow).
// The extraction rule is not stored: the API never serves it, every string property costs
// ≈ 55 bytes on the embedded engine (1.6M of them at 10,000 articles), and `kg extract`
// shows it for any file, extraction being deterministic.
const evidenceProps = (e: Evidence) => ({ start: e.start, end: e.end });

/** Where a document came from, beyond its file name: its format and, for a fetched page, its URL. */
export interface DocumentOrigin {
  format: DocumentFormat;
  url: string | null;
}

/**
 * Builds the write batch for one document; `file` is the file name as imported (a fetched
 * page's URL), `origin` its format and URL (a plain-text file when not given).
 */
export function toWriteBatch(
  graph: DocumentGraph,
  file: string,
  origin: DocumentOrigin = { format: 'TXT', url: null },
): WriteBatch {
  const docId = documentId(graph.text);
  const id = (label: EntityLabel, key: string) => entityId(label, key, docId);
  const d = graph.document;
  const batch: WriteBatch = {
    docId,
    document: {
      id: docId,
      title: d.title,
      file,
      format: origin.format,
      url: origin.url,
      publishedAt: d.publishedAt,
      source: d.source,
      authors: d.authors,
      charCount: d.charCount,
      mainPlace: d.mainPlaceKey === null ? null : id('Place', d.mainPlaceKey),
      textDeflated: packText(graph.text),
      searchText: d.title,
    },
    places: graph.places.map((p) => ({
      id: id('Place', p.key),
      props: { name: p.name, level: p.level, code: p.code, searchText: p.name },
    })),
    organizations: graph.organizations.map((o) => ({
      id: id('Organization', o.key),
      props: { name: o.name, kind: o.kind, searchText: o.name },
    })),
    people: graph.people.map((p) => ({
      id: id('Person', p.key),
      props: { name: p.name, searchText: p.name },
    })),
    metrics: graph.metrics.map((m) => ({
      id: id('Metric', m.key),
      props: {
        value: m.value,
        unit: m.unit,
        text: m.text,
        approximate: m.approximate,
        subject: m.subject,
        year: m.year,
        // The id's parts (see ids.ts): the store keeps no id string per metric.
        doc: docId,
        at: Number(m.key),
        ...evidenceProps(m.evidence),
      },
    })),
    programs: graph.programs.map((p) => ({
      id: id('Program', p.key),
      name: p.name,
      kind: p.kind,
      aliases: p.aliases,
    })),
    relations: new Map(),
    mentions: new Map(),
  };

  // One row per (type, endpoints, key): the first evidence wins, so the write can CREATE.
  const seen = new Set<string>();
  const addRelation = (type: RelationType, from: NodeLabel, to: NodeLabel, row: RelationRow) => {
    const identity = `${type}|${row.from}|${row.to}|${row.key}`;
    if (seen.has(identity)) return;
    seen.add(identity);
    const group = `${type}:${from}:${to}`;
    let g = batch.relations.get(group);
    if (!g) batch.relations.set(group, (g = { type, from, to, rows: [] }));
    g.rows.push(row);
  };
  // Structural links implied by the entities themselves (IMPLIED_RELATIONS): written once, with
  // no evidence of their own, which is the start node's mentions.
  for (const p of graph.places) {
    if (p.parentKey !== null) {
      addRelation('PART_OF', 'Place', 'Place', {
        from: id('Place', p.key),
        to: id('Place', p.parentKey),
        doc: docId,
        key: '',
        props: {},
      });
    }
  }
  for (const o of graph.organizations) {
    if (o.placeKey !== null) {
      addRelation('LOCATED_IN', 'Organization', 'Place', {
        from: id('Organization', o.key),
        to: id('Place', o.placeKey),
        doc: docId,
        key: '',
        props: {},
      });
    }
  }
  // A metric is one number in one sentence of one document: the evidence of its MEASURES is
  // the metric's own (doc, start, end), so the relationship carries none (585k of them at
  // 10,000 articles, 4 properties each).
  for (const m of graph.metrics) {
    for (const [label, key] of [
      ['Program', m.programKey],
      ['Place', m.placeKey],
    ] as const) {
      if (key !== null) {
        addRelation('MEASURES', 'Metric', label, {
          from: id('Metric', m.key),
          to: id(label, key),
          doc: docId,
          key: '',
          props: {},
        });
      }
    }
  }
  for (const r of graph.relations) {
    // PART_OF, LOCATED_IN and MEASURES also come as explicit relations; the rows above win.
    addRelation(r.type, r.from.label, r.to.label, {
      from: id(r.from.label, r.from.key),
      to: id(r.to.label, r.to.key),
      doc: docId,
      key: r.props.title ?? '',
      props: IMPLIED_RELATIONS.has(r.type) ? {} : { ...evidenceProps(r.evidence), ...r.props },
    });
  }

  const mentioned = new Map<string, MentionRowIn & { label: Exclude<NodeLabel, 'Document'> }>();
  const support = (label: Exclude<NodeLabel, 'Document'>, key: string, e: Evidence, count: number) => {
    const nodeId = id(label, key);
    if (!mentioned.has(nodeId))
      mentioned.set(nodeId, { id: nodeId, label, props: { ...evidenceProps(e), count } });
  };
  // Metrics are not linked by MENTIONS: each belongs to one document by its `doc` property
  // (indexed), which saves a relationship per metric, the largest label (45 per article).
  for (const m of graph.mentions)
    if (m.ref.label !== 'Metric') support(m.ref.label, m.ref.key, m.evidence, m.count);
  // Every entity the document yields is supported by it, mentioned by name or not (河北省 as
  // the parent of 廊坊市): removal then knows exactly what this document stood behind.
  for (const p of graph.places) support('Place', p.key, p.evidence, 0);
  for (const o of graph.organizations) support('Organization', o.key, o.evidence, 0);
  for (const p of graph.programs) support('Program', p.key, p.evidence, 0);
  for (const p of graph.people) support('Person', p.key, p.evidence, 0);
  for (const m of mentioned.values()) {
    const list = batch.mentions.get(m.label) ?? [];
    list.push({ id: m.id, props: m.props });
    batch.mentions.set(m.label, list);
  }
  return batch;
}
