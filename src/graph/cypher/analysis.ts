/**
 * Aggregates over the graph that no single node holds: a metric series, a comparison of
 * places, the network of related programs. Each is one statement; the nodes behind an answer
 * come back as ids, read afterwards by the batched node loaders. Internal to the graph stage.
 */
import { metricIdExpr } from '../ids';

/** The groups of a metric series: the metric's year, or the place it is about. */
export type SeriesGroup = 'YEAR' | 'PLACE';

/**
 * A metric series over the filtered metrics `head` binds as `n` (see listQuery's `head`):
 * per group its key, count, sum, min and max, and the ids of at most `$perPoint` of its
 * metrics (by document and offset); at most `$limit` groups, by year ascending or by count
 * (then place id). Metrics without a year (or a place) are in no group.
 */
export const metricSeries = (head: string, group: SeriesGroup): string =>
  group === 'YEAR'
    ? `${head}
WITH n WHERE n.year IS NOT NULL
WITH n ORDER BY n.doc, n.at
WITH n.year AS key, count(n) AS count, sum(n.value) AS sum, min(n.value) AS min, max(n.value) AS max,
     collect(${metricIdExpr('n')}) AS ids
RETURN key, count, sum, min, max, ids[0..$perPoint] AS ids
ORDER BY key
LIMIT $limit`
    : `${head}
MATCH (n)-[:MEASURES]->(g:Place)
WITH g, n ORDER BY n.doc, n.at
WITH g.id AS key, count(n) AS count, sum(n.value) AS sum, min(n.value) AS min, max(n.value) AS max,
     collect(${metricIdExpr('n')}) AS ids
RETURN key, count, sum, min, max, ids[0..$perPoint] AS ids
ORDER BY count DESC, key
LIMIT $limit`;

/**
 * For each place of `$ids`, the programs implemented in it or in a place under it, each with
 * the documents saying so; a place without programs gives one row with a null program, a
 * place that does not exist none.
 */
export const PROGRAMS_OF_PLACES = `UNWIND $ids AS pid
MATCH (w:Place {id: pid})
OPTIONAL MATCH (w)<-[:PART_OF*0..]-(:Place)<-[r:IMPLEMENTED_IN]-(g:Program)
WITH pid, g.id AS program, collect(DISTINCT r.doc) AS docs
RETURN pid, program, docs`;

const NETWORK_TAIL = `WITH a, b, sum(r.weight) AS weight, collect(DISTINCT r.doc) AS docs
WHERE weight >= $minWeight
RETURN a.id AS a, b.id AS b, weight, docs
ORDER BY weight DESC, a, b
LIMIT $limit`;

/**
 * The heaviest pairs of related programs (weights summed over documents, each pair once), with
 * the documents relating them; `$minWeight` and `$limit` bound them.
 */
export const PROGRAM_NETWORK = `MATCH (a:Program)-[r:RELATED_TO]-(b:Program)
WHERE a.id < b.id
${NETWORK_TAIL}`;

/** PROGRAM_NETWORK between programs both implemented in the place `$within` or under it. */
export const PROGRAM_NETWORK_WITHIN = `MATCH (:Place {id: $within})<-[:PART_OF*0..]-(:Place)<-[:IMPLEMENTED_IN]-(a:Program)
WITH DISTINCT a
MATCH (a)-[r:RELATED_TO]-(b:Program)
WHERE a.id < b.id AND EXISTS { MATCH (b)-[:IMPLEMENTED_IN]->(:Place)-[:PART_OF*0..]->(:Place {id: $within}) }
${NETWORK_TAIL}`;
