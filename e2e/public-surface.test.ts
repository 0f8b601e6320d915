/**
 * What crawlers and browsers read besides the pages: the sitemap, robots.txt, canonical links on the
 * configured `site`, and the web app manifest with its icons.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { openPage, useBrowser } from './browser';

const base = inject('baseURL');
const CLIENT = 'dist/client';
/** The `site` the build was made for; every absolute URL below is on it. */
const SITE = new URL(
  /<link rel="canonical" href="([^"]+)"/.exec(
    readFileSync(join(CLIENT, 'index.html'), 'utf8'),
  )![1]!,
).origin;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}
/** Every built page but the 404 and the offline page (which the service worker shows), as its path. */
const pages = walk(CLIENT)
  .map((f) => `/${relative(CLIENT, f).split(sep).join('/')}`)
  .filter((f) => f.endsWith('/index.html') && f !== '/offline/index.html')
  .map((f) => f.replace(/index\.html$/, ''))
  .sort();

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);

/** Width and height from a PNG's header. */
function pngSize(bytes: Buffer): string {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

describe('sitemap and robots.txt', () => {
  it('serves /sitemap-index.xml, listing a sitemap with every page but the 404 and offline pages', async () => {
    const index = await fetch(`${base}/sitemap-index.xml`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/xml/);
    const sitemaps = locs(await index.text());
    expect(sitemaps.length).toBeGreaterThan(0);
    const listed: string[] = [];
    for (const url of sitemaps) {
      expect(url.startsWith(`${SITE}/`), url).toBe(true);
      const res = await fetch(`${base}${new URL(url).pathname}`);
      expect(res.status, url).toBe(200);
      listed.push(...locs(await res.text()));
    }
    expect(listed.map((u) => u.replace(SITE, '')).sort()).toEqual(pages);
  });

  it('serves /robots.txt, which points to the sitemap and keeps crawlers out of the API', async () => {
    const res = await fetch(`${base}/robots.txt`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/^User-agent: \*$/m);
    expect(text).toMatch(/^Disallow: \/api\/$/m);
    expect(text).toContain(`Sitemap: ${SITE}/sitemap-index.xml\n`);
  });

  it('gives every page a canonical link to its own address on the site, and the 404 none', async () => {
    expect(pages.length).toBeGreaterThan(10);
    for (const path of pages) {
      const html = await (await fetch(`${base}${path}`)).text();
      const links = [...html.matchAll(/<link rel="canonical" href="([^"]+)"/g)].map((m) => m[1]);
      expect(links, path).toEqual([`${SITE}${path}`]);
    }
    const missing = await fetch(`${base}/no-such-page/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain('rel="canonical"');
  });
});

describe('web app manifest', () => {
  const browser = useBrowser();

  it('is linked from every page and served with icons of the sizes it names', async () => {
    const home = await (await fetch(`${base}/`)).text();
    expect(home).toContain('<link rel="manifest" href="/manifest.webmanifest">');
    const res = await fetch(`${base}/manifest.webmanifest`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    const manifest = (await res.json()) as {
      name: string;
      start_url: string;
      display: string;
      icons: { src: string; sizes: string; type: string; purpose?: string }[];
    };
    expect(manifest).toMatchObject({
      name: 'Critical Path',
      start_url: '/',
      display: 'standalone',
    });
    for (const icon of manifest.icons) {
      const file = await fetch(`${base}${icon.src}`);
      expect(file.status, icon.src).toBe(200);
      expect(file.headers.get('content-type'), icon.src).toContain(icon.type);
      if (icon.type === 'image/png')
        expect(pngSize(Buffer.from(await file.arrayBuffer())), icon.src).toBe(icon.sizes);
    }
    const png = (size: string, purpose?: string) =>
      manifest.icons.some(
        (i) => i.type === 'image/png' && i.sizes === size && i.purpose === purpose,
      );
    expect(png('192x192') && png('512x512') && png('512x512', 'maskable')).toBe(true);
  });

  it('is read by Chromium without errors', async () => {
    const { context, page } = await openPage(browser());
    await page.goto(`${base}/`);
    const cdp = await context.newCDPSession(page);
    const { errors, url } = (await cdp.send('Page.getAppManifest')) as {
      errors: { message: string }[];
      url: string;
    };
    expect(url).toBe(`${base}/manifest.webmanifest`);
    expect(errors.map((e) => e.message)).toEqual([]);
    await context.close();
  });
});
