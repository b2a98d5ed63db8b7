/** Mention: evidence rows carry the document id and offsets; document and sentence come through loaders. */
import type { MentionResolvers } from '../../generated/graphql';
import { must } from './util';

export const Mention: MentionResolvers = {
  quote: (m, _a, { loaders }) => loaders.quote.load(m),
  document: async (m, _a, { loaders }) =>
    must(await loaders.node('Document').load(m.doc), `document ${m.doc}`),
};
