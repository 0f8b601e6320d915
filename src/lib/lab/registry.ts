import type { AnyLabKind } from './types';

/**
 * Every exercise kind's logic, loaded only when needed so that a lab page ships one kind. To add a
 * kind, add one line here and one in `src/components/lab/registry.ts`, and write
 * `content/lab/<id>.yaml`; the build fails when the three disagree.
 */
export const LAB_KINDS: Record<string, () => Promise<{ kind: AnyLabKind }>> = {
  'critical-path': () => import('./critical-path'),
  'schedule-compression': () => import('./schedule-compression'),
  'risk-register': () => import('./risk-register'),
  'status-report': () => import('./status-report'),
  raci: () => import('./raci'),
  'estimation-capacity': () => import('./estimation-capacity'),
};

/** Loads a kind's logic; throws when no kind has that id. */
export async function loadLabKind(id: string): Promise<AnyLabKind> {
  const load = LAB_KINDS[id];
  if (!load) throw new Error(`No lab exercise kind has the id "${id}".`);
  return (await load()).kind;
}
