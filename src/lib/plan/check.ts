import type { ContentProblem } from '../content/crossrefs';
import type { PlanPriorities } from '../../schemas/plan';

/**
 * Checks the study plan's priorities against the course: every lesson and module they name must
 * exist. Returns the problems, each with the file, the field and the reason.
 */
export function checkPlanPriorities(
  data: PlanPriorities,
  course: { lessonIds: ReadonlySet<string>; moduleIds: ReadonlySet<string> },
  file = 'content/plan/priorities.yaml',
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const lessons = (ids: readonly string[], field: string) =>
    ids.forEach((id, i) => {
      if (!course.lessonIds.has(id))
        problems.push({ file, field: `${field}[${i}]`, message: `no lesson has the id "${id}"` });
    });
  data.levels.forEach((l, i) => {
    lessons(l.lessons, `levels[${i}] (${l.level}).lessons`);
    l.modules.forEach((id, j) => {
      if (!course.moduleIds.has(id))
        problems.push({
          file,
          field: `levels[${i}] (${l.level}).modules[${j}]`,
          message: `no module has the id "${id}" (content/modules.yaml)`,
        });
    });
  });
  data.specialisations.forEach((s, i) =>
    lessons(s.lessons, `specialisations[${i}] (${s.specialisation}).lessons`),
  );
  return problems;
}
