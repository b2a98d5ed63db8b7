/**
 * Which one-hop fields a request selects on a parent: read from the operation (fragments,
 * inline fragments and their type conditions, aliases, @include/@skip with the request's
 * variables), so one statement can read a batch of parents with every selected child field
 * (see graph/cypher/hops). Internal to the API.
 *
 * A field resolver finds its siblings by walking the operation along its path; the resolver
 * that produced the parents (a list page, a lookup) computes the same hops from its own
 * selection. Both give the same list for the same position, so the parents' statement fills
 * the DataLoader the children then read from. A connection's nodes are one position whether
 * selected as `nodes` or `edges { node }` (the page reads them once, for both).
 */
import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { hopKey, type HopName, type HopRequest } from '../graph/cypher/hops';
import { pageSize } from './limits';

/** How a GraphQL field maps to a hop: its default page size, or a fixed one when not paged. */
export interface HopField {
  hop: HopName;
  /** The hop for the field's arguments, when they choose one (an ordering); default `hop`. */
  variant?: (args: Record<string, unknown>) => HopName;
  /** The default of `first`, or the fixed limit of a field without one (a single parent: 1). */
  first: number;
  paged: boolean;
}

const paged = (hop: HopName, first: number): HopField => ({ hop, first, paged: true });
const fixed = (hop: HopName, first: number): HopField => ({ hop, first, paged: false });
/** A count field: one number read with the parent (COUNT_FIELDS). */
const count = (hop: HopName): HopField => fixed(hop, 0);

/** Every GraphQL field read through a hop, by type and field name (defaults as in schema/). */
export const HOP_FIELDS: Record<string, Record<string, HopField>> = {
  Document: {
    placeCount: count('Document.placeCount'),
    programCount: count('Document.programCount'),
    personCount: count('Document.personCount'),
    metricCount: count('Document.metricCount'),
    places: paged('Document.places', 100),
    programs: paged('Document.programs', 100),
    people: paged('Document.people', 100),
    metrics: paged('Document.metrics', 100),
  },
  Place: {
    parent: fixed('Place.parent', 1),
    childCount: count('Place.childCount'),
    programCount: count('Place.programCount'),
    organizationCount: count('Place.organizationCount'),
    metricCount: count('Place.metricCount'),
    documentCount: count('Place.documentCount'),
    children: paged('Place.children', 100),
    programs: paged('Place.programs', 100),
    organizations: paged('Place.organizations', 100),
    metrics: paged('Place.metrics', 100),
    documents: paged('Place.documents', 100),
  },
  Organization: {
    place: fixed('Organization.place', 1),
    programCount: count('Organization.programCount'),
    personCount: count('Organization.personCount'),
    documentCount: count('Organization.documentCount'),
    programs: paged('Organization.programs', 100),
    people: paged('Organization.people', 100),
    documents: paged('Organization.documents', 100),
  },
  Program: {
    places: paged('Program.places', 100),
    placeReports: {
      ...paged('Program.placeReports', 100),
      variant: (args) =>
        args.orderBy === 'DOCUMENT_COUNT' ? 'Program.placeReports.byDocuments' : 'Program.placeReports',
    },
    placeCount: count('Program.placeCount'),
    organizationCount: count('Program.organizationCount'),
    metricCount: count('Program.metricCount'),
    personCount: count('Program.personCount'),
    documentCount: count('Program.documentCount'),
    organizations: paged('Program.organizations', 100),
    metrics: paged('Program.metrics', 100),
    people: paged('Program.people', 100),
    documents: paged('Program.documents', 100),
    related: paged('Program.related', 10),
    mentions: paged('Program.mentions', 5),
  },
  Person: {
    // Positions are not paged; the hop reads them all.
    positions: fixed('Person.positions', 0),
    documentCount: count('Person.documentCount'),
    documents: paged('Person.documents', 100),
    mentions: paged('Person.mentions', 5),
  },
  Metric: {
    place: fixed('Metric.place', 1),
    program: fixed('Metric.program', 1),
    document: fixed('Metric.document', 1),
  },
};

/** The request's hop lists and field names by position, so each position is walked once per request. */
export interface SelectionMemo {
  hops: Map<string, HopRequest[]>;
  fields: Map<string, ReadonlySet<string>>;
}

export const newSelectionMemo = (): SelectionMemo => ({ hops: new Map(), fields: new Map() });

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

function included(w: Walk, sel: SelectionNode): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, sel, w.variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, sel, w.variables)?.if !== false;
}

function applies(w: Walk, condition: string | undefined, type: GraphQLObjectType): boolean {
  if (condition === undefined || condition === type.name) return true;
  const on = w.schema.getType(condition);
  return on !== undefined && isAbstractType(on) && w.schema.isSubType(on, type);
}

/** The fields of `sets` on an object of `type`, by response key (graphql-js's CollectFields). */
function collect(
  w: Walk,
  type: GraphQLObjectType,
  sets: readonly SelectionSetNode[],
  out = new Map<string, FieldNode[]>(),
  spread = new Set<string>(),
): Map<string, FieldNode[]> {
  for (const set of sets) {
    for (const sel of set.selections) {
      if (!included(w, sel)) continue;
      if (sel.kind === Kind.FIELD) {
        const key = sel.alias?.value ?? sel.name.value;
        out.set(key, [...(out.get(key) ?? []), sel]);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        if (applies(w, sel.typeCondition?.name.value, type))
          collect(w, type, [sel.selectionSet], out, spread);
      } else {
        const name = sel.name.value;
        const fragment = w.fragments[name];
        if (spread.has(name) || !fragment) continue;
        spread.add(name);
        if (applies(w, fragment.typeCondition.name.value, type)) {
          collect(w, type, [fragment.selectionSet], out, spread);
        }
      }
    }
  }
  return out;
}

const subsets = (fields: readonly FieldNode[]): SelectionSetNode[] =>
  fields.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));

const objectType = (schema: GraphQLSchema, name: string): GraphQLObjectType | null => {
  const t = schema.getType(name);
  return t && isObjectType(t) ? t : null;
};

const isConnection = (type: GraphQLObjectType | null): type is GraphQLObjectType =>
  type !== null && type.name.endsWith('Connection') && 'nodes' in type.getFields();

/** The selections on a connection's nodes: every `nodes` and every `edges { node }`, aliases included. */
function connectionNodeSets(
  w: Walk,
  connection: GraphQLObjectType,
  sets: readonly SelectionSetNode[],
): SelectionSetNode[] {
  const out: SelectionSetNode[] = [];
  for (const fields of collect(w, connection, sets).values()) {
    const name = fields[0]?.name.value;
    if (name === 'nodes') out.push(...subsets(fields));
    if (name === 'edges') {
      const edge = objectType(w.schema, getNamedType(connection.getFields().edges?.type)?.name ?? '');
      if (!edge) continue;
      for (const inner of collect(w, edge, subsets(fields)).values()) {
        if (inner[0]?.name.value === 'node') out.push(...subsets(inner));
      }
    }
  }
  return out;
}

/** The hops selected on an object of `type` by `sets`, deduplicated, in a stable order. */
function hopsIn(w: Walk, type: GraphQLObjectType, sets: readonly SelectionSetNode[]): HopRequest[] {
  const byField = HOP_FIELDS[type.name];
  if (!byField) return [];
  const hops = new Map<string, HopRequest>();
  for (const fields of collect(w, type, sets).values()) {
    const node = fields[0] as FieldNode;
    const spec = byField[node.name.value];
    if (!spec) continue;
    let limit = spec.first;
    let hop = spec.hop;
    if (spec.paged || spec.variant) {
      const def = type.getFields()[node.name.value];
      try {
        const args = def ? getArgumentValues(def, node, w.variables) : {};
        if (spec.paged) limit = pageSize(args.first as number | null | undefined, spec.first);
        if (spec.variant) hop = spec.variant(args);
      } catch {
        continue; // the field's own resolver reports its bad argument
      }
    }
    const h = { hop, limit };
    hops.set(hopKey(h), h);
  }
  return [...hops.keys()].sort().map((k) => hops.get(k) as HopRequest);
}

const walkOf = (info: GraphQLResolveInfo): Walk => ({
  schema: info.schema,
  fragments: info.fragments,
  variables: info.variableValues,
});

/** The hops selected on the objects the current field returns (a lookup's node: `program(id:)`). */
export function hopsOfField(info: GraphQLResolveInfo, typeName: string): HopRequest[] {
  const type = objectType(info.schema, typeName);
  return type ? hopsIn(walkOf(info), type, subsets(info.fieldNodes)) : [];
}

/** The hops selected on the nodes of the connection the current field returns (a list page). */
export function hopsOfConnection(info: GraphQLResolveInfo, typeName: string): HopRequest[] {
  const w = walkOf(info);
  const type = objectType(info.schema, typeName);
  const connection = objectType(info.schema, getNamedType(info.returnType).name);
  if (!type || !isConnection(connection)) return [];
  return hopsIn(w, type, connectionNodeSets(w, connection, subsets(info.fieldNodes)));
}

/** The current field's position: its path's response keys with their parent types, no list indices. */
function positionOf(info: GraphQLResolveInfo): Array<{ key: string; typename: string }> {
  const segments: Array<{ key: string; typename: string }> = [];
  for (let p: GraphQLResolveInfo['path'] | undefined = info.path; p; p = p.prev) {
    if (typeof p.key === 'string') segments.unshift({ key: p.key, typename: p.typename ?? '' });
  }
  return segments;
}

/** The selection sets of the current field's parent, walked from the operation's root along its path. */
function parentSets(
  w: Walk,
  info: GraphQLResolveInfo,
  segments: ReadonlyArray<{ key: string; typename: string }>,
) {
  let sets: SelectionSetNode[] = [info.operation.selectionSet];
  const last = segments.length - 1;
  for (let i = 0; i < last; i++) {
    const seg = segments[i] as { key: string; typename: string };
    const type = objectType(w.schema, seg.typename);
    sets = type ? subsets(collect(w, type, sets).get(seg.key) ?? []) : [];
    const next = segments[i + 1] as { key: string; typename: string };
    const connection = objectType(w.schema, next.typename);
    // A connection's nodes: the page read them for `nodes` and `edges { node }` at once.
    if (i + 1 < last && isConnection(connection) && (next.key === 'nodes' || next.key === 'edges')) {
      const nodeSets = connectionNodeSets(w, connection, sets);
      const skip = next.key === 'edges' ? 2 : 1;
      if (i + skip < last) {
        sets = nodeSets;
        i += skip;
      }
    }
  }
  return sets;
}

const keyOf = (segments: ReadonlyArray<{ key: string; typename: string }>): string =>
  segments.map((s) => `${s.key}@${s.typename}`).join('/');

/**
 * The hops selected on the parent of the current field (its siblings, itself included), found
 * by walking the operation from the root along the field's path. Memoized per position.
 */
export function hopsAt(info: GraphQLResolveInfo, memo: SelectionMemo): HopRequest[] {
  const segments = positionOf(info);
  const position = keyOf(segments);
  const known = memo.hops.get(position);
  if (known) return known;
  const w = walkOf(info);
  const hops = hopsIn(w, info.parentType, parentSets(w, info, segments));
  memo.hops.set(position, hops);
  return hops;
}

/** The names of the fields selected beside the current one (itself included). Memoized per position. */
export function fieldsAt(info: GraphQLResolveInfo, memo: SelectionMemo): ReadonlySet<string> {
  const segments = positionOf(info);
  const position = keyOf(segments);
  const known = memo.fields.get(position);
  if (known) return known;
  const w = walkOf(info);
  const fields = collect(w, info.parentType, parentSets(w, info, segments));
  const names = new Set([...fields.values()].map((f) => (f[0] as FieldNode).name.value));
  memo.fields.set(position, names);
  return names;
}
