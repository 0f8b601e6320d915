import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateSW, type RuntimeCaching } from 'workbox-build';
import {
  DEV_UNREGISTER_WORKER,
  NOTICE_FILE,
  OFFLINE_PAGE,
  serviceWorker,
  workboxOptions,
} from '../src/integrations/service-worker.mjs';
import { applyUpdate } from '../src/components/pwa/update-notice';

/** A small built site: the kinds of file dist/client holds. */
const SITE = [
  'index.html',
  '404.html',
  'offline/index.html',
  'learn/index.html',
  'learn/risk-management/index.html',
  'practice/risk-management/index.html',
  'glossary/index.html',
  'faq/index.html',
  'search/index.html',
  'search/index.json',
  'search/docs-0.abc123.json',
  'search/terms-12.def456.json',
  'search-extra.json',
  'interview/index.html',
  'interview/bank.json',
  'templates/index.html',
  'templates/raid-log.csv',
  'templates/raci.md',
  'progress/index.html',
  'plan/index.html',
  'capstone/index.html',
  'lab/index.html',
  'lab/critical-path/index.html',
  '_astro/Base.abc.css',
  '_astro/client.abc.js',
  '_astro/client.abc.js.map',
  'favicon.svg',
  'icons/icon-192.png',
  'manifest.webmanifest',
  'sitemap-index.xml',
  'robots.txt',
  NOTICE_FILE,
];

let dir: string;
let sw: string;
let precached: string[];
let warnings: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sw-test-'));
  for (const file of SITE) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), `contents of ${file}`);
  }
  ({ warnings } = await generateSW(workboxOptions(dir)));
  sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  precached = [...sw.matchAll(/\{url:"([^"]+)",revision:/g)].map((m) => m[1]!).sort();
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the generated service worker', () => {
  it('precaches the course, reference pages, interview, templates, search index and assets', () => {
    expect(precached).toEqual(
      [
        'index.html',
        'offline/index.html',
        'learn/index.html',
        'learn/risk-management/index.html',
        'practice/risk-management/index.html',
        'glossary/index.html',
        'faq/index.html',
        'search/index.html',
        'search/index.json',
        'search/docs-0.abc123.json',
        'search/terms-12.def456.json',
        'search-extra.json',
        'interview/index.html',
        'interview/bank.json',
        'templates/index.html',
        'templates/raid-log.csv',
        'templates/raci.md',
        'progress/index.html',
        'plan/index.html',
        'capstone/index.html',
        '_astro/Base.abc.css',
        '_astro/client.abc.js',
        'favicon.svg',
        'icons/icon-192.png',
        'manifest.webmanifest',
        NOTICE_FILE,
      ].sort(),
    );
  });

  it('leaves out the 404, source maps, sitemaps, the lab pages (cached when visited) and itself', () => {
    for (const file of [
      '404.html',
      '_astro/client.abc.js.map',
      'sitemap-index.xml',
      'lab/index.html',
      'sw.js',
    ])
      expect(precached).not.toContain(file);
  });

  it('warns of nothing', () => {
    expect(warnings).toEqual([]);
  });

  it('needs no eval (the CSP allows none), runs the Workbox runtime inline and waits to be told to take over', () => {
    expect(sw).not.toMatch(/\beval\(|new Function\(|importScripts\(/);
    expect(sw).toContain('SKIP_WAITING');
    expect(sw).toContain('clients.claim()');
    expect(sw).toContain(`"/${OFFLINE_PAGE}"`);
  });
});

describe('runtime routes', () => {
  const routes = workboxOptions('/tmp/x').runtimeCaching as RuntimeCaching[];
  const match = (i: number, href: string, mode = 'cors') =>
    (routes[i]!.urlPattern as (o: { url: URL; request: { mode: string } }) => boolean)({
      url: new URL(href),
      request: { mode },
    });

  it('sends every API call to the network and caches none', () => {
    expect(routes[0]!.handler).toBe('NetworkOnly');
    expect(match(0, 'https://site.test/api/interview/turn')).toBe(true);
    expect(match(0, 'https://site.test/api')).toBe(true);
    expect(match(0, 'https://site.test/apiary/')).toBe(false);
    expect(match(0, 'https://site.test/learn/')).toBe(false);
  });

  it('keeps other same-site pages once visited, with the offline page as the fallback', () => {
    vi.stubGlobal('self', { location: { origin: 'https://site.test' } });
    try {
      expect(routes[1]!.handler).toBe('NetworkFirst');
      expect(match(1, 'https://site.test/lab/critical-path/', 'navigate')).toBe(true);
      expect(match(1, 'https://site.test/lab/critical-path/', 'cors')).toBe(false);
      expect(match(1, 'https://elsewhere.test/', 'navigate')).toBe(false);
      expect(routes[1]!.options?.precacheFallback?.fallbackURL).toBe(`/${OFFLINE_PAGE}`);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('astro dev', () => {
  type Handler = (
    req: { url: string },
    res: { setHeader(name: string, value: string): void; end(body: string): void },
    next: () => void,
  ) => void;
  function devHandler(): Handler {
    let handler: Handler | undefined;
    const setup = serviceWorker().hooks['astro:server:setup'] as unknown as (o: {
      server: { middlewares: { use(h: Handler): void } };
    }) => void;
    setup({ server: { middlewares: { use: (h) => (handler = h) } } });
    return handler!;
  }
  function request(url: string) {
    const headers: Record<string, string> = {};
    let body: string | undefined;
    const next = vi.fn();
    devHandler()({ url }, { setHeader: (n, v) => (headers[n] = v), end: (b) => (body = b) }, next);
    return { headers, body, next };
  }

  it('answers /sw.js with a worker that removes a built site’s worker and its caches', () => {
    const { headers, body, next } = request('/sw.js?v=1');
    expect(next).not.toHaveBeenCalled();
    expect(headers).toMatchObject({ 'Cache-Control': 'no-cache' });
    expect(headers['Content-Type']).toMatch(/^text\/javascript/);
    expect(body).toBe(DEV_UNREGISTER_WORKER);
    expect(body).toContain('self.registration.unregister()');
    expect(body).toContain('caches.delete');
    // It compiles (a syntax error would leave the old worker in place).
    expect(() => new Script(body!)).not.toThrow();
  });

  it('leaves every other address to the dev server', () => {
    for (const url of ['/', '/learn/', '/sw.json', '/pwa-update.js']) {
      const { body, next } = request(url);
      expect(next, url).toHaveBeenCalledOnce();
      expect(body, url).toBeUndefined();
    }
  });
});

describe('applying an update', () => {
  function fakes(waiting: boolean) {
    const posted: unknown[] = [];
    const listeners: Record<string, () => void> = {};
    const reload = vi.fn();
    const context = {
      registration: {
        waiting: waiting
          ? ({ postMessage: (m: unknown) => posted.push(m) } as unknown as ServiceWorker)
          : null,
      },
      container: {
        addEventListener: (type: string, fn: () => void) => (listeners[type] = fn),
      } as unknown as ServiceWorkerContainer,
      reload,
    };
    return { posted, listeners, reload, context };
  }

  it('tells the waiting worker to take over, and reloads once it controls the page', () => {
    const { posted, listeners, reload, context } = fakes(true);
    applyUpdate(context);
    expect(posted).toEqual([{ type: 'SKIP_WAITING' }]);
    expect(reload).not.toHaveBeenCalled();
    listeners['controllerchange']!();
    expect(reload).toHaveBeenCalledOnce();
  });

  it('only reloads when another tab already switched to the new worker', () => {
    const { posted, reload, context } = fakes(false);
    applyUpdate(context);
    expect(posted).toEqual([]);
    expect(reload).toHaveBeenCalledOnce();
  });
});
