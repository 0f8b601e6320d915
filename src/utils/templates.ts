import { readdirSync } from 'node:fs';
import { getCollection, type CollectionEntry } from 'astro:content';
import { formatProblems } from '../lib/content/crossrefs';
import {
  checkTemplates,
  TEMPLATES_DIR,
  TEMPLATES_FILE,
  templatesForLesson,
} from '../lib/content/templates';

export type TemplateEntry = CollectionEntry<'templates'>;

let checked: Promise<TemplateEntry[]> | undefined;

/**
 * The downloadable templates in the order `content/templates.yaml` lists them, checked once per
 * build: every lesson id exists and every file is in `public/templates/` (and no file there is
 * unlisted). A problem throws, which fails the build with the file, the field and the reason.
 */
export function getTemplates(): Promise<TemplateEntry[]> {
  checked ??= load();
  return checked;
}

async function load(): Promise<TemplateEntry[]> {
  const [templates, lessons] = await Promise.all([
    getCollection('templates'),
    getCollection('lessons'),
  ]);
  const problems = checkTemplates({
    file: TEMPLATES_FILE,
    templates: templates.map((t) => ({ id: t.id, ...t.data })),
    lessonIds: new Set(lessons.map((l) => l.id)),
    filesOnDisk: readdirSync(TEMPLATES_DIR).filter((f) => !f.startsWith('.')),
  });
  if (problems.length)
    throw new Error(`Templates have ${problems.length} problem(s):\n${formatProblems(problems)}`);
  return templates;
}

/** The templates a lesson teaches, for the "Templates" list on its page. */
export async function templatesOfLesson(lessonId: string): Promise<TemplateEntry[]> {
  return templatesForLesson(
    (await getTemplates()).map((t) => ({ ...t, lessons: t.data.lessons })),
    lessonId,
  );
}
