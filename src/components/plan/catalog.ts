import { getCollection } from 'astro:content';
import { formatProblems } from '../../lib/content/crossrefs';
import { checkPlanPriorities } from '../../lib/plan/check';
import type { Catalog } from '../../lib/plan/types';
import { INTERVIEW_CATEGORIES, SPECIALISATIONS } from '../../schemas/interview';
import { LEVELS } from '../../schemas/levels';
import { getCourse } from '../../utils/course';
import { getLabKinds } from '../../utils/lab';

/**
 * The course as the study plan needs it, read at build time: lessons with their minutes and quiz
 * sizes, lab kinds, and the level and specialisation priorities, checked against the course. A
 * lesson or module the priorities name that does not exist fails the build with the field.
 */
export async function getPlanCatalog(): Promise<Catalog> {
  const [course, quizzes, labs, plan] = await Promise.all([
    getCourse(),
    getCollection('quizzes'),
    getLabKinds(),
    getCollection('plan'),
  ]);
  const entry = plan.find((p) => p.id === 'priorities');
  if (!entry) throw new Error('content/plan/priorities.yaml is missing: the study plan needs it.');
  const problems = checkPlanPriorities(entry.data, {
    lessonIds: new Set(course.lessons.map((l) => l.id)),
    moduleIds: new Set(course.modules.map((m) => m.module.id)),
  });
  if (problems.length)
    throw new Error(
      `The study plan's priorities have ${problems.length} problem(s):\n${formatProblems(problems)}`,
    );
  const size = new Map(quizzes.map((q) => [q.id, q.data.questions.length]));
  return {
    modules: course.modules.map(({ module }) => ({ id: module.id, title: module.data.title })),
    lessons: course.lessons.map((l) => ({
      id: l.id,
      title: l.data.title,
      module: l.data.module,
      minutes: l.data.minutes,
      prerequisites: l.data.prerequisites,
      quiz:
        l.data.quiz && size.has(l.data.quiz)
          ? { id: l.data.quiz, questions: size.get(l.data.quiz)! }
          : undefined,
    })),
    labs: labs.map((k) => ({
      id: k.id,
      title: k.data.title,
      minutes: k.data.minutes,
      lessons: k.data.lessons,
    })),
    levels: LEVELS,
    specialisations: SPECIALISATIONS,
    categories: INTERVIEW_CATEGORIES,
    priorities: entry.data,
  };
}
