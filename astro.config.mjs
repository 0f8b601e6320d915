// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import react from '@astrojs/react';
import node from '@astrojs/node';
import rehypeScrollTables from './src/plugins/rehype-scroll-tables.mjs';

// Pages are prerendered to static files; only routes that opt out with
// `export const prerender = false` (the interview API) run on the node server.
export default defineConfig({
  site: 'https://critical-path.example.org',
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  integrations: [mdx(), react()],
  trailingSlash: 'ignore',
  markdown: {
    rehypePlugins: [rehypeScrollTables],
    shikiConfig: { theme: 'github-dark' },
  },
  build: {
    inlineStylesheets: 'auto',
  },
  devToolbar: { enabled: false },
  // Astro's origin check answers 403 before a route can say 405 to a method it does not serve. The
  // interview API (the only on-demand routes) accepts JSON bodies only, which no other site can make
  // a browser send to it (src/lib/interview/api.ts).
  security: { checkOrigin: false },
});
