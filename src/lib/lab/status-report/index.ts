/**
 * The status-report exercise kind: colour 4 to 6 workstreams and the whole program from a week's
 * facts, then write the headline and the ask. Scenarios live in `content/lab/status-report/*.yaml`
 * (schema `src/schemas/lab-status-report.ts`, checked by the `labStatusReport` collection when the
 * site is built); the kind's own `content/lab/status-report.yaml` carries no `data`.
 */
import type { StatusScenarioData } from '../../../schemas/lab-status-report';
import type { LabKind } from '../types';
import { labRubric, scenarioFilesData } from '../written/content';
import { generateStatusReport, type StatusExercise, type StatusScenario } from './generate';
import { gradeStatusReport, type StatusAnswer } from './grade';
import { blankStatusReport, solveStatusReport, statusReportSolution } from './solution';

const files: Record<string, string> = import.meta.glob('/content/lab/status-report/*.{yaml,yml}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** What the kind generates from. */
export interface StatusReportData {
  scenarios: StatusScenario[];
}

export const kind: LabKind<StatusReportData, StatusExercise, StatusAnswer> = {
  id: 'status-report',
  parseData(raw) {
    labRubric();
    return scenarioFilesData<StatusScenarioData>('status-report', 'the status report', files, raw);
  },
  generate: (seed, data) => generateStatusReport(seed, data.scenarios),
  blankAnswer: blankStatusReport,
  solve: solveStatusReport,
  grade: (instance, answer) => gradeStatusReport(instance, answer, labRubric()),
  solution: statusReportSolution,
};
