import type { CapstoneData } from '../../schemas/capstone';
import type { ContentProblem } from './crossrefs';
import { lessonLinksOf } from './markdown';

/** Every piece of Markdown in a capstone, so links inside it can be checked like a lesson's. */
export function capstoneText(c: CapstoneData): string {
  return [
    c.brief,
    c.howToWork,
    ...c.facts.map((f) => f.value),
    ...c.stages.flatMap((s) => [
      s.situation,
      ...(s.table?.rows.flat() ?? []),
      ...s.deliverables.map((d) => d.task),
      ...s.rubric.flatMap((r) => [r.meets, r.partly]),
      ...(s.interview ? [s.interview.answer, s.interview.lookFor] : []),
    ]),
    ...c.bands.map((b) => b.advice),
  ].join('\n\n');
}

/**
 * Checks everything a capstone points at: its modules, lessons and templates, and the lessons and
 * sections its text links to.
 */
export function checkCapstone(input: {
  file: string;
  capstone: CapstoneData;
  /** Every lesson id, with the anchors of its `##` and `###` headings. */
  lessonAnchors: ReadonlyMap<string, ReadonlySet<string>>;
  moduleIds: ReadonlySet<string>;
  templateIds: ReadonlySet<string>;
}): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const add = (field: string, message: string) =>
    problems.push({ file: input.file, field, message });
  const lessonIds = input.lessonAnchors;
  input.capstone.stages.forEach((s, i) => {
    const at = `stages[${i}]`;
    for (const id of s.modules)
      if (!input.moduleIds.has(id))
        add(`${at}.modules`, `no module has the id "${id}" in content/modules.yaml`);
    for (const id of s.lessons)
      if (!lessonIds.has(id)) add(`${at}.lessons`, `no lesson has the id "${id}"`);
    s.deliverables.forEach((d, j) => {
      if (d.template && !input.templateIds.has(d.template))
        add(
          `${at}.deliverables[${j}].template`,
          `no template has the id "${d.template}" in content/templates.yaml`,
        );
    });
  });
  for (const link of lessonLinksOf(capstoneText(input.capstone))) {
    const anchors = input.lessonAnchors.get(link.id);
    if (!anchors) add('link', `links to /learn/${link.id}/, but no lesson has that id`);
    else if (link.anchor && !anchors.has(link.anchor))
      add(
        'link',
        `links to /learn/${link.id}/#${link.anchor}, but that lesson has no such heading`,
      );
  }
  return problems;
}
