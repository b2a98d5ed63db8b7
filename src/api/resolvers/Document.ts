/** Document fields that follow relationships. */
import { pageSize } from '../limits';
import type { DocumentResolvers } from '../../generated/graphql';

export const Document: DocumentResolvers = {
  places: (d, { first }, { loaders }) => loaders.related('Document.places', pageSize(first, 100)).load(d.id),
  programs: (d, { first }, { loaders }) =>
    loaders.related('Document.programs', pageSize(first, 100)).load(d.id),
  people: (d, { first }, { loaders }) => loaders.related('Document.people', pageSize(first, 100)).load(d.id),
  metrics: (d, { first }, { loaders }) =>
    loaders.related('Document.metrics', pageSize(first, 100)).load(d.id),
};
