/** ProgramPlace: a program's place with its report dates; documents through the batched node loader. */
import type { ProgramPlaceResolvers } from '../../generated/graphql';
import { pageSize } from '../limits';
import { present } from './util';

export const ProgramPlace: ProgramPlaceResolvers = {
  documentCount: (r) => r.documentIds.length,
  documents: async (r, { first }, { loaders }) =>
    present(await loaders.node('Document').loadMany(r.documentIds.slice(0, pageSize(first, 10)))),
};
