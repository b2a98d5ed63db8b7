/** MetricPoint: one point of a metric series; its place and metrics through the batched node loaders. */
import type { MetricPointResolvers } from '../../generated/graphql';
import { pageSize } from '../limits';
import { present } from './util';

export const MetricPoint: MetricPointResolvers = {
  place: (r, _a, { loaders }) => (r.placeId ? loaders.node('Place').load(r.placeId) : null),
  metrics: async (r, { first }, { loaders }) =>
    present(await loaders.node('Metric').loadMany(r.metricIds.slice(0, pageSize(first, 20)))),
};
