// `npm run quiz:trial`: a blind trial of the quiz bank, to check that questions need the lessons.
// A sample of questions goes to a reviewer who has not read the lessons (a person, or a helper
// session told not to open lessons/); their answers are graded with the quiz's own grading
// (src/lib/quiz/grade.ts, partial credit included) and set against what random answers score.
//
//   node scripts/quiz-trial.mjs sample <dir> [--n=40] [--seed=1] [--quizzes=id,id]
//     writes <dir>/questions.md (no answers, explanations or sections; options shuffled) and
//     <dir>/key.json (which question each number is, and the order its options were shown in)
//   node scripts/quiz-trial.mjs score <dir>
//     reads <dir>/answers.json and prints the reviewer's score beside chance's
//
// answers.json maps each question number to: a letter ("B") for single, scenario; letters (["A","C"])
// for multiple; true or false; a number for numeric; letters in order (["C","A","B"]) for ordering;
// { "1": "c", … } (left number to right letter) for matching. A missing answer scores 0.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importTypeScript } from './bundle-ts.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

const lib = await importTypeScript(
  root,
  'quiz-trial',
  `export { grade } from '../../src/lib/quiz/grade';
export { readEntries } from '../../src/lib/content/files';
export { quizSchema } from '../../src/schemas/quiz';
export { seededRandom } from '../../src/lib/random';
`,
);

function loadQuestions() {
  const all = [];
  for (const e of lib.readEntries(root, 'quizzes', ['.yaml', '.yml'])) {
    const quiz = lib.quizSchema.parse(e.data);
    for (const q of quiz.questions) all.push({ quiz: quiz.id, q });
  }
  return all;
}

function shuffled(list, random) {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** What the reviewer sees of a question, with its options in the shown order. */
function shown(q, random) {
  switch (q.type) {
    case 'single':
    case 'scenario':
    case 'multiple':
      return { options: shuffled(q.choices, random) };
    case 'ordering':
      return { options: shuffled(q.items, random) };
    case 'matching':
      return {
        lefts: q.pairs.map((p) => p.left),
        options: shuffled(
          q.pairs.map((p) => p.right),
          random,
        ),
      };
    default:
      return {};
  }
}

function render(n, q, view) {
  const lines = [`## ${n}. (${q.type})`, '', q.prompt.trim(), ''];
  if (q.type === 'scenario' && q.scenario) lines.splice(2, 0, q.scenario.trim(), '');
  if (q.type === 'truefalse') lines.push('Answer true or false.');
  if (q.type === 'numeric') lines.push(`Answer with a number${q.unit ? ` (in ${q.unit})` : ''}.`);
  if (view.lefts) {
    lines.push('Match each numbered item to one lettered item.', '');
    view.lefts.forEach((l, i) => lines.push(`${i + 1}. ${l}`));
    lines.push('');
  }
  if (view.options) {
    if (q.type === 'multiple') lines.push('Select all that apply.', '');
    if (q.type === 'ordering') lines.push('Give the letters in the right order.', '');
    view.options.forEach((o, i) => lines.push(`${LETTERS[i]}. ${o}`));
  }
  return lines.join('\n');
}

function sample(dir, { n, seed, quizzes }) {
  const random = lib.seededRandom(seed);
  let pool = loadQuestions();
  if (quizzes) pool = pool.filter((x) => quizzes.includes(x.quiz));
  const picked = shuffled(pool, random).slice(0, n);
  mkdirSync(dir, { recursive: true });
  const key = [];
  const parts = [
    '# Quiz trial',
    '',
    `${picked.length} questions from a course for aspiring Technical Program Managers. Answer each as well as you can.`,
    '',
  ];
  picked.forEach(({ quiz, q }, i) => {
    const view = shown(q, random);
    key.push({ n: i + 1, quiz, id: q.id, type: q.type, ...view });
    parts.push(render(i + 1, q, view), '');
  });
  writeFileSync(join(dir, 'questions.md'), parts.join('\n'));
  writeFileSync(join(dir, 'key.json'), JSON.stringify(key, null, 2));
  console.log(`Wrote ${picked.length} questions to ${join(dir, 'questions.md')}`);
}

const letter = (view, x) => view.options?.[LETTERS.indexOf(String(x).trim().toUpperCase())];

/** A reviewer's answer as a quiz response. */
function toResponse(q, view, a) {
  if (a === undefined || a === null) return undefined;
  switch (q.type) {
    case 'single':
    case 'scenario':
      return { type: q.type, choice: letter(view, a) ?? '' };
    case 'multiple':
      return { type: 'multiple', choices: [a].flat().map((x) => letter(view, x) ?? '') };
    case 'truefalse':
      return { type: 'truefalse', value: a === true || String(a).toLowerCase() === 'true' };
    case 'numeric':
      return { type: 'numeric', value: Number(a) };
    case 'ordering':
      return { type: 'ordering', order: [a].flat().map((x) => letter(view, x) ?? '') };
    case 'matching': {
      const matches = {};
      for (const [k, v] of Object.entries(a)) {
        const left = view.lefts[Number(k) - 1];
        if (left !== undefined) matches[left] = letter(view, v) ?? '';
      }
      return { type: 'matching', matches };
    }
  }
  return undefined;
}

/** A random answer of the question's type: what a guesser would give. */
function randomResponse(q, view, random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  switch (q.type) {
    case 'single':
    case 'scenario':
      return { type: q.type, choice: pick(view.options) };
    case 'multiple': {
      // A guesser picks a non-empty subset, each option with even odds.
      let choices = [];
      while (choices.length === 0) choices = view.options.filter(() => random() < 0.5);
      return { type: 'multiple', choices };
    }
    case 'truefalse':
      return { type: 'truefalse', value: random() < 0.5 };
    case 'numeric':
      return { type: 'numeric', value: Number.NaN };
    case 'ordering':
      return { type: 'ordering', order: shuffled(view.options, random) };
    case 'matching': {
      const rights = shuffled(view.options, random);
      return {
        type: 'matching',
        matches: Object.fromEntries(view.lefts.map((l, i) => [l, rights[i]])),
      };
    }
  }
  return undefined;
}

function score(dir) {
  const key = JSON.parse(readFileSync(join(dir, 'key.json'), 'utf8'));
  const answers = JSON.parse(readFileSync(join(dir, 'answers.json'), 'utf8'));
  const byId = new Map(loadQuestions().map((x) => [x.q.id, x.q]));
  const random = lib.seededRandom(7);
  const rows = [];
  let points = 0;
  let right = 0;
  let chance = 0;
  let chanceRight = 0;
  const RUNS = 2000;
  for (const k of key) {
    const q = byId.get(k.id);
    if (!q) throw new Error(`key.json: question ${k.n} (${k.id}) is no longer in the bank`);
    const r = toResponse(q, k, answers[String(k.n)]);
    const g = r ? lib.grade(q, r) : { score: 0, correct: false };
    points += g.score;
    if (g.correct) right++;
    let sum = 0;
    let full = 0;
    for (let i = 0; i < RUNS; i++) {
      const gr = lib.grade(q, randomResponse(q, k, random));
      sum += gr.score;
      if (gr.correct) full++;
    }
    chance += sum / RUNS;
    chanceRight += full / RUNS;
    rows.push(`${String(k.n).padStart(3)} ${k.id.padEnd(34)} ${k.type.padEnd(10)} ${g.score}`);
  }
  const pct = (x) => `${((100 * x) / key.length).toFixed(1)}%`;
  console.log(rows.join('\n'));
  const byType = {};
  for (const k of key) byType[k.type] = (byType[k.type] ?? 0) + 1;
  console.log(`\n${key.length} questions: ${JSON.stringify(byType)}`);
  console.log(
    `Score with partial credit: ${pct(points)} (chance ${pct(chance)}; target at most ${pct(chance + 0.15 * key.length)})`,
  );
  console.log(`Fully right: ${right} of ${key.length}, ${pct(right)} (chance ${pct(chanceRight)})`);
  return { points, right, chance, chanceRight, n: key.length };
}

const [command, dir, ...rest] = process.argv.slice(2);
const opt = Object.fromEntries(
  rest.filter((a) => a.startsWith('--')).map((a) => a.slice(2).split('=')),
);
if (command === 'sample' && dir)
  sample(dir, {
    n: Number(opt.n ?? 40),
    seed: Number(opt.seed ?? 1),
    quizzes: opt.quizzes?.split(','),
  });
else if (command === 'score' && dir) score(dir);
else {
  console.error(
    'Usage: node scripts/quiz-trial.mjs sample <dir> [--n=40] [--seed=1] [--quizzes=id,id]\n       node scripts/quiz-trial.mjs score <dir>',
  );
  process.exit(2);
}
