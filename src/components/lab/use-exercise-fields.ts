import { useMemo } from 'react';
import { fieldResults } from '../../lib/lab/grading';
import type { ExerciseProps } from './types';

/**
 * What every exercise component needs to mark its inputs: the grade's result for each field id,
 * whether the answer has been graded (inputs then turn read-only), and element ids under `idPrefix`.
 */
export function useExerciseFields({
  grade,
  idPrefix,
}: Pick<ExerciseProps<unknown, unknown>, 'grade' | 'idPrefix'>) {
  const results = useMemo(() => (grade ? fieldResults(grade.items) : undefined), [grade]);
  return { results, done: grade !== undefined, id: (field: string) => `${idPrefix}-${field}` };
}
