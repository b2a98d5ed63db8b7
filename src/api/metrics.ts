/**
 * Prometheus metrics of one server instance, on its own registry (tests start several servers
 * in one process): GraphQL requests and latency by operation, store statements by query name,
 * keys per batched statement (one DataLoader batch each), import results and the default
 * process metrics. Served at GET /metrics in the text format. Public.
 */
import type { RequestHandler } from 'express';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { StatementObserver } from '../graph/metered';
import type { FileResult } from '../importer/types';

/** Distinct operation names kept as labels; later ones count as `other` (names are the client's). */
const MAX_OPERATION_NAMES = 200;

export interface Metrics {
  registry: Registry;
  /** Counts one GraphQL request; `outcome` is `ok` or `error` (any error in the response). */
  graphqlRequest(operation: string | undefined, outcome: 'ok' | 'error', seconds: number): void;
  /** Observes one store statement (pass to `meteredRunner`). */
  statement: StatementObserver;
  /** Counts one imported, unchanged or failed document and its time. */
  importResult(result: FileResult): void;
}

/** A fresh registry with every metric of the API and the process's default metrics. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'kg_graphql_requests_total',
    help: 'GraphQL requests by operation name and outcome (ok, error).',
    labelNames: ['operation', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'kg_graphql_request_duration_seconds',
    help: 'GraphQL request latency by operation name.',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const statements = new Counter({
    name: 'kg_store_statements_total',
    help: 'Store statements by query name and outcome (ok, error).',
    labelNames: ['query', 'outcome'] as const,
    registers: [registry],
  });
  const statementLatency = new Histogram({
    name: 'kg_store_statement_duration_seconds',
    help: 'Store statement latency by query name.',
    labelNames: ['query'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  // Every DataLoader batch is one statement over `$ids` (or `$pairs`): its length is the batch.
  const batches = new Histogram({
    name: 'kg_store_statement_keys',
    help: 'Keys per batched store statement ($ids or $pairs: one DataLoader batch), by query name.',
    labelNames: ['query'] as const,
    buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500],
    registers: [registry],
  });
  const imports = new Counter({
    name: 'kg_import_documents_total',
    help: 'Imported files by result (imported, unchanged, failed).',
    labelNames: ['status'] as const,
    registers: [registry],
  });
  const importTime = new Histogram({
    name: 'kg_import_document_duration_seconds',
    help: 'Wall time per imported file, by result.',
    labelNames: ['status'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const operations = new Set<string>();
  const operationLabel = (name: string | undefined): string => {
    if (!name) return 'anonymous';
    if (operations.has(name)) return name;
    if (operations.size >= MAX_OPERATION_NAMES) return 'other';
    operations.add(name);
    return name;
  };
  return {
    registry,
    graphqlRequest(operation, outcome, seconds) {
      const label = operationLabel(operation);
      requests.inc({ operation: label, outcome });
      latency.observe({ operation: label }, seconds);
    },
    statement(name, seconds, ok, keys) {
      statements.inc({ query: name, outcome: ok ? 'ok' : 'error' });
      statementLatency.observe({ query: name }, seconds);
      if (keys !== undefined) batches.observe({ query: name }, keys);
    },
    importResult(result) {
      imports.inc({ status: result.status });
      importTime.observe({ status: result.status }, result.ms / 1000);
    },
  };
}

/**
 * Metrics that record nothing (KG_METRICS=0): the server then serves no /metrics and times no
 * request or statement.
 */
export function noMetrics(): Metrics {
  return {
    registry: new Registry(),
    graphqlRequest: () => undefined,
    statement: () => undefined,
    importResult: () => undefined,
  };
}

/** GET /metrics: the registry in Prometheus's text format. */
export function metricsHandler(metrics: Metrics): RequestHandler {
  return async (_req, res, next) => {
    try {
      res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    } catch (error) {
      next(error);
    }
  };
}
