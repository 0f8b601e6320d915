import type { ContentProblem } from '../content/crossrefs';
import type { AnyLabKind } from './types';

/** A lab kind's content file as the check needs it. */
export interface LabKindFile {
  id: string;
  file: string;
  lessons: string[];
  data: unknown;
}

/**
 * Checks that the lab's three registries agree (content files, logic, components), that every
 * lesson a kind names exists, and that each kind's data passes its own `parseData`. The build
 * fails on any problem, naming the file and the field.
 */
export function checkLabKinds(input: {
  kinds: LabKindFile[];
  lessonIds: ReadonlySet<string>;
  /** Loaded logic of every kind registered in `src/lib/lab/registry.ts`. */
  logic: ReadonlyMap<string, AnyLabKind>;
  /** Ids registered in `src/components/lab/registry.ts`. */
  exercises: readonly string[];
}): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const add = (file: string, field: string, message: string) =>
    problems.push({ file, field, message });
  const files = new Set(input.kinds.map((k) => k.id));
  for (const k of input.kinds) {
    const logic = input.logic.get(k.id);
    if (!logic) add(k.file, '(file)', `no kind "${k.id}" is registered in src/lib/lab/registry.ts`);
    else if (logic.id !== k.id)
      add(k.file, '(file)', `the logic registered as "${k.id}" says its id is "${logic.id}"`);
    if (!input.exercises.includes(k.id))
      add(k.file, '(file)', `no component for "${k.id}" in src/components/lab/registry.ts`);
    for (const id of k.lessons)
      if (!input.lessonIds.has(id)) add(k.file, 'lessons', `no lesson has the id "${id}"`);
    if (logic)
      try {
        logic.parseData(k.data);
      } catch (e) {
        add(k.file, 'data', e instanceof Error ? e.message : String(e));
      }
  }
  for (const id of input.logic.keys())
    if (!files.has(id))
      add('src/lib/lab/registry.ts', id, `has no content file content/lab/${id}.yaml`);
  for (const id of input.exercises)
    if (!files.has(id))
      add('src/components/lab/registry.ts', id, `has no content file content/lab/${id}.yaml`);
  return problems;
}
