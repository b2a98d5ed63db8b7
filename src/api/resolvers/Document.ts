/** Document fields that follow relationships. */
import type { DocumentResolvers } from '../../generated/graphql';
import { hopList } from './hops';

export const Document: DocumentResolvers = {
  places: hopList('Document.places'),
  programs: hopList('Document.programs'),
  people: hopList('Document.people'),
  metrics: hopList('Document.metrics'),
};
