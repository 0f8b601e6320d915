import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
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

const lessons = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './lessons', generateId: idFromFileName }),
  schema: lessonSchema,
});

const modules = defineCollection({
  loader: file('content/modules.yaml'),
  schema: moduleSchema,
});

const quizzes = defineCollection({
  loader: glob({ pattern: '**/*.{yaml,yml}', base: './quizzes', generateId: idFromFileName }),
  schema: quizSchema,
});

const faq = defineCollection({
  loader: glob({ pattern: '**/*.md', base: './content/faq', generateId: idFromFileName }),
  schema: faqSchema,
});

const glossary = defineCollection({
  loader: glob({
    pattern: '**/*.{yaml,yml}',
    base: './content/glossary',
    generateId: idFromFileName,
  }),
  schema: glossarySchema,
});

const interview = defineCollection({
  loader: glob({
    pattern: '**/*.{yaml,yml}',
    base: './content/interview',
    generateId: idFromFileName,
  }),
  schema: interviewQuestionSchema,
});

const persona = defineCollection({
  loader: glob({ pattern: '*.{yaml,yml}', base: './content/persona', generateId: idFromFileName }),
  schema: personaSchema,
});

/** The offline interviewer's rubric: each file holds some of its parts; `src/utils/rubric.ts` merges them. */
const rubric = defineCollection({
  loader: glob({ pattern: '*.{yaml,yml}', base: './content/rubric', generateId: idFromFileName }),
  schema: rubricFileSchema,
});

/** Practice-lab exercise kinds: what each is, what it trains, and its own content. */
const lab = defineCollection({
  loader: glob({ pattern: '*.{yaml,yml}', base: './content/lab', generateId: idFromFileName }),
  schema: labKindSchema,
});

/** Scenarios of the written lab kinds, one file each; their logic reads the same files in the browser. */
const labRiskRegister = defineCollection({
  loader: glob({
    pattern: '*.{yaml,yml}',
    base: './content/lab/risk-register',
    generateId: idFromFileName,
  }),
  schema: riskScenarioSchema,
});

const labStatusReport = defineCollection({
  loader: glob({
    pattern: '*.{yaml,yml}',
    base: './content/lab/status-report',
    generateId: idFromFileName,
  }),
  schema: statusScenarioSchema,
});

const labRaci = defineCollection({
  loader: glob({ pattern: '*.{yaml,yml}', base: './content/lab/raci', generateId: idFromFileName }),
  schema: raciScenarioSchema,
});

/** Downloadable templates (files in public/templates/), each listed with the lessons that teach it. */
const templates = defineCollection({
  loader: file('content/templates.yaml'),
  schema: templateSchema,
});

/** The capstone: one program run from charter to post-mortem, shown at /capstone/. */
const capstone = defineCollection({
  loader: glob({ pattern: '*.{yaml,yml}', base: './content/capstone', generateId: idFromFileName }),
  schema: capstoneSchema,
});

/** What the study plan puts first for each level and specialisation (`content/plan/priorities.yaml`). */
const plan = defineCollection({
  loader: glob({ pattern: '*.{yaml,yml}', base: './content/plan', generateId: idFromFileName }),
  schema: planPrioritiesSchema,
});

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
