/** One GraphQL request over HTTP, timed, with the KG_TRACE round trips. Internal to bench. */

export interface GqlResult {
  ms: number;
  status: number;
  bytes: number;
  data: unknown;
  errors: Array<{ message: string }> | undefined;
  db: { roundTrips: number; rows: number } | undefined;
}

export function requestBody(query: string, variables: Record<string, unknown>): string {
  return JSON.stringify({ query, variables });
}

/** POSTs one query; throws when there is no answer within `timeoutMs` (default: no limit). */
export async function gql(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  timeoutMs?: number,
): Promise<GqlResult> {
  const t0 = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: requestBody(query, variables),
    signal: timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  const ms = performance.now() - t0;
  let body: {
    data?: unknown;
    errors?: Array<{ message: string }>;
    extensions?: { db?: { roundTrips: number; rows: number } };
  };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    body = { errors: [{ message: `not JSON (HTTP ${res.status}): ${text.slice(0, 200)}` }] };
  }
  return {
    ms,
    status: res.status,
    bytes: Buffer.byteLength(text),
    data: body.data,
    errors: body.errors,
    db: body.extensions?.db,
  };
}

/** Throws with the server's messages when a request did not answer cleanly. */
export function assertOk(what: string, r: GqlResult): void {
  if (r.status !== 200 || r.errors) {
    throw new Error(`${what}: HTTP ${r.status}, errors: ${JSON.stringify(r.errors ?? []).slice(0, 500)}`);
  }
}
