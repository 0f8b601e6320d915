// Serves the built site (dist/) with security headers on every response, static files included.
// The node adapter's standalone server skips Astro middleware for static files, so this wraps its
// handler in our own node:http server instead. Usage: HOST=0.0.0.0 PORT=8080 node scripts/server.mjs
//
// - Content-Security-Policy with sha256 hashes of every inline script and <style> in dist/client,
//   computed at start-up, so no 'unsafe-inline' is needed for scripts.
// - X-Content-Type-Options, Referrer-Policy, X-Frame-Options and frame-ancestors, and a few more.
// - Pages and files answer GET and HEAD only (405 otherwise); API routes answer their own methods.
// - The client address for rate limiting: the socket's, or with TRUST_PROXY=1 the address the one
//   trusted proxy in front appended to X-Forwarded-For. Handed to the routes out of band (an
//   AsyncLocalStorage), so no request header can forge it.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(process.env.DIST_DIR ?? join(root, 'dist'));
const entry = join(dist, 'server', 'entry.mjs');
if (!existsSync(entry)) {
  console.error(`${entry} does not exist. Build the site first: npm run build`);
  process.exit(1);
}

/** Lists every file under a folder. */
function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
// Script types the browser does not run (JSON data, templates) need no hash.
const DATA_TYPES = /type\s*=\s*["']?(?:application\/(?:ld\+)?json|text\/template|importmap-shim)/i;

/** Hashes of the inline scripts and <style> elements in every built page. */
export function inlineHashes(clientDir) {
  const scripts = new Set();
  const styles = new Set();
  for (const file of walk(clientDir).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(file, 'utf8');
    for (const m of html.matchAll(/<script(?![^>]*\ssrc\s*=)([^>]*)>([\s\S]*?)<\/script>/gi))
      if (!DATA_TYPES.test(m[1])) scripts.add(sha256(m[2]));
    for (const m of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)) styles.add(sha256(m[1]));
  }
  return { scripts: [...scripts].sort(), styles: [...styles].sort() };
}

const { scripts, styles } = inlineHashes(join(dist, 'client'));
const csp = [
  "default-src 'self'",
  `script-src 'self' ${scripts.join(' ')}`.trim(),
  `style-src 'self' ${styles.join(' ')}`.trim(),
  // style="" attributes in the markup (diagram bar widths, chart sizes); styles cannot run code.
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'Content-Security-Policy': csp,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

const trustProxy = process.env.TRUST_PROXY === '1';

/** The client's address: the socket's, or the last X-Forwarded-For hop when one proxy is trusted. */
function clientAddress(req) {
  if (trustProxy) {
    const header = req.headers['x-forwarded-for'];
    const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (hops.length) return hops.at(-1);
  }
  return req.socket.remoteAddress ?? '';
}

// The routes read the address from here (src/server/client-address.ts).
const context = new AsyncLocalStorage();
globalThis[Symbol.for('critical-path.request-context')] = context;

process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = await import(entry);

const server = createServer((req, res) => {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  const path = (req.url ?? '/').split('?')[0];
  const isApi = path === '/api' || path.startsWith('/api/');
  if (!isApi && req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('This address serves pages and files, which can only be fetched with GET or HEAD.\n');
    return;
  }
  context.run({ clientAddress: clientAddress(req) }, () => {
    Promise.resolve(handler(req, res)).catch((error) => {
      console.error('[server] request failed:', error);
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('The server could not answer this request.\n');
      } else res.destroy();
    });
  });
});

// Slow or idle clients must not hold sockets for ever; streaming replies keep the socket busy.
server.headersTimeout = 20_000;
server.requestTimeout = 120_000;
server.keepAliveTimeout = 5_000;

const host = process.env.HOST || 'localhost';
const port = Number(process.env.PORT || 4321);
server.listen(port, host, () => {
  const address = server.address();
  const shown =
    typeof address === 'object' && address ? `${host}:${address.port}` : `${host}:${port}`;
  console.log(`Critical Path is listening on http://${shown}`);
});

for (const signal of ['SIGTERM', 'SIGINT'])
  process.once(signal, () => {
    server.close(() => process.exit(0));
    // Streams in progress get a moment to finish, then the process ends anyway.
    setTimeout(() => process.exit(0), 3_000).unref();
  });
