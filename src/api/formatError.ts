/**
 * Turns any error of a GraphQL response into a safe, coded one: our KgErrors keep their
 * code and details, GraphQL Armor rejections become LIMIT_EXCEEDED with the limit named,
 * anything else is INTERNAL, and in production no stack, Cypher or cause reaches a client.
 */
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { KgError } from '../errors';
import { armorLimitOf } from './limits';

export function makeFormatError(production: boolean, log: (msg: string) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof KgError) {
      const { query: _query, ...details } = original.details;
      if (original.code === 'STORE_ERROR' || original.code === 'INTERNAL') log(`error: ${original.message}`);
      const safeMessage =
        production && (original.code === 'STORE_ERROR' || original.code === 'INTERNAL')
          ? 'The store could not answer this request'
          : original.message;
      return {
        message: safeMessage,
        locations: formatted.locations,
        path: formatted.path,
        extensions: {
          code: original.code,
          ...(production && original.code === 'STORE_ERROR' ? {} : details),
        },
      };
    }
    const limit = armorLimitOf(formatted.message);
    if (limit) {
      return {
        message: `${formatted.message.replace(/^Syntax Error: /, '')} Reduce the query or split it into several.`,
        extensions: { code: 'LIMIT_EXCEEDED', ...limit },
      };
    }
    const code = formatted.extensions?.code;
    if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
      log(`error: ${original instanceof Error ? (original.stack ?? original.message) : String(original)}`);
      if (production)
        return { message: 'Internal error', path: formatted.path, extensions: { code: 'INTERNAL' } };
    }
    return formatted;
  };
}
