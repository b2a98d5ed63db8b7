/** Person fields that follow relationships, and Position. */
import type { PersonResolvers, PositionResolvers } from '../../generated/graphql';
import { pageSize } from '../limits';
import { must } from './util';

export const Person: PersonResolvers = {
  positions: (p, _a, { loaders }) => loaders.positions.load(p.id),
  documents: (p, { first }, { loaders }) =>
    loaders.related('Person.documents', pageSize(first, 100)).load(p.id),
  mentions: async (p, { first }, { loaders }) => {
    const n = pageSize(first, 5);
    return (await loaders.mentions('Person').load(p.id)).slice(0, n);
  },
};

export const Position: PositionResolvers = {
  organization: (p, _a, { loaders }) =>
    p.organizationId ? loaders.node('Organization').load(p.organizationId) : null,
  place: (p, _a, { loaders }) => (p.placeId ? loaders.node('Place').load(p.placeId) : null),
  document: async (p, _a, { loaders }) =>
    must(await loaders.node('Document').load(p.doc), `document ${p.doc}`),
  // The position row carries its own evidence (document, offsets): it is the mention.
  mention: (p) => p,
};
