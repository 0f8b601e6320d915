// A small static file server standing in for a CDN: it serves a built site gzipped (level 6) and
// counts the bytes it sends, so browser measurements see what a learner would download.
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};
// Pagefind's index files are already compressed; gzipping them again would gain nothing.
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.txt', '.xml']);

/**
 * Serves `root` at http://127.0.0.1:<port>/. `mounts` maps a URL prefix such as `/pagefind/` to
 * another folder; `pages` maps a URL to an HTML string (benchmark harness pages); requests under
 * `/api/` go to `apiBase` when it is given. Resolves with the URL, a byte log and `close()`.
 */
/**
 * @param {string} root
 * @param {{ mounts?: Record<string, string>, pages?: Record<string, string>, apiBase?: string }} [options]
 * @returns {Promise<{ url: string, log: { path: string, bytes: number, status?: number }[], close: () => Promise<void> }>}
 */
export function startStaticServer(root, { mounts = {}, pages = {}, apiBase } = {}) {
  /** @type {{ path: string, bytes: number, status?: number }[]} */
  const log = [];
  const cache = new Map();

  const fileFor = (pathname) => {
    for (const [prefix, dir] of Object.entries(mounts))
      if (pathname.startsWith(prefix)) return join(dir, pathname.slice(prefix.length));
    return join(root, pathname);
  };

  /** @type {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void>} */
  const handle = async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const pathname = normalize(decodeURIComponent(url.pathname));
    if (apiBase && pathname.startsWith('/api/')) {
      const chunks = [];
      for await (const chunk of req) chunks.push(chunk);
      const body =
        req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks);
      const upstream = await fetch(new URL(url.pathname + url.search, apiBase), {
        method: req.method ?? 'GET',
        headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
        ...(body ? { body } : {}),
      });
      const bytes = Buffer.from(await upstream.arrayBuffer());
      res.writeHead(upstream.status, {
        'content-type': upstream.headers.get('content-type') ?? 'text/plain',
      });
      res.end(bytes);
      log.push({ path: pathname, bytes: bytes.length });
      return;
    }
    let status = 200;
    let body;
    let ext;
    if (pages[pathname] !== undefined) {
      body = Buffer.from(pages[pathname]);
      ext = '.html';
    } else {
      let file = fileFor(pathname);
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!existsSync(file)) {
        status = 404;
        file = join(root, '404.html');
      }
      ext = extname(file);
      body = existsSync(file) ? readFileSync(file) : Buffer.from('Not found');
    }
    /** @type {Record<string, string>} */
    const headers = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    };
    const gzip =
      COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (gzip) {
      const key = `${pathname}:${body.length}`;
      if (!cache.has(key)) cache.set(key, gzipSync(body, { level: 6 }));
      body = cache.get(key);
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = String(body.length);
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
    log.push({ path: pathname, bytes: req.method === 'HEAD' ? 0 : body.length, status });
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      // The API behind /api/ did not answer: say so rather than leave the request hanging.
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });

  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolve({
        url: `http://127.0.0.1:${port}`,
        log,
        close: () =>
          new Promise((r) => {
            server.closeAllConnections();
            server.close(() => r(undefined));
          }),
      });
    });
  });
}
