/**
 * `where:` and `orderBy:` inputs → the store's list filters and orderings, validated at the
 * edge: a date that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD` is BAD_USER_INPUT naming the
 * field; names are simplified (the graph holds simplified names, so 報到 finds 双报到); a
 * replaced argument still works, and `where` wins when both give the same filter. Internal
 * to the API.
 */
import { KgError } from '../errors';
import { simplify } from '../text/script';

const DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

function date(field: string, value: string): string {
  if (!DATE.test(value)) {
    throw new KgError(
      'BAD_USER_INPUT',
      `\`${field}\` must be a year, month or day as YYYY, YYYY-MM or YYYY-MM-DD; got ${JSON.stringify(value)}`,
      { argument: field },
    );
  }
  return value;
}

/** Names and titles compared in simplified script. */
const TEXT_FIELDS = new Set([
  'nameContains',
  'titleContains',
  'subjectContains',
  'subject',
  'sourceContains',
]);

/**
 * The store filters of a `where` input (plus the deprecated arguments it replaces). A date
 * range becomes the two bounds the store compares with `publishedAt` strings: from as given
 * (`2021` ≤ `2021-01-05`), to padded past every day it covers (`2021~` ≥ `2021-12-31`).
 */
export function filtersOf(
  where: Record<string, unknown> | null | undefined,
  deprecated: Record<string, unknown> = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries({ ...deprecated, ...dropNulls(where ?? {}) })) {
    if (v === null || v === undefined) continue;
    out[k] = typeof v === 'string' && TEXT_FIELDS.has(k) ? simplify(v) : v;
  }
  const from = out.publishedFrom as string | undefined;
  const to = out.publishedTo as string | undefined;
  delete out.publishedTo;
  if (from !== undefined || to !== undefined) {
    out.publishedFrom = from === undefined ? '' : date('publishedFrom', from);
    out.publishedTo = to === undefined ? '~' : `${date('publishedTo', to)}~`;
  }
  return out;
}

function dropNulls(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
}

/**
 * The store ordering of an `orderBy` input: null for the list's default field ascending
 * (`defaultField`), so a default page reads exactly as before and its cursors stay valid.
 */
export function orderOf<F extends string>(
  orderBy: { field: F; direction?: 'ASC' | 'DESC' | null } | null | undefined,
  defaultField: string,
): { by: F; descending: boolean } | null {
  if (!orderBy) return null;
  const descending = orderBy.direction === 'DESC';
  if (orderBy.field === defaultField && !descending) return null;
  return { by: orderBy.field, descending };
}
