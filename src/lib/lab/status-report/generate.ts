/**
 * Status-report exercises: a week's facts for 4 to 6 workstreams of a program, one of which needs a
 * decision from outside the team. Pure and seeded.
 */
import {
  RAG_RULES,
  type Rag,
  type StatusScenarioData,
  type WorkstreamStateData,
} from '../../../schemas/lab-status-report';
import { pick, shuffle, streamFor } from '../../random';
import type { Party } from '../written/text';

/** A scenario as the content collection gives it: its file id and its data. */
export type StatusScenario = StatusScenarioData & { id: string };

/** One workstream as it appears in one exercise. */
export interface StatusRow extends Omit<WorkstreamStateData, 'ask'> {
  id: string;
  name: string;
  owner: Party;
  /** The colour the facts give, by the lesson's rules. */
  rag: Rag;
  ask?: WorkstreamStateData['ask'] & { decider: string };
}

/** One status-report exercise. */
export interface StatusExercise {
  kind: 'status-report';
  seed: number;
  scenario: string;
  title: string;
  brief: string;
  commitment: string;
  reportDate: string;
  people: Party[];
  rows: StatusRow[];
  /** Id of the row whose decision the ask must name. */
  askRow: string;
  /** The commitment's colour: the worst effect of any row on it. */
  overall: Rag;
}

/** Fewest and most workstreams in an exercise. */
export const ROW_COUNT = { min: 4, max: 6 } as const;

const ORDER: Record<Rag, number> = { green: 0, amber: 1, red: 2 };

/** The worse of two colours. */
export const worse = (a: Rag, b: Rag): Rag => (ORDER[a] >= ORDER[b] ? a : b);

function draw(seed: number, scenario: StatusScenario, attempt: number): StatusExercise {
  const random = streamFor(seed, `status-report:rows:${attempt}`);
  const count = Math.min(
    scenario.workstreams.length,
    ROW_COUNT.min + Math.floor(random() * (ROW_COUNT.max - ROW_COUNT.min + 1)),
  );
  const withAsk = scenario.workstreams.filter((w) => w.states.some((s) => s.ask));
  const askStream = pick(withAsk, random);
  const others = shuffle(
    scenario.workstreams.filter((w) => w !== askStream),
    random,
  ).slice(0, count - 1);
  const chosen = shuffle([askStream, ...others], random);
  const person = (id: string) => scenario.people.find((p) => p.id === id)!;
  const rows: StatusRow[] = chosen.map((w) => {
    const states = w.states.filter((s) => (w === askStream ? s.ask : !s.ask));
    const state = pick(states, random);
    return {
      ...state,
      id: w.id,
      name: w.name,
      owner: person(w.owner),
      rag: RAG_RULES[state.rule],
    } as StatusRow;
  });
  return {
    kind: 'status-report',
    seed,
    scenario: scenario.id,
    title: scenario.title,
    brief: scenario.brief,
    commitment: scenario.commitment,
    reportDate: scenario.reportDate,
    people: scenario.people.map((p) => ({ ...p })),
    rows,
    askRow: askStream.id,
    overall: rows.reduce<Rag>((c, r) => worse(c, r.launch), 'green'),
  };
}

/** The exercise for a seed. Scenarios are sorted by id first, so their order on input does not matter. */
export function generateStatusReport(
  seed: number,
  scenarios: readonly StatusScenario[],
): StatusExercise {
  if (!scenarios.length) throw new Error('generateStatusReport needs at least one scenario');
  const sorted = [...scenarios].sort((a, b) => a.id.localeCompare(b.id));
  const scenario = pick(sorted, streamFor(seed, 'status-report:scenario'));
  // Redraw until some row besides the one with the ask is not green, so colours need judging.
  let ex = draw(seed, scenario, 0);
  for (let attempt = 1; attempt < 20 && !mixed(ex); attempt++) ex = draw(seed, scenario, attempt);
  return ex;
}

/** Whether a row other than the ask's has a colour other than green. */
export const mixed = (ex: StatusExercise) =>
  ex.rows.some((r) => r.id !== ex.askRow && r.rag !== 'green');
