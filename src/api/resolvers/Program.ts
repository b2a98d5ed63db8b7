/** Program fields that follow relationships and their counts, and RelatedProgram. */
import type { ProgramResolvers, RelatedProgramResolvers } from '../../generated/graphql';
import type { ProgramPlaceRow } from '../../graph/rows';
import { hopCount, hopList, throughHop } from './hops';
import { present } from './util';

export const Program: ProgramResolvers = {
  places: hopList('Program.places'),
  organizations: hopList('Program.organizations'),
  metrics: hopList('Program.metrics'),
  people: hopList('Program.people'),
  documents: hopList('Program.documents'),
  placeReports: (p, { first, orderBy }, ctx, info) =>
    throughHop<ProgramPlaceRow>('Program', p.id, 'placeReports', first, ctx, info, undefined, { orderBy }),
  placeCount: hopCount('Program', 'placeCount'),
  organizationCount: hopCount('Program', 'organizationCount'),
  metricCount: hopCount('Program', 'metricCount'),
  personCount: hopCount('Program', 'personCount'),
  documentCount: hopCount('Program', 'documentCount'),
  related: (p, { first }, ctx, info) =>
    throughHop('Program', p.id, 'related', first, ctx, info, (n) =>
      ctx.loaders.relatedPrograms(n).load(p.id),
    ),
  mentions: (p, { first }, ctx, info) =>
    throughHop('Program', p.id, 'mentions', first, ctx, info, async (n) =>
      (await ctx.loaders.mentions('Program').load(p.id)).slice(0, n),
    ),
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
