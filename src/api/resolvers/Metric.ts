/** Metric fields that follow relationships. */
import type { MetricResolvers } from '../../generated/graphql';
import { hopOne } from './hops';
import { must } from './util';

export const Metric: MetricResolvers = {
  place: hopOne('Metric.place'),
  program: hopOne('Metric.program'),
  document: async (m, _a, { loaders }) =>
    must(await loaders.node('Document').load(m.doc), `document ${m.doc}`),
  // A metric row carries its evidence (document, offsets): it is its own mention.
  mention: (m) => m,
};
