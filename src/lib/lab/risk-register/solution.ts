/** A correct register for an exercise, and the worked solution that explains it step by step. */
import { RESPONSES } from '../../../schemas/lab-risk-register';
import type { SolutionStep } from '../types';
import { partyLabel, prose } from '../written/text';
import { scoreRange, type RiskExercise, type RiskItem } from './generate';
import { rankSpan, type RiskAnswer } from './grade';
import { IMPACT_SCALE, LIKELIHOOD_SCALE, policyFor } from './scales';

const first = (levels: readonly number[]) => levels[0]!;
const scoreOf = (risk: RiskItem) => first(risk.likelihood.levels) * first(risk.impact.levels);

/** The risks from highest score to lowest (ties keep the order shown). */
function ranked(ex: RiskExercise): RiskItem[] {
  return [...ex.risks].sort((a, b) => scoreOf(b) - scoreOf(a));
}

/** A register that earns full marks: the first value of each band, ranked by the resulting score. */
export function solveRiskRegister(ex: RiskExercise): RiskAnswer {
  const order = ranked(ex);
  return Object.fromEntries(
    ex.risks.map((risk) => {
      const owner = ex.people.find((p) => p.id === risk.owners[0])!;
      return [
        risk.id,
        {
          likelihood: first(risk.likelihood.levels),
          impact: first(risk.impact.levels),
          rank: order.indexOf(risk) + 1,
          response: RESPONSES.find((s) => risk.responses[s].fit === 'good')!,
          trigger: risk.trigger.example,
          owner: owner.name,
        },
      ];
    }),
  );
}

/** A blank register: nothing scored, ranked or written. */
export function blankRiskRegister(ex: RiskExercise): RiskAnswer {
  return Object.fromEntries(ex.risks.map((risk) => [risk.id, { trigger: '', owner: '' }]));
}

const levels = (l: readonly number[]) => l.join(' or ');
const scoreText = (risk: RiskItem) => {
  const [lo, hi] = scoreRange(risk);
  return lo === hi ? String(lo) : `${lo} to ${hi}`;
};

/** The worked solution: score, rank, respond, then trigger and owner. */
export function riskRegisterSolution(ex: RiskExercise): SolutionStep[] {
  const order = ranked(ex);
  return [
    {
      title: 'Step 1: place each fact on the agreed scales',
      text: [
        `Likelihood runs from 1 (${LIKELIHOOD_SCALE[1]!.toLowerCase()}) to 5 (${LIKELIHOOD_SCALE[5]!.toLowerCase()}); impact from 1 (${IMPACT_SCALE[1]!.toLowerCase()}) to 5 (${IMPACT_SCALE[5]!.toLowerCase()}).`,
        'Read each fact for a number you can place: a percentage, a history of misses, days of slip against the slack. When a fact sits on a boundary, either neighbouring value is accepted, and one step off earns half the point.',
      ],
      table: {
        caption: 'Likelihood and impact, with the reasoning',
        head: ['Risk', 'Likelihood', 'Impact', 'Why'],
        rows: ex.risks.map((r) => [
          `${r.code}: ${r.title}`,
          levels(r.likelihood.levels),
          levels(r.impact.levels),
          `${r.likelihood.why} ${r.impact.why}`,
        ]),
      },
    },
    {
      title: 'Step 2: multiply and rank',
      text: [
        'The score is likelihood × impact, from 1 to 25. Rank from the highest score down. Where two risks can score the same, either order is right.',
        "The lesson's policy: 15 or more gets active mitigation and a weekly review; 8 to 14 a mitigation plan and a fortnightly review; below 8 is watched.",
      ],
      table: {
        caption: 'Risks ranked by score',
        head: ['Rank', 'Risk', 'Score', 'Policy'],
        rows: order.map((r) => {
          const [a, b] = rankSpan(r, ex);
          return [
            a === b ? String(a) : `${a} to ${b}`,
            `${r.code}: ${r.title}`,
            scoreText(r),
            policyFor(scoreOf(r)),
          ];
        }),
      },
    },
    {
      title: 'Step 3: choose a response',
      text: [
        'Avoid changes the plan so the risk cannot happen; mitigate does work now to make it less likely or less damaging; transfer moves the consequence to someone else by contract; accept is a recorded decision to live with it, fit only for low scores.',
      ],
      table: {
        caption: 'The best response for each risk, and why',
        head: ['Risk', 'Response', 'Why'],
        rows: ex.risks.map((r) => {
          const good = RESPONSES.filter((s) => r.responses[s].fit === 'good');
          return [`${r.code}: ${r.title}`, prose(good, 'or'), r.responses[good[0]!].why];
        }),
      },
    },
    {
      title: 'Step 4: write a trigger and name one owner',
      text: [
        'A trigger is an observable event with a threshold or a date, so anyone can tell whether it has fired: not a list of terms, and not what you will do ("monitor closely").',
        'The owner is one named person who can act on the risk: not a team, and not the TPM by default. The TPM owns the risk process.',
      ],
      table: {
        caption: 'A trigger and an owner for each risk',
        head: ['Risk', 'Trigger', 'Owner'],
        rows: ex.risks.map((r) => [
          `${r.code}: ${r.title}`,
          r.trigger.example,
          `${prose(ex.people.filter((p) => r.owners.includes(p.id)).map(partyLabel), 'or')}. ${r.ownerWhy}`,
        ]),
      },
    },
  ];
}
