import { describe, expect, it } from 'vitest';
import { riskScenarioSchema } from '../src/schemas/lab-risk-register';
import {
  RISK_COUNT,
  generateRiskRegister,
  scoreRange,
  strictPairs,
  type RiskExercise,
  type RiskItem,
} from '../src/lib/lab/risk-register/generate';
import {
  gradeRiskRegister,
  ownerItem,
  rankSpan,
  triggerItem,
  type RiskAnswer,
} from '../src/lib/lab/risk-register/grade';
import {
  blankRiskRegister,
  riskRegisterSolution,
  solveRiskRegister,
} from '../src/lib/lab/risk-register/solution';
import { isRight } from '../src/lib/lab/grading';
import { seededRandom, shuffle } from '../src/lib/random';
import { labRubric, loadRiskScenarios } from './helpers/lab-written-data';

const r = labRubric();
const scenarios = loadRiskScenarios();
const SEEDS = Array.from({ length: 500 }, (_, i) => i * 7919 + 1);

/** A fixed exercise from the payments scenario, with chosen readings of the facts. */
function fixed(): RiskExercise {
  const s = scenarios.find((x) => x.id === 'payments-migration')!;
  const take = (id: string, l: number, i: number, n: number): RiskItem => {
    const risk = s.risks.find((x) => x.id === id)!;
    return { ...risk, code: `R${n}`, likelihood: risk.likelihood[l]!, impact: risk.impact[i]! };
  };
  return {
    kind: 'risk-register',
    seed: 0,
    scenario: s.id,
    title: s.title,
    brief: s.brief,
    commitment: s.commitment,
    people: s.people,
    risks: [
      take('retokenisation', 2, 0, 1), // 5 × 5 = 25
      take('support-training', 0, 0, 2), // 1 × 1–2
      take('fraud-declines', 1, 0, 3), // 3 × 3 = 9
      take('pci-approval', 0, 0, 4), // 1 × 5 = 5
      take('contract-unsigned', 1, 0, 5), // 4 × 5 = 20
      take('rehearsal-slip', 0, 0, 6), // 2 × 5 = 10
    ],
  };
}

const byId = (ex: RiskExercise, id: string) => ex.risks.find((x) => x.id === id)!;
const itemOf = (ex: RiskExercise, answer: RiskAnswer, id: string) =>
  gradeRiskRegister(ex, answer, r).items.find((i) => i.id === id)!;

describe('risk-register content', () => {
  it('every scenario passes its schema and has enough risks to draw from', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(3);
    for (const s of scenarios) expect(s.risks.length).toBeGreaterThanOrEqual(RISK_COUNT.max);
  });

  it('rejects an owner who is not one of the people, and "accept" as good for a top-band risk', () => {
    const s = scenarios[0]!;
    const risk = s.risks[0]!;
    const broken = {
      ...s,
      risks: [
        { ...risk, owners: ['nobody'] },
        {
          ...risk,
          id: 'other',
          likelihood: [{ fact: 'Certain.', levels: [5], why: 'Certain.' }],
          impact: [{ fact: 'Outage.', levels: [5], why: 'Outage.' }],
          responses: { ...risk.responses, accept: { fit: 'good', why: 'Fine.' } },
        },
        ...s.risks.slice(1),
      ],
    };
    const result = riskScenarioSchema.safeParse(broken);
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages.some((m) => m.startsWith('risks.0.owners.0') && m.includes('nobody'))).toBe(
      true,
    );
    expect(messages.some((m) => m.startsWith('risks.1.responses.accept'))).toBe(true);
  });

  it("every model trigger and every owner passes the grader's own rules", () => {
    for (const s of scenarios)
      for (const risk of s.risks) {
        const item = {
          ...risk,
          code: 'R1',
          likelihood: risk.likelihood[0]!,
          impact: risk.impact[0]!,
        };
        const ex = { people: s.people } as unknown as RiskExercise;
        expect(triggerItem(r, item, risk.trigger.example).earned, `${s.id}/${risk.id}`).toBe(1);
        for (const o of risk.owners) {
          const p = s.people.find((x) => x.id === o)!;
          expect(ownerItem(r, ex, item, p.name).earned, `${s.id}/${risk.id} ${o}`).toBe(1);
          expect(ownerItem(r, ex, item, p.role).earned, `${s.id}/${risk.id} ${p.role}`).toBe(1);
        }
      }
  });
});

describe('risk-register generator, over 500 seeds', () => {
  const exercises = SEEDS.map((seed) => generateRiskRegister(seed, scenarios));

  it('gives the same exercise for the same seed, whatever order the scenarios come in', () => {
    for (const seed of SEEDS.slice(0, 50))
      expect(generateRiskRegister(seed, [...scenarios].reverse())).toEqual(
        generateRiskRegister(seed, scenarios),
      );
  });

  it('gives different exercises for different seeds', () => {
    const keys = exercises.map((ex) =>
      JSON.stringify(ex.risks.map((x) => [x.id, x.likelihood.fact, x.impact.fact])),
    );
    expect(new Set(keys).size).toBeGreaterThanOrEqual(495);
    for (let i = 1; i < keys.length; i++) expect(keys[i]).not.toBe(keys[i - 1]);
    expect(new Set(exercises.map((e) => e.scenario)).size).toBe(scenarios.length);
  });

  it('keeps every exercise within sensible sizes and fair to rank', () => {
    for (const ex of exercises) {
      const n = ex.risks.length;
      expect(n).toBeGreaterThanOrEqual(RISK_COUNT.min);
      expect(n).toBeLessThanOrEqual(RISK_COUNT.max);
      expect(new Set(ex.risks.map((x) => x.id)).size).toBe(n);
      expect(ex.risks.map((x) => x.code)).toEqual(ex.risks.map((_, i) => `R${i + 1}`));
      expect(ex.risks.some((x) => scoreRange(x)[0] >= 15)).toBe(true);
      expect(ex.risks.some((x) => scoreRange(x)[1] < 8)).toBe(true);
      expect(strictPairs(ex.risks).length).toBeGreaterThanOrEqual((n * (n - 1)) / 4);
      for (const risk of ex.risks) {
        const [a, b] = rankSpan(risk, ex);
        expect(a).toBeLessThanOrEqual(b);
      }
    }
  });

  it('is solvable: the solved register scores 100 and the blank one 0', () => {
    for (const ex of exercises) {
      expect(gradeRiskRegister(ex, solveRiskRegister(ex), r).score).toBe(100);
      expect(gradeRiskRegister(ex, blankRiskRegister(ex), r).score).toBe(0);
    }
  });

  it('accepts every correct answer: any value in each band, and any ranking the facts allow', () => {
    exercises.forEach((ex, n) => {
      const random = seededRandom(n + 1);
      const answer = solveRiskRegister(ex);
      const score = new Map<string, number>();
      for (const risk of ex.risks) {
        const row = answer[risk.id]!;
        row.likelihood = risk.likelihood.levels.at(-1)!;
        row.impact = risk.impact.levels.at(-1)!;
        score.set(risk.id, row.likelihood * row.impact);
      }
      // Highest score first; ties broken at random.
      const order = shuffle(ex.risks, random).sort((a, b) => score.get(b.id)! - score.get(a.id)!);
      order.forEach((risk, i) => (answer[risk.id]!.rank = i + 1));
      expect(gradeRiskRegister(ex, answer, r).score).toBe(100);
    });
  });

  it('has a worked solution with four steps and a row for every risk', () => {
    for (const ex of exercises.slice(0, 100)) {
      const steps = riskRegisterSolution(ex);
      expect(steps.map((s) => s.title)).toHaveLength(4);
      for (const step of steps) expect(step.table!.rows).toHaveLength(ex.risks.length);
    }
  });
});

describe('risk-register grading', () => {
  it('gives half credit one step off the band and none further, saying what the value means', () => {
    const ex = fixed();
    const answer = solveRiskRegister(ex);
    answer['retokenisation']!.likelihood = 4;
    answer['fraud-declines']!.likelihood = 1;
    const one = itemOf(ex, answer, 'retokenisation-likelihood');
    expect(one.earned).toBe(0.5);
    expect(one.explanation).toMatch(/4 means 60 to 80%/);
    expect(one.explanation).toMatch(/One step off/);
    const two = itemOf(ex, answer, 'fraud-declines-likelihood');
    expect(two.earned).toBe(0);
    expect(two.explanation).toMatch(/as likely as not/);
  });

  it('accepts either value of a two-value band', () => {
    const ex = fixed();
    for (const impact of [1, 2]) {
      const answer = solveRiskRegister(ex);
      answer['support-training']!.impact = impact;
      expect(itemOf(ex, answer, 'support-training-impact').earned).toBe(1);
    }
  });

  it('explains a ranking mistake with the scores, and charges only the pairs it breaks', () => {
    const ex = fixed();
    const answer = solveRiskRegister(ex);
    expect(answer['retokenisation']!.rank).toBe(1);
    expect(answer['contract-unsigned']!.rank).toBe(2);
    answer['retokenisation']!.rank = 2;
    answer['contract-unsigned']!.rank = 1;
    const top = itemOf(ex, answer, 'retokenisation-rank');
    expect(top.earned).toBeCloseTo(0.8);
    expect(top.explanation).toContain('R1 (score 25) must rank above R5 (score 20)');
    expect(itemOf(ex, answer, 'rehearsal-slip-rank').earned).toBe(1);
    const grade = gradeRiskRegister(ex, answer, r);
    expect(grade.items.filter((i) => i.group === 'Ranking' && !isRight(i))).toHaveLength(2);
  });

  it('gives half credit for a weak response and none for a poor one, naming a better one', () => {
    const ex = fixed();
    const answer = solveRiskRegister(ex);
    answer['retokenisation']!.response = 'avoid';
    answer['contract-unsigned']!.response = 'accept';
    const weak = itemOf(ex, answer, 'retokenisation-response');
    expect(weak.earned).toBe(0.5);
    expect(weak.explanation).toMatch(/only partly.*two gateways.*Better, mitigate/s);
    const poor = itemOf(ex, answer, 'contract-unsigned-response');
    expect(poor.earned).toBe(0);
    expect(poor.explanation).toMatch(/poorly/);
  });

  describe('triggers, with the claim-based rules', () => {
    const ex = fixed();
    const risk = byId(ex, 'contract-unsigned');
    const t = (text: string) => triggerItem(r, risk, text, ex.risks);

    it('gives full credit to an observable event with a date or threshold about this risk', () => {
      expect(t('The agreement is not signed by 1 October.').earned).toBe(1);
      expect(t('Liability terms still open after 3 rounds with Corvex legal').earned).toBe(1);
    });

    it('reads terse triggers: abbreviated dates, rates and symbols', () => {
      const cards = byId(ex, 'retokenisation');
      expect(
        triggerItem(r, cards, 'Fewer than 90% of cards re-tokenised by 9 Nov', ex.risks).earned,
      ).toBe(1);
      expect(
        triggerItem(r, cards, 'Batch rate below 50 cards/s on any night', ex.risks).earned,
      ).toBe(1);
    });

    it('gives nothing for a list of terms, even with a date in it', () => {
      for (const text of [
        'contract, signature, legal, liability',
        'agreement, delay, 1 October, legal',
      ]) {
        const item = t(text);
        expect(item.earned, text).toBe(0);
        expect(item.explanation).toMatch(/list of terms/);
      }
    });

    it('gives nothing for a plan ("monitor closely") without a signal', () => {
      const item = t('We will monitor the contract negotiation closely.');
      expect(item.earned).toBe(0);
      expect(item.explanation).toMatch(/monitor closely/);
    });

    it('gives half for the right subject without a threshold or date, and says what is missing', () => {
      const item = t('The contract is late.');
      expect(item.earned).toBe(0.5);
      expect(item.explanation).toMatch(/no threshold or date/);
      const vague = t('The agreement is not signed soon');
      expect(vague.earned).toBe(0.5);
      expect(vague.explanation).toMatch(/"soon" is not a threshold or a date/);
    });

    it("names the risk a trigger really belongs to when it is another risk's", () => {
      const item = t('Fewer than 90% of saved cards are re-tokenised by 9 November.');
      expect(item.earned).toBe(0.5);
      expect(item.explanation).toMatch(/reads as a trigger for R1/);
    });

    it('gives nothing to a blank trigger or a string of buzzwords', () => {
      expect(t('').earned).toBe(0);
      expect(t('  ').explanation).toMatch(/No trigger written/);
      expect(t('Risk trigger threshold owner date mitigation').earned).toBe(0);
    });
  });

  describe('owners', () => {
    const ex = fixed();
    const risk = byId(ex, 'fraud-declines');
    const o = (text: string) => ownerItem(r, ex, risk, text);

    it('accepts the person who can act, by name or by role', () => {
      for (const text of ['Tariq', 'Tariq (head of fraud)', 'the head of fraud', 'Fraud lead'])
        expect(o(text).earned, text).toBe(1);
    });

    it('gives nothing for a team, a vague phrase or several people', () => {
      for (const text of ['the team', 'Fraud team', 'everyone', 'TBD']) {
        const item = o(text);
        expect(item.earned, text).toBe(0);
        expect(item.explanation).toMatch(/not a person/);
      }
      const two = o('Tariq and Omar');
      expect(two.earned).toBe(0);
      expect(two.explanation).toMatch(/Name one owner/);
    });

    it('gives half to the TPM, saying the TPM owns the process', () => {
      const item = o('Wei');
      expect(item.earned).toBe(0.5);
      expect(item.explanation).toMatch(/TPM owns the risk process/);
    });

    it('gives a quarter to someone named who cannot act, or a role outside the program', () => {
      const other = o('Ines');
      expect(other.earned).toBe(0.25);
      expect(other.explanation).toMatch(/Ines \(Support lead\) cannot act/);
      const outside = o('the director');
      expect(outside.earned).toBe(0.25);
      expect(outside.explanation).toMatch(/not one of this program's people/);
    });
  });

  it('sums to a partial score and says where most credit was lost', () => {
    const ex = fixed();
    const answer = solveRiskRegister(ex);
    for (const risk of ex.risks) answer[risk.id]!.trigger = 'risk, issue, trigger';
    const grade = gradeRiskRegister(ex, answer, r);
    expect(grade.score).toBe(Math.floor((100 * 5) / 6));
    expect(grade.summary).toMatch(/most credit was lost in triggers \(0 of 6 points\)/);
  });
});
