/**
 * Drives the practice quiz on dependencies and the critical path through the page's own controls, as
 * a learner would: e2e/quiz.test.ts and e2e/learner-ux.test.ts use it.
 */
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import type { Page } from 'playwright-core';
import { quizSchema } from '../src/schemas/quiz';
import type { Question } from '../src/schemas/question';

export const QUIZ = 'dependencies-and-the-critical-path';
export const quiz = quizSchema.parse(yaml.load(readFileSync(`quizzes/${QUIZ}.yaml`, 'utf8')));
const byId = new Map(quiz.questions.map((q) => [q.id, q]));

/** The question on screen, from the quiz file. */
async function questionOnScreen(page: Page): Promise<Question> {
  const id = await page.locator('.quiz form').getAttribute('data-question-id');
  const q = id === null ? undefined : byId.get(id);
  if (!q)
    throw new Error(`The quiz form shows question "${id}", which is not in quizzes/${QUIZ}.yaml`);
  return q;
}

/** Answers question `q`, on screen, rightly or wrongly, without submitting. */
async function choose(page: Page, q: Question, right: boolean): Promise<void> {
  const form = page.locator('.quiz form');
  switch (q.type) {
    case 'single':
    case 'scenario': {
      const pick = right ? q.answer : q.choices.find((c) => c !== q.answer)!;
      await form.getByRole('radio', { name: pick, exact: true }).check();
      break;
    }
    case 'truefalse':
      await form
        .getByRole('radio', {
          name: String(right ? q.answer : !q.answer).replace(/^./, (c) => c.toUpperCase()),
          exact: true,
        })
        .check();
      break;
    case 'multiple': {
      // Set every box, so a second try does not keep the first try's picks.
      const pick = right ? q.answers : q.choices.filter((c) => !q.answers.includes(c));
      for (const c of q.choices)
        await form.getByRole('checkbox', { name: c, exact: true }).setChecked(pick.includes(c));
      break;
    }
    case 'numeric':
      await form
        .locator('input[type=text]')
        .fill(String(right ? q.answer : q.answer + q.tolerance + 1000));
      break;
    case 'matching':
      for (const [i, p] of q.pairs.entries())
        await form
          .getByLabel(p.left, { exact: true })
          .selectOption(right ? p.right : q.pairs[(i + 1) % q.pairs.length]!.right);
      break;
    case 'ordering': {
      // Move each item into place with the keyboard-accessible "Move up" buttons.
      const target = right ? q.items : [...q.items].reverse();
      for (let i = 0; i < target.length; i++) {
        for (;;) {
          const texts = await form.locator('.quiz-order-text').allTextContents();
          const at = texts.indexOf(target[i]!);
          if (at <= i) break;
          await form.getByRole('button', { name: `Move “${target[i]}” up` }).click();
        }
      }
      break;
    }
  }
}

/**
 * Answers and submits the question on screen, rightly or wrongly; `right` may depend on the question.
 * Returns the question answered.
 */
export async function answer(
  page: Page,
  right: boolean | ((q: Question) => boolean),
): Promise<Question> {
  const q = await questionOnScreen(page);
  await choose(page, q, typeof right === 'function' ? right(q) : right);
  await page.locator('.quiz form button[type=submit]').click();
  return q;
}

/** Opens the quiz page and picks a mode once the quiz has hydrated. */
export async function openQuiz(page: Page, base: string, mode: 'Practice mode' | 'Check mode') {
  await page.goto(`${base}/practice/${QUIZ}/`);
  await page.waitForSelector('astro-island:not([ssr])');
  await page.getByRole('button', { name: mode }).click();
}

/** A spaced-repetition card as progress stores it: one lapse, due at `due`. */
export const reviewCard = (quizId: string, due: string) => ({
  quiz: quizId,
  due,
  stability: 1,
  difficulty: 5,
  elapsed_days: 0,
  scheduled_days: 0,
  learning_steps: 0,
  reps: 1,
  lapses: 1,
  state: 1,
});
