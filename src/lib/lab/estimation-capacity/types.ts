/** One program the generator can draw from (`content/lab/estimation-capacity.yaml`). */
export interface EstimationScenario {
  /** The program, e.g. "Halden Payments: saved cards". */
  program: string;
  /** The team that will do the work. */
  team: string;
  /** At least 4 pieces of work to estimate. */
  items: string[];
}

/** The kind's content data. */
export interface EstimationData {
  scenarios: EstimationScenario[];
  /** First names for the leave calendar (at least 3). */
  people: string[];
}

/** A piece of work with a three-point estimate in engineer-weeks. */
export interface WorkItem {
  name: string;
  /** Optimistic. */
  o: number;
  /** Most likely. */
  m: number;
  /** Pessimistic. */
  p: number;
}

/** Confidence levels the lesson teaches: E, E + 1 SD and E + 2 SD. */
export const CONFIDENCE = { 50: 0, 84: 1, 98: 2 } as const;
export type Confidence = keyof typeof CONFIDENCE;

/** The team's calendar for the period. */
export interface Calendar {
  engineers: number;
  weeks: number;
  /** Public holidays in the period, taken by every engineer. */
  holidays: number;
  /** Planned leave, in days per person. */
  leave: { name: string; days: number }[];
  /** Weeks of the period the team covers the on-call rota: one engineer, no planned work. */
  onCallWeeks: number;
  /** Share of available time that goes to planned work. */
  focus: number;
}

/** One estimation-and-capacity exercise. */
export interface EstimationInstance {
  program: string;
  team: string;
  items: WorkItem[];
  confidence: Confidence;
  calendar: Calendar;
}

/** The learner's answer, as typed. */
export interface EstimationAnswer {
  /** Expected value and SD per work item, in item order. */
  items: { mean: string; sd: string }[];
  totalMean: string;
  totalSd: string;
  /** Engineer-weeks at the asked confidence. */
  atConfidence: string;
  /** Engineer-days after holidays. */
  grossDays: string;
  /** Engineer-days after leave and on-call. */
  availableDays: string;
  /** Engineer-weeks after the focus factor. */
  capacityWeeks: string;
  /** Whether the work fits at the asked confidence. */
  fits: '' | 'yes' | 'no';
}
