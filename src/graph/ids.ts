/**
 * Stable node ids. An id is a label prefix plus a hash of the entity's identity key, so it
 * is the same across restarts, re-imports and engines, and `node(id)` can tell the label
 * from the id alone. Public.
 */
import { createHash } from 'node:crypto';
import type { EntityLabel } from '../extract/types';
import type { NodeLabel } from './schema';

const PREFIX: Record<NodeLabel, string> = {
  Document: 'doc',
  Place: 'plc',
  Organization: 'org',
  Program: 'prg',
  Person: 'per',
  Metric: 'met',
};
const LABEL_OF_PREFIX = new Map(Object.entries(PREFIX).map(([label, p]) => [p, label as NodeLabel]));

function hash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 20);
}

/** The Document id: the content hash of its clean text. */
export function documentId(cleanText: string): string {
  return `${PREFIX.Document}_${hash(cleanText)}`;
}

/**
 * The id of an extracted entity. A metric is one number in one document, so its id is the
 * document's hash and the number's offset (`met_<doc hash>_<offset>`): the store finds it
 * through the indexed `doc` property, and keeps no id index for its largest label.
 */
export function entityId(label: EntityLabel, key: string, docId: string): string {
  if (label === 'Metric') return metricId(docId, key);
  return `${PREFIX[label]}_${hash(key)}`;
}

/** The id of the metric at offset `at` of document `docId`. */
export function metricId(docId: string, at: number | string): string {
  return `${PREFIX.Metric}_${docId.slice(PREFIX.Document.length + 1)}_${at}`;
}

const ID = /^([a-z]{3})_([0-9a-f]{20})(?:_(\d+))?$/;

/** The label an id belongs to, or null when the id is not one of ours. */
export function labelOfId(id: string): NodeLabel | null {
  const m = ID.exec(id);
  if (!m) return null;
  const label = LABEL_OF_PREFIX.get(m[1] as string) ?? null;
  // Only metric ids carry an offset, and they always do.
  return (label === 'Metric') === (m[3] !== undefined) ? label : null;
}

/*
 * A stored metric holds its id's two parts, `doc` (indexed) and `at` (the offset, an
 * integer), not the id: a string property per metric cost ≈ 160 bytes of memory while
 * importing, 70 MiB at 10,000 articles. The three expressions below are the only Cypher
 * that knows the id's form.
 */
const METRIC_HASH_AT = PREFIX.Metric.length + 1;
const METRIC_OFFSET_AT = METRIC_HASH_AT + 21;

/** Cypher for the document id of the metric id held by `keyExpr` (see `entityId`). */
export const metricDocExpr = (keyExpr: string): string =>
  `'${PREFIX.Document}_' + substring(${keyExpr}, ${METRIC_HASH_AT}, 20)`;

/** Cypher for the offset (`at`) of the metric id held by `keyExpr`. */
export const metricAtExpr = (keyExpr: string): string =>
  `toInteger(substring(${keyExpr}, ${METRIC_OFFSET_AT}))`;

/** Cypher for the id of the stored metric `v`, from its `doc` and `at`. */
export const metricIdExpr = (v: string): string =>
  `'${PREFIX.Metric}_' + substring(${v}.doc, ${PREFIX.Document.length + 1}) + '_' + toString(${v}.at)`;
