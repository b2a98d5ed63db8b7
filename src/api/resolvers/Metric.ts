/** Metric fields that follow relationships. */
import type { MetricResolvers } from '../../generated/graphql';
import { must } from './util';

export const Metric: MetricResolvers = {
  place: async (m, _a, { loaders }) => (await loaders.related('Metric.place', 1).load(m.id))[0] ?? null,
  program: async (m, _a, { loaders }) => (await loaders.related('Metric.program', 1).load(m.id))[0] ?? null,
  document: async (m, _a, { loaders }) =>
    must(await loaders.node('Document').load(m.doc), `document ${m.doc}`),
  // A metric row carries its evidence (document, offsets): it is its own mention.
  mention: (m) => m,
};
