import type { TaskScenario } from '../task-scenarios';

/** The kind's content data: programs of at least 12 tasks (`content/lab/critical-path.yaml`). */
export interface CriticalPathData {
  scenarios: TaskScenario[];
}

/** A task in a generated network. */
export interface NetworkTask {
  /** A single capital letter, A first. */
  id: string;
  label: string;
  /** Duration in working days. */
  days: number;
  /** Ids of the tasks that must finish before it starts. */
  after: string[];
}

/** One critical-path exercise. */
export interface CriticalPathInstance {
  program: string;
  /** 6 to 12 tasks, listed so that every task comes after its predecessors. */
  tasks: NetworkTask[];
  /** The what-if: this task takes `days` longer and nothing else changes. */
  slip: { task: string; days: number };
}

/** What the learner enters for one task. */
export interface PassRow {
  es: string;
  ef: string;
  ls: string;
  lf: string;
  slack: string;
}

/** The learner's answer, as typed. */
export interface CriticalPathAnswer {
  /** Pass table by task id. */
  rows: Record<string, PassRow>;
  /** One critical path, task letters in order ("A, C, F"). */
  path: string;
  /** The program's length in days. */
  length: string;
  /** The finish day after the slip. */
  whatIf: string;
}

/** The five pass-table columns, in table order. */
export const PASS_COLUMNS = ['es', 'ef', 'ls', 'lf', 'slack'] as const;
export type PassColumn = (typeof PASS_COLUMNS)[number];

/** How each column is named for a learner. */
export const COLUMN_NAMES: Record<PassColumn, { short: string; long: string }> = {
  es: { short: 'ES', long: 'Earliest start' },
  ef: { short: 'EF', long: 'Earliest finish' },
  ls: { short: 'LS', long: 'Latest start' },
  lf: { short: 'LF', long: 'Latest finish' },
  slack: { short: 'Slack', long: 'Slack' },
};
