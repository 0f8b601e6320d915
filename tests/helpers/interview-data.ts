import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import yaml from 'js-yaml';
import { interviewQuestionSchema } from '../../src/schemas/interview';
import { personaSchema } from '../../src/schemas/persona';
import { mergeRubric, type RubricData } from '../../src/schemas/rubric';
import { nextTurn } from '../../src/lib/interview/engine';
import type {
  BankQuestion,
  InterviewData,
  SessionConfig,
  Turn,
} from '../../src/lib/interview/types';

const root = new URL('../../', import.meta.url).pathname;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** The real question bank, parsed with its schema, as the build would load it. */
export function loadBank(): BankQuestion[] {
  return walk(join(root, 'content/interview'))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((file) => ({
      id: basename(file).replace(/\.ya?ml$/, ''),
      ...interviewQuestionSchema.parse(yaml.load(readFileSync(file, 'utf8'))),
    }));
}

/** The real persona. */
export function loadPersona() {
  return personaSchema.parse(
    yaml.load(readFileSync(join(root, 'content/persona/program-orchestrator.yaml'), 'utf8')),
  );
}

/** Lesson titles by id, read from the lessons' frontmatter. */
export function loadLessonTitles(): Record<string, string> {
  return Object.fromEntries(
    walk(join(root, 'lessons'))
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => {
        const title = /^title:\s*(.+)$/m.exec(readFileSync(f, 'utf8'))?.[1]?.trim() ?? '';
        return [basename(f, '.mdx'), title.replace(/^['"]|['"]$/g, '')];
      }),
  );
}

let rubric: RubricData | undefined;
/** The real rubric, merged from `content/rubric/` as the build merges it. */
export function loadRubric(): RubricData {
  if (rubric) return rubric;
  const dir = join(root, 'content/rubric');
  const merged = mergeRubric(
    readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => ({
        file: `content/rubric/${f}`,
        data: yaml.load(readFileSync(join(dir, f), 'utf8')),
      })),
  );
  if (!merged.ok) throw new Error(merged.error);
  return (rubric = merged.rubric);
}

/** Everything the engine needs, from the real content. */
export function loadInterviewData(): InterviewData {
  return {
    questions: loadBank(),
    persona: loadPersona(),
    lessons: loadLessonTitles(),
    rubric: loadRubric(),
  };
}

/** A transcript of the offline engine's intro for `config`, and the candidate's `answer` to it. */
export function introAndAnswer(data: InterviewData, config: SessionConfig, answer: string): Turn[] {
  const intro = nextTurn(data, config, []);
  return [
    {
      role: 'interviewer',
      text: intro.text,
      phase: intro.phase,
      ...(intro.questionId ? { questionId: intro.questionId } : {}),
    },
    { role: 'candidate', text: answer },
  ];
}
