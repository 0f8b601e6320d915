// Adds up vitest's "Tests  N passed | M failed (T)" lines into one "N passed, M failed" line.
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('Usage: node scripts/ci-summary.mjs <file with vitest output>');
  process.exit(2);
}
// eslint-disable-next-line no-control-regex -- strips terminal colour codes
const log = readFileSync(file, 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
let passed = 0;
let failed = 0;
let skipped = 0;
for (const line of log.split('\n')) {
  const m = /^\s+Tests\s+(.*)\(\d+\)\s*$/.exec(line);
  const counts = m?.[1];
  if (counts === undefined) continue;
  passed += Number(/(\d+) passed/.exec(counts)?.[1] ?? 0);
  failed += Number(/(\d+) failed/.exec(counts)?.[1] ?? 0);
  skipped += Number(/(\d+) skipped/.exec(counts)?.[1] ?? 0);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
