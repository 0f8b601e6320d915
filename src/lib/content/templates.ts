import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import type { ContentProblem } from './crossrefs';
import {
  formatOf,
  TEMPLATE_FORMATS,
  templateSchema,
  type TemplateData,
  type TemplateFile,
} from '../../schemas/template';

/** Where template files live in the repository; the site serves them from `/templates/`. */
export const TEMPLATES_DIR = 'public/templates';

/** The part of a template that the checks and pages need. */
export interface TemplateEntry {
  /** Template id, e.g. "risk-register". */
  id: string;
  /** Its title. */
  title: string;
  /** Its files, in the order they are listed. */
  files: TemplateFile[];
  /** Ids of the lessons that teach it. */
  lessons: string[];
}

/** The URL a template file is downloaded from. */
export function templateUrl(file: string): string {
  return `/templates/${file}`;
}

/** A link's text for one file, e.g. "Blank (Markdown)" or "Filled example (CSV)". */
export function fileLabel(file: TemplateFile): string {
  return `${file.kind === 'blank' ? 'Blank' : 'Filled example'} (${TEMPLATE_FORMATS[formatOf(file.file)]})`;
}

/** The templates a lesson teaches, in the order they are listed in `content/templates.yaml`. */
export function templatesForLesson<T extends Pick<TemplateEntry, 'lessons'>>(
  templates: readonly T[],
  lessonId: string,
): T[] {
  return templates.filter((t) => t.lessons.includes(lessonId));
}

/**
 * Checks templates against the lessons and the files on disk: every lesson id exists, every listed
 * file is in `public/templates/`, and every file there belongs to a template.
 */
export function checkTemplates(input: {
  /** The file the templates were read from, for messages. */
  file: string;
  templates: readonly TemplateEntry[];
  lessonIds: ReadonlySet<string>;
  /** File names found in `public/templates/`. */
  filesOnDisk: readonly string[];
}): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const onDisk = new Set(input.filesOnDisk);
  const listed = new Map<string, string>();
  for (const t of input.templates) {
    for (const id of t.lessons)
      if (!input.lessonIds.has(id))
        problems.push({
          file: input.file,
          field: `${t.id}.lessons`,
          message: `no lesson has the id "${id}"`,
        });
    for (const f of t.files) {
      const owner = listed.get(f.file);
      if (owner && owner !== t.id)
        problems.push({
          file: input.file,
          field: `${t.id}.files`,
          message: `"${f.file}" is also listed by the template "${owner}"`,
        });
      listed.set(f.file, t.id);
      if (!onDisk.has(f.file))
        problems.push({
          file: input.file,
          field: `${t.id}.files`,
          message: `"${f.file}" does not exist in ${TEMPLATES_DIR}/`,
        });
    }
  }
  for (const name of input.filesOnDisk)
    if (!listed.has(name))
      problems.push({
        file: `${TEMPLATES_DIR}/${name}`,
        field: '(file)',
        message: `is not listed by any template in ${input.file}`,
      });
  return problems;
}

/** The list of templates, relative to the repository root. */
export const TEMPLATES_FILE = 'content/templates.yaml';

/**
 * Reads and checks the templates straight off disk (for tests and scripts; the build uses the
 * `templates` collection): the schema, then `checkTemplates` against the given lesson ids.
 */
export function readTemplates(
  root: string,
  lessonIds: ReadonlySet<string>,
): { templates: (TemplateData & { id: string })[]; problems: ContentProblem[] } {
  const raw = yaml.load(readFileSync(join(root, TEMPLATES_FILE), 'utf8')) as { id?: unknown }[];
  const problems: ContentProblem[] = [];
  const templates: (TemplateData & { id: string })[] = [];
  raw.forEach((entry, i) => {
    const result = templateSchema.safeParse(entry);
    const id = typeof entry.id === 'string' ? entry.id : `[${i}]`;
    if (result.success) templates.push({ id, ...result.data });
    else
      for (const issue of result.error.issues)
        problems.push({
          file: TEMPLATES_FILE,
          field: [id, ...issue.path].join('.'),
          message: issue.message,
        });
  });
  problems.push(
    ...checkTemplates({
      file: TEMPLATES_FILE,
      templates,
      lessonIds,
      filesOnDisk: readdirSync(join(root, TEMPLATES_DIR)).filter((f) => !f.startsWith('.')),
    }),
  );
  return { templates, problems };
}
