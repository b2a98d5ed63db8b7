/** Metric fields that follow relationships. */
import type { MetricResolvers } from '../../generated/graphql';
import { hopOne, throughHop } from './hops';
import { must } from './util';

export const Metric: MetricResolvers = {
  place: hopOne('Metric.place'),
  program: hopOne('Metric.program'),
  // Read with the metric's other selected hops (its `doc` names it).
  document: async (m, _a, ctx, info) => {
    const [doc] = await throughHop('Metric', m.id, 'document', undefined, ctx, info, async () => [
      await ctx.loaders.node('Document').load(m.doc),
    ]);
    return must(doc, `document ${m.doc}`);
  },
  // A metric row carries its evidence (document, offsets): it is its own mention.
  mention: (m) => m,
};
