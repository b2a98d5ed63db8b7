/** Place fields that follow relationships. */
import type { PlaceResolvers } from '../../generated/graphql';
import { hopList, hopOne } from './hops';

export const Place: PlaceResolvers = {
  parent: hopOne('Place.parent'),
  children: hopList('Place.children'),
  programs: hopList('Place.programs'),
  organizations: hopList('Place.organizations'),
  metrics: hopList('Place.metrics'),
  documents: hopList('Place.documents'),
};
