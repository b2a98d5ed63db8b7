/** Document fields that follow relationships. */
import type { DocumentResolvers } from '../../generated/graphql';
import { hopCount, hopList } from './hops';

export const Document: DocumentResolvers = {
  placeCount: hopCount('Document', 'placeCount'),
  programCount: hopCount('Document', 'programCount'),
  personCount: hopCount('Document', 'personCount'),
  metricCount: hopCount('Document', 'metricCount'),
  places: hopList('Document.places'),
  programs: hopList('Document.programs'),
  people: hopList('Document.people'),
  metrics: hopList('Document.metrics'),
};
