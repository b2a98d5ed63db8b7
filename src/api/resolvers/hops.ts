/**
 * Relationship fields read through their parent's hops: every one-hop field the request
 * selects on a batch of parents comes in one statement (api/selection, graph/cypher/hops).
 * Internal to the resolvers.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { LabelRows } from '../../graph/cypher/fields';
import { hopKey, type HopRequest } from '../../graph/cypher/hops';
import type { RELATION_FIELDS, RelationFieldName } from '../../graph/cypher/relations';
import type { NodeLabel } from '../../graph/schema';
import type { NodeReader, WithHops } from '../../graph/store';
import type { ApiContext } from '../context';
import { pageSize } from '../limits';
import { HOP_FIELDS, hopsAt, hopsOfConnection, hopsOfField } from '../selection';

type Target<F extends RelationFieldName> = LabelRows[(typeof RELATION_FIELDS)[F]['target']];

/**
 * The children of field `field` of the parent `id` of `label`: from the statement that reads
 * the parent's batch with all its selected hops, or, with hops off, from `own` (one statement
 * per field). `first` is validated first, as every list field does.
 */
export async function throughHop<T>(
  label: NodeLabel,
  id: string,
  field: string,
  first: number | null | undefined,
  ctx: ApiContext,
  info: GraphQLResolveInfo,
  own?: (limit: number) => Promise<T[]>,
  args: Record<string, unknown> = {},
): Promise<T[]> {
  const spec = HOP_FIELDS[label]?.[field];
  if (!spec) throw new Error(`${label}.${field} is not a hop field (see HOP_FIELDS)`);
  const limit = spec.paged ? pageSize(first, spec.first) : spec.first;
  const mine: HopRequest = { hop: spec.variant ? spec.variant(args) : spec.hop, limit };
  // Without `own`, the field is read by its hop alone (batched over the parents all the same).
  if (!ctx.hops) return own ? own(limit) : expandOne<T>(label, id, mine, ctx);
  let hops = hopsAt(info, ctx.selections);
  // The walk finds the field itself among its siblings; this only guards a position it missed.
  if (!hops.some((h) => hopKey(h) === hopKey(mine))) hops = [mine];
  const expanded = await ctx.loaders.expand(label, hops).load(id);
  return (expanded?.hops[hopKey(mine)] ?? []) as T[];
}

async function expandOne<T>(label: NodeLabel, id: string, hop: HopRequest, ctx: ApiContext): Promise<T[]> {
  const expanded = await ctx.loaders.expand(label, [hop]).load(id);
  return (expanded?.hops[hopKey(hop)] ?? []) as T[];
}

/** A count field (`Place.metricCount`): one number read with the parent's other hops. */
export function hopCount(label: NodeLabel, field: string) {
  return async (parent: { id: string }, _args: unknown, ctx: ApiContext, info: GraphQLResolveInfo) =>
    ((await throughHop<number>(label, parent.id, field, undefined, ctx, info))[0] as number | undefined) ?? 0;
}

type ListArgs = { first?: number | null };

/** A list field that follows relationship field `F` (`Type.field`). */
export function hopList<F extends RelationFieldName>(name: F) {
  const [label, field] = name.split('.') as [NodeLabel, string];
  return (parent: { id: string }, args: ListArgs, ctx: ApiContext, info: GraphQLResolveInfo) =>
    throughHop<Target<F>>(label, parent.id, field, args.first, ctx, info, (limit) =>
      ctx.loaders.related(name, limit).load(parent.id),
    );
}

/** A single-valued field that follows relationship field `F`: its first target, or null. */
export function hopOne<F extends RelationFieldName>(name: F) {
  const list = hopList(name);
  return async (parent: { id: string }, _args: unknown, ctx: ApiContext, info: GraphQLResolveInfo) =>
    (await list(parent, {}, ctx, info))[0] ?? null;
}

/** A node by id for a lookup field, read with the hops selected on it. */
export async function lookup<L extends NodeLabel>(
  label: L,
  id: string,
  ctx: ApiContext,
  info: GraphQLResolveInfo,
): Promise<LabelRows[L] | null> {
  const hops = ctx.hops ? hopsOfField(info, label) : [];
  if (hops.length === 0) return ctx.loaders.node(label).load(id);
  return (await ctx.loaders.expand(label, hops).load(id))?.node ?? null;
}

/** Hands nodes read with `hops` by another statement to the request's expand loader. */
function withHops<L extends NodeLabel>(
  label: L,
  hops: readonly HopRequest[],
  ctx: ApiContext,
): WithHops<LabelRows[L]> {
  const loader = ctx.loaders.expand(label, hops);
  return {
    hops,
    prime: (id, expanded) => void loader.prime(id, expanded),
    read: async (ids) =>
      (await loader.loadMany(ids)).map((e) => {
        // The batch failed: the page fails with the store's error, as a plain read would.
        if (e instanceof Error) throw e;
        return e?.node ?? null;
      }),
  };
}

/**
 * How a list page reads its nodes: with the hops selected on them (nodes and edges.node), in
 * the page's statement where the engine allows it (store.page), else in one statement after
 * it; undefined (the store's plain read) when none are selected. Unbatched (the benchmark's
 * naive baseline), the page reads keys only and each node's hops are a load of their own.
 */
export function pageReader<L extends NodeLabel>(
  label: L,
  ctx: ApiContext,
  info: GraphQLResolveInfo,
): NodeReader<LabelRows[L]> | WithHops<LabelRows[L]> | undefined {
  const hops = ctx.hops ? hopsOfConnection(info, label) : [];
  if (hops.length === 0) return undefined;
  const reader = withHops(label, hops, ctx);
  return ctx.batched ? reader : reader.read;
}

/** A place or program by name, read with the hops selected on it in the same statement. */
export async function lookupByName<L extends 'Place' | 'Program'>(
  label: L,
  name: string,
  ctx: ApiContext,
  info: GraphQLResolveInfo,
): Promise<LabelRows[L] | null> {
  const hops = ctx.hops ? hopsOfField(info, label) : [];
  const found =
    label === 'Place'
      ? await ctx.store.findPlaceByName(name, hops.length > 0 ? withHops('Place', hops, ctx) : undefined)
      : await ctx.store.findProgramByName(name, hops.length > 0 ? withHops('Program', hops, ctx) : undefined);
  return found as LabelRows[L] | null;
}
