/** Document fields that follow relationships. */
import type { DocumentResolvers } from '../../generated/graphql';

export const Document: DocumentResolvers = {
  places: (d, _a, { loaders }) => loaders.related('Document.places').load(d.id),
  programs: (d, _a, { loaders }) => loaders.related('Document.programs').load(d.id),
  people: (d, _a, { loaders }) => loaders.related('Document.people').load(d.id),
  metrics: (d, _a, { loaders }) => loaders.related('Document.metrics').load(d.id),
};
