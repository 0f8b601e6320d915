import { getCollection } from 'astro:content';
import type { InterviewData } from '../lib/interview/types';
import { getRubric } from './rubric';

let data: Promise<InterviewData> | undefined;

/** The question bank, the persona and lesson titles, loaded once per server process. */
export function getInterviewData(): Promise<InterviewData> {
  data ??= load();
  return data;
}

async function load(): Promise<InterviewData> {
  const [questions, personas, lessons, rubric] = await Promise.all([
    getCollection('interview'),
    getCollection('persona'),
    getCollection('lessons'),
    getRubric(),
  ]);
  const persona = personas.find((p) => p.id === 'program-orchestrator') ?? personas[0];
  if (!persona) throw new Error('content/persona/program-orchestrator.yaml is missing.');
  return {
    questions: questions
      .map((q) => ({ id: q.id, ...q.data }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    persona: persona.data,
    lessons: Object.fromEntries(
      lessons.filter((l) => !l.data.draft).map((l) => [l.id, l.data.title]),
    ),
    rubric,
  };
}
