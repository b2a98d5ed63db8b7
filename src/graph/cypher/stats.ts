/** Counting queries for `stats`, `kg stats` and /healthz. Internal to the graph stage. */
import { NODE_LABELS, RELATION_TYPES } from '../schema';

/** Every relationship type the store writes: the facts, and MENTIONS (document → entity). */
export const COUNTED_TYPES = [...RELATION_TYPES, 'MENTIONS'] as const;

// One count per label and per type, in one UNION ALL each: `MATCH (n) … labels(n)[0]` and
// `MATCH ()-[r]->() … type(r)` made `kg stats` peak at 1.2 GiB RSS on 10,000 articles; this
// way 660 MiB. The name is added after counting: as a grouping key it made the Metric count
// a hash aggregation (113 ms vs 14 ms).
export const COUNT_LABELS = NODE_LABELS.map(
  (l) => `MATCH (n:${l}) WITH count(n) AS c RETURN '${l}' AS label, c AS count`,
).join('\nUNION ALL\n');

export const COUNT_RELATIONSHIPS = COUNTED_TYPES.map(
  (t) => `MATCH ()-[r:${t}]->() WITH count(r) AS c RETURN '${t}' AS type, c AS count`,
).join('\nUNION ALL\n');

/** Documents per format; a document stored before formats existed was a plain-text file. */
export const COUNT_DOCUMENT_FORMATS = `MATCH (d:Document)
WITH coalesce(d.format, 'TXT') AS format, count(d) AS c
RETURN format AS format, c AS count ORDER BY format`;
