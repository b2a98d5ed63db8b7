/** Root query fields: lists, lookups, search and stats. */
import { KgError } from '../../errors';
import { labelOfId } from '../../graph/ids';
import type { EntityKindName } from '../../graph/rows';
import { SEARCHABLE_LABELS, type NodeLabel } from '../../graph/schema';
import type { QueryResolvers } from '../../generated/graphql';
import { LIMITS, pageSize } from '../limits';
import { filtersOf, orderOf } from '../where';
import { lookup, lookupByName, pageReader } from './hops';

const LABEL_OF_KIND: Record<EntityKindName, NodeLabel> = {
  DOCUMENT: 'Document',
  PLACE: 'Place',
  ORGANIZATION: 'Organization',
  PROGRAM: 'Program',
  PERSON: 'Person',
  METRIC: 'Metric',
};
const KIND_OF_LABEL = Object.fromEntries(Object.entries(LABEL_OF_KIND).map(([k, l]) => [l, k])) as Record<
  NodeLabel,
  EntityKindName
>;

/** Most places one comparison takes. */
const MAX_COMPARED = 10;

function idOrName(field: string, id: string | null | undefined, name: string | null | undefined): void {
  if ((id == null) === (name == null)) {
    throw new KgError('BAD_USER_INPUT', `${field} takes exactly one of \`id\` or \`name\``, { field });
  }
}

export const Query: QueryResolvers = {
  node: (_p, { id }, ctx, info) => {
    const label = labelOfId(id);
    return label ? lookup(label, id, ctx, info) : null;
  },
  stats: (_p, _a, { store }) => store.stats(),
  documents: (_p, { where, orderBy, first, after }, ctx, info) =>
    ctx.store.page(
      'documents',
      filtersOf(where),
      pageSize(first, 20),
      after,
      pageReader('Document', ctx, info),
      orderOf(orderBy, 'FILE'),
    ),
  document: (_p, { id }, ctx, info) => lookup('Document', id, ctx, info),
  places: (_p, { where, orderBy, level, nameContains, first, after }, ctx, info) =>
    ctx.store.page(
      'places',
      filtersOf(where, { level, nameContains }),
      pageSize(first, 20),
      after,
      pageReader('Place', ctx, info),
      orderOf(orderBy, 'NAME'),
    ),
  place: (_p, { id, name }, ctx, info) => {
    idOrName('place', id, name);
    return id != null ? lookup('Place', id, ctx, info) : lookupByName('Place', name as string, ctx, info);
  },
  organizations: (_p, { where, nameContains, placeId, first, after }, ctx, info) =>
    ctx.store.page(
      'organizations',
      filtersOf(where, { nameContains, placeId }),
      pageSize(first, 20),
      after,
      pageReader('Organization', ctx, info),
    ),
  programs: (_p, { where, orderBy, nameContains, placeId, kind, first, after }, ctx, info) =>
    ctx.store.page(
      'programs',
      filtersOf(where, { nameContains, placeId, kind }),
      pageSize(first, 20),
      after,
      pageReader('Program', ctx, info),
      orderOf(orderBy, 'NAME'),
    ),
  program: (_p, { id, name }, ctx, info) => {
    idOrName('program', id, name);
    return id != null ? lookup('Program', id, ctx, info) : lookupByName('Program', name as string, ctx, info);
  },
  people: (_p, { where, nameContains, first, after }, ctx, info) =>
    ctx.store.page(
      'people',
      filtersOf(where, { nameContains }),
      pageSize(first, 20),
      after,
      pageReader('Person', ctx, info),
    ),
  metrics: (_p, { where, orderBy, programId, placeId, documentId, first, after }, ctx, info) =>
    ctx.store.page(
      'metrics',
      filtersOf(where, { programId, placeId, documentId }),
      pageSize(first, 20),
      after,
      pageReader('Metric', ctx, info),
      orderOf(orderBy, 'DOCUMENT'),
    ),
  metricSeries: (_p, { where, groupBy, first }, { store }) =>
    store.metricSeries(filtersOf(where), groupBy, pageSize(first, 100), LIMITS.maxPageSize),
  comparePlaces: (_p, { ids }, { store }) => {
    const distinct = [...new Set(ids)];
    if (distinct.length < 2) {
      throw new KgError(
        'BAD_USER_INPUT',
        `\`ids\` must name at least 2 distinct places; got ${distinct.length}`,
        {
          argument: 'ids',
        },
      );
    }
    if (distinct.length > MAX_COMPARED) {
      throw new KgError(
        'LIMIT_EXCEEDED',
        `\`ids\` names at most ${MAX_COMPARED} places; got ${distinct.length}. Compare fewer at a time.`,
        { limit: 'maxCompared', max: MAX_COMPARED, argument: 'ids' },
      );
    }
    return store.comparePlaces(distinct);
  },
  programNetwork: (_p, { within, minWeight, first }, { store }) =>
    store.programNetwork(within ?? null, minWeight ?? 0, pageSize(first, 50)),
  search: async (_p, { text, kinds, first }, { store }) => {
    const n = pageSize(first, 10);
    if (text.trim().length === 0) {
      throw new KgError('BAD_USER_INPUT', '`text` must contain something to search for; got an empty string');
    }
    const wanted = kinds && kinds.length > 0 ? kinds.map((k) => LABEL_OF_KIND[k]) : SEARCHABLE_LABELS;
    const labels = SEARCHABLE_LABELS.filter((l) => wanted.includes(l));
    if (labels.length === 0 || n === 0) return [];
    const hits = await store.search(text.trim(), labels, n);
    return hits.map((h) => ({ kind: KIND_OF_LABEL[h.label as NodeLabel], score: h.score, id: h.id }));
  },
};
