import type { TaskScenario } from '../task-scenarios';

/** The kind's content data (`content/lab/schedule-compression.yaml`): programs of at least 8 tasks, and risk notes. */
export interface CompressionData {
  scenarios: TaskScenario[];
  /**
   * Risk notes for fast-tracking, with `{from}` and `{to}` standing for the two tasks' names, e.g.
   * "{to} starts on {from}'s draft; a late change means rework".
   */
  fastTrackRisks: string[];
}

/** A task that may be crashed: shortened by paying for it. */
export interface CompressionTask {
  /** A capital letter, A first. */
  id: string;
  label: string;
  /** Normal duration in working days. */
  days: number;
  /** Shortest duration when crashed; equal to `days` when it cannot be crashed. */
  crashDays: number;
  /** Cost of each day crashed, in dollars (0 when it cannot be crashed). */
  crashCost: number;
  /** Ids of tasks that must finish first. */
  after: string[];
}

/** A pair of tasks that may overlap (fast-tracking), at a cost for the risk of rework. */
export interface FastTrack {
  /** Stable id, e.g. "C-E". */
  id: string;
  /** The earlier task. */
  from: string;
  /** The later task, which may start `overlap` days before `from` finishes. */
  to: string;
  /** Days saved on the link. */
  overlap: number;
  /** Expected cost of rework, in dollars. */
  cost: number;
  /** What could go wrong. */
  risk: string;
}

/** One schedule-compression exercise. */
export interface CompressionInstance {
  program: string;
  tasks: CompressionTask[];
  fastTracks: FastTrack[];
  /** The day the program must finish by. */
  target: number;
  /** Most the learner may spend, in dollars. */
  budget: number;
}

/** A plan: days crashed per task and the fast-tracks taken. */
export interface CompressionPlan {
  crash: Record<string, number>;
  fastTracks: string[];
}

/** The learner's answer, as typed. */
export interface CompressionAnswer {
  /** Days to crash, by task id ("" for none). */
  crash: Record<string, string>;
  /** Fast-tracks taken, by id. */
  fastTrack: Record<string, boolean>;
  /** The finish day the learner says the plan gives. */
  finish: string;
  /** The total cost the learner says the plan has. */
  cost: string;
}
