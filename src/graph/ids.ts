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

/** The id of an extracted entity; metrics are per document, so their key is scoped by it. */
export function entityId(label: EntityLabel, key: string, docId: string): string {
  return `${PREFIX[label]}_${hash(label === 'Metric' ? `${docId}#${key}` : key)}`;
}

/** The label an id belongs to, or null when the id is not one of ours. */
export function labelOfId(id: string): NodeLabel | null {
  const m = /^([a-z]{3})_[0-9a-f]{20}$/.exec(id);
  return m ? (LABEL_OF_PREFIX.get(m[1] as string) ?? null) : null;
}
