/**
 * The error taxonomy. Every error we raise on purpose is a `KgError` with a typed code;
 * `api/formatError.ts` turns anything else thrown into a coded, safe GraphQL error, so no
 * stack or Cypher reaches a client. Public.
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

/** The message of anything thrown, for logs and CLI output. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
