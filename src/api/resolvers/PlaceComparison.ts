/**
 * PlaceComparison, PlacePrograms and ComparedProgram: ids from one statement
 * (GraphStore.comparePlaces), nodes through the batched node loaders.
 */
import type {
  ComparedProgramResolvers,
  PlaceComparisonResolvers,
  PlaceProgramsResolvers,
} from '../../generated/graphql';
import { pageSize } from '../limits';
import { must, present } from './util';

export const PlaceComparison: PlaceComparisonResolvers = {
  places: async (r, _a, { loaders }) => present(await loaders.node('Place').loadMany(r.placeIds)),
  shared: (r, { first }) => r.shared.slice(0, pageSize(first, 100)),
  sharedCount: (r) => r.shared.length,
};

export const PlacePrograms: PlaceProgramsResolvers = {
  place: async (r, _a, { loaders }) =>
    must(await loaders.node('Place').load(r.placeId), `place ${r.placeId}`),
  programs: (r, { first }) => r.programs.slice(0, pageSize(first, 100)),
};

export const ComparedProgram: ComparedProgramResolvers = {
  program: async (r, _a, { loaders }) =>
    must(await loaders.node('Program').load(r.programId), `program ${r.programId}`),
  documents: async (r, { first }, { loaders }) =>
    present(await loaders.node('Document').loadMany(r.documentIds.slice(0, pageSize(first, 10)))),
};
