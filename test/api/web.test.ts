/**
 * The browser pages over HTTP (no browser): what GET /graphql answers a browser and a client,
 * /explore, and the bundles under /web in each encoding. Needs dist/web (`npm run build`, which
 * `npm test` runs first). The pages themselves are driven in test/browser/.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { WEB_DIR } from '../../src/api/web';
import { startTestServer, type TestServer } from '../helpers/server';

const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe('the browser pages (engine-independent: an empty Grafeo store)', () => {
  let server: TestServer;
  let base: string;
  beforeAll(async () => {
    server = await startTestServer(async () => undefined);
    base = server.url.replace(/\/graphql$/, '');
  });
  afterAll(() => server.stop());

  test('a browser GET /graphql gets the bundled GraphiQL under a same-origin CSP', async () => {
    const res = await fetch(server.url, { headers: html });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    const body = await res.text();
    expect(body).toContain('<script src="/web/workbench/workbench.js">');
    expect(body).not.toMatch(/https?:\/\//);
  });

  test('a client GET /graphql still runs the query, and POST is untouched', async () => {
    const res = await fetch(`${server.url}?query=${encodeURIComponent('{ stats { documents } }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': '1' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { stats: { documents: 0 } } });
    expect(await server.data('{ stats { documents } }')).toEqual({ stats: { documents: 0 } });
  });

  test('/explore is the explorer page', async () => {
    const res = await fetch(`${base}/explore?id=prg_x`, { headers: html });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<script src="/web/explore/explore.js">');
  });

  test.each([
    ['br', 'br', zlib.brotliDecompressSync],
    ['gzip, deflate', 'gzip', zlib.gunzipSync],
    ['identity', null, (b: Buffer) => b],
  ])('/web bundles are sent precompressed: Accept-Encoding %s', async (accept, encoding, decode) => {
    // fetch decodes by itself; node:http shows the bytes as sent.
    const { headers, body } = await rawGet(`${base}/web/explore/explore.js`, { 'accept-encoding': accept });
    expect(headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(headers['content-encoding']).toBe(encoding ?? undefined);
    expect(headers.vary).toBe('Accept-Encoding');
    expect(decode(body).equals(fs.readFileSync(path.join(WEB_DIR, 'explore/explore.js')))).toBe(true);
  });

  test('nothing outside dist/web is served', async () => {
    for (const p of ['/web/../package.json', '/web/%2e%2e/package.json', '/web/nope.js', '/web/%E0%A4%A'])
      expect((await fetch(`${base}${p}`)).status).toBe(404);
  });
});

describe('KG_SANDBOX=apollo (engine-independent)', () => {
  test("a browser GET /graphql gets Apollo's Sandbox instead", async () => {
    const server = await startTestServer(async () => undefined, { sandbox: 'apollo' });
    try {
      const res = await fetch(server.url, { headers: html });
      expect(await res.text()).toContain('Apollo');
    } finally {
      await server.stop();
    }
  });
});

async function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const http = await import('node:http');
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}
