/** ProgramNetwork and ProgramLink: ids from one statement (GraphStore.programNetwork), nodes batched. */
import type { ProgramLinkResolvers, ProgramNetworkResolvers } from '../../generated/graphql';
import { pageSize } from '../limits';
import { must, present } from './util';

export const ProgramNetwork: ProgramNetworkResolvers = {
  nodes: async (r, _a, { loaders }) => present(await loaders.node('Program').loadMany(r.programIds)),
  edges: (r) => r.links,
};

export const ProgramLink: ProgramLinkResolvers = {
  source: async (r, _a, { loaders }) =>
    must(await loaders.node('Program').load(r.sourceId), `program ${r.sourceId}`),
  target: async (r, _a, { loaders }) =>
    must(await loaders.node('Program').load(r.targetId), `program ${r.targetId}`),
  sharedDocuments: async (r, { first }, { loaders }) =>
    present(await loaders.node('Document').loadMany(r.documentIds.slice(0, pageSize(first, 10)))),
};
