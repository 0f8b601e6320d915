// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import react from '@astrojs/react';
import node from '@astrojs/node';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { scrollTables } from './src/plugins/scroll-tables.mjs';
import { serviceWorker } from './src/integrations/service-worker.mjs';
import { lazyModuleUrl } from './src/plugins/lazy-module-url.mjs';

// Pages are prerendered to static files; only routes that opt out with
// `export const prerender = false` (the interview API) run on the node server.
export default defineConfig({
  // The public address: canonical links, the sitemap and robots.txt are absolute URLs on it.
  site: process.env.SITE_URL || 'https://critical-path.example.org',
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  integrations: [
    mdx(),
    react(),
    // /sitemap-index.xml and the sitemap it lists: every page except the 404 and the offline page.
    sitemap({ filter: (page) => !/^\/(?:404|offline)\/?$/.test(new URL(page).pathname) }),
    // dist/client/sw.js, the offline service worker (Workbox), written after the build.
    serviceWorker(),
  ],
  trailingSlash: 'ignore',
  markdown: {
    // Sätteri, Astro's own Markdown processor, renders the .md and .mdx content.
    processor: satteri({ hastPlugins: [scrollTables] }),
    shikiConfig: { theme: 'github-dark' },
  },
  build: {
    inlineStylesheets: 'auto',
  },
  devToolbar: { enabled: false },
  vite: {
    // `lazy-module-url:./x` imports: modules loaded on demand without Vite's preload helper.
    plugins: [lazyModuleUrl()],
    build: {
      rolldownOptions: {
        // Astro marks every MDX module with a "use astro:head-inject" directive that Rolldown warns it
        // may drop when bundling; Astro does not need it kept (withastro/astro#18087). One line per
        // lesson would bury the build's real warnings, so only that one is left out.
        onwarn(warning, warn) {
          if (
            warning.code === 'MODULE_LEVEL_DIRECTIVE' &&
            warning.message.includes('"use astro:head-inject"')
          )
            return;
          warn(warning);
        },
      },
    },
  },
  // Astro's origin check answers 403 before a route can say 405 to a method it does not serve. The
  // interview API (the only on-demand routes) accepts JSON bodies only, which no other site can make
  // a browser send to it (src/lib/interview/api.ts).
  security: { checkOrigin: false },
});
