/** Place fields that follow relationships, and their counts. */
import type { PlaceResolvers } from '../../generated/graphql';
import { hopCount, hopList, hopOne } from './hops';

export const Place: PlaceResolvers = {
  parent: hopOne('Place.parent'),
  children: hopList('Place.children'),
  programs: hopList('Place.programs'),
  organizations: hopList('Place.organizations'),
  metrics: hopList('Place.metrics'),
  documents: hopList('Place.documents'),
  childCount: hopCount('Place', 'childCount'),
  programCount: hopCount('Place', 'programCount'),
  organizationCount: hopCount('Place', 'organizationCount'),
  metricCount: hopCount('Place', 'metricCount'),
  documentCount: hopCount('Place', 'documentCount'),
};
