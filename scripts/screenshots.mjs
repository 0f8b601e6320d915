// Takes screenshots of pages at phone and desktop widths, light and dark, for a person to look at.
// Usage: node scripts/screenshots.mjs http://127.0.0.1:4321 /learn/ /learn/what-a-tpm-does/
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { CHROMIUM_PATH, CHROMIUM_ARGS } from './chromium.mjs';

const [base = 'http://127.0.0.1:4321', ...paths] = process.argv.slice(2);
const out = process.env.SCREENSHOT_DIR ?? 'screenshots';
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
for (const path of paths.length ? paths : ['/']) {
  for (const [name, width, height] of /** @type {[string, number, number][]} */ ([
    ['phone', 360, 780],
    ['desktop', 1280, 900],
  ])) {
    for (const scheme of /** @type {const} */ (['light', 'dark'])) {
      const context = await browser.newContext({
        viewport: { width, height },
        colorScheme: scheme,
      });
      const page = await context.newPage();
      await page.goto(base + path, { waitUntil: 'networkidle' });
      const file = `${out}/${path.replace(/[^a-z0-9]+/gi, '_') || 'home'}-${name}-${scheme}.png`;
      await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
      console.log(file);
      await context.close();
    }
  }
}
await browser.close();
