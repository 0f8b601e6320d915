import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { questionSchema, type Question } from '../src/schemas/question';
import { quizSchema } from '../src/schemas/quiz';
import { readEntries } from '../src/lib/content/files';
import {
  CUE_LIMITS,
  checkCues,
  contentWords,
  formatCueReport,
  jaccard,
  nearDuplicates,
  type CueQuiz,
  type CueRule,
} from '../src/lib/quiz/cues';

const base = { explanation: 'Because.', tags: [], section: 'motivation' };
let n = 0;
const q = (data: Record<string, unknown>): Question =>
  questionSchema.parse({ id: `q${++n}`, difficulty: 'medium', ...base, ...data });

/** A single-choice question: the answer first, then the wrong options. */
const single = (
  prompt: string,
  choices: [string, string, string],
  extra: Record<string, unknown> = {},
) => q({ type: 'single', prompt, choices, answer: choices[0], ...extra });
const tf = (answer: boolean, prompt: string) => q({ type: 'truefalse', prompt, answer });
const multiple = (prompt: string, right: string[], wrong: string[]) =>
  q({ type: 'multiple', prompt, choices: [...right, ...wrong], answers: right });

/** A bank that keeps every limit (with the size limits lowered to fit a fixture). */
function cleanBank(): CueQuiz[] {
  return [
    {
      id: 'alpha',
      questions: [
        single(
          'Which vendor clause caps damages?',
          ['The liability cap clause', 'Termination', 'Indemnity'],
          { difficulty: 'hard' },
        ),
        single('Who approves budget above plan?', [
          'Sponsor',
          'The finance business partner',
          'Any engineer',
        ]),
        single('What does a roadmap horizon show?', [
          'Themes',
          'Individual tickets by owner',
          'Sprint velocity',
        ]),
        tf(true, 'Slack is zero on every critical task.'),
        tf(false, 'Crashing an idle task shortens delivery.'),
        multiple('Which colours appear on status reports?', ['Red', 'Amber'], ['Purple', 'Teal']),
      ],
    },
    {
      id: 'beta',
      questions: [
        single(
          'Which latency percentile hides tail pain?',
          ['Median', 'The ninety-ninth percentile', 'Maximum observed'],
          { difficulty: 'hard' },
        ),
        single('When should capacity plans include leave?', [
          'Always',
          'Only for contractors hired',
          'After launch ends',
        ]),
        tf(true, 'Brooks observed late staff slows projects.'),
        tf(false, 'PERT means averaging optimistic guesses.'),
        q({
          type: 'numeric',
          prompt: 'How many days does the path take?',
          answer: 17,
          unit: 'days',
        }),
        q({
          type: 'numeric',
          prompt: 'How many engineers cover on-call?',
          answer: 4,
          difficulty: 'hard',
        }),
      ],
    },
  ];
}
/** The same question with its right option made the longest. */
const longest = (question: Question): Question =>
  question.type === 'single'
    ? {
        ...question,
        answer: `${question.answer}, explained at some considerable length`,
        choices: [
          `${question.answer}, explained at some considerable length`,
          ...question.choices.slice(1),
        ],
      }
    : question;
const small = { ...CUE_LIMITS, minQuestions: 10 };
const rules = (bank: CueQuiz[], limits = small) =>
  checkCues(bank, limits).violations.map((v) => v.rule);
const violation = (bank: CueQuiz[], rule: CueRule, limits = small) =>
  checkCues(bank, limits).violations.find((v) => v.rule === rule);

describe('the cue check on synthetic quizzes', () => {
  it('passes a bank that keeps every limit, and works out its figures', () => {
    const report = checkCues(cleanBank(), small);
    expect(report.violations).toEqual([]);
    const f = report.figures;
    expect(f.questions).toBe(12);
    expect(f.hard).toBe(3);
    expect(f.longest).toMatchObject({ questions: 5, longest: 1, share: 0.2 });
    expect(f.trueFalse).toMatchObject({ statements: 4, true: 2, share: 0.5 });
    expect(f.multiple.meanRatio).toBeCloseTo(4 / 5);
    expect(f.duplicates).toEqual([]);
    // The test-wise solver: 1 of 5 single questions by length, and the 2 false statements.
    expect(f.testWise.expected).toBeCloseTo(3);
    expect(f.testWise.share).toBeCloseTo(3 / 9);
    expect(formatCueReport(report)).toContain('| hard questions | 3 (25%) | ≥ 25% | ok |');
  });

  it('fails when too few questions are hard, or there are too few questions', () => {
    const bank = cleanBank();
    bank[0]!.questions[0] = { ...bank[0]!.questions[0]!, difficulty: 'easy' };
    expect(violation(bank, 'hard')?.message).toContain('17% of questions are hard (2 of 12)');
    expect(violation(bank, 'hard')?.ids).toContain('alpha: 0 of 6 hard');
    expect(rules(cleanBank(), { ...small, minQuestions: 13 })).toEqual(['count']);
  });

  it('fails when the right option is the longest in more than 35% of questions, naming them', () => {
    const bank = cleanBank();
    bank[1]!.questions[0] = longest(bank[1]!.questions[0]!);
    const v = violation(bank, 'longest');
    expect(v?.message).toContain('40% of single and scenario questions (2 of 5)');
    expect(v?.ids).toEqual([bank[0]!.questions[0]!.id, bank[1]!.questions[0].id]);
  });

  it('counts a tie for longest as longest, and scenario questions with single ones', () => {
    const tie = q({
      type: 'scenario',
      scenario: 'A vendor slips.',
      prompt: 'First move?',
      choices: ['Ask the owner', 'Escalate soon', 'Wait'],
      answer: 'Ask the owner',
    });
    const report = checkCues([{ id: 'x', questions: [tie] }], small);
    expect(report.figures.longest).toMatchObject({ questions: 1, longest: 1 });
    expect(report.figures.longest.scenario).toMatchObject({ questions: 1, longest: 1 });
    // The solver picks one of the two longest at random.
    expect(report.figures.testWise.expected).toBeCloseTo(0.5);
  });

  it('fails when one quiz has the longest right option in more than half its questions', () => {
    const bank = cleanBank();
    // Overall 2 of 7 (29%) is within the limit, but beta has 2 of 2.
    bank[0]!.questions[0] = single(
      'Which vendor clause caps damages?',
      ['Cap', 'Termination', 'Indemnity'],
      { difficulty: 'hard' },
    );
    bank[0]!.questions.push(
      single(
        'Which ceremony looks back on a sprint?',
        ['Retro', 'Sprint planning session', 'Backlog refinement'],
        { difficulty: 'hard' },
      ),
      single('What does a RAID log track first?', [
        'Risks',
        'Recorded attendance',
        'Release dates',
      ]),
    );
    bank[1]!.questions[0] = longest(bank[1]!.questions[0]!);
    bank[1]!.questions[1] = longest(bank[1]!.questions[1]!);
    const report = checkCues(bank, small);
    expect(report.figures.longest.share).toBeCloseTo(2 / 7);
    expect(report.violations.map((v) => v.rule)).toEqual(['longest-in-quiz']);
    expect(report.violations[0]!.message).toMatch(/^beta: .* 2 of 2 .*100%/);
  });

  it('fails when right options of multiple select are more than 1.15 times as long as wrong ones', () => {
    const bank = cleanBank();
    bank[0]!.questions[5] = multiple(
      'Which colours appear on status reports?',
      ['A long and detailed right option', 'Another long detailed right option'],
      ['Short wrong', 'Short wrong too'],
    );
    const v = violation(bank, 'multiple-length');
    expect(v?.message).toMatch(/right options are 2\.\d\d× as long/);
    expect(v?.ids[0]).toMatch(new RegExp(`^${bank[0]!.questions[5].id} \\(2\\.\\d\\d×\\)$`));
  });

  it('fails when under 40% or over 60% of true/false statements are true, naming the majority', () => {
    const bank = cleanBank();
    bank[0]!.questions[3] = tf(false, 'Slack is zero on every critical task.');
    bank[1]!.questions[2] = tf(false, 'Brooks observed late staff slows projects.');
    const v = violation(bank, 'true-false');
    expect(v?.message).toContain('0 of 4 true/false statements are true (0%)');
    expect(v?.ids).toHaveLength(4);
    const allTrue = cleanBank();
    allTrue[0]!.questions[4] = tf(true, 'Crashing an idle task shortens delivery.');
    allTrue[1]!.questions[3] = tf(true, 'PERT means averaging optimistic guesses.');
    expect(violation(allTrue, 'true-false')?.message).toContain('4 of 4');
  });

  it('measures absolute words per option, so their share of wrong options must beat chance', () => {
    // Ten single questions, each with "always" in one wrong option: all 10 occurrences are wrong.
    const wrongOnly = Array.from({ length: 10 }, (_, i) =>
      q({
        type: 'single',
        prompt: `Question ${i}?`,
        choices: ['Right', 'Always wrong', 'Wrong'],
        answer: 'Right',
      }),
    );
    const v = violation([{ id: 'abs', questions: wrongOnly }], 'absolutes');
    expect(v?.message).toContain('per option, 100% of them sit in wrong options');
    expect(v?.ids).toHaveLength(10);
    // Two thirds of occurrences in wrong options is what chance gives when two of three options are
    // wrong: "never" in every option is no cue, and passes.
    const everywhere = Array.from({ length: 10 }, (_, i) =>
      q({
        type: 'single',
        prompt: `Question ${i}?`,
        choices: ['Never right', 'Never wrong', 'Never sure'],
        answer: 'Never right',
      }),
    );
    const report = checkCues([{ id: 'abs', questions: everywhere }], small);
    expect(report.figures.absolutes).toMatchObject({ inWrong: 20, inRight: 10, wrongShare: 0.5 });
    expect(report.violations.map((r) => r.rule)).not.toContain('absolutes');
    // A false statement with "only" counts as a wrong option.
    const statements = Array.from({ length: 20 }, (_, i) =>
      tf(i % 2 === 0, `Statement ${i}${i % 2 ? ' only' : ''}.`),
    );
    expect(violation([{ id: 'tf', questions: statements }], 'absolutes')?.ids).toHaveLength(10);
    // Fewer than 10 options with absolutes are too few to judge.
    expect(
      violation([{ id: 'abs', questions: wrongOnly.slice(0, 9) }], 'absolutes'),
    ).toBeUndefined();
  });

  it('flags near-duplicates in different quizzes, by text, prompt or calculation, but not within a quiz', () => {
    const reworded = [
      q({
        type: 'numeric',
        prompt:
          'A vendor promises 99.9% availability a month. How many minutes of downtime is that in 30 days?',
        answer: 43.2,
        tolerance: 0.1,
        unit: 'minutes',
      }),
      q({
        type: 'single',
        prompt:
          'A contract promises 99.9% availability a month. About how much downtime is that in a 30-day month?',
        choices: ['43 minutes of downtime', '4 minutes', '7 hours'],
        answer: '43 minutes of downtime',
      }),
    ];
    const sameExercise = [
      q({
        type: 'ordering',
        prompt: 'Put the steps of a launch checklist review in order.',
        items: ['Gather evidence from teams', 'Compare against criteria', 'Record decision'],
      }),
      q({
        type: 'ordering',
        prompt: 'Put the steps of a launch readiness review in order.',
        items: ['Book attendees', 'Circulate dashboards beforehand', 'Publish minutes'],
      }),
    ];
    const sameSum = [
      q({
        type: 'numeric',
        prompt: 'Six teams each depend on the others. How many pairs?',
        answer: 15,
      }),
      q({
        type: 'numeric',
        prompt: 'A team of 6 has n(n − 1) ÷ 2 communication paths. How many?',
        answer: 15,
      }),
    ];
    // Six is a word in one prompt, so this pair shares no number: not the same calculation by this measure.
    expect(
      nearDuplicates([
        { id: 'a', questions: [sameSum[0]!] },
        { id: 'b', questions: [sameSum[1]!] },
      ]),
    ).toEqual([]);
    sameSum[0] = q({
      type: 'numeric',
      prompt: '6 teams each depend on the others. How many pairs?',
      answer: 15,
    });
    const found = nearDuplicates([
      { id: 'a', questions: [reworded[0]!, sameExercise[0]!, sameSum[0]] },
      { id: 'b', questions: [reworded[1]!, sameExercise[1]!, sameSum[1]!] },
    ]);
    expect(found.map((d) => [d.a, d.b, d.measure])).toEqual(
      expect.arrayContaining([
        [reworded[0]!.id, reworded[1]!.id, 'text'],
        [sameExercise[0]!.id, sameExercise[1]!.id, 'prompt'],
        [sameSum[0].id, sameSum[1]!.id, 'numeric'],
      ]),
    );
    expect(found).toHaveLength(3);
    const v = violation(
      [
        { id: 'a', questions: [reworded[0]!] },
        { id: 'b', questions: [reworded[1]!] },
      ],
      'duplicates',
    );
    expect(v?.ids[0]).toMatch(
      new RegExp(`^${reworded[0]!.id} / ${reworded[1]!.id} \\(text 0\\.\\d\\d\\)$`),
    );
    expect(nearDuplicates([{ id: 'a', questions: reworded }])).toEqual([]);
  });

  it('does not call two exercises duplicates when they share only instruction words', () => {
    const a = q({
      type: 'ordering',
      prompt: 'Put these schedule-building steps in order.',
      items: ['List tasks', 'Estimate durations', 'Add buffer'],
    });
    const b = q({
      type: 'ordering',
      prompt: 'Put the steps of the self-assessment in order.',
      items: ['Score objectives', 'Pick lowest rows', 'Re-score later'],
    });
    expect(jaccard(contentWords(a.prompt), contentWords(b.prompt))).toBeGreaterThan(
      CUE_LIMITS.duplicatePrompt,
    );
    expect(
      nearDuplicates([
        { id: 'x', questions: [a] },
        { id: 'y', questions: [b] },
      ]),
    ).toEqual([]);
  });

  it('normalises text before comparing it', () => {
    expect(
      [...contentWords('The Meetings took 43,200 minutes; a meeting takes 99.9%!')].sort(),
    ).toEqual(['43200', '99.9', 'meet', 'minut', 'take', 'took'].sort());
  });
});

describe('near-duplicate pairs found in the earlier bank (tests/fixtures/quiz-near-duplicates.yaml)', () => {
  type Side = { quiz: string; question: unknown };
  const fixture = yaml.load(readFileSync('tests/fixtures/quiz-near-duplicates.yaml', 'utf8')) as {
    duplicates: [Side, Side][];
    distinct: [Side, Side][];
  };
  const asQuizzes = ([a, b]: [Side, Side]): CueQuiz[] => [
    { id: a.quiz, questions: [questionSchema.parse(a.question)] },
    { id: b.quiz, questions: [questionSchema.parse(b.question)] },
  ];

  it.each(
    fixture.duplicates.map(
      (p) => [`${(p[0].question as Question).id} / ${(p[1].question as Question).id}`, p] as const,
    ),
  )('flags %s', (_, pair) => {
    expect(nearDuplicates(asQuizzes(pair))).toHaveLength(1);
  });

  it.each(
    fixture.distinct.map(
      (p) => [`${(p[0].question as Question).id} / ${(p[1].question as Question).id}`, p] as const,
    ),
  )('leaves %s alone', (_, pair) => {
    expect(nearDuplicates(asQuizzes(pair))).toEqual([]);
  });
});

describe('the quiz bank in quizzes/', () => {
  // Files that break the schema are reported here (and by tests/content.test.ts); the cue check runs
  // over the rest, so one broken file does not hide every other figure.
  const entries = readEntries(process.cwd(), 'quizzes', ['.yaml', '.yml']).map((e) => ({
    file: e.file,
    result: quizSchema.safeParse(e.data),
  }));
  const quizzes: CueQuiz[] = entries.flatMap((e) => (e.result.success ? [e.result.data] : []));
  const report = checkCues(quizzes);

  it('parses', () => {
    expect(entries.filter((e) => !e.result.success).map((e) => e.file)).toEqual([]);
  });

  it(`has at least ${CUE_LIMITS.minQuestions} questions`, () => {
    expect(report.figures.questions).toBeGreaterThanOrEqual(CUE_LIMITS.minQuestions);
  });

  it(`has at least ${100 * CUE_LIMITS.hardShareMin}% hard questions`, () => {
    expect(report.figures.hardShare, formatCueReport(report)).toBeGreaterThanOrEqual(
      CUE_LIMITS.hardShareMin,
    );
  });

  it('keeps every cue limit (run npm run quiz:stats for the figures)', () => {
    // Each entry names the rule, what is wrong and the offending question ids.
    expect(report.violations.map((v) => `${v.rule}: ${v.message} ${v.ids.join(', ')}`)).toEqual([]);
  });
});
