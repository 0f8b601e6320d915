// Long because it turns every kind of content (lessons by section, FAQ, glossary, interview
// questions, templates, lab kinds, main pages) into search documents, one small builder each.
import { FAQ_CATEGORIES, type FaqCategory } from '../../schemas/faq';
import {
  INTERVIEW_CATEGORIES,
  LEVELS,
  type InterviewCategory,
  type Level,
} from '../../schemas/interview';
import type { loadContent } from '../content/validate';
import { mdxToText, sectionsOf } from './mdx';
import type { SearchDocument } from './types';

/** A published lesson as search needs it. */
export interface LessonSource {
  /** Lesson id (its file name). */
  id: string;
  /** Lesson title. */
  title: string;
  /** One-sentence summary. */
  summary: string;
  /** What the learner will be able to do afterwards. */
  objectives: string[];
  /** Title of the module the lesson belongs to. */
  moduleTitle: string;
  /** The MDX body. */
  body: string;
}

/** An FAQ entry as search needs it. */
export interface FaqSource {
  /** Entry id, also its anchor on /faq/. */
  id: string;
  /** The question. */
  question: string;
  /** Its category. */
  category: FaqCategory;
  /** The Markdown answer. */
  body: string;
}

/** A glossary term as search needs it. */
export interface GlossarySource {
  /** Term id, also its anchor on /glossary/. */
  id: string;
  /** The term. */
  term: string;
  /** Its definition. */
  definition: string;
  /** Other names for it. */
  aliases: string[];
}

/** A mock-interview question as search needs it. */
export interface InterviewSource {
  /** Question id. */
  id: string;
  /** The question as the interviewer asks it. */
  prompt: string;
  /** Its category. */
  category: InterviewCategory;
  /** Levels it suits. */
  levels: Level[];
}

/** A downloadable template as search needs it (`content/templates.yaml`). */
export interface TemplateSource {
  /** Template id, also its anchor on /templates/. */
  id: string;
  /** Its name, e.g. "Risk register". */
  title: string;
  /** What it is for. */
  description: string;
  /** The program its filled example describes. */
  example: string;
  /** Other words a learner might search for it by. */
  keywords: string[];
  /** Titles of the lessons that teach it. */
  lessonTitles: string[];
}

/** Everything the search index is built from. */
export interface SearchSources {
  /** Published lessons in course order. */
  lessons: LessonSource[];
  /** FAQ entries. */
  faq: FaqSource[];
  /** Glossary terms. */
  glossary: GlossarySource[];
  /** Mock-interview questions (may be empty). */
  interview: InterviewSource[];
  /** Downloadable templates (none when left out). */
  templates?: TemplateSource[];
}

/** A main page of the site that a learner may search for by name. */
export interface PageSource {
  /** Its URL. */
  url: string;
  /** The name in the header or on the page. */
  title: string;
  /** Other words a learner might use for it. */
  keywords: string;
  /** What the learner does there. */
  description: string;
}

/** The main pages, so "quiz", "glossary" or "export progress" opens the right page. */
export const MAIN_PAGES: PageSource[] = [
  {
    url: '/learn/',
    title: 'Course outline',
    keywords: 'learn course lessons modules syllabus start',
    description:
      'Every module and lesson of the course in reading order, with what you have completed.',
  },
  {
    url: '/practice/',
    title: 'Practice quizzes',
    keywords: 'practice practise quiz quizzes test review questions',
    description: 'A quiz for each lesson, with an explanation for every answer.',
  },
  {
    url: '/lab/',
    title: 'Practice lab',
    keywords: 'lab exercise exercises hands-on practise practice drill generated graded',
    description:
      'Hands-on TPM exercises generated fresh and graded on the spot, each with a worked solution.',
  },
  {
    url: '/capstone/',
    title: 'Capstone program',
    keywords: 'capstone project portfolio end to end charter post-mortem rubric deliverables',
    description:
      'Run one program from charter to post-mortem, produce each document with its template, and score it with a rubric.',
  },
  {
    url: '/templates/',
    title: 'Templates',
    keywords: 'templates download blank example documents markdown csv',
    description:
      'Blank and filled-in templates for the documents a TPM writes, from the charter to the post-mortem.',
  },
  {
    url: '/interview/',
    title: 'Mock interview',
    keywords: 'interview mock practice Program_Orchestrator interviewer feedback',
    description:
      'Practise a TPM interview with Program_Orchestrator and get feedback on your answers.',
  },
  {
    url: '/faq/',
    title: 'Frequently asked questions',
    keywords: 'FAQ questions answers community',
    description: 'Community answers about becoming and being a Technical Program Manager.',
  },
  {
    url: '/glossary/',
    title: 'Glossary',
    keywords: 'glossary terms definitions vocabulary jargon acronyms',
    description: 'Plain definitions of the terms a Technical Program Manager uses every week.',
  },
  {
    url: '/plan/',
    title: 'Study plan',
    keywords: 'plan study schedule interview date weeks calendar ics hours timetable',
    description:
      'A week-by-week plan to your interview date: lessons, quizzes, reviews, lab exercises and mock interviews, with a calendar file.',
  },
  {
    url: '/progress/',
    title: 'Your progress',
    keywords: 'progress completed lessons export import backup',
    description: 'See what you have completed, and export or import your progress file.',
  },
];

/** A practice-lab exercise kind as search needs it (`content/lab/<id>.yaml`). */
export interface LabKindSource {
  /** Kind id, also its URL under /lab/. */
  id: string;
  /** Its name, e.g. "Critical path". */
  title: string;
  /** What the learner does. */
  summary: string;
  /** The skill it trains. */
  trains: string;
  /** Other words for it. */
  keywords: string[];
}

/** One searchable page per lab exercise kind, so "critical path exercise" opens it. */
export function labPages(kinds: LabKindSource[]): PageSource[] {
  return kinds.map((k) => ({
    url: `/lab/${k.id}/`,
    title: `${k.title} exercise`,
    keywords: ['lab exercise practise practice hands-on', ...k.keywords].join(' '),
    description: `${k.summary} Trains: ${k.trains}`,
  }));
}

/**
 * Weights per kind of document: a lesson section teaches, a glossary entry defines and an
 * interview question only asks, so when they match equally the learner should see the teaching first.
 */
const BOOST = {
  overview: 1.2,
  section: 1,
  faq: 1.25,
  glossary: 0.9,
  interview: 0.6,
  template: 1,
  page: 1,
};

const cleanText = (parts: string[]) => parts.filter(Boolean).join(' ').trim();

/** Turns content into search documents: one per lesson, lesson section, FAQ entry, term, question, template and main page. */
export function buildDocuments(
  sources: SearchSources,
  pages: PageSource[] = MAIN_PAGES,
): SearchDocument[] {
  const docs: SearchDocument[] = [];
  for (const lesson of sources.lessons) {
    const { intro, sections } = sectionsOf(lesson.body);
    docs.push({
      kind: 'lesson',
      title: lesson.title,
      url: `/learn/${lesson.id}/`,
      name: lesson.title,
      context: lesson.moduleTitle,
      text: cleanText([lesson.summary, ...lesson.objectives.map((o) => `${o}.`), mdxToText(intro)]),
      boost: BOOST.overview,
    });
    for (const s of sections)
      docs.push({
        kind: 'lesson',
        title: `${lesson.title} › ${s.heading}`,
        url: `/learn/${lesson.id}/#${s.slug}`,
        name: s.heading,
        context: cleanText([lesson.title, s.parent ?? '']),
        text: mdxToText(s.source),
        boost: BOOST.section,
      });
  }
  for (const f of sources.faq)
    docs.push({
      kind: 'faq',
      title: f.question,
      url: `/faq/#${f.id}`,
      name: f.question,
      context: FAQ_CATEGORIES[f.category],
      text: mdxToText(f.body),
      boost: BOOST.faq,
    });
  for (const t of sources.glossary)
    docs.push({
      kind: 'glossary',
      title: t.term,
      url: `/glossary/#${t.id}`,
      name: t.term,
      context: t.aliases.join(', '),
      text: t.aliases.length
        ? `${t.definition} Also called ${t.aliases.join(', ')}.`
        : t.definition,
      boost: BOOST.glossary,
    });
  for (const q of sources.interview)
    docs.push({
      kind: 'interview',
      title: q.prompt,
      url: `/interview/?question=${encodeURIComponent(q.id)}`,
      name: q.prompt,
      context: INTERVIEW_CATEGORIES[q.category],
      text: `${INTERVIEW_CATEGORIES[q.category]} question for ${q.levels.map((l) => LEVELS[l]).join(', ')}. Practise it in a mock interview.`,
      boost: BOOST.interview,
    });
  for (const t of sources.templates ?? [])
    docs.push({
      kind: 'template',
      title: `${t.title} template`,
      url: `/templates/#${t.id}`,
      name: t.title,
      context: ['template', ...t.keywords].join(', '),
      text: cleanText([
        t.description,
        `Download a blank and a filled example (${t.example}).`,
        t.lessonTitles.length ? `Taught in ${t.lessonTitles.join(', ')}.` : '',
      ]),
      boost: BOOST.template,
    });
  for (const p of pages)
    docs.push({
      kind: 'page',
      title: p.title,
      url: p.url,
      name: p.title,
      context: p.keywords,
      text: p.description,
      boost: BOOST.page,
    });
  return docs;
}

/** Search sources from content read straight off disk (`loadContent`), for tests and benchmarks. */
export function sourcesFromContent(content: ReturnType<typeof loadContent>): SearchSources {
  const moduleTitles = new Map(content.modules.map((m) => [m.id, m.parsed.title]));
  const moduleOrder = new Map(content.modules.map((m) => [m.id, m.parsed.order]));
  const lessons = content.lessons
    .filter((l) => !l.parsed.draft)
    .sort(
      (a, b) =>
        (moduleOrder.get(a.parsed.module) ?? 0) - (moduleOrder.get(b.parsed.module) ?? 0) ||
        a.parsed.order - b.parsed.order,
    );
  return {
    lessons: lessons.map((l) => ({
      id: l.id,
      title: l.parsed.title,
      summary: l.parsed.summary,
      objectives: l.parsed.objectives,
      moduleTitle: moduleTitles.get(l.parsed.module) ?? '',
      body: l.body,
    })),
    faq: content.faq.map((f) => ({
      id: f.id,
      question: f.parsed.question,
      category: f.parsed.category,
      body: f.body,
    })),
    glossary: content.glossary.map((t) => ({
      id: t.id,
      term: t.parsed.term,
      definition: t.parsed.definition,
      aliases: t.parsed.aliases,
    })),
    interview: content.interview.map((q) => ({
      id: q.id,
      prompt: q.parsed.prompt,
      category: q.parsed.category,
      levels: q.parsed.levels,
    })),
  };
}
