/**
 * Fetching one web page for import: a polite user agent, a time limit, a size limit, redirects
 * followed, retries with backoff on 5xx answers and timeouts only. Never throws: a page that
 * cannot be had is a value with its reason. Public within the importer.
 */
import { messageOf } from '../errors';

export interface FetchOptions {
  /** Time for one attempt, headers and body (default 20 s). */
  timeoutMs: number;
  /** Bodies over this many bytes are refused (the importer's file limit). */
  maxBytes: number;
  /** Further attempts after a 5xx answer or a timeout (default 2). */
  retries: number;
  /** Wait before the first retry, doubled for each next one (default 1 s). */
  backoffMs: number;
  userAgent: string;
}

export const USER_AGENT = 'party-kg/0.1 (knowledge-graph importer; one request per page, retries back off)';

export const DEFAULT_FETCH: Omit<FetchOptions, 'maxBytes'> = {
  timeoutMs: 20_000,
  retries: 2,
  backoffMs: 1000,
  userAgent: USER_AGENT,
};

export type FetchedPage =
  | { ok: true; url: string; finalUrl: string; bytes: Buffer; contentType?: string }
  | {
      ok: false;
      url: string;
      code: 'BAD_URL' | 'HTTP_ERROR' | 'TIMEOUT' | 'TOO_LARGE' | 'FETCH_FAILED';
      error: string;
    };

/** True for what `kg import` treats as a URL rather than a path. */
export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

class TooLarge extends Error {}

type Attempt = FetchedPage | { retry: true; reason: string };

async function attempt(url: string, options: FetchOptions): Promise<Attempt> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const response = await fetch(url, {
      redirect: 'follow',
      signal: controller.signal,
      headers: {
        'user-agent': options.userAgent,
        accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5',
      },
    });
    if (response.status >= 500) {
      await response.body?.cancel();
      return { retry: true, reason: `HTTP ${response.status} ${response.statusText}`.trim() };
    }
    if (!response.ok) {
      await response.body?.cancel();
      return {
        ok: false,
        url,
        code: 'HTTP_ERROR',
        error:
          `${url}: the server answered HTTP ${response.status} ${response.statusText}`.trim() +
          '; check the address',
      };
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > options.maxBytes) throw new TooLarge(formatBytes(declared));
    const chunks: Buffer[] = [];
    let size = 0;
    if (response.body) {
      for await (const chunk of response.body) {
        size += chunk.byteLength;
        // A server may send no length or a false one: count what arrives.
        if (size > options.maxBytes) {
          controller.abort();
          throw new TooLarge(`more than ${formatBytes(options.maxBytes)}`);
        }
        chunks.push(Buffer.from(chunk));
      }
    }
    const contentType = response.headers.get('content-type') ?? undefined;
    return {
      ok: true,
      url,
      finalUrl: response.url || url,
      bytes: Buffer.concat(chunks),
      ...(contentType ? { contentType } : {}),
    };
  } catch (error) {
    if (error instanceof TooLarge) {
      return {
        ok: false,
        url,
        code: 'TOO_LARGE',
        error: `${url}: the page is ${error.message}, over the ${formatBytes(options.maxBytes)} limit; raise KG_MAX_FILE_BYTES (or --max-bytes)`,
      };
    }
    if (controller.signal.aborted) return { retry: true, reason: `no answer within ${options.timeoutMs} ms` };
    const cause = (error as { cause?: unknown }).cause;
    return {
      ok: false,
      url,
      code: 'FETCH_FAILED',
      error: `${url}: cannot fetch it (${messageOf(cause ?? error)}); check the address and the network`,
    };
  } finally {
    clearTimeout(timer);
  }
}

/** Fetches one page (see the module comment); `url` must be http(s). */
export async function fetchPage(url: string, options: FetchOptions): Promise<FetchedPage> {
  try {
    new URL(url);
  } catch {
    return { ok: false, url, code: 'BAD_URL', error: `${url}: not a valid URL` };
  }
  let last = '';
  for (let i = 0; i <= options.retries; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, options.backoffMs * 2 ** (i - 1)));
    const result = await attempt(url, options);
    if (!('retry' in result)) return result;
    last = result.reason;
  }
  const timedOut = last.startsWith('no answer');
  return {
    ok: false,
    url,
    code: timedOut ? 'TIMEOUT' : 'HTTP_ERROR',
    error: `${url}: ${last} after ${options.retries + 1} attempt${options.retries === 0 ? '' : 's'}; try again later`,
  };
}
