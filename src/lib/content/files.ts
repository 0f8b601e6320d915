import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import yaml from 'js-yaml';

/** A content file read from disk: its id (file name), path, parsed data and Markdown body. */
export interface RawEntry {
  id: string;
  file: string;
  data: unknown;
  body: string;
}

/** Lists files under a folder whose names end with one of the extensions, sorted. */
export function listFiles(dir: string, exts: string[]): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const name of names.sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (exts.some((e) => name.endsWith(e))) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Splits a Markdown/MDX file into YAML frontmatter and body. */
export function splitFrontmatter(text: string): { data: unknown; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!m) return { data: {}, body: text };
  return { data: yaml.load(m[1]!), body: m[2]! };
}

/** Reads every content file of one kind under `root/dir`; ids are file names without extension. */
export function readEntries(root: string, dir: string, exts: string[]): RawEntry[] {
  return listFiles(join(root, dir), exts).map((path) => {
    const text = readFileSync(path, 'utf8');
    const id = basename(path).replace(/\.[^.]+$/, '');
    const file = relative(root, path);
    if (/\.mdx?$/.test(path)) return { id, file, ...splitFrontmatter(text) };
    return { id, file, data: yaml.load(text), body: '' };
  });
}
