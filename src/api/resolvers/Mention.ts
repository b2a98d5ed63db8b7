/** Mention: evidence rows carry the document id; the document comes through the loader. */
import type { MentionResolvers } from '../../generated/graphql';
import { must } from './util';

export const Mention: MentionResolvers = {
  document: async (m, _a, { loaders }) =>
    must(await loaders.node('Document').load(m.doc), `document ${m.doc}`),
};
