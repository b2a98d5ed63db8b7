/**
 * Opaque, stable connection cursors: the sort key and id of the last item seen, so a page
 * continues after it whatever was added before it (keyset pagination). Public.
 */
import { KgError } from '../errors';

/** Encodes the sort value and id of an item. */
export function encodeCursor(sortValue: string, id: string): string {
  return Buffer.from(JSON.stringify([sortValue, id]), 'utf8').toString('base64url');
}

/** Decodes a cursor made by `encodeCursor`; a malformed one is BAD_USER_INPUT. */
export function decodeCursor(cursor: string): { sortValue: string; id: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string'
    ) {
      return { sortValue: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new KgError(
    'BAD_USER_INPUT',
    `"after" must be a cursor returned by this API (pageInfo.endCursor or an edge's cursor); got ${JSON.stringify(cursor)}`,
  );
}
