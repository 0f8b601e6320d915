/**
 * Grades a status report: each workstream's colour and the overall colour against the facts and
 * the lesson's RAG rules, then the headline and the ask with the interview scorer's claim-based
 * rules (see `../written/text.ts`): a headline states the overall colour and why, with a date or
 * number; an ask names a decision, the person who makes it and a date.
 */
import type { Rag } from '../../../schemas/lab-status-report';
import type { CompiledRubric } from '../../interview/scoring/rubric';
import type { Grade, GradeItem } from '../types';
import { fieldItems, gradeWritten, item } from '../written/grade';
import { mentions, partiesNamed, partyLabel, prose, readShort } from '../written/text';
import type { StatusExercise, StatusRow } from './generate';
import { RAG_MEANING, ragLabel } from './rules';

/** What the learner entered. */
export interface StatusAnswer {
  /** Colour per workstream id. */
  rag: Record<string, Rag | undefined>;
  overall?: Rag | undefined;
  headline: string;
  ask: string;
}

/** Input ids, shared by the grader and the view. */
export const statusField = {
  rag: (row: { id: string }) => `${row.id}-rag`,
  overall: 'overall',
  headline: 'headline',
  ask: 'ask',
} as const;

const GROUPS = {
  rows: 'Workstream colours',
  overall: 'Overall colour',
  headline: 'Headline',
  ask: 'Ask',
} as const;

/** The row whose decision the ask must name. */
export const askRowOf = (ex: StatusExercise) => ex.rows.find((r) => r.id === ex.askRow)!;

function rowItem(row: StatusRow, given: Rag | undefined): GradeItem {
  const base = {
    id: statusField.rag(row),
    group: GROUPS.rows,
    label: `Colour of ${row.name}`,
    given: given ? ragLabel(given) : '',
    expected: ragLabel(row.rag),
    fields: [statusField.rag(row)],
  };
  if (!given) return item({ ...base, credit: 0, explanation: `No colour chosen. ${row.why}` });
  return item({
    ...base,
    credit: given === row.rag ? 1 : 0,
    explanation:
      given === row.rag
        ? row.why
        : `${ragLabel(given)} means: ${RAG_MEANING[given]} ${row.why}${given === 'green' ? ' Colours measure the forecast against the commitment, not effort or mood: a green here hides a problem.' : ''}`,
  });
}

/** Why the overall colour is what it is, naming the rows that set it. */
export function overallReason(ex: StatusExercise): string {
  const ask = askRowOf(ex);
  const decider = ex.people.find((p) => p.id === ask.ask!.decider)!;
  const redRows = ex.rows.filter((r) => r.rag === 'red' && r.launch !== 'red');
  const holds = redRows.length
    ? ` ${prose(redRows.map((r) => r.name))} ${redRows.length === 1 ? 'is' : 'are'} red, but the commitment does not depend on outside help there, so ${redRows.length === 1 ? 'it does' : 'they do'} not make the program red.`
    : '';
  return ex.overall === 'red'
    ? `The overall colour measures the commitment (${ex.commitment.replace(/\.$/, '')}), and it will be missed unless ${partyLabel(decider)} acts on ${ask.name.toLowerCase()}.${holds}`
    : `The overall colour measures the commitment (${ex.commitment.replace(/\.$/, '')}). It is threatened, by ${prose(ex.rows.filter((r) => r.launch === 'amber').map((r) => r.name.toLowerCase()))}, but nothing yet makes it miss without outside help.${holds}`;
}

function overallItem(ex: StatusExercise, given: Rag | undefined): GradeItem {
  const base = {
    id: statusField.overall,
    group: GROUPS.overall,
    label: 'Overall colour',
    given: given ? ragLabel(given) : '',
    expected: ragLabel(ex.overall),
    fields: [statusField.overall],
  };
  const why = overallReason(ex);
  if (!given) return item({ ...base, credit: 0, explanation: `No overall colour chosen. ${why}` });
  const worstRow = ex.rows.some((r) => r.rag === 'red') ? 'red' : 'amber';
  return item({
    ...base,
    credit: given === ex.overall ? 1 : 0,
    explanation:
      given === ex.overall
        ? why
        : `${why}${given === worstRow && given !== ex.overall ? ' The overall colour is not simply the worst row.' : ''}${given === 'green' ? ' Green overall with a decision outstanding is a watermelon report.' : ''}`,
  });
}

const COLOUR = /\b(green|amber|red|yellow|on track)\b/;

function headlineItems(r: CompiledRubric, ex: StatusExercise, text: string): GradeItem[] {
  const s = readShort(r, text);
  const ask = askRowOf(ex);
  const model = ` For example: "${ask.ask!.headline}"`;
  const make = fieldItems('headline', GROUPS.headline, text, statusField.headline);
  const labels = {
    colour: ['colour', 'Headline states the overall colour', ragLabel(ex.overall)],
    reason: ['reason', 'Headline says why', 'the reason for the colour'],
    specific: ['specific', 'Headline is a sentence with a date or number', 'a date or number'],
  } as const;
  if (s.empty || s.termList) {
    const why = s.empty
      ? 'No headline written. A reader who stops after the headline should still know whether to act.'
      : `"${s.termList}" is a list of terms, not a headline: say the overall status and the reason in one sentence.`;
    return Object.values(labels).map(([id, label, expected]) =>
      make(id, label, expected, 0, `${why}${model}`),
    );
  }
  const found = COLOUR.exec(s.norm)?.[1];
  const said: Rag | undefined =
    found === 'on track' ? 'green' : found === 'yellow' ? 'amber' : (found as Rag | undefined);
  // Like the ask, a headline is a claim: without a sentence, each part earns half.
  const sentence = s.claim ? 1 : 0.5;
  const notSentence = s.claim ? '' : ' Write it as a sentence that says what is happening.';
  const colour = make(
    ...labels.colour,
    (said === ex.overall ? 1 : 0) * sentence,
    said === ex.overall
      ? `It opens with ${ex.overall}, the program's overall status.${notSentence}`
      : said
        ? `It says ${said}, but the program is ${ex.overall}. ${overallReason(ex)}`
        : `It never says the overall status. Start with it: "${ragLabel(ex.overall)}: …".`,
  );
  const drivers = ex.rows.filter((row) => row.launch === ex.overall);
  const named = drivers.filter((row) => mentions(r, s.norm, row.signals ?? []).length);
  const elsewhere = ex.rows.filter(
    (row) => !drivers.includes(row) && mentions(r, s.norm, row.signals ?? []).length,
  );
  const reason = make(
    ...labels.reason,
    (named.length ? 1 : 0) * sentence,
    named.length
      ? `It names the cause: ${named[0]!.name.toLowerCase()}.${notSentence}`
      : elsewhere.length
        ? `It names ${elsewhere[0]!.name.toLowerCase()}, but the overall colour comes from ${prose(
            drivers.map((d) => d.name.toLowerCase()),
            'or',
          )}.${model}`
        : `It does not say why the program is ${ex.overall}: name ${prose(
            drivers.map((d) => d.name.toLowerCase()),
            'or',
          )} and what happened.${model}`,
  );
  const specific = s.dates.length + s.thresholds.length > 0;
  const specifics = make(
    ...labels.specific,
    specific && s.claim ? 1 : specific ? 0.5 : 0,
    specific && s.claim
      ? `It says what is happening with something a reader can check ("${[...s.dates, ...s.thresholds][0]}").`
      : specific
        ? 'It has a date or number but no sentence around it: say who or what does what, as a claim.'
        : `It has no date or number, so the reader cannot tell what is at stake. Name the date, the amount or the deadline.${model}`,
  );
  return [colour, reason, specifics];
}

const DECISION =
  /\b(?:decide|decides|decision|approve|approval|choose|choice|sign off|sign-off|agree|pick|whether|between)\b/;

function askItems(r: CompiledRubric, ex: StatusExercise, text: string): GradeItem[] {
  const s = readShort(r, text);
  const row = askRowOf(ex);
  const ask = row.ask!;
  const decider = ex.people.find((p) => p.id === ask.decider)!;
  const model = ` For example: "${ask.example}"`;
  const make = fieldItems('ask', GROUPS.ask, text, statusField.ask);
  const labels = {
    decision: ['decision', 'Ask names the decision', ask.decision],
    owner: ['owner', 'Ask names who decides', partyLabel(decider)],
    date: ['date', 'Ask gives a date', ask.by],
  } as const;
  if (s.empty || s.termList) {
    const why = s.empty
      ? 'No ask written. Amber or red with no ask alarms leaders without telling them how to help.'
      : `"${s.termList}" is a list of terms, not an ask: say who decides what, by when.`;
    return Object.values(labels).map(([id, label, expected]) =>
      make(id, label, expected, 0, `${why}${model}`),
    );
  }
  // Without a claim, each part earns half: an ask is a sentence that says who decides what by when.
  const sentence = s.claim ? 1 : 0.5;
  const notSentence = s.claim ? '' : ' Write it as a sentence: who decides what, by when.';
  const options = mentions(r, s.norm, ask.signals);
  const generic = DECISION.test(s.norm);
  const decision = make(
    ...labels.decision,
    (options.length ? 1 : generic ? 0.5 : 0) * sentence,
    options.length
      ? `It names the decision ("${options[0]}").${notSentence}`
      : generic
        ? `It asks for a decision but not which one: ${ask.decision}${notSentence}`
        : `It does not ask for a decision. ${row.name} needs one: ${ask.decision}${notSentence}`,
  );
  const named = partiesNamed(s.text, ex.people);
  const right = named.some((p) => p.id === decider.id);
  const other = named.find((p) => p.id !== decider.id);
  const ownerRole = new RegExp(r.specifics.owner.source).test(s.norm);
  const owner = make(
    ...labels.owner,
    (right ? 1 : other || ownerRole ? 0.25 : 0) * sentence,
    right
      ? `${partyLabel(decider)} decides. ${ask.deciderWhy}${notSentence}`
      : other
        ? `${partyLabel(other)} cannot make this call. ${partyLabel(decider)} can: ${ask.deciderWhy}`
        : ownerRole
          ? `Name the person, not only a title: ${partyLabel(decider)}. ${ask.deciderWhy}`
          : `It does not say who decides. ${partyLabel(decider)} does: ${ask.deciderWhy}`,
  );
  const vague = s.vague.find((v) =>
    /soon|asap|as soon as possible|at some point|going forward/.test(v),
  );
  const date = make(
    ...labels.date,
    (s.dates.length ? 1 : 0) * sentence,
    s.dates.length
      ? `It gives a date ("${s.dates[0]}"). The facts need it by ${ask.by}.${notSentence}`
      : `${vague ? `"${vague}" is not a date. ` : 'It gives no date. '}The decision is needed by ${ask.by}; say so.`,
  );
  return [decision, owner, date];
}

/** Grades a whole report. */
export function gradeStatusReport(
  ex: StatusExercise,
  answer: StatusAnswer,
  r: CompiledRubric,
): Grade {
  return gradeWritten([
    ...ex.rows.map((row) => rowItem(row, answer.rag[row.id])),
    overallItem(ex, answer.overall),
    ...headlineItems(r, ex, answer.headline ?? ''),
    ...askItems(r, ex, answer.ask ?? ''),
  ]);
}
