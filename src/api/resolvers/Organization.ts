/** Organization fields that follow relationships. */
import type { OrganizationResolvers } from '../../generated/graphql';

export const Organization: OrganizationResolvers = {
  place: async (o, _a, { loaders }) => (await loaders.related('Organization.place').load(o.id))[0] ?? null,
  programs: (o, _a, { loaders }) => loaders.related('Organization.programs').load(o.id),
  people: (o, _a, { loaders }) => loaders.related('Organization.people').load(o.id),
  documents: (o, _a, { loaders }) => loaders.related('Organization.documents').load(o.id),
};
