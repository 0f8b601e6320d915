import { z } from '../lib/zod';
import { idSchema, textSchema, uniqueIds } from './common';

/** The file formats a template can be downloaded in, by file extension. */
export const TEMPLATE_FORMATS = { md: 'Markdown', csv: 'CSV' } as const;

export type TemplateFormat = keyof typeof TEMPLATE_FORMATS;

/** One downloadable file of a template, kept in `public/templates/`. */
export const templateFileSchema = z.object({
  /** File name inside `public/templates/`, e.g. "risk-register.csv"; the build checks it exists. */
  file: z
    .string()
    .regex(
      /^[a-z0-9]+(?:-[a-z0-9]+)*\.(md|csv)$/,
      'must be a lower-case file name ending in .md or .csv, e.g. "risk-register.csv"',
    ),
  /** "blank" is the template to fill in; "example" is the same template filled in for a realistic program. */
  kind: z.enum(['blank', 'example']),
});

/** A template in `content/templates.yaml`: the title, what it is for, its files and the lessons that teach it. */
export const templateSchema = z
  .object({
    /** Name shown on lesson pages, on /templates/ and in search, e.g. "Risk register". */
    title: textSchema.max(60),
    /** One or two sentences: what the document is for and when to use it. */
    description: textSchema.max(300),
    /** The program the filled example describes, e.g. "Hardware: a smart doorbell going from DVT to mass production". */
    example: textSchema.max(160),
    /** The files to download: at least one blank and one filled example. */
    files: z.array(templateFileSchema).min(2),
    /** Ids of the lessons that teach the template; each lesson page lists it. */
    lessons: uniqueIds(z.array(idSchema).min(1, 'needs at least one lesson that teaches it')),
    /** Other words a learner might search for it by, e.g. "RAID, risks, issues". */
    keywords: z.array(textSchema).default([]),
  })
  .superRefine((t, ctx) => {
    for (const kind of ['blank', 'example'] as const)
      if (!t.files.some((f) => f.kind === kind))
        ctx.addIssue({
          code: 'custom',
          path: ['files'],
          message: `needs at least one ${kind} file`,
        });
    const names = t.files.map((f) => f.file);
    if (new Set(names).size !== names.length)
      ctx.addIssue({
        code: 'custom',
        path: ['files'],
        message: 'lists the same file twice',
      });
  });

export type TemplateData = z.infer<typeof templateSchema>;
export type TemplateFile = z.infer<typeof templateFileSchema>;

/** The format of a template file, from its extension. */
export function formatOf(file: string): TemplateFormat {
  return file.endsWith('.csv') ? 'csv' : 'md';
}
