/** Place fields that follow relationships. */
import { pageSize } from '../limits';
import type { PlaceResolvers } from '../../generated/graphql';

export const Place: PlaceResolvers = {
  parent: async (p, _a, { loaders }) => (await loaders.related('Place.parent', 1).load(p.id))[0] ?? null,
  children: (p, { first }, { loaders }) => loaders.related('Place.children', pageSize(first, 100)).load(p.id),
  programs: (p, { first }, { loaders }) => loaders.related('Place.programs', pageSize(first, 100)).load(p.id),
  organizations: (p, { first }, { loaders }) =>
    loaders.related('Place.organizations', pageSize(first, 100)).load(p.id),
  metrics: (p, { first }, { loaders }) => loaders.related('Place.metrics', pageSize(first, 100)).load(p.id),
  documents: (p, { first }, { loaders }) =>
    loaders.related('Place.documents', pageSize(first, 100)).load(p.id),
};
