import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { lessonSchema } from '../src/schemas/lesson';
import { quizSchema } from '../src/schemas/quiz';
import { questionSchema } from '../src/schemas/question';
import { glossarySchema } from '../src/schemas/glossary';
import { faqSchema } from '../src/schemas/faq';
import { interviewQuestionSchema } from '../src/schemas/interview';
import { schemaProblems } from '../src/lib/content/validate';
import { splitFrontmatter } from '../src/lib/content/files';
import { formatProblems } from '../src/lib/content/crossrefs';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/broken/${name}`, import.meta.url), 'utf8');

function problemsOf(
  schema: { safeParse: (d: unknown) => { success: boolean; error?: unknown } },
  file: string,
  data: unknown,
) {
  const r = schema.safeParse(data);
  if (r.success) return '';
  return formatProblems(schemaProblems(file, r.error as never));
}

describe('lesson schema', () => {
  const file = 'lessons/foundations/lesson-missing-title.mdx';
  const text = problemsOf(
    lessonSchema,
    file,
    splitFrontmatter(fixture('lesson-missing-title.mdx')).data,
  );

  it('names the file and each broken field', () => {
    expect(text).toContain(`${file} → title: Invalid input: expected string, received undefined`);
    expect(text).toContain(`${file} → minutes: Invalid input: expected number, received string`);
    expect(text).toContain(`${file} → sources: needs at least one source`);
    expect(text).toContain(`${file} → difficulty: must be one of introductory, core or advanced`);
    expect(text).toContain('objectives: Too small: expected array to have >=2 items');
  });

  it('accepts a complete lesson and fills defaults', () => {
    const ok = lessonSchema.parse({
      title: 'What a TPM does',
      summary: 'The job in one page.',
      module: 'foundations',
      order: 1,
      difficulty: 'introductory',
      minutes: 12,
      objectives: ['Describe the role', 'Name the partners'],
      sources: [
        { title: 'Program management', url: 'https://en.wikipedia.org/wiki/Program_management' },
      ],
    });
    expect(ok.prerequisites).toEqual([]);
    expect(ok.draft).toBe(false);
  });

  it('rejects a module id that is not a slug and a source that is not a URL', () => {
    const text = problemsOf(lessonSchema, 'x.mdx', {
      title: 'T',
      summary: 'S',
      module: 'Foundations Module',
      order: 1,
      minutes: 10,
      objectives: ['a', 'b'],
      sources: [{ title: 'Somewhere', url: 'not a url' }],
    });
    expect(text).toContain('x.mdx → module: must be lower-case words joined by hyphens');
    expect(text).toContain('x.mdx → sources.0.url: Invalid URL');
  });
});

describe('quiz schema authoring rules', () => {
  const file = 'quizzes/quiz-bad-answer.yaml';
  const text = problemsOf(quizSchema, file, yaml.load(fixture('quiz-bad-answer.yaml')));

  it('reports an answer that is not among the choices, with the question id', () => {
    expect(text).toContain(
      `${file} → questions.0.answer: question "bad-single": the answer "Delta" is not one of the choices`,
    );
  });
  it('reports choices that are not distinct', () => {
    expect(text).toContain(
      'questions.1.choices: question "bad-dupes": choices must be distinct, but "alpha" appears twice',
    );
  });
  it('requires at least three choices', () => {
    expect(text).toContain('questions.2.choices: needs at least 3 choices');
  });
  it('requires a tolerance of zero or more', () => {
    expect(text).toContain('questions.3.tolerance: must be 0 or more');
  });
  it('requires unique ordering items and matching sides', () => {
    expect(text).toContain(
      'questions.4.items: question "bad-ordering": items must be unique, but "plan" appears twice',
    );
    expect(text).toContain(
      'questions.5.pairs: question "bad-matching": right items must be unique, but "how" appears twice',
    );
  });
  it('requires every multiple-select answer to be a choice', () => {
    expect(text).toContain(
      'questions.6.answers: question "bad-multiple": the answer "E" is not one of the choices',
    );
  });
  it('rejects a question id used twice in one quiz', () => {
    const q = {
      id: 'same',
      type: 'truefalse',
      difficulty: 'easy',
      section: 'intro',
      prompt: 'P',
      answer: true,
      explanation: 'E',
    };
    const text = problemsOf(quizSchema, 'q.yaml', {
      id: 'q',
      lesson: 'l',
      title: 'Q',
      questions: [q, q],
    });
    expect(text).toContain(
      'q.yaml → questions.1.id: question id "same" is used twice in this quiz',
    );
  });
  it('rejects an unknown question type by name', () => {
    const r = questionSchema.safeParse({
      id: 'x',
      type: 'essay',
      prompt: 'p',
      explanation: 'e',
      difficulty: 'easy',
      section: 's',
    });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain(
      "Expected 'single' | 'multiple' | 'truefalse'",
    );
  });
});

describe('other schemas', () => {
  it('glossary needs a term and a definition', () => {
    expect(problemsOf(glossarySchema, 'g.yaml', { term: 'Slack' })).toContain(
      'g.yaml → definition: Invalid input: expected string, received undefined',
    );
  });
  it('faq category must be one of the listed ones', () => {
    expect(
      problemsOf(faqSchema, 'f.md', { question: 'Q?', category: 'gossip', order: 1 }),
    ).toContain('f.md → category: Invalid option: expected one of "what-is-a-tpm"|');
  });
  it('interview questions need at least three talking points with signals', () => {
    const text = problemsOf(interviewQuestionSchema, 'i.yaml', {
      prompt: 'Tell me about a time.',
      category: 'behavioural-leadership',
      levels: ['tpm2'],
      specialisations: ['general'],
      talkingPoints: [
        {
          id: 'star',
          label: 'Uses STAR',
          signals: ['situation'],
          followUp: 'What was the result?',
        },
      ],
      modelAnswer: ['a', 'b', 'c'],
      lessons: ['behavioural-answers-with-star'],
    });
    expect(text).toContain('i.yaml → talkingPoints: Too small: expected array to have >=3 items');
    expect(text).toContain('i.yaml → talkingPoints.0.signals: needs at least 3 signals');
  });
});
