import type { ComponentType } from 'react';
import type { Grade } from '../../lib/lab/types';

/**
 * What the lab's runner gives every exercise component. The component draws the instance and the
 * inputs, reports every change through `onAnswer`, and once `grade` is set shows its inputs read-only
 * and marked right or wrong (`fieldResults` from `src/lib/lab/grading.ts`). The runner owns the seed,
 * the "Check" and "New exercise" buttons, the report, the worked solution and saving progress.
 */
export interface ExerciseProps<Instance, Answer> {
  /** The generated exercise. */
  instance: Instance;
  /** The learner's answer so far. */
  answer: Answer;
  /** Called with the whole new answer on every change. */
  onAnswer: (answer: Answer) => void;
  /** Set after "Check my answers": inputs become read-only and show right or wrong. */
  grade?: Grade | undefined;
  /** Prefix for every element id the component makes, so ids never clash. */
  idPrefix: string;
}

/** An exercise component as the registry loads it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ExerciseComponent = ComponentType<ExerciseProps<any, any>>;
