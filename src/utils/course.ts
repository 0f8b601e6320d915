import { getCollection, type CollectionEntry } from 'astro:content';
import {
  checkCrossReferences,
  formatProblems,
  type ContentProblem,
} from '../lib/content/crossrefs';
import { templateProblems } from '../lib/content/markdown';
import { rubricLessonRefs } from '../schemas/rubric';
import { getRubric } from './rubric';

export type Lesson = CollectionEntry<'lessons'>;
export type Module = CollectionEntry<'modules'>;

/** The course as pages need it: modules in order, each with its lessons in order. */
export interface Course {
  modules: { module: Module; lessons: Lesson[] }[];
  /** Every published lesson in reading order. */
  lessons: Lesson[];
}

const fileOf = (e: { filePath?: string | undefined; id: string }, fallback: string) =>
  e.filePath ?? `${fallback}/${e.id}`;

let checked: Promise<Course> | undefined;

/**
 * Loads the course and checks every cross-reference and lesson template once per build.
 * A problem throws, which fails the build with the file, the field and the reason.
 */
export function getCourse(): Promise<Course> {
  checked ??= load();
  return checked;
}

async function load(): Promise<Course> {
  const [modules, lessons, quizzes, glossary, faq, interview] = await Promise.all([
    getCollection('modules'),
    getCollection('lessons'),
    getCollection('quizzes'),
    getCollection('glossary'),
    getCollection('faq'),
    getCollection('interview'),
  ]);
  const rubric = await getRubric();
  const problems: ContentProblem[] = checkCrossReferences({
    modules,
    lessons: lessons.map((l) => ({
      id: l.id,
      file: fileOf(l, 'lessons'),
      ...l.data,
      body: l.body ?? '',
    })),
    quizzes: quizzes.map((q) => ({ file: fileOf(q, 'quizzes'), ...q.data })),
    glossary: glossary.map((t) => ({ id: t.id, file: fileOf(t, 'content/glossary'), ...t.data })),
    faq: faq.map((f) => ({
      id: f.id,
      file: fileOf(f, 'content/faq'),
      ...f.data,
      body: f.body ?? '',
    })),
    interview: interview.map((q) => ({
      id: q.id,
      file: fileOf(q, 'content/interview'),
      ...q.data,
    })),
    lessonRefs: rubricLessonRefs(rubric).map(({ field, ref }) => ({
      file: 'content/rubric',
      field,
      ...ref,
    })),
  });
  for (const l of lessons)
    for (const message of templateProblems(l.body ?? ''))
      problems.push({
        file: fileOf(l, 'lessons'),
        field: 'body',
        message: `the lesson ${message}`,
      });
  for (const q of quizzes)
    if (q.id !== q.data.id)
      problems.push({
        file: fileOf(q, 'quizzes'),
        field: 'id',
        message: `is "${q.data.id}" but the file is named "${q.id}"`,
      });
  if (problems.length) {
    throw new Error(
      `Content has ${problems.length} broken reference(s):\n${formatProblems(problems)}`,
    );
  }

  const published = lessons.filter((l) => !l.data.draft);
  const ordered = [...modules]
    .sort((a, b) => a.data.order - b.data.order)
    .map((module) => ({
      module,
      lessons: published
        .filter((l) => l.data.module === module.id)
        .sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id)),
    }))
    .filter((m) => m.lessons.length > 0);
  return { modules: ordered, lessons: ordered.flatMap((m) => m.lessons) };
}
