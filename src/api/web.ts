/**
 * The browser pages the API serves from its own package: the GraphiQL workbench (GET /graphql
 * from a browser), the explorer (/explore) and their bundles (/web/…), all built into dist/web
 * by scripts/build-web.js. Files are sent precompressed (.br or .gz, by Accept-Encoding) and
 * under a Content-Security-Policy that lets a page reach this origin only. Public.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { NextFunction, Request, Response } from 'express';

/** dist/web of this package, from src/api (ts-jest, tsx) and dist/api alike. */
export const WEB_DIR = path.resolve(__dirname, '..', '..', 'dist', 'web');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
};

// Styles and fonts come inline (GraphiQL's CSS holds its fonts as data: URLs, Monaco sets
// style attributes); scripts, workers and requests only from this origin.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "frame-ancestors 'none'",
].join('; ');

/** True when a GET asks for a page rather than a GraphQL response (as Apollo decides it). */
export function prefersHtml(req: Request): boolean {
  return (
    req.method === 'GET' &&
    req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html'
  );
}

/**
 * Sends `file` (a path under dir) in the best encoding the request accepts; 404 when it is not
 * there. A missing dist/web (the build did not run) answers 503 saying so.
 */
export function sendWebFile(
  dir: string,
  file: string,
  req: Request,
  res: Response,
  next: NextFunction,
): void {
  const full = path.resolve(dir, file);
  if (!full.startsWith(dir + path.sep)) return next();
  if (!fs.existsSync(dir)) {
    res
      .status(503)
      .type('text/plain')
      .send('The browser pages are not built: run `npm run build` (it bundles web/ into dist/web).\n');
    return;
  }
  if (!fs.existsSync(full) || !fs.statSync(full).isFile()) return next();
  const type = TYPES[path.extname(full)] ?? 'application/octet-stream';
  const encoding = req.acceptsEncodings(['br', 'gzip', 'identity']);
  const suffix = encoding === 'br' ? '.br' : encoding === 'gzip' ? '.gz' : '';
  const sent = suffix && fs.existsSync(full + suffix) ? full + suffix : full;
  res.setHeader('Content-Type', type);
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (type.startsWith('text/html')) res.setHeader('Content-Security-Policy', CSP);
  if (sent !== full) res.setHeader('Content-Encoding', suffix === '.br' ? 'br' : 'gzip');
  res.sendFile(sent, { acceptRanges: false, dotfiles: 'deny' }, (error) => {
    if (error && !res.headersSent) next(error);
  });
}

/** GET /web/<file>: the bundles. */
export function webAssets(dir: string = WEB_DIR) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let file: string;
    try {
      file = decodeURIComponent(req.path).replace(/^\/+/, '');
    } catch {
      return next();
    }
    sendWebFile(dir, file, req, res, next);
  };
}

/** A route handler that sends one page of dist/web, e.g. `page('explore/index.html')`. */
export function page(file: string, dir: string = WEB_DIR) {
  return (req: Request, res: Response, next: NextFunction) => sendWebFile(dir, file, req, res, next);
}
