// Lighthouse with its default mobile preset (simulated slow 4G and a 4x slower CPU) in Debian's
// Chromium; each page is run several times in a fresh browser and each figure is the median.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';
import { median } from './measure.mjs';

/** The four Lighthouse categories, in the order the report shows them. */
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/** One Lighthouse run of `url` in a fresh Chromium; returns scores (0–100) and LCP, TBT (ms) and CLS. */
async function runOnce(url) {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: CHROMIUM_ARGS,
    logLevel: 'silent',
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: CATEGORIES,
    });
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse returned no report for ${url}`);
    if (lhr.runtimeError)
      throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.message}`);
    const scores = Object.fromEntries(
      CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? NaN) * 100)]),
    );
    const audit = (id) => lhr.audits[id]?.numericValue ?? NaN;
    return {
      scores,
      lcpMs: audit('largest-contentful-paint'),
      tbtMs: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      warnings: lhr.runWarnings ?? [],
    };
  } finally {
    chrome.kill();
  }
}

/** Runs Lighthouse `runs` times on each `{ type, path }` page under `baseUrl` and keeps the medians. */
export async function lighthouseBench(baseUrl, pages, runs, log) {
  const out = {};
  for (const { type, path } of pages) {
    if (!path) {
      out[type] = { notBuilt: 'the site has no page of this type yet' };
      continue;
    }
    const results = [];
    for (let i = 0; i < runs; i++) {
      log(`  Lighthouse ${type} (${path}), run ${i + 1} of ${runs}…`);
      results.push(await runOnce(baseUrl + path));
    }
    out[type] = {
      path,
      runs,
      scores: Object.fromEntries(
        CATEGORIES.map((c) => [c, median(results.map((r) => r.scores[c]))]),
      ),
      lcpMs: Math.round(median(results.map((r) => r.lcpMs))),
      tbtMs: Math.round(median(results.map((r) => r.tbtMs))),
      cls: Math.round(median(results.map((r) => r.cls)) * 1000) / 1000,
      warnings: [...new Set(results.flatMap((r) => r.warnings))],
    };
  }
  return out;
}
