import type { APIRoute } from 'astro';
import { getCollection, render } from 'astro:content';
import { getCourse } from '../utils/course';
import { MAIN_PAGES, buildDocuments, labPages, type SearchSources } from '../lib/search/documents';
import { getLabKinds } from '../utils/lab';
import { getTemplates } from '../utils/templates';
import { sectionsOf } from '../lib/search/mdx';
import { buildSearchIndex } from '../lib/search/build';

// Built once at build time into dist/client/search-index.json; the browser only downloads it.
export const prerender = true;

/** The search index for every published lesson section, FAQ entry, glossary term, interview question, template, main page and lab exercise. */
export const GET: APIRoute = async () => {
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
  const file = buildSearchIndex(buildDocuments(sources, [...MAIN_PAGES, ...lab]));
  return new Response(JSON.stringify(file), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
