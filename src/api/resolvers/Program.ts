/** Program fields that follow relationships, and RelatedProgram. */
import type { ProgramResolvers, RelatedProgramResolvers } from '../../generated/graphql';
import { pageSize } from '../limits';
import { present } from './util';

export const Program: ProgramResolvers = {
  places: (p, { first }, { loaders }) => loaders.related('Program.places', pageSize(first, 100)).load(p.id),
  organizations: (p, { first }, { loaders }) =>
    loaders.related('Program.organizations', pageSize(first, 100)).load(p.id),
  metrics: (p, { first }, { loaders }) => loaders.related('Program.metrics', pageSize(first, 100)).load(p.id),
  people: (p, { first }, { loaders }) => loaders.related('Program.people', pageSize(first, 100)).load(p.id),
  documents: (p, { first }, { loaders }) =>
    loaders.related('Program.documents', pageSize(first, 100)).load(p.id),
  related: (p, { first }, { loaders }) => loaders.relatedPrograms(pageSize(first, 10)).load(p.id),
  mentions: async (p, { first }, { loaders }) => {
    const n = pageSize(first, 5);
    return (await loaders.mentions('Program').load(p.id)).slice(0, n);
  },
};

export const RelatedProgram: RelatedProgramResolvers = {
  program: (r) => r.program,
  sharedDocuments: async (r, _a, { loaders }) => {
    const ids = await loaders.sharedDocuments.load({ a: r.sourceId, b: r.program.id });
    return present(await loaders.node('Document').loadMany(ids));
  },
  // Both programs' places come through the batched Program.places loader (usually cached).
  sharedPlaces: async (r, _a, { loaders }) => {
    const places = loaders.related('Program.places');
    const [mine, theirs] = await Promise.all([places.load(r.sourceId), places.load(r.program.id)]);
    const other = new Set(theirs.map((p) => p.id));
    return mine.filter((p) => other.has(p.id));
  },
};
