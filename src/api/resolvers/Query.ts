/** Root query fields: lists, lookups, search and stats. */
import { KgError } from '../../errors';
import { labelOfId } from '../../graph/ids';
import type { EntityKindName } from '../../graph/rows';
import { SEARCHABLE_LABELS, type NodeLabel } from '../../graph/schema';
import type { QueryResolvers } from '../../generated/graphql';
import { pageSize } from '../limits';

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

function idOrName(field: string, id: string | null | undefined, name: string | null | undefined): void {
  if ((id == null) === (name == null)) {
    throw new KgError('BAD_USER_INPUT', `${field} takes exactly one of \`id\` or \`name\``, { field });
  }
}

export const Query: QueryResolvers = {
  node: (_p, { id }, { loaders }) => {
    const label = labelOfId(id);
    return label ? loaders.node(label).load(id) : null;
  },
  stats: (_p, _a, { store }) => store.stats(),
  documents: (_p, { first, after }, { store }) => store.page('documents', {}, pageSize(first, 20), after),
  document: (_p, { id }, { loaders }) => loaders.node('Document').load(id),
  places: (_p, { level, nameContains, first, after }, { store }) =>
    store.page('places', { level, nameContains }, pageSize(first, 20), after),
  place: (_p, { id, name }, { loaders, store }) => {
    idOrName('place', id, name);
    return id != null ? loaders.node('Place').load(id) : store.findPlaceByName(name as string);
  },
  organizations: (_p, { nameContains, placeId, first, after }, { store }) =>
    store.page('organizations', { nameContains, placeId }, pageSize(first, 20), after),
  programs: (_p, { nameContains, placeId, kind, first, after }, { store }) =>
    store.page('programs', { nameContains, placeId, kind }, pageSize(first, 20), after),
  program: (_p, { id, name }, { loaders, store }) => {
    idOrName('program', id, name);
    return id != null ? loaders.node('Program').load(id) : store.findProgramByName(name as string);
  },
  people: (_p, { nameContains, first, after }, { store }) =>
    store.page('people', { nameContains }, pageSize(first, 20), after),
  metrics: (_p, { programId, placeId, documentId, first, after }, { store }) =>
    store.page('metrics', { programId, placeId, documentId }, pageSize(first, 20), after),
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
