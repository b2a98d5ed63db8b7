/**
 * Limits for ad-hoc queries. The numbers are documented in README.md; a query over any of
 * them gets a LIMIT_EXCEEDED error naming the limit. Public.
 */
import type { GraphQLArmorConfig } from '@escape.tech/graphql-armor-types';
import { KgError } from '../errors';

export const LIMITS = {
  /** Largest `first` of any list or connection. */
  maxPageSize: 100,
  /** Deepest selection nesting (fields within fields). */
  maxDepth: 12,
  /** Largest GraphQL Armor cost (object fields 2, scalars 1, ×1.5 per depth level). */
  maxCost: 20000,
  /** Most aliases in one operation. */
  maxAliases: 20,
  /** Most lexical tokens in one document. */
  maxTokens: 2000,
  /** Most directives in one operation. */
  maxDirectives: 20,
} as const;

/** The GraphQL Armor configuration enforcing LIMITS. */
export function armorConfig(production: boolean): GraphQLArmorConfig {
  return {
    maxDepth: { n: LIMITS.maxDepth, ignoreIntrospection: true, exposeLimits: true, flattenFragments: true },
    costLimit: { maxCost: LIMITS.maxCost, ignoreIntrospection: true, exposeLimits: true },
    maxAliases: { n: LIMITS.maxAliases, exposeLimits: true },
    maxTokens: { n: LIMITS.maxTokens, exposeLimits: true },
    maxDirectives: { n: LIMITS.maxDirectives, exposeLimits: true },
    // Field suggestions help researchers in the Sandbox; production hides the schema's shape.
    blockFieldSuggestion: { enabled: production },
  };
}

/** Which limit an Armor rejection message names: `Query depth limit of 12 exceeded, found 13.` */
const ARMOR_MESSAGES: Array<[RegExp, string]> = [
  [/Query depth limit of (\d+) exceeded/, 'maxDepth'],
  [/Query Cost limit of (\d+) exceeded/, 'maxCost'],
  [/Aliases limit of (\d+) exceeded/, 'maxAliases'],
  [/Token limit of (\d+) exceeded/, 'maxTokens'],
  [/Directives limit of (\d+) exceeded/, 'maxDirectives'],
];

/** The limit and its value when `message` is a GraphQL Armor rejection, else null. */
export function armorLimitOf(message: string): { limit: string; max: number } | null {
  for (const [re, limit] of ARMOR_MESSAGES) {
    const m = re.exec(message);
    if (m) return { limit, max: Number(m[1]) };
  }
  return null;
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
