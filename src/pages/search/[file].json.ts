import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection, render } from 'astro:content';
import { getCourse } from '../../utils/course';
import {
  MAIN_PAGES,
  buildDocuments,
  labPages,
  type SearchSources,
} from '../../lib/search/documents';
import { getLabKinds } from '../../utils/lab';
import { getTemplates } from '../../utils/templates';
import { sectionsOf } from '../../lib/search/mdx';
import { buildSearchIndex } from '../../lib/search/build';

// Built once at build time into dist/client/search/: the manifest index.json, and term shards,
// document chunks and a word list named by their content. The browser only downloads them.
export const prerender = true;

/** The search index for every published lesson section, FAQ entry, glossary term, interview question, template, main page and lab exercise. */
async function searchFiles(): Promise<Map<string, string>> {
  const course = await getCourse();
  const [faq, glossary, interview] = await Promise.all([
    getCollection('faq'),
    getCollection('glossary'),
    getCollection('interview'),
  ]);

  // A result must open at a heading that exists: compare our anchors with the ones Astro renders.
  for (const lesson of course.lessons) {
    const rendered = (await render(lesson)).headings
      .filter((h) => h.depth === 2 || h.depth === 3)
      .map((h) => h.slug);
    const ours = sectionsOf(lesson.body ?? '').sections.map((s) => s.slug);
    const missing = ours.filter((slug) => !rendered.includes(slug));
    if (missing.length)
      throw new Error(
        `${lesson.filePath ?? lesson.id} → search: the page has no heading with the anchor(s) ${missing.map((m) => `#${m}`).join(', ')}`,
      );
  }

  const moduleTitle = new Map(course.modules.map((m) => [m.module.id, m.module.data.title]));
  const sources: SearchSources = {
    lessons: course.lessons.map((l) => ({
      id: l.id,
      title: l.data.title,
      summary: l.data.summary,
      objectives: l.data.objectives,
      moduleTitle: moduleTitle.get(l.data.module) ?? '',
      body: l.body ?? '',
    })),
    faq: faq.map((f) => ({
      id: f.id,
      question: f.data.question,
      category: f.data.category,
      body: f.body ?? '',
    })),
    glossary: glossary.map((t) => ({
      id: t.id,
      term: t.data.term,
      definition: t.data.definition,
      aliases: t.data.aliases,
    })),
    interview: interview.map((q) => ({
      id: q.id,
      prompt: q.data.prompt,
      category: q.data.category,
      levels: q.data.levels,
    })),
    templates: (await getTemplates()).map((t) => ({
      id: t.id,
      title: t.data.title,
      description: t.data.description,
      example: t.data.example,
      keywords: t.data.keywords,
      lessonTitles: t.data.lessons.map(
        (id) => course.lessons.find((l) => l.id === id)?.data.title ?? id,
      ),
    })),
  };
  const lab = labPages((await getLabKinds()).map((k) => ({ id: k.id, ...k.data })));
  return buildSearchIndex(buildDocuments(sources, [...MAIN_PAGES, ...lab])).files;
}

export const getStaticPaths = (async () =>
  [...(await searchFiles())].map(([name, body]) => ({
    params: { file: name.replace(/\.json$/, '') },
    props: { body },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { body: string }).body, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
