/** Counting queries for `stats`, `kg stats` and /healthz. Internal to the graph stage. */

export const COUNT_LABELS = `MATCH (n) RETURN labels(n)[0] AS label, count(n) AS count`;

export const COUNT_RELATIONSHIPS = `MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS count`;
