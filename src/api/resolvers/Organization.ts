/** Organization fields that follow relationships. */
import { pageSize } from '../limits';
import type { OrganizationResolvers } from '../../generated/graphql';

export const Organization: OrganizationResolvers = {
  place: async (o, _a, { loaders }) => (await loaders.related('Organization.place', 1).load(o.id))[0] ?? null,
  programs: (o, { first }, { loaders }) =>
    loaders.related('Organization.programs', pageSize(first, 100)).load(o.id),
  people: (o, { first }, { loaders }) =>
    loaders.related('Organization.people', pageSize(first, 100)).load(o.id),
  documents: (o, { first }, { loaders }) =>
    loaders.related('Organization.documents', pageSize(first, 100)).load(o.id),
};
