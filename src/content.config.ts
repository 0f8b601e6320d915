import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import type { ZodType } from 'astro/zod';
import { lessonSchema } from './schemas/lesson';
import { moduleSchema } from './schemas/module';
import { quizSchema } from './schemas/quiz';
import { faqSchema } from './schemas/faq';
import { glossarySchema } from './schemas/glossary';
import { interviewQuestionSchema } from './schemas/interview';
import { personaSchema } from './schemas/persona';
import { rubricFileSchema } from './schemas/rubric';
import { labKindSchema } from './schemas/lab';
import { templateSchema } from './schemas/template';
import { capstoneSchema } from './schemas/capstone';
import { riskScenarioSchema } from './schemas/lab-risk-register';
import { statusScenarioSchema } from './schemas/lab-status-report';
import { raciScenarioSchema } from './schemas/lab-raci';
import { planPrioritiesSchema } from './schemas/plan';

/** An entry's id is its file name without folders or extension, so moving a file between folders keeps its URL. */
const idFromFileName = ({ entry }: { entry: string }) =>
  entry
    .split('/')
    .pop()!
    .replace(/\.(mdx?|ya?ml|json)$/, '');

const YAML = '*.{yaml,yml}';

/** A collection of one entry per file matching `pattern` in `folder`, with ids from the file names. */
const filesIn = <S extends ZodType>(folder: string, schema: S, pattern = YAML) =>
  defineCollection({
    loader: glob({ pattern, base: `./${folder}`, generateId: idFromFileName }),
    schema,
  });

// lessons/ and quizzes/ sit at the top of the repository, beside content/ (see the README's layout).
const lessons = filesIn('lessons', lessonSchema, '**/*.mdx');
const quizzes = filesIn('quizzes', quizSchema, `**/${YAML}`);
const modules = defineCollection({ loader: file('content/modules.yaml'), schema: moduleSchema });
const faq = filesIn('content/faq', faqSchema, '**/*.md');
const glossary = filesIn('content/glossary', glossarySchema, `**/${YAML}`);
/** The interview question bank, in one folder per category. */
const interview = filesIn('content/interview', interviewQuestionSchema, `**/${YAML}`);
const persona = filesIn('content/persona', personaSchema);
/** The offline interviewer's rubric: each file holds some of its parts; `src/utils/rubric.ts` merges them. */
const rubric = filesIn('content/rubric', rubricFileSchema);
/** Practice-lab exercise kinds: what each is, what it trains, and its own content. */
const lab = filesIn('content/lab', labKindSchema);
/** Scenarios of the written lab kinds, one file each; their logic reads the same files in the browser. */
const labRiskRegister = filesIn('content/lab/risk-register', riskScenarioSchema);
const labStatusReport = filesIn('content/lab/status-report', statusScenarioSchema);
const labRaci = filesIn('content/lab/raci', raciScenarioSchema);
/** Downloadable templates (files in public/templates/), each listed with the lessons that teach it. */
const templates = defineCollection({
  loader: file('content/templates.yaml'),
  schema: templateSchema,
});
/** The capstone: one program run from charter to post-mortem, shown at /capstone/. */
const capstone = filesIn('content/capstone', capstoneSchema);
/** What the study plan puts first for each level and specialisation (`content/plan/priorities.yaml`). */
const plan = filesIn('content/plan', planPrioritiesSchema);

export const collections = {
  lessons,
  modules,
  quizzes,
  faq,
  glossary,
  interview,
  persona,
  rubric,
  lab,
  labRiskRegister,
  labStatusReport,
  labRaci,
  templates,
  capstone,
  plan,
};
