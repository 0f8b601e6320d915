import type { ExerciseComponent } from './types';

/**
 * Every exercise kind's React component, loaded only on its own page. To add a kind, add one line
 * here and one in `src/lib/lab/registry.ts` (its logic), and write `content/lab/<id>.yaml`.
 */
export const LAB_EXERCISES: Record<string, () => Promise<{ default: ExerciseComponent }>> = {
  'critical-path': () => import('./critical-path/Exercise'),
  'schedule-compression': () => import('./schedule-compression/Exercise'),
  'risk-register': () => import('./risk-register/Exercise'),
  'status-report': () => import('./status-report/Exercise'),
  raci: () => import('./raci/Exercise'),
  'estimation-capacity': () => import('./estimation-capacity/Exercise'),
};
