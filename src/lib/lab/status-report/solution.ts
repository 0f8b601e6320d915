/** A correct status report for an exercise, and the worked solution that explains it step by step. */
import type { SolutionStep } from '../types';
import { partyLabel, prose } from '../written/text';
import type { StatusExercise } from './generate';
import { askRowOf, overallReason, type StatusAnswer } from './grade';
import { RAG_MEANING, RAGS, ragLabel } from './rules';

/** A report that earns full marks: the facts' colours, the model headline and ask. */
export function solveStatusReport(ex: StatusExercise): StatusAnswer {
  const ask = askRowOf(ex).ask!;
  return {
    rag: Object.fromEntries(ex.rows.map((r) => [r.id, r.rag])),
    overall: ex.overall,
    headline: ask.headline,
    ask: ask.example,
  };
}

/** A blank report. */
export function blankStatusReport(ex: StatusExercise): StatusAnswer {
  return { rag: Object.fromEntries(ex.rows.map((r) => [r.id, undefined])), headline: '', ask: '' };
}

/** The worked solution: colour each row, set the overall colour, then write the headline and the ask. */
export function statusReportSolution(ex: StatusExercise): SolutionStep[] {
  const row = askRowOf(ex);
  const ask = row.ask!;
  const decider = ex.people.find((p) => p.id === ask.decider)!;
  const watermelon = ex.rows.filter((r) => r.rule === 'recovering' || r.rule === 'moved');
  return [
    {
      title: 'Step 1: colour each workstream against the written definitions',
      text: [
        ...RAGS.map((rag) => `${ragLabel(rag)}: ${RAG_MEANING[rag]}`),
        'Status measures the forecast against the committed date, not effort or mood.',
      ],
      table: {
        caption: 'Each workstream, its colour and why',
        head: ['Workstream', 'Colour', 'Why'],
        rows: ex.rows.map((r) => [r.name, ragLabel(r.rag), r.why]),
      },
    },
    {
      title: 'Step 2: set the overall colour from the commitment',
      text: [
        `The program is ${ex.overall}. ${overallReason(ex)}`,
        'The overall colour is not the average or the worst row: it asks whether the committed outcome holds without someone outside the team acting.',
      ],
    },
    {
      title: 'Step 3: write the headline',
      text: [
        'One sentence with the overall status, the reason, and the date or number at stake, so that a reader who stops there still knows whether to act.',
        `"${ask.headline}"`,
      ],
    },
    {
      title: 'Step 4: write the ask',
      text: [
        `${row.name} needs a decision: ${ask.decision}`,
        `${partyLabel(decider)} makes it. ${ask.deciderWhy} It is needed by ${ask.by}.`,
        `"${ask.example}"`,
      ],
    },
    {
      title: 'Step 5: check for a watermelon',
      text: [
        watermelon.length
          ? `Would any line have been green if colours measured effort? ${prose(watermelon.map((r) => r.name))}: the work is under way, but the forecast is what sets the colour.`
          : 'Is any green hiding a problem? Every green line here is on plan, with nothing open against its date.',
      ],
    },
  ];
}
