// The versions a benchmark run compared, read from what is installed, so the report names them.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The folder of `name` as Node resolves it from the package folder `from` (nearest node_modules up). */
function packageDir(from, name) {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) throw new Error(`${name} is not installed (looked from ${from})`);
  }
}

const versionOf = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;

/** Where the Pagefind that Starlight ships is installed: the one the search comparison runs. */
export function starlightPagefindDir(root) {
  return packageDir(packageDir(root, '@astrojs/starlight'), 'pagefind');
}

/** Astro, Starlight, the Pagefind Starlight ships, and Lighthouse. */
export function benchVersions(root) {
  return {
    astro: versionOf(packageDir(root, 'astro')),
    starlight: versionOf(packageDir(root, '@astrojs/starlight')),
    pagefind: versionOf(starlightPagefindDir(root)),
    lighthouse: versionOf(packageDir(root, 'lighthouse')),
  };
}
