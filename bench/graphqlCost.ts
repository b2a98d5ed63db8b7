/**
 * What GraphQL itself costs: parse, validate (the spec rules plus the server's GraphQL Armor
 * limits) and execute each of the five queries with graphql-js against the same schema
 * (`schema/*.graphql`), with stub resolvers that hand back canned rows (the real answers,
 * captured from the server), then serialize the result. No store, no HTTP. Internal to bench.
 */
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  buildSchema,
  execute,
  parse,
  specifiedRules,
  validate,
  type GraphQLFieldResolver,
  type GraphQLTypeResolver,
} from 'graphql';
import { armorConfig } from '../src/api/limits';
import { loadTypeDefs } from '../src/api/typeDefs';
import { QUERIES, type BenchQuery } from './queries';

export interface GraphqlCost {
  query: BenchQuery['key'];
  iterations: number;
  parseUs: number;
  validateUs: number;
  executeUs: number;
  serializeUs: number;
  totalUs: number;
  /** Response fields resolved (scalars and objects), for scale. */
  fields: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

// Canned rows are the response tree itself: every field reads its own key (alias-aware).
const cannedField: GraphQLFieldResolver<unknown, unknown> = (source, _args, _ctx, info) =>
  (source as Record<string, unknown> | null)?.[info.path.key as string];
const cannedType: GraphQLTypeResolver<unknown, unknown> = (value) =>
  (value as { __typename?: string }).__typename;

function countFields(v: unknown): number {
  if (Array.isArray(v)) return v.reduce((n: number, x) => n + countFields(x), 0);
  if (v && typeof v === 'object') return Object.values(v).reduce((n: number, x) => n + 1 + countFields(x), 0);
  return 0;
}

/**
 * Times each query for about `budgetMs` (at least 50 iterations), phase by phase; medians in
 * microseconds. `canned` holds each query's response data by query key.
 */
export function measureGraphqlCost(canned: Record<string, unknown>, budgetMs = 1500): GraphqlCost[] {
  const schema = buildSchema(loadTypeDefs().join('\n'));
  const rules = [...specifiedRules, ...new ApolloArmor(armorConfig()).protect().validationRules];
  const out: GraphqlCost[] = [];
  for (const q of QUERIES) {
    const data = canned[q.key];
    if (data === undefined) continue;
    const phases = {
      parse: [] as number[],
      validate: [] as number[],
      execute: [] as number[],
      serialize: [] as number[],
    };
    const totals: number[] = [];
    const start = performance.now();
    let n = 0;
    while (n < 50 || performance.now() - start < budgetMs) {
      const t0 = performance.now();
      const document = parse(q.query);
      const t1 = performance.now();
      const errors = validate(schema, document, rules);
      const t2 = performance.now();
      if (errors.length > 0)
        throw new Error(`(${q.key}) does not validate: ${errors.map((e) => e.message).join('; ')}`);
      const result = execute({
        schema,
        document,
        rootValue: data,
        variableValues: q.variables,
        fieldResolver: cannedField,
        typeResolver: cannedType,
      });
      if (result instanceof Promise)
        throw new Error('the stub resolvers are synchronous; execute returned a promise');
      const t3 = performance.now();
      if (result.errors) throw new Error(`(${q.key}) stub execution failed: ${result.errors[0]?.message}`);
      JSON.stringify(result);
      const t4 = performance.now();
      phases.parse.push(t1 - t0);
      phases.validate.push(t2 - t1);
      phases.execute.push(t3 - t2);
      phases.serialize.push(t4 - t3);
      totals.push(t4 - t0);
      n += 1;
    }
    const us = (xs: number[]) => median(xs) * 1000;
    out.push({
      query: q.key,
      iterations: n,
      parseUs: us(phases.parse),
      validateUs: us(phases.validate),
      executeUs: us(phases.execute),
      serializeUs: us(phases.serialize),
      totalUs: us(totals),
      fields: countFields(data),
    });
  }
  return out;
}
