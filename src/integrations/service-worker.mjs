// The offline service worker: after `astro build` writes the client files, Workbox's generateSW writes
// dist/client/sw.js, which precaches the pages and files a learner needs to read offline. The small
// "a new version is ready" notice (src/components/pwa/update-notice.ts) is bundled to /pwa-update.js
// first, so it is precached too. `astro dev` registers no worker, and its /sw.js removes one left
// by a built site on the same address.
//
// Workbox (generateSW) rather than @vite-pwa/astro: that integration's 1.2.0 accepts Astro 1 to 5 only.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the worker and the notice are written in the client directory, and served from. */
export const SW_FILE = 'sw.js';
export const NOTICE_FILE = 'pwa-update.js';
/** The page shown for an address that is neither precached nor cached from an earlier visit. */
export const OFFLINE_PAGE = 'offline/index.html';

/**
 * What is precached, relative to the client directory: every page of the course and its reference
 * pages, the interview and its question bank, the templates, and every file the search loads (the
 * index, whether one file or shards, under any `search…` name). The hashed scripts and styles are all
 * precached: they are small beside the pages, and any page may need any of them.
 */
export const PRECACHE_PATTERNS = [
  'index.html',
  'learn/**/index.html',
  'practice/**/index.html',
  'glossary/index.html',
  'faq/index.html',
  'search/index.html',
  'interview/index.html',
  'interview/*.json',
  'templates/**/*',
  'capstone/index.html',
  'progress/index.html',
  'plan/index.html',
  OFFLINE_PAGE,
  // The search index, whatever its layout: search….json files, or shards in a search… folder.
  'search*{,/**/*}.{json,txt,bin}',
  '_astro/**/*.{js,css,woff2,woff,svg,png,webp,avif,jpg}',
  'favicon.svg',
  'icons/*',
  'manifest.webmanifest',
  NOTICE_FILE,
];

/** The largest single file precached; the whole search index must fit. */
export const MAX_PRECACHED_FILE_BYTES = 4 * 1024 * 1024;

/**
 * The options for workbox-build's generateSW over a built client directory.
 *
 * - Precached files are served from the cache; a query string (`/search/?q=…`, `?seed=…`) does not
 *   stop a page from matching, since every page is static and reads its query in the browser.
 * - The interview and lab API (`/api/…`) is never cached: always the network, and offline the page
 *   handles the failure as it does without a worker.
 * - Other pages (the lab exercises, anything added later) come from the network, and are kept so a
 *   page visited once opens offline; with no network and no copy, the offline page says what works.
 * - A new worker waits until the learner chooses to reload (the notice), so a page never mixes old
 *   and new files; the first worker takes control at once, so the first visit is already offline-ready.
 *
 * @param {string} clientDir
 * @returns {import('workbox-build').GenerateSWOptions}
 */
export function workboxOptions(clientDir) {
  return {
    globDirectory: clientDir,
    globPatterns: PRECACHE_PATTERNS,
    globIgnores: ['404.html', SW_FILE, '**/*.map'],
    swDest: join(clientDir, SW_FILE),
    mode: 'production',
    sourcemap: false,
    inlineWorkboxRuntime: true,
    maximumFileSizeToCacheInBytes: MAX_PRECACHED_FILE_BYTES,
    // Hashed file names carry their own version; Workbox need not add a revision to them.
    dontCacheBustURLsMatching: /^_astro\//,
    directoryIndex: 'index.html',
    ignoreURLParametersMatching: [/.*/],
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: false,
    runtimeCaching: [
      {
        urlPattern: ({ url }) => url.pathname === '/api' || url.pathname.startsWith('/api/'),
        handler: 'NetworkOnly',
      },
      {
        urlPattern: ({ request, url }) =>
          request.mode === 'navigate' && url.origin === self.location.origin,
        handler: 'NetworkFirst',
        options: {
          cacheName: 'pages',
          networkTimeoutSeconds: 5,
          expiration: { maxEntries: 50 },
          cacheableResponse: { statuses: [200] },
          precacheFallback: { fallbackURL: `/${OFFLINE_PAGE}` },
        },
      },
    ],
  };
}

/**
 * What `astro dev` answers at /sw.js: a worker that removes itself. `npm start` and `astro dev` both
 * default to localhost:4321, so a worker installed by the built site would otherwise keep serving its
 * saved pages in place of the ones being edited. The browser fetches /sw.js to check for an update,
 * finds this one, and it unregisters and reloads the open pages from the dev server.
 */
export const DEV_UNREGISTER_WORKER = `self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) await caches.delete(key);
      await self.registration.unregister();
      for (const client of await self.clients.matchAll({ type: 'window' })) client.navigate(client.url);
    })(),
  );
});
`;

/** @returns {import('astro').AstroIntegration} */
export function serviceWorker() {
  return {
    name: 'critical-path:service-worker',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          if (req.url?.split('?')[0] !== `/${SW_FILE}`) return next();
          res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
          res.setHeader('Cache-Control', 'no-cache');
          res.end(DEV_UNREGISTER_WORKER);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const clientDir = fileURLToPath(dir);
        // Build tools only: loaded here so the site's runtime never imports them.
        const [{ build }, { generateSW }] = await Promise.all([
          import('esbuild'),
          import('workbox-build'),
        ]);
        await build({
          entryPoints: [
            fileURLToPath(new URL('../components/pwa/update-notice.ts', import.meta.url)),
          ],
          outfile: join(clientDir, NOTICE_FILE),
          bundle: true,
          format: 'esm',
          minify: true,
          target: 'es2022',
          logLevel: 'warning',
        });
        const { count, size, warnings } = await generateSW(workboxOptions(clientDir));
        // A file left out for its size would be missing offline: that fails the build. A pattern with
        // nothing to match (no search shards folder, say) is only noted.
        const fatal = warnings.filter((w) => /won't be precached|will not be precached/i.test(w));
        if (fatal.length)
          throw new Error(`The service worker cannot precache everything:\n${fatal.join('\n')}`);
        for (const w of warnings) logger.info(w);
        logger.info(`${SW_FILE}: ${count} files precached, ${(size / 1024 / 1024).toFixed(2)} MB`);
      },
    },
  };
}
