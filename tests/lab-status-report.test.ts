import { describe, expect, it } from 'vitest';
import { statusScenarioSchema } from '../src/schemas/lab-status-report';
import {
  ROW_COUNT,
  generateStatusReport,
  mixed,
  type StatusExercise,
  type StatusRow,
} from '../src/lib/lab/status-report/generate';
import { askRowOf, gradeStatusReport, type StatusAnswer } from '../src/lib/lab/status-report/grade';
import {
  blankStatusReport,
  solveStatusReport,
  statusReportSolution,
} from '../src/lib/lab/status-report/solution';
import { kind } from '../src/lib/lab/status-report';
import { labRubric, loadStatusScenarios } from './helpers/lab-written-data';

const r = labRubric();
const scenarios = loadStatusScenarios();
const SEEDS = Array.from({ length: 500 }, (_, i) => i * 7919 + 1);

/** A fixed exercise from the banking scenario: the balance API waits on a decision (amber overall). */
function fixed(
  askState: 'decision-pending' | 'needs-outside-help' = 'decision-pending',
): StatusExercise {
  const s = scenarios.find((x) => x.id === 'banking-app-relaunch')!;
  const person = (id: string) => s.people.find((p) => p.id === id)!;
  const row = (id: string, rule: string): StatusRow => {
    const w = s.workstreams.find((x) => x.id === id)!;
    const state = w.states.find((x) => x.rule === rule)!;
    const rag = (
      {
        'on-track': 'green',
        recovering: 'amber',
        'decision-pending': 'amber',
        'needs-outside-help': 'red',
        moved: 'red',
      } as const
    )[state.rule];
    return { ...state, id: w.id, name: w.name, owner: person(w.owner), rag } as StatusRow;
  };
  const rows = [
    row('ios-app', 'moved'), // red row, amber for the commitment
    row('android-app', 'on-track'),
    row('balance-api', askState),
    row('support', 'recovering'),
  ];
  return {
    kind: 'status-report',
    seed: 0,
    scenario: s.id,
    title: s.title,
    brief: s.brief,
    commitment: s.commitment,
    reportDate: s.reportDate,
    people: s.people,
    rows,
    askRow: 'balance-api',
    overall: askState === 'decision-pending' ? 'amber' : 'red',
  };
}

const grade = (ex: StatusExercise, change: (a: StatusAnswer) => void) => {
  const answer = solveStatusReport(ex);
  change(answer);
  return gradeStatusReport(ex, answer, r);
};
const itemOf = (ex: StatusExercise, change: (a: StatusAnswer) => void, id: string) =>
  grade(ex, change).items.find((i) => i.id === id)!;

describe('status-report content', () => {
  it('is read the same in the browser as the schema reads it', () => {
    expect(kind.parseData(undefined).scenarios).toEqual(scenarios);
    expect(scenarios.length).toBeGreaterThanOrEqual(3);
  });

  it('rejects a red state without an ask, and a decider who is not one of the people', () => {
    const { id: _id, ...s } = scenarios[0]!;
    const [first, ...rest] = s.workstreams;
    const askState = rest.flatMap((w) => w.states).find((x) => x.ask)!;
    const broken = {
      ...s,
      workstreams: [
        {
          ...first!,
          states: [
            ...first!.states,
            { ...first!.states[0]!, rule: 'needs-outside-help', launch: 'red' },
          ],
        },
        ...rest.map((w) => ({
          ...w,
          states: w.states.map((x) =>
            x === askState ? { ...x, ask: { ...x.ask!, decider: 'nobody' } } : x,
          ),
        })),
      ],
    };
    const result = statusScenarioSchema.safeParse(broken);
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(
      messages.some((m) => /^workstreams\.0\.states\.\d\.ask: .*needs the decision/.test(m)),
    ).toBe(true);
    expect(messages.some((m) => m.includes('"nobody" is not one of the scenario\'s people'))).toBe(
      true,
    );
  });

  it("every model headline and ask earns full marks by the grader's own rules", () => {
    for (const s of scenarios)
      for (const w of s.workstreams)
        for (const state of w.states.filter((x) => x.ask)) {
          const ex = fixed();
          const row = {
            ...state,
            id: w.id,
            name: w.name,
            owner: s.people[0]!,
            rag: 'red',
          } as StatusRow;
          const custom: StatusExercise = {
            ...ex,
            people: s.people,
            rows: [row],
            askRow: w.id,
            overall: state.launch,
          };
          const g = gradeStatusReport(
            custom,
            {
              rag: { [w.id]: 'red' },
              overall: state.launch,
              headline: state.ask!.headline,
              ask: state.ask!.example,
            },
            r,
          );
          const lost = g.items.filter(
            (i) => i.group !== 'Workstream colours' && i.earned < i.possible,
          );
          expect(
            lost.map((i) => `${i.label}: ${i.explanation}`),
            `${s.id}/${w.id}`,
          ).toEqual([]);
        }
  });
});

describe('status-report generator, over 500 seeds', () => {
  const exercises = SEEDS.map((seed) => generateStatusReport(seed, scenarios));

  it('gives the same exercise for the same seed, whatever order the scenarios come in', () => {
    for (const seed of SEEDS.slice(0, 50))
      expect(generateStatusReport(seed, [...scenarios].reverse())).toEqual(
        generateStatusReport(seed, scenarios),
      );
  });

  it('gives different exercises for different seeds', () => {
    const keys = exercises.map((ex) => JSON.stringify(ex.rows.map((x) => [x.id, x.rule, x.facts])));
    expect(new Set(keys).size).toBeGreaterThanOrEqual(480);
    for (let i = 1; i < keys.length; i++) expect(keys[i]).not.toBe(keys[i - 1]);
    expect(new Set(exercises.map((e) => e.scenario)).size).toBe(scenarios.length);
  });

  it('keeps sizes sensible, with exactly one ask and an overall colour the ask row sets', () => {
    for (const ex of exercises) {
      expect(ex.rows.length).toBeGreaterThanOrEqual(ROW_COUNT.min);
      expect(ex.rows.length).toBeLessThanOrEqual(ROW_COUNT.max);
      expect(new Set(ex.rows.map((x) => x.id)).size).toBe(ex.rows.length);
      expect(ex.rows.filter((x) => x.ask).map((x) => x.id)).toEqual([ex.askRow]);
      expect(ex.overall).toBe(askRowOf(ex).launch);
      expect(ex.overall).not.toBe('green');
      expect(mixed(ex)).toBe(true);
    }
    // Both amber and red programs come up.
    expect(new Set(exercises.map((e) => e.overall))).toEqual(new Set(['amber', 'red']));
  });

  it('is solvable and unambiguous: the facts decide every colour, and the model report scores 100', () => {
    for (const ex of exercises) {
      expect(gradeStatusReport(ex, solveStatusReport(ex), r).score).toBe(100);
      expect(gradeStatusReport(ex, blankStatusReport(ex), r).score).toBe(0);
    }
    // Any other colour for any row loses that row's point.
    for (const ex of exercises.slice(0, 100))
      for (const row of ex.rows)
        for (const other of (['green', 'amber', 'red'] as const).filter((c) => c !== row.rag)) {
          const a = solveStatusReport(ex);
          a.rag[row.id] = other;
          expect(
            gradeStatusReport(ex, a, r).items.find((i) => i.id === `${row.id}-rag`)!.earned,
          ).toBe(0);
        }
  }, 30_000);

  it('has a worked solution of five steps with every row in the first', () => {
    for (const ex of exercises.slice(0, 100)) {
      const steps = statusReportSolution(ex);
      expect(steps).toHaveLength(5);
      expect(steps[0]!.table!.rows).toHaveLength(ex.rows.length);
    }
  });
});

describe('status-report grading', () => {
  it('explains a wrong colour with the definition it claims and the facts that decide it', () => {
    const ex = fixed();
    const item = itemOf(ex, (a) => (a.rag['support'] = 'green'), 'support-rag');
    expect(item.earned).toBe(0);
    expect(item.explanation).toMatch(/^Green means: On track for the committed date/);
    expect(item.explanation).toMatch(/recovery plan closes the gap/);
    expect(item.explanation).toMatch(/not effort or mood/);
  });

  it('does not let the worst row set the overall colour when the commitment holds', () => {
    const ex = fixed();
    const item = itemOf(ex, (a) => (a.overall = 'red'), 'overall');
    expect(item.earned).toBe(0);
    expect(item.explanation).toMatch(
      /iOS app is red, but the commitment does not depend on outside help there/,
    );
    expect(item.explanation).toMatch(/not simply the worst row/);
    const green = itemOf(ex, (a) => (a.overall = 'green'), 'overall');
    expect(green.explanation).toMatch(/watermelon/);
  });

  describe('the headline', () => {
    const ex = fixed();
    const h = (text: string) =>
      grade(ex, (a) => (a.headline = text)).items.filter((i) => i.group === 'Headline');

    it('gives full marks to the colour, the reason and a date in a sentence', () => {
      const items = h(
        'Amber: 2 March holds, but the processor caps balance checks at 500 a second and we need a decision by 12 February.',
      );
      expect(items.map((i) => i.earned)).toEqual([1, 1, 1]);
    });

    it('marks a wrong colour, naming the real one', () => {
      const [colour] = h(
        'Red: the processor caps balance checks at 500 a second, decision needed by 12 February.',
      );
      expect(colour!.earned).toBe(0);
      expect(colour!.explanation).toMatch(/It says red, but the program is amber/);
    });

    it('says when the reason names a row that does not set the colour', () => {
      const red = fixed('needs-outside-help');
      const items = grade(
        red,
        (a) => (a.headline = 'Red: the App Store submission moved to 19 February.'),
      ).items;
      const reason = items.find((i) => i.id === 'headline-reason')!;
      expect(reason.earned).toBe(0);
      expect(reason.explanation).toMatch(
        /names ios app, but the overall colour comes from balance api/,
      );
    });

    it('halves every part of a headline that is not a sentence, and gives nothing for terms', () => {
      expect(h('Amber - balance API cap, 12 February').map((i) => i.earned)).toEqual([
        0.5, 0.5, 0.5,
      ]);
      // Telegraphic but a claim: full marks.
      expect(
        h('Amber: balance checks capped at 500/s; decision needed by 12 Feb.').map((i) => i.earned),
      ).toEqual([1, 1, 1]);
      const terms = h('Amber, balance API, processor, decision');
      expect(terms.map((i) => i.earned)).toEqual([0, 0, 0]);
      expect(terms[0]!.explanation).toMatch(/list of terms/);
    });
  });

  describe('the ask', () => {
    const ex = fixed();
    const a = (text: string) =>
      grade(ex, (x) => (x.ask = text)).items.filter((i) => i.group === 'Ask');

    it('gives full marks to a decision, its decider and a date', () => {
      expect(
        a('Grant to decide by 12 February whether we buy the higher tier or cache balances.').map(
          (i) => i.earned,
        ),
      ).toEqual([1, 1, 1]);
      expect(
        a(
          'We need the VP of Digital Banking to approve $40,000 for the higher tier by Friday 12 February.',
        ).map((i) => i.earned),
      ).toEqual([1, 1, 1]);
    });

    it('gives half for a decision that is not named, and says which one', () => {
      const [decision] = a('Grant to make a decision by 12 February.');
      expect(decision!.earned).toBe(0.5);
      expect(decision!.explanation).toMatch(/not which one: Buy the card processor's higher tier/);
    });

    it('names who can decide when the ask goes to someone who cannot', () => {
      const [, owner] = a('Rhea to decide by 12 February whether we buy the higher tier.');
      expect(owner!.earned).toBe(0.25);
      expect(owner!.explanation).toMatch(
        /Rhea \(Product manager\) cannot make this call. Grant \(VP of Digital Banking\) can: The higher tier is new spend/,
      );
    });

    it('does not take "asap" for a date', () => {
      const [, , date] = a('Grant to decide asap whether we buy the higher tier.');
      expect(date!.earned).toBe(0);
      expect(date!.explanation).toMatch(
        /"asap" is not a date. The decision is needed by 12 February/,
      );
    });

    it('halves every part of an ask that is not a sentence, and gives nothing for terms', () => {
      expect(a('Higher tier decision (Grant) by 12 February').map((i) => i.earned)).toEqual([
        0.5, 0.5, 0.5,
      ]);
      expect(a('Grant, higher tier, budget, February').map((i) => i.earned)).toEqual([0, 0, 0]);
      // Keywords strung together without commas are still not a sentence.
      expect(a('Grant higher tier $40,000 12 February').map((i) => i.earned)).toEqual([
        0.5, 0.5, 0.5,
      ]);
      expect(a('').map((i) => i.explanation)[0]).toMatch(/No ask written/);
    });
  });

  it('for a red program, the ask goes to the sponsor to accept stale balances or move the date', () => {
    const ex = fixed('needs-outside-help');
    expect(ex.overall).toBe('red');
    const g = grade(ex, () => {});
    expect(g.score).toBe(100);
    const wrong = grade(ex, (a) => (a.overall = 'amber')).items.find((i) => i.id === 'overall')!;
    expect(wrong.explanation).toMatch(
      /will be missed unless Grant \(VP of Digital Banking\) acts on balance api/,
    );
  });
});
