/** SearchHit: the node comes through the label's loader, batched over all hits. */
import { labelOfId } from '../../graph/ids';
import type { SearchHitResolvers } from '../../generated/graphql';
import { must } from './util';

export const SearchHit: SearchHitResolvers = {
  node: async (h, _a, { loaders }) =>
    must(await loaders.node(must(labelOfId(h.id), `the type of ${h.id}`)).load(h.id), `node ${h.id}`),
};
