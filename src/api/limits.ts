/**
 * Limits for ad-hoc queries. The numbers are documented in README.md; a query over any of
 * them is refused before execution with a LIMIT_EXCEEDED error naming the limit (HTTP 400).
 * Depth, aliases and directives are GraphQL Armor's validation rules; tokens are counted before
 * Apollo parses (`tokenLimitError`), cost after variables are known (`costLimitPlugin`). Public.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLArmorConfig, GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import {
  GraphQLError,
  Kind,
  Lexer,
  Source,
  TokenKind,
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  type ASTNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { KgError } from '../errors';

export const LIMITS = {
  /** Largest `first` of any list or connection. */
  maxPageSize: 100,
  /** Deepest selection nesting (fields within fields). */
  maxDepth: 12,
  /**
   * Largest cost: a scalar field 1, an object field 2 plus 1.5 × its children, times its page
   * size (`first` after variables, or the field's default) where it has one; `ids` counts
   * as the page size of a field that takes a list of them (comparePlaces).
   */
  maxCost: 20000,
  /** Most aliases in one operation. */
  maxAliases: 20,
  /** Most lexical tokens in one document. */
  maxTokens: 2000,
  /** Most directives in one operation. */
  maxDirectives: 20,
} as const;

export type LimitName = keyof typeof LIMITS;

/**
 * A query over one of LIMITS. formatError recognises it by this class (Apollo wraps validation
 * errors; the wrapper's `originalError` is this), never by its message.
 */
export class LimitExceededError extends GraphQLError {
  readonly limit: LimitName;
  readonly max: number;

  constructor(limit: LimitName, message: string, nodes?: ASTNode | readonly ASTNode[]) {
    super(`${message} Reduce the query or split it into several.`, {
      nodes,
      extensions: { code: 'LIMIT_EXCEEDED', limit, max: LIMITS[limit], http: { status: 400 } },
    });
    this.name = 'LimitExceededError';
    this.limit = limit;
    this.max = LIMITS[limit];
  }
}

/** Armor's rejection of `limit` becomes a LimitExceededError reported to the validation. */
function reject(limit: LimitName): { propagateOnRejection: false; onReject: GraphQLArmorRejectCallback[] } {
  return {
    propagateOnRejection: false,
    onReject: [
      (ctx, error) =>
        // Armor prefixes its messages with "Syntax Error: " although they are not syntax errors.
        ctx?.reportError(new LimitExceededError(limit, error.message.replace(/^Syntax Error: /, ''))),
    ],
  };
}

/** The GraphQL Armor configuration enforcing depth, aliases and directives of LIMITS. */
export function armorConfig(): GraphQLArmorConfig {
  return {
    maxDepth: {
      n: LIMITS.maxDepth,
      ignoreIntrospection: true,
      exposeLimits: true,
      flattenFragments: true,
      ...reject('maxDepth'),
    },
    maxAliases: { n: LIMITS.maxAliases, exposeLimits: true, ...reject('maxAliases') },
    maxDirectives: { n: LIMITS.maxDirectives, exposeLimits: true, ...reject('maxDirectives') },
    // Ours instead: Armor's cost ignores variables and default page sizes; its token count runs
    // in a plugin hook, where a syntax error became an HTTP 500.
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    // Apollo's hideSchemaDetailsFromClientErrors drops "Did you mean …?" in production.
    blockFieldSuggestion: { enabled: false },
  };
}

/**
 * A LimitExceededError when `query` has more than maxTokens tokens, else null. A document the
 * lexer cannot read is left to the parser, which reports the syntax error.
 */
export function tokenLimitError(query: string): LimitExceededError | null {
  const lexer = new Lexer(new Source(query));
  let tokens = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      if (++tokens > LIMITS.maxTokens) {
        return new LimitExceededError('maxTokens', `Token limit of ${LIMITS.maxTokens} exceeded.`);
      }
    }
  } catch {
    return null;
  }
  return null;
}

const SCALAR_COST = 1;
const OBJECT_COST = 2;
const DEPTH_FACTOR = 1.5;

/**
 * The cost of a selection set (see LIMITS.maxCost). Fragments count as if written in place;
 * introspection (`__schema`, `__type`) is free, so tools can read the schema.
 */
function selectionCost(
  set: SelectionSetNode,
  type: GraphQLCompositeType,
  schema: GraphQLSchema,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  seen: Set<string>,
): number {
  let cost = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FRAGMENT_SPREAD || sel.kind === Kind.INLINE_FRAGMENT) {
      const fragment = sel.kind === Kind.FRAGMENT_SPREAD ? fragments[sel.name.value] : sel;
      if (!fragment || (sel.kind === Kind.FRAGMENT_SPREAD && seen.has(sel.name.value))) continue;
      const on = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : type;
      const inner = new Set(seen);
      if (sel.kind === Kind.FRAGMENT_SPREAD) inner.add(sel.name.value);
      if (on && isCompositeType(on)) {
        cost += selectionCost(fragment.selectionSet, on, schema, fragments, variables, inner);
      }
      continue;
    }
    const name = sel.name.value;
    if (name === '__schema' || name === '__type') continue;
    const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
    if (!field || !sel.selectionSet) {
      cost += SCALAR_COST;
      continue;
    }
    const target = getNamedType(field.type);
    const children = isCompositeType(target)
      ? selectionCost(sel.selectionSet, target, schema, fragments, variables, seen)
      : 0;
    let pageSize = 1;
    if (field.args.some((a) => a.name === 'first')) {
      // The value the resolver will see: a literal, a variable, or the schema's default.
      const first = getArgumentValues(field, sel, variables).first;
      if (typeof first === 'number') pageSize = Math.min(Math.max(first, 1), LIMITS.maxPageSize);
    } else if (field.args.some((a) => a.name === 'ids')) {
      // comparePlaces(ids:): one list of programs per place compared.
      const ids = getArgumentValues(field, sel, variables).ids;
      if (Array.isArray(ids)) pageSize = Math.min(Math.max(ids.length, 1), LIMITS.maxPageSize);
    }
    cost += (OBJECT_COST + DEPTH_FACTOR * children) * pageSize;
  }
  return cost;
}

/**
 * Refuses an operation whose cost is over LIMITS.maxCost before it runs. It runs once the
 * operation is known (Apollo's didResolveOperation), so `first: $n` counts with its value.
 */
export function costLimitPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const vars = getVariableValues(
            schema,
            operation.variableDefinitions ?? [],
            request.variables ?? {},
          );
          // Variables that do not coerce are reported by execution, with their names.
          if (vars.errors) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const d of document.definitions)
            if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
          const root = schema.getRootType(operation.operation);
          if (!root) return;
          let cost: number;
          try {
            cost = selectionCost(operation.selectionSet, root, schema, fragments, vars.coerced, new Set());
          } catch {
            return; // an argument that does not coerce: execution reports it
          }
          if (cost > LIMITS.maxCost) {
            throw new LimitExceededError(
              'maxCost',
              `Query Cost limit of ${LIMITS.maxCost} exceeded, found ${Math.round(cost)}.`,
            );
          }
        },
      };
    },
  };
}

/** Validates a `first` argument: 0…maxPageSize, else LIMIT_EXCEEDED / BAD_USER_INPUT naming the argument. */
export function pageSize(first: number | null | undefined, fallback: number, argument = 'first'): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 0) {
    throw new KgError('BAD_USER_INPUT', `\`${argument}\` must be a non-negative integer; got ${n}`, {
      argument,
    });
  }
  if (n > LIMITS.maxPageSize) {
    throw new KgError(
      'LIMIT_EXCEEDED',
      `\`${argument}\` is at most ${LIMITS.maxPageSize}; got ${n}. Page with \`after\` (pageInfo.endCursor) to read more.`,
      { limit: 'maxPageSize', max: LIMITS.maxPageSize, argument },
    );
  }
  return n;
}
