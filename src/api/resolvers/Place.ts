/** Place fields that follow relationships. */
import type { PlaceResolvers } from '../../generated/graphql';

export const Place: PlaceResolvers = {
  parent: async (p, _a, { loaders }) => (await loaders.related('Place.parent').load(p.id))[0] ?? null,
  children: (p, _a, { loaders }) => loaders.related('Place.children').load(p.id),
  programs: (p, _a, { loaders }) => loaders.related('Place.programs').load(p.id),
  organizations: (p, _a, { loaders }) => loaders.related('Place.organizations').load(p.id),
  metrics: (p, _a, { loaders }) => loaders.related('Place.metrics').load(p.id),
  documents: (p, _a, { loaders }) => loaders.related('Place.documents').load(p.id),
};
