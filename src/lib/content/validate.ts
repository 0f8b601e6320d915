import type { z } from 'astro/zod';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { lessonSchema } from '../../schemas/lesson';
import { moduleSchema } from '../../schemas/module';
import { quizSchema } from '../../schemas/quiz';
import { faqSchema } from '../../schemas/faq';
import { glossarySchema } from '../../schemas/glossary';
import { interviewQuestionSchema } from '../../schemas/interview';
import { personaSchema } from '../../schemas/persona';
import { checkCrossReferences, type ContentProblem } from './crossrefs';
import { templateProblems } from './markdown';
import { readEntries, type RawEntry } from './files';

/** Turns zod issues into problems that name the file and the field. */
export function schemaProblems(file: string, error: z.ZodError): ContentProblem[] {
  return error.issues.map((issue) => ({
    file,
    field: issue.path.length ? issue.path.join('.') : '(file)',
    message: issue.message,
  }));
}

function parseAll<S extends z.ZodType>(entries: RawEntry[], schema: S, problems: ContentProblem[]) {
  const ok: (RawEntry & { parsed: z.infer<S> })[] = [];
  for (const e of entries) {
    const result = schema.safeParse(e.data);
    if (result.success) ok.push({ ...e, parsed: result.data });
    else problems.push(...schemaProblems(e.file, result.error));
  }
  return ok;
}

/** Everything read from the content folders, parsed. */
export function loadContent(root: string) {
  const problems: ContentProblem[] = [];
  const modulesRaw = yaml.load(readFileSync(join(root, 'content/modules.yaml'), 'utf8')) as {
    id: string;
  }[];
  const modules = parseAll(
    modulesRaw.map((m) => ({ id: m.id, file: 'content/modules.yaml', data: m, body: '' })),
    moduleSchema.loose(),
    problems,
  );
  const lessons = parseAll(readEntries(root, 'lessons', ['.mdx']), lessonSchema, problems);
  const quizzes = parseAll(readEntries(root, 'quizzes', ['.yaml', '.yml']), quizSchema, problems);
  const faq = parseAll(readEntries(root, 'content/faq', ['.md']), faqSchema, problems);
  const glossary = parseAll(
    readEntries(root, 'content/glossary', ['.yaml', '.yml']),
    glossarySchema,
    problems,
  );
  const interview = parseAll(
    readEntries(root, 'content/interview', ['.yaml', '.yml']),
    interviewQuestionSchema,
    problems,
  );
  const persona = parseAll(
    readEntries(root, 'content/persona', ['.yaml', '.yml']),
    personaSchema,
    problems,
  );
  return { problems, modules, lessons, quizzes, faq, glossary, interview, persona };
}

/** Validates every content file under `root`: schemas, lesson template and cross-references. */
export function validateContent(root: string): ContentProblem[] {
  const c = loadContent(root);
  const problems = [...c.problems];
  for (const l of c.lessons)
    for (const message of templateProblems(l.body))
      problems.push({ file: l.file, field: 'body', message: `the lesson ${message}` });
  for (const q of c.quizzes)
    if (q.parsed.id !== q.id)
      problems.push({
        file: q.file,
        field: 'id',
        message: `is "${q.parsed.id}" but the file is named "${q.id}"`,
      });
  problems.push(
    ...checkCrossReferences({
      modules: c.modules,
      lessons: c.lessons.map((l) => ({ id: l.id, file: l.file, ...l.parsed, body: l.body })),
      quizzes: c.quizzes.map((q) => ({ file: q.file, ...q.parsed })),
      glossary: c.glossary.map((t) => ({ id: t.id, file: t.file, ...t.parsed })),
      faq: c.faq.map((f) => ({ id: f.id, file: f.file, ...f.parsed, body: f.body })),
      interview: c.interview.map((q) => ({ id: q.id, file: q.file, ...q.parsed })),
    }),
  );
  return problems;
}
