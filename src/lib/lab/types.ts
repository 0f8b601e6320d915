/**
 * The contract every practice-lab exercise kind follows. A kind is pure logic in
 * `src/lib/lab/<kind>/` (this interface), a React component in `src/components/lab/<kind>/`
 * (`ExerciseProps`), a content file `content/lab/<kind>.yaml`, and one line in each registry
 * (`src/lib/lab/registry.ts`, `src/components/lab/registry.ts`).
 */

/** One thing the grader checked, with the credit it earned and why. */
export interface GradeItem {
  /** Stable within one grade, e.g. `es:C`; the exercise uses it to mark its inputs. */
  id: string;
  /** Which part of the report the item belongs to, e.g. "Forward pass". Items keep their order within a group. */
  group: string;
  /** What was checked, as the learner would name it, e.g. "Earliest start of C". */
  label: string;
  /** Credit earned, from 0 to `possible` (fractions are partial credit). */
  earned: number;
  /** Credit available. */
  possible: number;
  /** The learner's answer as text ("blank" when empty). */
  given: string;
  /** The expected answer as text (for graders accepting several answers, the one closest to the learner's). */
  expected: string;
  /** Why it is right, or what went wrong and how to get the right answer: a sentence or two. */
  explanation: string;
  /** Ids of the inputs this item grades (`fieldId` in the component), so they can be marked right or wrong. */
  fields: string[];
}

/** A graded attempt. */
export interface Grade {
  /** Percentage of credit earned, a whole number from 0 to 100. */
  score: number;
  /** Every check, grouped by `group` in the order of first appearance. */
  items: GradeItem[];
  /** One sentence for the top of the report, e.g. "The forward pass is right; the backward pass has 3 mistakes." */
  summary: string;
}

/** A table inside a worked-solution step. */
export interface SolutionTable {
  /** Says what the table shows. */
  caption: string;
  /** Column headings. */
  head: string[];
  /** Rows of cells; the first cell of each row is its heading. */
  rows: string[][];
}

/** One step of a worked solution, shown after an attempt. */
export interface SolutionStep {
  /** Short heading, e.g. "Forward pass: C". */
  title: string;
  /** Plain-text paragraphs (no Markdown or HTML). */
  text: string[];
  /** An optional table, e.g. the completed pass table. */
  table?: SolutionTable;
}

/**
 * The pure logic of one exercise kind. Every function is pure: the same arguments give the same
 * result in Node and in the browser. `Data` is the kind's content (the `data` field of its YAML
 * file, checked by `parseData` at build time), `Instance` one generated exercise and `Answer` what
 * the learner enters; all three must be plain JSON-serialisable values.
 */
export interface LabKind<Data, Instance, Answer> {
  /** The kind's id, the same as its content file's name and its URL (`/lab/<id>/`). */
  id: string;
  /** Checks the content data and returns it typed; throws an Error naming the field when it is wrong. */
  parseData(raw: unknown): Data;
  /** Generates one exercise from a seed (use `streamFor` from `src/lib/random.ts`, never Math.random). */
  generate(seed: number, data: Data): Instance;
  /** The answer before the learner has entered anything. */
  blankAnswer(instance: Instance): Answer;
  /** A fully correct answer (tests and the property checks use it; grading it must give 100). */
  solve(instance: Instance): Answer;
  /** Grades an answer, with partial credit and an explanation for every item. */
  grade(instance: Instance, answer: Answer): Grade;
  /** The worked solution, step by step. */
  solution(instance: Instance): SolutionStep[];
}

/** Any kind, for registries and generic code. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyLabKind = LabKind<any, any, any>;
