/** Organization fields that follow relationships. */
import type { OrganizationResolvers } from '../../generated/graphql';
import { hopList, hopOne } from './hops';

export const Organization: OrganizationResolvers = {
  place: hopOne('Organization.place'),
  programs: hopList('Organization.programs'),
  people: hopList('Organization.people'),
  documents: hopList('Organization.documents'),
};
