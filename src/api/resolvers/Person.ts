/** Person fields that follow relationships, and Position. */
import type { PersonResolvers, PositionResolvers } from '../../generated/graphql';
import { hopCount, hopList, throughHop } from './hops';
import { must } from './util';

export const Person: PersonResolvers = {
  positions: (p, _a, ctx, info) =>
    throughHop('Person', p.id, 'positions', undefined, ctx, info, () => ctx.loaders.positions.load(p.id)),
  documents: hopList('Person.documents'),
  documentCount: hopCount('Person', 'documentCount'),
  mentions: (p, { first }, ctx, info) =>
    throughHop('Person', p.id, 'mentions', first, ctx, info, async (n) =>
      (await ctx.loaders.mentions('Person').load(p.id)).slice(0, n),
    ),
};

export const Position: PositionResolvers = {
  // Read with the position by the positions hop; by id when it came without them.
  organization: (p, _a, { loaders }) =>
    p.organization !== undefined
      ? p.organization
      : p.organizationId
        ? loaders.node('Organization').load(p.organizationId)
        : null,
  place: (p, _a, { loaders }) =>
    p.place !== undefined ? p.place : p.placeId ? loaders.node('Place').load(p.placeId) : null,
  document: async (p, _a, { loaders }) =>
    must(await loaders.node('Document').load(p.doc), `document ${p.doc}`),
  // The position row carries its own evidence (document, offsets): it is the mention.
  mention: (p) => p,
};
