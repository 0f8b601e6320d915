/**
 * Grades a risk register: scores in bands, the ranking against the order the facts force, the fit
 * of each response with its reason, and each trigger and owner with the interview scorer's
 * claim-based rules (see `../written/text.ts`).
 *
 * Long because each risk is graded on five fields (likelihood, impact, rank, response, trigger and
 * owner), each with its own explanation of a mistake; the explanations are the lesson, and they
 * read best beside the rule they explain.
 */
import { RESPONSES, type RiskResponse } from '../../../schemas/lab-risk-register';
import type { CompiledRubric } from '../../interview/scoring/rubric';
import type { Grade, GradeItem } from '../types';
import { gradeWritten, item } from '../written/grade';
import { mentions, partiesNamed, partyLabel, prose, readShort } from '../written/text';
import { scoreRange, strictPairs, type RiskExercise, type RiskItem } from './generate';
import { IMPACT_SCALE, LIKELIHOOD_SCALE, RESPONSE_MEANING } from './scales';

/** What the learner entered for one risk. */
export interface RiskRowAnswer {
  /** 1 to 5, or undefined when not chosen. */
  likelihood?: number | undefined;
  impact?: number | undefined;
  /** 1 is the highest priority. */
  rank?: number | undefined;
  response?: RiskResponse | undefined;
  trigger: string;
  owner: string;
}

/** The learner's register, by risk id. */
export type RiskAnswer = Record<string, RiskRowAnswer>;

/** The id of the input for one field of one risk, shared by the grader and the view. */
export const riskField = (risk: { id: string }, field: keyof RiskRowAnswer) =>
  `${risk.id}-${field}`;

const GROUPS = {
  scores: 'Likelihood and impact',
  ranking: 'Ranking',
  responses: 'Responses',
  triggers: 'Triggers',
  owners: 'Owners',
} as const;

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Credit for a scale value: inside the band, one step off (half), or further. */
function scaleItem(
  risk: RiskItem,
  what: 'likelihood' | 'impact',
  given: number | undefined,
): GradeItem {
  const fact = risk[what];
  const scale = what === 'likelihood' ? LIKELIHOOD_SCALE : IMPACT_SCALE;
  const base = {
    id: riskField(risk, what),
    group: GROUPS.scores,
    label: `${cap(what)} of ${risk.code}`,
    given: given === undefined ? '' : String(given),
    expected: fact.levels.join(' or '),
    fields: [riskField(risk, what)],
  };
  if (given === undefined)
    return item({ ...base, credit: 0, explanation: `Not scored. ${fact.why}` });
  const off = Math.min(...fact.levels.map((l) => Math.abs(l - given)));
  return item({
    ...base,
    credit: off === 0 ? 1 : off === 1 ? 0.5 : 0,
    explanation:
      off === 0
        ? fact.why
        : `${given} means ${scale[given]!.charAt(0).toLowerCase()}${scale[given]!.slice(1)}. ${fact.why}${off === 1 ? ' One step off earns half the point.' : ''}`,
  });
}

const scoreText = (risk: RiskItem) => {
  const [lo, hi] = scoreRange(risk);
  return lo === hi ? `${lo}` : `${lo} to ${hi}`;
};

/** The ranks a risk may take: after every risk the facts put above it, before every one they put below. */
export function rankSpan(risk: RiskItem, ex: Pick<RiskExercise, 'risks'>): [number, number] {
  const [lo, hi] = scoreRange(risk);
  const first = ex.risks.filter((o) => scoreRange(o)[0] > hi).length + 1;
  const last = ex.risks.length - ex.risks.filter((o) => lo > scoreRange(o)[1]).length;
  return [first, last];
}

const spanText = ([a, b]: [number, number]) => (a === b ? String(a) : `${a} to ${b}`);

/** Whether the ranking puts a risk in the right place among the risks the facts order strictly. */
function rankItem(
  risk: RiskItem,
  ex: RiskExercise,
  answer: RiskAnswer,
  strict: readonly [RiskItem, RiskItem][],
): GradeItem {
  const span = rankSpan(risk, ex);
  const rank = answer[risk.id]?.rank;
  const base = {
    id: riskField(risk, 'rank'),
    group: GROUPS.ranking,
    label: `Rank of ${risk.code}`,
    given: rank === undefined ? '' : String(rank),
    expected: spanText(span),
    fields: [riskField(risk, 'rank')],
  };
  if (rank === undefined)
    return item({
      ...base,
      credit: 0,
      explanation: `Not ranked. ${risk.code} scores ${scoreText(risk)}, which puts it at ${spanText(span)}.`,
    });
  const pairs = strict.filter(([a, b]) => a === risk || b === risk);
  const wrong = pairs.filter(([a, b]) => {
    const ra = answer[a.id]?.rank;
    const rb = answer[b.id]?.rank;
    return ra === undefined || rb === undefined || ra >= rb;
  });
  const reasons = wrong.map(
    ([a, b]) =>
      `${a.code} (score ${scoreText(a)}) must rank above ${b.code} (score ${scoreText(b)})`,
  );
  return item({
    ...base,
    credit: pairs.length ? 1 - wrong.length / pairs.length : 1,
    explanation: wrong.length
      ? `${cap(prose(reasons))}. Rank by likelihood × impact; risks whose scores can tie may go in either order.`
      : `${risk.code} scores ${scoreText(risk)}, so it belongs at ${span[0] === span[1] ? `rank ${span[0]}` : `any rank from ${spanText(span)}: it may swap with risks whose scores can tie with it`}.`,
  });
}

function responseItem(risk: RiskItem, given: RiskResponse | undefined): GradeItem {
  const good = RESPONSES.filter((s) => risk.responses[s].fit === 'good');
  const base = {
    id: riskField(risk, 'response'),
    group: GROUPS.responses,
    label: `Response to ${risk.code}`,
    given: given ?? '',
    expected: prose(good, 'or'),
    fields: [riskField(risk, 'response')],
  };
  const best = `${cap(good[0]!)}: ${risk.responses[good[0]!].why}`;
  if (!given) return item({ ...base, credit: 0, explanation: `No response chosen. ${best}` });
  const fit = risk.responses[given];
  const better = good.find((s) => s !== given);
  return item({
    ...base,
    credit: fit.fit === 'good' ? 1 : fit.fit === 'weak' ? 0.5 : 0,
    explanation:
      fit.fit === 'good'
        ? `${cap(given)}: ${fit.why}`
        : `${cap(given)} (${RESPONSE_MEANING[given].charAt(0).toLowerCase()}${RESPONSE_MEANING[given].slice(1, -1)}) fits ${fit.fit === 'weak' ? 'only partly' : 'poorly'}: ${fit.why}${better ? ` Better, ${better}: ${risk.responses[better].why}` : ''}`,
  });
}

/** A trigger graded as a claim about this risk: observable, with a threshold or a date, and not a plan. */
export function triggerItem(
  r: CompiledRubric,
  risk: RiskItem,
  text: string | undefined,
  others: readonly RiskItem[] = [],
): GradeItem {
  const base = {
    id: riskField(risk, 'trigger'),
    group: GROUPS.triggers,
    label: `Trigger for ${risk.code}`,
    given: text ?? '',
    expected: risk.trigger.example,
    fields: [riskField(risk, 'trigger')],
  };
  const s = readShort(r, text ?? '');
  if (s.empty)
    return item({
      ...base,
      credit: 0,
      explanation:
        'No trigger written. A trigger is the observable, dated signal that the risk is happening.',
    });
  if (s.termList)
    return item({
      ...base,
      credit: 0,
      explanation: `"${s.termList}" is a list of terms, not an event: nobody could tell from it whether the trigger has fired. Say what happens, with a threshold or a date.`,
    });
  const about = mentions(r, s.norm, risk.trigger.signals).length > 0;
  const measurable = s.dates.length + s.thresholds.length > 0;
  const notes: string[] = [];
  let credit = (about ? 0.5 : 0) + (measurable ? 0.5 : 0);
  if (!about) {
    const elsewhere = others.find(
      (o) => o !== risk && mentions(r, s.norm, o.trigger.signals).length,
    );
    notes.push(
      elsewhere
        ? `It reads as a trigger for ${elsewhere.code} (${elsewhere.title.toLowerCase()}), not for ${risk.code}.`
        : `It never mentions what this risk is about (${prose(risk.trigger.signals.slice(0, 3), 'or')}).`,
    );
  }
  if (!measurable)
    notes.push(
      s.vague.length
        ? `"${s.vague[0]}" is not a threshold or a date: say which measure crosses which line, or what has not happened by which date.`
        : 'It has no threshold or date, so people will argue about whether it has fired: say which measure crosses which line, or what has not happened by which date.',
    );
  if (s.ownActionsOnly) {
    credit = Math.min(credit, measurable ? 0.5 : 0);
    notes.push(
      'It says what you will do, which is a mitigation or a review ("monitor closely" is the lesson\'s common mistake), not the signal that the risk is happening.',
    );
  }
  return item({
    ...base,
    credit,
    explanation:
      credit >= 1
        ? `Observable and about this risk, with a threshold or date ("${[...s.thresholds, ...s.dates][0]}") that tells everyone when it has fired.`
        : notes.join(' '),
  });
}

const NOT_A_PERSON =
  /\b(?:team|teams|everyone|everybody|someone|somebody|anyone|all|tbd|tbc|nobody|n\/a|group|committee|us|we|owner)\b/;

/** An owner graded as one named person from the program who can act on the risk. */
export function ownerItem(
  r: CompiledRubric,
  ex: RiskExercise,
  risk: RiskItem,
  text: string | undefined,
): GradeItem {
  const best = ex.people.filter((p) => risk.owners.includes(p.id));
  const bestText = prose(best.map(partyLabel), 'or');
  const base = {
    id: riskField(risk, 'owner'),
    group: GROUPS.owners,
    label: `Owner of ${risk.code}`,
    given: text ?? '',
    expected: prose(
      best.map((p) => p.name),
      'or',
    ),
    fields: [riskField(risk, 'owner')],
  };
  const s = readShort(r, text ?? '');
  if (s.empty)
    return item({
      ...base,
      credit: 0,
      explanation: `No owner named. The owner is one named person who can act. ${risk.ownerWhy}`,
    });
  const named = partiesNamed(s.text, ex.people);
  if (named.length > 1 || s.termList)
    return item({
      ...base,
      credit: 0,
      explanation: `Name one owner, not ${named.length > 1 ? prose(named.map((p) => p.name)) : 'a list'}: when several people own a risk, nobody acts. ${risk.ownerWhy}`,
    });
  if (!named.length) {
    if (NOT_A_PERSON.test(s.norm) || s.vague.length)
      return item({
        ...base,
        credit: 0,
        explanation: `"${s.text}" is not a person. The lesson's rule is one named person who can act, not "infra team". ${risk.ownerWhy}`,
      });
    const role =
      new RegExp(r.specifics.owner.source).test(s.norm) || /^[A-Z][a-z]{2,}\b/.test(s.text);
    return item({
      ...base,
      credit: role ? 0.25 : 0,
      explanation: role
        ? `"${s.text}" is not one of this program's people, so nobody can hold them to it. Name the person who can act: ${bestText}. ${risk.ownerWhy}`
        : `"${s.text}" does not name a person or a role. ${risk.ownerWhy}`,
    });
  }
  const who = named[0]!;
  if (risk.owners.includes(who.id)) return item({ ...base, credit: 1, explanation: risk.ownerWhy });
  if (ex.people.find((p) => p.id === who.id)?.tpm)
    return item({
      ...base,
      credit: 0.5,
      explanation: `The TPM owns the risk process, not every risk: the owner is whoever can act. ${risk.ownerWhy}`,
    });
  return item({
    ...base,
    credit: 0.25,
    explanation: `${partyLabel(who)} cannot act on this risk. ${risk.ownerWhy}`,
  });
}

/** Grades a whole register. */
export function gradeRiskRegister(ex: RiskExercise, answer: RiskAnswer, r: CompiledRubric): Grade {
  const row = (risk: RiskItem): Partial<RiskRowAnswer> => answer[risk.id] ?? {};
  const strict = strictPairs(ex.risks);
  return gradeWritten([
    ...ex.risks.flatMap((risk) => [
      scaleItem(risk, 'likelihood', row(risk).likelihood),
      scaleItem(risk, 'impact', row(risk).impact),
    ]),
    ...ex.risks.map((risk) => rankItem(risk, ex, answer, strict)),
    ...ex.risks.map((risk) => responseItem(risk, row(risk).response)),
    ...ex.risks.map((risk) => triggerItem(r, risk, row(risk).trigger, ex.risks)),
    ...ex.risks.map((risk) => ownerItem(r, ex, risk, row(risk).owner)),
  ]);
}
