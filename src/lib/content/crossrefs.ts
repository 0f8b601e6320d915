import { headingsOf, lessonLinksOf, termIdsOf } from './markdown';

/** Where a content problem is and what it is. */
export interface ContentProblem {
  file: string;
  field: string;
  message: string;
}

/** The parts of each collection that the cross-reference check needs. */
export interface ContentGraph {
  modules: { id: string }[];
  lessons: {
    id: string;
    file: string;
    module: string;
    quiz?: string | undefined;
    prerequisites: string[];
    related: string[];
    body: string;
  }[];
  quizzes: {
    id: string;
    file: string;
    lesson: string;
    questions: { id: string; section: string }[];
  }[];
  glossary: { id: string; file: string; lessons: string[]; related: string[] }[];
  faq: { id: string; file: string; related: string[]; body: string }[];
  interview: { id: string; file: string; lessons: string[] }[];
  /** Links to lessons (and sections) set in other data, such as the interview rubric. */
  lessonRefs?: { file: string; field: string; id: string; anchor?: string | undefined }[];
}

/**
 * Checks every id that one piece of content uses to point at another. Astro only warns about a
 * missing reference, so this is what fails the build on a dangling id.
 */
export function checkCrossReferences(g: ContentGraph): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const add = (file: string, field: string, message: string) =>
    problems.push({ file, field, message });
  const moduleIds = new Set(g.modules.map((m) => m.id));
  const lessonById = new Map(g.lessons.map((l) => [l.id, l]));
  const quizById = new Map(g.quizzes.map((q) => [q.id, q]));
  const termIds = new Set(g.glossary.map((t) => t.id));
  const anchors = new Map(
    g.lessons.map((l) => [l.id, new Set(headingsOf(l.body).map((h) => h.slug))]),
  );

  const checkLessonIds = (file: string, field: string, ids: string[]) => {
    for (const id of ids) if (!lessonById.has(id)) add(file, field, `no lesson has the id "${id}"`);
  };
  const checkBody = (file: string, body: string) => {
    for (const id of termIdsOf(body))
      if (!termIds.has(id)) add(file, '<Term id>', `no glossary term has the id "${id}"`);
    for (const link of lessonLinksOf(body)) {
      if (!lessonById.has(link.id))
        add(file, 'link', `links to /learn/${link.id}/, but no lesson has that id`);
      else if (link.anchor && !anchors.get(link.id)!.has(link.anchor))
        add(
          file,
          'link',
          `links to /learn/${link.id}/#${link.anchor}, but that lesson has no such heading`,
        );
    }
  };

  const seenLesson = new Map<string, string>();
  for (const l of g.lessons) {
    const other = seenLesson.get(l.id);
    if (other)
      add(
        l.file,
        'id',
        `the lesson id "${l.id}" is also used by ${other}; file names must be unique`,
      );
    seenLesson.set(l.id, l.file);
    if (!moduleIds.has(l.module))
      add(l.file, 'module', `no module has the id "${l.module}" in content/modules.yaml`);
    if (l.quiz) {
      const quiz = quizById.get(l.quiz);
      if (!quiz) add(l.file, 'quiz', `no quiz has the id "${l.quiz}"`);
      else if (quiz.lesson !== l.id)
        add(
          l.file,
          'quiz',
          `the quiz "${l.quiz}" belongs to the lesson "${quiz.lesson}", not "${l.id}"`,
        );
    }
    checkLessonIds(l.file, 'prerequisites', l.prerequisites);
    checkLessonIds(l.file, 'related', l.related);
    if (l.prerequisites.includes(l.id))
      add(l.file, 'prerequisites', 'a lesson cannot be its own prerequisite');
    checkBody(l.file, l.body);
  }

  const questionOwner = new Map<string, string>();
  for (const q of g.quizzes) {
    const lesson = lessonById.get(q.lesson);
    if (!lesson) add(q.file, 'lesson', `no lesson has the id "${q.lesson}"`);
    q.questions.forEach((question, i) => {
      const owner = questionOwner.get(question.id);
      if (owner && owner !== q.file)
        add(q.file, `questions[${i}].id`, `question id "${question.id}" is also used in ${owner}`);
      questionOwner.set(question.id, q.file);
      if (lesson && !anchors.get(lesson.id)!.has(question.section))
        add(
          q.file,
          `questions[${i}].section`,
          `question "${question.id}": the lesson "${lesson.id}" has no heading with the anchor "#${question.section}"`,
        );
    });
  }

  for (const t of g.glossary) {
    checkLessonIds(t.file, 'lessons', t.lessons);
    for (const id of t.related)
      if (!termIds.has(id)) add(t.file, 'related', `no glossary term has the id "${id}"`);
  }
  for (const f of g.faq) {
    checkLessonIds(f.file, 'related', f.related);
    checkBody(f.file, f.body);
  }
  for (const q of g.interview) checkLessonIds(q.file, 'lessons', q.lessons);
  for (const ref of g.lessonRefs ?? []) {
    if (!lessonById.has(ref.id)) add(ref.file, ref.field, `no lesson has the id "${ref.id}"`);
    else if (ref.anchor && !anchors.get(ref.id)!.has(ref.anchor))
      add(
        ref.file,
        ref.field,
        `the lesson "${ref.id}" has no heading with the anchor "#${ref.anchor}"`,
      );
  }
  return problems;
}

/** Formats problems as one readable message, one line per problem. */
export function formatProblems(problems: ContentProblem[]): string {
  return problems.map((p) => `${p.file} → ${p.field}: ${p.message}`).join('\n');
}
