/**
 * The error taxonomy. Every error we raise on purpose is a `KgError` with a typed code;
 * `normalizeError` turns anything thrown into one, so no stack or Cypher reaches a client.
 * Public.
 */

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'LIMIT_EXCEEDED'
  | 'NOT_FOUND'
  | 'CONFIG_INVALID'
  | 'STORE_UNAVAILABLE'
  | 'STORE_ERROR'
  | 'IMPORT_FAILED'
  | 'INTERNAL';

export class KgError extends Error {
  readonly code: ErrorCode;
  /** Extra, client-safe details (e.g. the limit crossed). */
  readonly details: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'KgError';
    this.code = code;
    this.details = details;
  }
}

/** Turns anything thrown into a KgError; unknown errors become INTERNAL with a generic message. */
export function normalizeError(error: unknown): KgError {
  if (error instanceof KgError) return error;
  return new KgError('INTERNAL', 'Internal error', {}, { cause: error });
}

/** The message of anything thrown, for logs and CLI output. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
