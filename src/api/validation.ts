/** Validation rules of ours, besides graphql-js's and GraphQL Armor's. Internal to the API. */
import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * An operation type the schema does not have (`mutation { x }`: the API is read-only) is a
 * validation error, HTTP 400. graphql-js 16 only finds it at execution, as a 200 with an error.
 */
export const knownOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (!context.getSchema().getRootType(node.operation)) {
      context.reportError(
        new GraphQLError(`This API has no ${node.operation} operations; it answers queries only.`, {
          nodes: node,
        }),
      );
    }
  },
});
