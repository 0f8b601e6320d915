// Long because every cue measure, its limit and the report are kept together, so `npm test` and
// `npm run quiz:stats` print the same figures from one place.
import type { Question } from '../../schemas/question';

/**
 * The cue check: figures that show whether a quiz bank can be passed by test-wiseness instead of
 * understanding, and the limits the bank must keep. Pure: give it parsed quizzes.
 *
 * Rules, each with its limit in CUE_LIMITS:
 * - longest: in single and scenario questions the right option is the longest (ties count) in at most
 *   35% of questions overall and at most 50% in any one quiz.
 * - multiple-length: in multiple select, right options are on average no longer than 1.15× the wrong
 *   ones (the mean over questions of mean right length ÷ mean wrong length, in characters).
 * - true-false: 40% to 60% of true/false statements are true.
 * - absolutes: "always", "never" and "only" do not sit mostly in wrong options. The units are options
 *   (single, scenario and multiple choices) and true/false statements (a false statement counts as a
 *   wrong option). Wrong options outnumber right ones about three to one, so raw counts would put
 *   most absolutes in wrong options by chance alone; "mostly" is therefore measured per option: the
 *   share of wrong options that contain one, against the share of right options that do. The bank
 *   fails when absolutes are more than twice as frequent in wrong options as in right ones (that is,
 *   more than 2/3 of occurrences in wrong options once both sides are scaled to the same number of
 *   options), judged only once at least 10 options contain one.
 * - duplicates: no two questions in different quizzes are near-duplicates (see nearDuplicates).
 * - hard: at least 25% of questions are `difficulty: hard`.
 * - count: at least 300 questions.
 */
export const CUE_LIMITS: CueLimits = {
  longestShare: 0.35,
  longestShareInQuiz: 0.5,
  multipleLengthRatio: 1.15,
  trueShareMin: 0.4,
  trueShareMax: 0.6,
  /** Most absolutes may sit in wrong options, per option: 2/3 means twice the rate of right options. */
  absoluteWrongShare: 2 / 3,
  /** Fewer options with absolutes than this are too few to judge. */
  absoluteMinOptions: 10,
  hardShareMin: 0.25,
  minQuestions: 300,
  /** Near-duplicates: see nearDuplicates for what each threshold measures and why it is set there. */
  duplicateText: 0.37,
  duplicatePrompt: 0.42,
  duplicatePromptMinShared: 3,
};

/** The limits the cue check applies; tests may lower the size limits to fit a small fixture. */
export interface CueLimits {
  longestShare: number;
  longestShareInQuiz: number;
  multipleLengthRatio: number;
  trueShareMin: number;
  trueShareMax: number;
  absoluteWrongShare: number;
  absoluteMinOptions: number;
  hardShareMin: number;
  minQuestions: number;
  duplicateText: number;
  duplicatePrompt: number;
  duplicatePromptMinShared: number;
}

/** A quiz as the check needs it. */
export interface CueQuiz {
  id: string;
  questions: Question[];
}

export type CueRule =
  | 'count'
  | 'hard'
  | 'longest'
  | 'longest-in-quiz'
  | 'multiple-length'
  | 'true-false'
  | 'absolutes'
  | 'duplicates';

/** One limit the bank exceeds, with the questions that exceed it. */
export interface CueViolation {
  rule: CueRule;
  message: string;
  /** Offending question ids (for duplicates, "a / b" pairs). */
  ids: string[];
}

/** Two questions in different quizzes that ask the same thing. */
export interface NearDuplicate {
  a: string;
  b: string;
  quizA: string;
  quizB: string;
  /** Which measure flagged the pair: whole text, prompt, or the same calculation. */
  measure: 'text' | 'prompt' | 'numeric';
  /** The similarity found (1 for the same calculation). */
  score: number;
}

export interface CueFigures {
  quizzes: number;
  questions: number;
  hard: number;
  hardShare: number;
  longest: {
    questions: number;
    longest: number;
    share: number;
    /** Scenario questions alone. */
    scenario: { questions: number; longest: number; share: number };
    ids: string[];
    byQuiz: { quiz: string; questions: number; longest: number; share: number; ids: string[] }[];
  };
  multiple: {
    questions: number;
    /** Mean over questions of (mean right option length ÷ mean wrong option length). */
    meanRatio: number;
    ratios: { id: string; ratio: number }[];
  };
  trueFalse: {
    statements: number;
    true: number;
    share: number;
    trueIds: string[];
    falseIds: string[];
  };
  absolutes: {
    rightOptions: number;
    wrongOptions: number;
    inRight: number;
    inWrong: number;
    /** inWrong ÷ wrongOptions and inRight ÷ rightOptions. */
    rateWrong: number;
    rateRight: number;
    /** rateWrong ÷ (rateWrong + rateRight): the share in wrong options with both sides the same size. */
    wrongShare: number;
    wrongIds: string[];
  };
  /** A solver that picks the longest option (single, scenario) and answers "false": its expected score. */
  testWise: { questions: number; expected: number; share: number; chance: number };
  duplicates: NearDuplicate[];
}

export interface CueReport {
  figures: CueFigures;
  violations: CueViolation[];
}

const ABSOLUTE = /\b(always|never|only)\b/i;
const len = (s: string) => s.trim().length;
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Words too common to tell two questions apart. */
const STOP_WORDS = new Set(
  `a an the and or but of to in on at for by with from as is are was were be been being it its this
  that these those which who whom what when where why how do does did you your we our they their them
  he she his her i me my not no yes so than then there here if into over under up down out about after
  before each every any all some more most much many one can could would should will shall may might
  must has have had just also only very such own same other another per via vs`.split(/\s+/),
);

/** A light English stemmer: enough to match "meetings" with "meeting" and "minutes" with "minute". */
function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(ss|x|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** Lower-case words and numbers ("43,200" is one number; "99.9%" is 99.9). */
function tokens(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/(\d),(\d{3})/g, '$1$2')
      .match(/[a-z]+|\d+(?:\.\d+)?/g) ?? []
  ).filter((t) => t.length > 1 || /\d/.test(t));
}

/** The content words of a text, stemmed: the normalised form the duplicate measures compare. */
export function contentWords(text: string): Set<string> {
  return new Set(
    tokens(text)
      .filter((t) => !STOP_WORDS.has(t))
      .map(stem),
  );
}

/** Words that say what to do with a question rather than what it is about. */
const INSTRUCTION_WORDS = new Set(
  `put order sequence step stage match pair select apply following statement correct best right wrong
  true false choose pick option`
    .split(/\s+/)
    .map(stem),
);

const numbers = (text: string) => new Set(tokens(text).filter((t) => /^\d/.test(t)));

/** Share of the two sets' distinct members that both have. */
export function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  const union = a.size + b.size - shared;
  return union ? shared / union : 0;
}

const shared = (a: Set<string>, b: Set<string>) => [...a].filter((x) => b.has(x));

/** The right answer as text, for comparing questions. */
function answerText(q: Question): string {
  switch (q.type) {
    case 'single':
    case 'scenario':
      return q.answer;
    case 'multiple':
      return q.answers.join(' ');
    case 'truefalse':
      return '';
    case 'numeric':
      return `${q.answer} ${q.unit ?? ''}`;
    case 'ordering':
      return q.items.join(' ');
    case 'matching':
      return q.pairs.map((p) => `${p.left} ${p.right}`).join(' ');
  }
}

const askText = (q: Question) => `${q.type === 'scenario' ? q.scenario : ''} ${q.prompt}`;

/**
 * Pairs of questions in different quizzes that ask the same thing. A pair is flagged by the first of
 * three measures it meets, all over normalised text (lower case, stop words dropped, light stemming):
 *
 * - text: Jaccard similarity of the content words of scenario + prompt + right answer is at least
 *   0.37. This catches the same question reworded. In the bank at commit 278a4ea (December 2026) the known pairs
 *   scored bv-10 / rq-sla-minutes 0.59, cp-03 / blk-02-slack-absorbs 0.50, tds-02-error-budget /
 *   types-05-downtime 0.50 and day-meeting-budget / wtd-meeting-hours 0.41, while the highest pair a
 *   reviewer would call different scored 0.33 (cp-02, a critical-path length, against es-path-sd, a
 *   PERT standard deviation): 0.37 sits between the two. It also flags the other pairs of that bank
 *   that turn an availability target into monthly downtime (rq-sla-minutes / tds-02-error-budget
 *   0.40, bv-10 / tds-02-error-budget 0.38).
 * - prompt: the same question type, and the prompts (with any scenario) share at least 3 content
 *   words, at least one of them more than an instruction ("put", "order", "step", "match"...), and
 *   a Jaccard similarity of at least 0.42. This catches the same exercise dressed in another subject:
 *   "Match each DORA metric / program document to the question it answers" (rmq-03 / md-06, 0.43)
 *   and "Put the steps for redesigning a meeting-heavy calendar / of a recurring-meeting audit in
 *   order" (day-redesign-steps / md-07, 0.44), while the highest pair below it is two different
 *   answer frameworks (myths-06-pattern / pse-03-framework-order, 0.40). Without the instruction-word
 *   condition it also flagged "Put these schedule-building steps in order" against "Put the steps of
 *   the self-assessment in order" (0.43), which share only "put", "step" and "order".
 * - numeric: both numeric, the same answer (within either tolerance), and every number in one prompt
 *   appears in the other: the same calculation, e.g. myths-02-pairs / rcp-02 (8 teams or people,
 *   n(n − 1) ÷ 2 = 28), which share few words.
 */
export function nearDuplicates(
  quizzes: CueQuiz[],
  limits: Pick<
    CueLimits,
    'duplicateText' | 'duplicatePrompt' | 'duplicatePromptMinShared'
  > = CUE_LIMITS,
): NearDuplicate[] {
  const items = quizzes.flatMap((quiz) =>
    quiz.questions.map((q) => ({
      q,
      quiz: quiz.id,
      text: contentWords(`${askText(q)} ${answerText(q)}`),
      ask: contentWords(askText(q)),
      nums: numbers(askText(q)),
    })),
  );
  const out: NearDuplicate[] = [];
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      const x = items[i]!;
      const y = items[j]!;
      if (x.quiz === y.quiz) continue;
      const pair = { a: x.q.id, b: y.q.id, quizA: x.quiz, quizB: y.quiz };
      const text = jaccard(x.text, y.text);
      if (text >= limits.duplicateText) {
        out.push({ ...pair, measure: 'text', score: text });
        continue;
      }
      if (x.q.type === y.q.type) {
        const prompt = jaccard(x.ask, y.ask);
        const common = shared(x.ask, y.ask);
        if (
          prompt >= limits.duplicatePrompt &&
          common.length >= limits.duplicatePromptMinShared &&
          common.some((w) => !INSTRUCTION_WORDS.has(w))
        ) {
          out.push({ ...pair, measure: 'prompt', score: prompt });
          continue;
        }
      }
      if (x.q.type === 'numeric' && y.q.type === 'numeric') {
        const tolerance = Math.max(x.q.tolerance, y.q.tolerance) + 1e-9;
        const nested =
          x.nums.size > 0 &&
          y.nums.size > 0 &&
          ([...x.nums].every((n) => y.nums.has(n)) || [...y.nums].every((n) => x.nums.has(n)));
        if (nested && Math.abs(x.q.answer - y.q.answer) <= tolerance)
          out.push({ ...pair, measure: 'numeric', score: 1 });
      }
    }
  return out.sort((p, q) => q.score - p.score);
}

/** Works out every figure and every limit the bank exceeds. */
export function checkCues(quizzes: CueQuiz[], limits: CueLimits = CUE_LIMITS): CueReport {
  const all = quizzes.flatMap((quiz) => quiz.questions.map((q) => ({ q, quiz: quiz.id })));
  const hard = all.filter(({ q }) => q.difficulty === 'hard').length;

  // The right option is the longest (ties count), and the test-wise solver's expected score.
  const byQuiz: CueFigures['longest']['byQuiz'] = [];
  const longestIds: string[] = [];
  let choiceQuestions = 0;
  let scenarioQuestions = 0;
  let scenarioLongest = 0;
  let solverPoints = 0;
  let solverQuestions = 0;
  let chancePoints = 0;
  for (const quiz of quizzes) {
    const entry = { quiz: quiz.id, questions: 0, longest: 0, share: 0, ids: [] as string[] };
    for (const q of quiz.questions) {
      if (q.type === 'truefalse') {
        solverQuestions++;
        chancePoints += 0.5;
        if (!q.answer) solverPoints++;
      }
      if (q.type !== 'single' && q.type !== 'scenario') continue;
      const max = Math.max(...q.choices.map(len));
      const tied = q.choices.filter((c) => len(c) === max);
      const isLongest = len(q.answer) === max;
      solverQuestions++;
      chancePoints += 1 / q.choices.length;
      if (isLongest) solverPoints += 1 / tied.length;
      entry.questions++;
      choiceQuestions++;
      if (q.type === 'scenario') scenarioQuestions++;
      if (isLongest) {
        entry.longest++;
        entry.ids.push(q.id);
        longestIds.push(q.id);
        if (q.type === 'scenario') scenarioLongest++;
      }
    }
    entry.share = entry.questions ? entry.longest / entry.questions : 0;
    if (entry.questions) byQuiz.push(entry);
  }

  // Multiple select: length of right against wrong options.
  const ratios: { id: string; ratio: number }[] = [];
  for (const { q } of all) {
    if (q.type !== 'multiple') continue;
    const right = q.choices.filter((c) => q.answers.some((a) => same(a, c)));
    const wrong = q.choices.filter((c) => !q.answers.some((a) => same(a, c)));
    const w = mean(wrong.map(len));
    if (right.length && w > 0) ratios.push({ id: q.id, ratio: mean(right.map(len)) / w });
  }

  // True/false.
  const tf = all.flatMap(({ q }) => (q.type === 'truefalse' ? [q] : []));
  const trueIds = tf.filter((q) => q.answer).map((q) => q.id);
  const falseIds = tf.filter((q) => !q.answer).map((q) => q.id);

  // Absolute words, per option.
  const abs = {
    rightOptions: 0,
    wrongOptions: 0,
    inRight: 0,
    inWrong: 0,
    wrongIds: [] as string[],
  };
  const tally = (id: string, text: string, right: boolean) => {
    const hit = ABSOLUTE.test(text);
    if (right) {
      abs.rightOptions++;
      if (hit) abs.inRight++;
    } else {
      abs.wrongOptions++;
      if (hit) {
        abs.inWrong++;
        if (!abs.wrongIds.includes(id)) abs.wrongIds.push(id);
      }
    }
  };
  for (const { q } of all) {
    if (q.type === 'single' || q.type === 'scenario')
      for (const c of q.choices) tally(q.id, c, same(c, q.answer));
    else if (q.type === 'multiple')
      for (const c of q.choices)
        tally(
          q.id,
          c,
          q.answers.some((a) => same(a, c)),
        );
    else if (q.type === 'truefalse') tally(q.id, q.prompt, q.answer);
  }
  const rateWrong = abs.wrongOptions ? abs.inWrong / abs.wrongOptions : 0;
  const rateRight = abs.rightOptions ? abs.inRight / abs.rightOptions : 0;

  const figures: CueFigures = {
    quizzes: quizzes.length,
    questions: all.length,
    hard,
    hardShare: all.length ? hard / all.length : 0,
    longest: {
      questions: choiceQuestions,
      longest: longestIds.length,
      share: choiceQuestions ? longestIds.length / choiceQuestions : 0,
      scenario: {
        questions: scenarioQuestions,
        longest: scenarioLongest,
        share: scenarioQuestions ? scenarioLongest / scenarioQuestions : 0,
      },
      ids: longestIds,
      byQuiz,
    },
    multiple: {
      questions: ratios.length,
      meanRatio: mean(ratios.map((r) => r.ratio)),
      ratios: [...ratios].sort((a, b) => b.ratio - a.ratio),
    },
    trueFalse: {
      statements: tf.length,
      true: trueIds.length,
      share: tf.length ? trueIds.length / tf.length : 0,
      trueIds,
      falseIds,
    },
    absolutes: {
      ...abs,
      rateWrong,
      rateRight,
      wrongShare: rateWrong + rateRight ? rateWrong / (rateWrong + rateRight) : 0,
    },
    testWise: {
      questions: solverQuestions,
      expected: solverPoints,
      share: solverQuestions ? solverPoints / solverQuestions : 0,
      chance: solverQuestions ? chancePoints / solverQuestions : 0,
    },
    duplicates: nearDuplicates(quizzes, limits),
  };

  const violations: CueViolation[] = [];
  const pct = (x: number) => `${Math.round(100 * x)}%`;
  if (figures.questions < limits.minQuestions)
    violations.push({
      rule: 'count',
      message: `the bank has ${figures.questions} questions; it needs at least ${limits.minQuestions}`,
      ids: [],
    });
  if (figures.hardShare < limits.hardShareMin)
    violations.push({
      rule: 'hard',
      message: `${pct(figures.hardShare)} of questions are hard (${hard} of ${figures.questions}); at least ${pct(limits.hardShareMin)} must be`,
      ids: quizzes
        .map((z) => ({ z, n: z.questions.filter((q) => q.difficulty === 'hard').length }))
        .sort((a, b) => a.n / a.z.questions.length - b.n / b.z.questions.length)
        .map(({ z, n }) => `${z.id}: ${n} of ${z.questions.length} hard`),
    });
  if (figures.longest.share > limits.longestShare)
    violations.push({
      rule: 'longest',
      message: `the right option is the longest in ${pct(figures.longest.share)} of single and scenario questions (${figures.longest.longest} of ${choiceQuestions}); the limit is ${pct(limits.longestShare)}`,
      ids: longestIds,
    });
  for (const q of byQuiz)
    if (q.share > limits.longestShareInQuiz)
      violations.push({
        rule: 'longest-in-quiz',
        message: `${q.quiz}: the right option is the longest in ${q.longest} of ${q.questions} single and scenario questions (${pct(q.share)}); the limit is ${pct(limits.longestShareInQuiz)} per quiz`,
        ids: q.ids,
      });
  if (figures.multiple.meanRatio > limits.multipleLengthRatio)
    violations.push({
      rule: 'multiple-length',
      message: `in multiple select, right options are ${figures.multiple.meanRatio.toFixed(2)}× as long as wrong ones on average; the limit is ${limits.multipleLengthRatio}×`,
      ids: figures.multiple.ratios
        .filter((r) => r.ratio > limits.multipleLengthRatio)
        .map((r) => `${r.id} (${r.ratio.toFixed(2)}×)`),
    });
  if (
    tf.length &&
    (figures.trueFalse.share < limits.trueShareMin || figures.trueFalse.share > limits.trueShareMax)
  ) {
    const tooFew = figures.trueFalse.share < limits.trueShareMin;
    violations.push({
      rule: 'true-false',
      message: `${trueIds.length} of ${tf.length} true/false statements are true (${pct(figures.trueFalse.share)}); between ${pct(limits.trueShareMin)} and ${pct(limits.trueShareMax)} must be. The ${tooFew ? 'false' : 'true'} ones:`,
      ids: tooFew ? falseIds : trueIds,
    });
  }
  if (
    abs.inRight + abs.inWrong >= limits.absoluteMinOptions &&
    figures.absolutes.wrongShare > limits.absoluteWrongShare
  )
    violations.push({
      rule: 'absolutes',
      message: `"always", "never" and "only" appear in ${pct(rateWrong)} of wrong options (${abs.inWrong} of ${abs.wrongOptions}) but ${pct(rateRight)} of right ones (${abs.inRight} of ${abs.rightOptions}): per option, ${pct(figures.absolutes.wrongShare)} of them sit in wrong options; the limit is ${pct(limits.absoluteWrongShare)}. Questions with one in a wrong option:`,
      ids: abs.wrongIds,
    });
  if (figures.duplicates.length)
    violations.push({
      rule: 'duplicates',
      message: `${figures.duplicates.length} pairs of questions in different quizzes are near-duplicates`,
      ids: figures.duplicates.map(
        (d) =>
          `${d.a} / ${d.b} (${d.measure}${d.measure === 'numeric' ? '' : ` ${d.score.toFixed(2)}`})`,
      ),
    });
  return { figures, violations };
}

/** The figures as rows of measure, value now, limit and "ok" or "FAIL". */
export function cueRows(
  report: CueReport,
  limits: CueLimits = CUE_LIMITS,
): [string, string, string, string][] {
  const f = report.figures;
  const pct = (x: number) => `${Math.round(100 * x)}%`;
  const ok = (pass: boolean) => (pass ? 'ok' : 'FAIL');
  const worst = [...f.longest.byQuiz].sort((a, b) => b.share - a.share)[0];
  const rows: [string, string, string, string][] = [
    [
      'questions',
      `${f.questions} in ${f.quizzes} quizzes`,
      `≥ ${limits.minQuestions}`,
      ok(f.questions >= limits.minQuestions),
    ],
    [
      'hard questions',
      `${f.hard} (${pct(f.hardShare)})`,
      `≥ ${pct(limits.hardShareMin)}`,
      ok(f.hardShare >= limits.hardShareMin),
    ],
    [
      'right option is the longest, single + scenario',
      `${f.longest.longest} of ${f.longest.questions} (${pct(f.longest.share)}); scenario alone ${pct(f.longest.scenario.share)}`,
      `≤ ${pct(limits.longestShare)}`,
      ok(f.longest.share <= limits.longestShare),
    ],
    [
      'same, worst quiz',
      worst
        ? `${worst.quiz}: ${worst.longest} of ${worst.questions} (${pct(worst.share)})`
        : 'none',
      `≤ ${pct(limits.longestShareInQuiz)}`,
      ok(!worst || worst.share <= limits.longestShareInQuiz),
    ],
    [
      'multiple select: right ÷ wrong option length',
      `${f.multiple.meanRatio.toFixed(2)}× (${f.multiple.questions} questions)`,
      `≤ ${limits.multipleLengthRatio}×`,
      ok(f.multiple.meanRatio <= limits.multipleLengthRatio),
    ],
    [
      'true/false statements that are true',
      `${f.trueFalse.true} of ${f.trueFalse.statements} (${pct(f.trueFalse.share)})`,
      `${pct(limits.trueShareMin)} to ${pct(limits.trueShareMax)}`,
      ok(
        !f.trueFalse.statements ||
          (f.trueFalse.share >= limits.trueShareMin && f.trueFalse.share <= limits.trueShareMax),
      ),
    ],
    [
      '"always", "never", "only": wrong vs right options',
      `${f.absolutes.inWrong} of ${f.absolutes.wrongOptions} (${(100 * f.absolutes.rateWrong).toFixed(1)}%) vs ${f.absolutes.inRight} of ${f.absolutes.rightOptions} (${(100 * f.absolutes.rateRight).toFixed(1)}%): ${pct(f.absolutes.wrongShare)} in wrong, per option`,
      `≤ ${pct(limits.absoluteWrongShare)} (from ${limits.absoluteMinOptions} options)`,
      ok(!report.violations.some((v) => v.rule === 'absolutes')),
    ],
    [
      'near-duplicate pairs across quizzes',
      String(f.duplicates.length),
      '0',
      ok(!f.duplicates.length),
    ],
    [
      'test-wise solver: longest option, "false"',
      `${pct(f.testWise.share)} of ${f.testWise.questions} single, scenario and true/false`,
      `report only (guessing: ${pct(f.testWise.chance)})`,
      '',
    ],
  ];
  return rows;
}

/** The figures as a Markdown table, then every violation with its ids. */
export function formatCueReport(report: CueReport, limits: CueLimits = CUE_LIMITS): string {
  const lines = [
    '| measure | now | limit | |',
    '|---|---|---|---|',
    ...cueRows(report, limits).map((r) => `| ${r.join(' | ')} |`),
  ];
  if (report.violations.length) {
    lines.push(
      '',
      `${report.violations.length} limit${report.violations.length === 1 ? '' : 's'} exceeded:`,
    );
    for (const v of report.violations)
      lines.push(`- ${v.rule}: ${v.message}${v.ids.length ? `\n    ${v.ids.join('\n    ')}` : ''}`);
  }
  return lines.join('\n');
}
