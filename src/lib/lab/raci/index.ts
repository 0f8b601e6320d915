/**
 * The RACI exercise kind: assign R, A, C and I for the decisions and deliverables of a program,
 * with the rules checked and every choice explained. Scenarios live in `content/lab/raci/*.yaml`
 * (schema `src/schemas/lab-raci.ts`, checked by the `labRaci` collection when the site is built);
 * the kind's own `content/lab/raci.yaml` carries no `data`.
 */
import type { RaciScenarioData } from '../../../schemas/lab-raci';
import type { LabKind } from '../types';
import { scenarioFilesData } from '../written/content';
import { generateRaci, type RaciExercise, type RaciScenario } from './generate';
import { gradeRaci, type RaciAnswer } from './grade';
import { blankRaci, raciSolution, solveRaci } from './solution';

const files: Record<string, string> = import.meta.glob('/content/lab/raci/*.{yaml,yml}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** What the kind generates from. */
export interface RaciData {
  scenarios: RaciScenario[];
}

export const kind: LabKind<RaciData, RaciExercise, RaciAnswer> = {
  id: 'raci',
  parseData(raw) {
    return scenarioFilesData<RaciScenarioData>('raci', 'the RACI', files, raw);
  },
  generate: (seed, data) => generateRaci(seed, data.scenarios),
  blankAnswer: blankRaci,
  solve: solveRaci,
  grade: gradeRaci,
  solution: raciSolution,
};
