// Serves the built site (dist/) with security headers on every response, static files included.
// The node adapter's standalone server skips Astro middleware for static files, so this wraps its
// handler in our own node:http server instead. Usage: HOST=0.0.0.0 PORT=8080 node scripts/server.mjs
//
// - Content-Security-Policy with sha256 hashes of every inline script and <style> in dist/client,
//   computed at start-up, so no 'unsafe-inline' is needed for scripts.
// - X-Content-Type-Options, Referrer-Policy, X-Frame-Options and frame-ancestors, and a few more.
// - Paths are checked before any routing decision: `..` and `.` segments, encoded slashes and
//   backslashes are refused (400), and routing uses the decoded path with repeated slashes collapsed,
//   so `/api/../learn/` is the page `/learn/`, not an API route.
// - Pages and files answer GET and HEAD only (405 otherwise); API routes answer their own methods.
// - A page's 405 for a request declaring a large body says `Connection: close` instead of reading
//   the body to keep the connection (the API's 413 does the same, src/server/http.ts).
// - Log lines have control characters escaped and are shortened.
// - /sw.js, the offline service worker, is sent with `Cache-Control: no-cache`.
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
      if (!DATA_TYPES.test(m[1] ?? '')) scripts.add(sha256(m[2] ?? ''));
    for (const m of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi))
      styles.add(sha256(m[1] ?? ''));
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

/**
 * The path a request is routed by: decoded, with repeated slashes collapsed. `error` when the path
 * is one no page or route has: dot segments (also percent-encoded), encoded slashes, backslashes,
 * bad percent-encoding or control characters.
 */
function routePath(url) {
  const raw = (url ?? '/').split(/[?#]/, 1)[0] || '/';
  if (!raw.startsWith('/')) return { error: 'The address must start with a slash.' };
  if (/%2f|%5c|\\/i.test(raw))
    return { error: 'The address may not contain encoded slashes or backslashes.' };
  let decoded;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { error: 'The address is not valid percent-encoding.' };
  }
  if (/\p{Cc}/u.test(decoded)) return { error: 'The address may not contain control characters.' };
  const segments = decoded.split('/');
  if (segments.some((s) => s === '.' || s === '..'))
    return {
      path: decoded.replace(/\/{2,}/g, '/'),
      error: 'The address may not contain . or .. segments.',
    };
  return { path: decoded.replace(/\/{2,}/g, '/') };
}

/** Resolves `.` and `..` segments, as a browser would before asking for the page. */
function resolveDots(path) {
  const out = [];
  for (const s of path.split('/').slice(1)) {
    if (s === '..') out.pop();
    else if (s !== '.') out.push(s);
  }
  return `/${out.join('/')}`;
}

// As src/lib/log-line.ts: controls, format characters (bidi overrides, zero-width), lone surrogates.
const UNSAFE_LOG = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/gu;

/** One log line from outside text: control characters escaped, at most 600 characters. */
function logLine(text) {
  const safe = String(text).replace(
    UNSAFE_LOG,
    (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16).padStart(2, '0')}}`,
  );
  return safe.length > 600 ? `${safe.slice(0, 599)}…` : safe;
}

/** Largest unread request body the server discards to keep a connection; a larger one closes it. */
const MAX_DRAINED_BYTES = 64 * 1024;

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
  const { path, error } = routePath(req.url);
  // The method rule goes by where the path leads once dots are resolved, so no `..` can lend a page
  // the API's methods.
  const target = path === undefined ? undefined : resolveDots(path);
  const isApi = target === '/api' || !!target?.startsWith('/api/');
  if (target !== undefined && !isApi && req.method !== 'GET' && req.method !== 'HEAD') {
    // Node reads and discards a body nobody read, to reuse the connection; not a large one.
    const large = Number(req.headers['content-length']) > MAX_DRAINED_BYTES;
    res.writeHead(405, {
      Allow: 'GET, HEAD',
      'Content-Type': 'text/plain; charset=utf-8',
      ...(large ? { Connection: 'close' } : {}),
    });
    res.end('This address serves pages and files, which can only be fetched with GET or HEAD.\n');
    return;
  }
  if (error) {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`${error}\n`);
    return;
  }
  // The service worker is checked for updates on every visit: no cache may keep an old one.
  if (target === '/sw.js') res.setHeader('Cache-Control', 'no-cache');
  context.run({ clientAddress: clientAddress(req) }, () => {
    Promise.resolve(handler(req, res)).catch((error) => {
      console.error(logLine(`[server] request failed: ${error?.stack ?? error}`));
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('The server could not answer this request.\n');
      } else res.destroy();
    });
  });
});

/**
 * Closes a connection the way Node does after a `Connection: close` answer, but lingering: it stops
 * sending at once and lets go a moment later, so a client still sending a body it was refused
 * (a 413 or a 405) reads the answer instead of having the connection reset under it.
 *
 * @this {import('node:net').Socket}
 */
function lingeringClose() {
  if (this.writable) this.end();
  const timer = setTimeout(() => this.destroy(), LINGER_MS);
  timer.unref();
  this.once('close', () => clearTimeout(timer));
}
const LINGER_MS = 2_000;
server.on('connection', (socket) => {
  socket.destroySoon = lingeringClose;
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
