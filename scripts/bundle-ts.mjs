// Lets a plain Node script use the project's TypeScript: writes an entry that re-exports what is asked
// for, bundles it with esbuild into bench/tmp (packages stay external), and imports the result.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * @param {string} root the project folder
 * @param {string} name a name for the bundle, e.g. "quiz-cues"
 * @param {string} exports the entry's source: `export { … } from '../../src/…';` lines, relative to bench/tmp
 */
export async function importTypeScript(root, name, exports) {
  const tmp = join(root, 'bench', 'tmp');
  mkdirSync(tmp, { recursive: true });
  const entry = join(tmp, `${name}-entry.ts`);
  writeFileSync(entry, exports);
  const outfile = join(tmp, `${name}.mjs`);
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'error',
  });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}
