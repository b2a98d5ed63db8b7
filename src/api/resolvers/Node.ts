/** The Node interface: the label is in the id. */
import { labelOfId } from '../../graph/ids';
import type { NodeResolvers } from '../../generated/graphql';
import { must } from './util';

export const Node: NodeResolvers = {
  __resolveType: (parent) => must(labelOfId(parent.id), `the type of node ${parent.id}`),
};
