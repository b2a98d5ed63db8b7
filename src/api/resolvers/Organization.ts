/** Organization fields that follow relationships, and their counts. */
import type { OrganizationResolvers } from '../../generated/graphql';
import { hopCount, hopList, hopOne } from './hops';

export const Organization: OrganizationResolvers = {
  place: hopOne('Organization.place'),
  programs: hopList('Organization.programs'),
  people: hopList('Organization.people'),
  documents: hopList('Organization.documents'),
  programCount: hopCount('Organization', 'programCount'),
  personCount: hopCount('Organization', 'personCount'),
  documentCount: hopCount('Organization', 'documentCount'),
};
