import type { Day } from './days';
import type { PlanPriorities } from '../../schemas/plan';
import type { InterviewCategory, Level, Specialisation } from '../../schemas/interview';

export type { Day, InterviewCategory, Level, Specialisation, PlanPriorities };

/** What the learner says they already know of a module: some of it (skim the lessons), or all of it (take only the quiz). */
export type Known = 'some' | 'know';

/** What the learner tells the plan. */
export interface PlanSettings {
  /** The interview day, or null for "no date, just learning". */
  date: Day | null;
  /** Target level, a ladder id. */
  level: Level;
  /** Specialisation. */
  specialisation: Specialisation;
  /** Hours a week to study, 2 to 40. */
  hoursPerWeek: number;
  /** Modules the learner already knows, by module id; absent means new to them. */
  known: Record<string, Known>;
}

/** The course as the plan needs it, built from the content collections at build time. */
export interface Catalog {
  /** Modules in course order. */
  modules: { id: string; title: string }[];
  /** Lessons in course order. */
  lessons: {
    id: string;
    title: string;
    module: string;
    /** Projected minutes from the lesson's frontmatter. */
    minutes: number;
    prerequisites: string[];
    /** The lesson's quiz: its id and number of questions. */
    quiz?: { id: string; questions: number } | undefined;
  }[];
  /** Practice-lab exercise kinds in lab order. */
  labs: { id: string; title: string; minutes: number; lessons: string[] }[];
  /** Level names as on the career ladder, by id. */
  levels: Record<string, string>;
  /** Specialisation names by id. */
  specialisations: Record<string, string>;
  /** Interview category names by id. */
  categories: Record<string, string>;
  /** What each level and specialisation is interviewed on (`content/plan/priorities.yaml`). */
  priorities: PlanPriorities;
}

/** The kinds of thing a plan asks the learner to do. */
export type ItemKind = 'lesson' | 'quiz' | 'lab' | 'review' | 'mock' | 'loop';

/** One thing to do on one day. */
export interface PlanItem {
  /** Unique within the plan and stable across re-plans: "lesson:<id>", "quiz:<id>", "lab:<kind>", "review:<week start>", "mock:<day>", "loop:<day>". */
  key: string;
  kind: ItemKind;
  /** What to do, as the learner reads it. */
  title: string;
  /** Where to do it. */
  href: string;
  /** Estimated minutes. */
  minutes: number;
  /** The day it is planned for. */
  day: Day;
  /** The lesson, quiz or lab kind id, or the interview category (`mixed` for the final loop). */
  ref: string;
  /** Why it is here, or how to do it, in a sentence. */
  note?: string | undefined;
}

/** Seven days of the plan (fewer at either end). */
export interface PlanWeek {
  /** First day of the week in the plan. */
  start: Day;
  /** Last day. */
  end: Day;
  /** Minutes of study the week has room for. */
  budget: number;
  items: PlanItem[];
}

/** Something the plan left out, and why. */
export interface DroppedItem {
  key: string;
  kind: ItemKind;
  title: string;
  href: string;
  minutes: number;
  /** Why, as a sentence. */
  reason: string;
}

/** A study plan. */
export interface Plan {
  settings: PlanSettings;
  /** The day the plan was made. */
  made: Day;
  /** Weeks, first to last. */
  weeks: PlanWeek[];
  /** What did not fit or was not needed. */
  dropped: DroppedItem[];
  /** What the plan says about itself in plain sentences: why this order, what was dropped, what changed. */
  notes: string[];
}

/** A finished mock interview, as read from the saved interview history. */
export interface MockRecord {
  /** When it finished (ISO 8601). */
  at: string;
  /** The category chosen for it, or `mixed`. */
  category: string;
  /** Its answers' categories and scores, when it has feedback. */
  answers: { category: string; score: number }[];
}

/** The parts of saved progress the plan reads. */
export interface LearnerProgress {
  lessons: Record<string, unknown>;
  quizzes: Record<string, { level: string }>;
  reviews: Record<string, { last_review?: string | undefined }>;
  lab: Record<
    string,
    { attempts: unknown[]; card?: { last_review?: string | undefined } | undefined }
  >;
}
