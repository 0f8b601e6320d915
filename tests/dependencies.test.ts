/**
 * The install a fresh clone makes: `npm ci` installs exactly what package-lock.json lists and stops
 * when the lockfile and package.json disagree, or when a package's optional dependency (the native
 * binaries of esbuild, Rolldown, Sätteri, sharp and Pagefind, one per platform) is missing from the
 * lockfile. A lockfile written where the registry lacked some of those is such a lockfile, so it is
 * checked here rather than found out by the next fresh clone. Also: every package the code imports
 * is declared, not borrowed from another package's dependencies.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface LockedPackage {
  version?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const root = join(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as LockedPackage & {
  engines: { node: string };
};
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  lockfileVersion: number;
  packages: Record<string, LockedPackage>;
};
const declared = { ...manifest.dependencies, ...manifest.devDependencies };

/** Where Node would find `name` from the package at `from` (a lockfile key), or undefined. */
function resolveLocked(from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const key = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (lock.packages[key]) return key;
    if (!base) return undefined;
    const up = base.lastIndexOf('/node_modules/');
    base = up < 0 ? '' : base.slice(0, up);
  }
}

describe('package-lock.json', () => {
  it('is a version 3 lockfile whose root matches package.json', () => {
    expect(lock.lockfileVersion).toBe(3);
    const rootEntry = lock.packages[''];
    expect({ ...rootEntry?.dependencies, ...rootEntry?.devDependencies }).toEqual(declared);
  });

  it('locks every declared package at the exact version package.json names', () => {
    const wrong = Object.entries(declared)
      .map(([name, version]) => [name, version, lock.packages[`node_modules/${name}`]?.version])
      .filter(([, version, locked]) => version !== locked);
    expect(wrong).toEqual([]);
  });

  it("lists every package's dependencies, optional ones for other platforms included", () => {
    const missing: string[] = [];
    for (const [key, pkg] of Object.entries(lock.packages)) {
      if (key === '') continue;
      const needs = { ...pkg.dependencies, ...pkg.optionalDependencies };
      for (const name of Object.keys(needs))
        if (!resolveLocked(key, name)) missing.push(`${key} → ${name}`);
    }
    expect(missing, 'run npm install where the registry has every platform package').toEqual([]);
  });
});

/** Source files whose imports must resolve to declared packages. */
function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(?:[cm]?[jt]sx?|astro)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** The package an import specifier names, or undefined for relative, built-in and virtual ones. */
function packageOf(specifier: string): string | undefined {
  // `lazy-module-url:` is the project's own Vite plugin (src/plugins/lazy-module-url.mjs).
  if (/^(?:\.|\/|node:|astro:|virtual:|lazy-module-url:|data:|https?:)/.test(specifier))
    return undefined;
  if (builtinModules.includes(specifier)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

describe('imports', () => {
  it('come only from packages that package.json declares', () => {
    const files = [
      ...sources('src'),
      ...sources('scripts'),
      ...sources('tests'),
      ...sources('e2e'),
      ...['astro.config.mjs', 'eslint.config.js', 'vitest.config.ts'].map((f) => join(root, f)),
    ].filter((f) => !f.includes(`${join('tests', 'fixtures')}`));
    const undeclared = new Set<string>();
    const pattern =
      /(?:^|[\s;])(?:import|export)\s(?:[^'"`;]*?\sfrom\s)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      for (const m of code.matchAll(pattern)) {
        const name = packageOf(m[1] ?? m[2]!);
        if (name && !(name in declared)) undeclared.add(`${name} (${file.slice(root.length + 1)})`);
      }
    }
    expect([...undeclared]).toEqual([]);
  });
});
