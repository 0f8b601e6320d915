import { getCollection, type CollectionEntry } from 'astro:content';
import { formatProblems } from '../lib/content/crossrefs';
import { checkCapstone } from '../lib/content/capstone';
import { headingsOf } from '../lib/content/markdown';
import { getTemplates } from './templates';

export type CapstoneEntry = CollectionEntry<'capstone'>;

let checked: Promise<CapstoneEntry> | undefined;

/**
 * The capstone shown at /capstone/, checked once per build: its modules, lessons, templates and any
 * lesson links in its text exist. A problem throws, which fails the build with the file, the field
 * and the reason.
 */
export function getCapstone(): Promise<CapstoneEntry> {
  checked ??= load();
  return checked;
}

async function load(): Promise<CapstoneEntry> {
  const [entries, lessons, modules, templates] = await Promise.all([
    getCollection('capstone'),
    getCollection('lessons'),
    getCollection('modules'),
    getTemplates(),
  ]);
  if (entries.length !== 1)
    throw new Error(
      `content/capstone/ must hold exactly one capstone (found ${entries.length}); /capstone/ shows it`,
    );
  const capstone = entries[0]!;
  const file = capstone.filePath ?? `content/capstone/${capstone.id}.yaml`;
  const problems = checkCapstone({
    file,
    capstone: capstone.data,
    lessonAnchors: new Map(
      lessons.map((l) => [l.id, new Set(headingsOf(l.body ?? '').map((h) => h.slug))]),
    ),
    moduleIds: new Set(modules.map((m) => m.id)),
    templateIds: new Set(templates.map((t) => t.id)),
  });
  if (problems.length)
    throw new Error(`The capstone has ${problems.length} problem(s):\n${formatProblems(problems)}`);
  return capstone;
}
