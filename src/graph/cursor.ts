/**
 * Opaque, stable connection cursors: the sort key and id of the last item seen, so a page
 * continues after it whatever was added before it (keyset pagination), and the ordering it
 * was made under, so it is never read under another. Public.
 */
import { KgError } from '../errors';

/** A sort key: a name, a date or file (strings), a count, value or year (numbers). */
export type SortValue = string | number;

/** Encodes the sort value and id of an item; `order` names a non-default ordering. */
export function encodeCursor(sortValue: SortValue, id: string, order?: string): string {
  const parts: unknown[] = order === undefined ? [sortValue, id] : [sortValue, id, order];
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor made by `encodeCursor` under the ordering `order` (undefined: the list's
 * default); a malformed one, or one made under another ordering, is BAD_USER_INPUT.
 */
export function decodeCursor(cursor: string, order?: string): { sortValue: SortValue; id: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (
    Array.isArray(parsed) &&
    (parsed.length === 2 || parsed.length === 3) &&
    (typeof parsed[0] === 'string' || typeof parsed[0] === 'number') &&
    typeof parsed[1] === 'string' &&
    (parsed.length === 2 || typeof parsed[2] === 'string')
  ) {
    const made = parsed[2] as string | undefined;
    if (made !== order) {
      throw new KgError(
        'BAD_USER_INPUT',
        `"after" is a cursor of another ordering (${made ?? 'the default'}); this list is ordered by ${order ?? 'the default'}: pass a cursor of the same orderBy`,
      );
    }
    return { sortValue: parsed[0] as SortValue, id: parsed[1] };
  }
  throw new KgError(
    'BAD_USER_INPUT',
    `"after" must be a cursor returned by this API (pageInfo.endCursor or an edge's cursor); got ${JSON.stringify(cursor)}`,
  );
}
