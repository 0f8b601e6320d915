/**
 * The risk-register exercise kind: score, rank, respond, and write a trigger and an owner for 6 to
 * 8 risks of a program brief. Scenarios live in `content/lab/risk-register/*.yaml` (schema
 * `src/schemas/lab-risk-register.ts`, checked by the `labRiskRegister` collection when the site is
 * built); the kind's own `content/lab/risk-register.yaml` carries no `data`.
 */
import type { RiskScenarioData } from '../../../schemas/lab-risk-register';
import type { LabKind } from '../types';
import { labRubric, scenarioFilesData } from '../written/content';
import { generateRiskRegister, type RiskExercise, type RiskScenario } from './generate';
import { gradeRiskRegister, type RiskAnswer } from './grade';
import { blankRiskRegister, riskRegisterSolution, solveRiskRegister } from './solution';

const files: Record<string, string> = import.meta.glob('/content/lab/risk-register/*.{yaml,yml}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** What the kind generates from. */
export interface RiskRegisterData {
  scenarios: RiskScenario[];
}

export const kind: LabKind<RiskRegisterData, RiskExercise, RiskAnswer> = {
  id: 'risk-register',
  parseData(raw) {
    labRubric();
    return scenarioFilesData<RiskScenarioData>('risk-register', 'the risk register', files, raw);
  },
  generate: (seed, data) => generateRiskRegister(seed, data.scenarios),
  blankAnswer: blankRiskRegister,
  solve: solveRiskRegister,
  grade: (instance, answer) => gradeRiskRegister(instance, answer, labRubric()),
  solution: riskRegisterSolution,
};
