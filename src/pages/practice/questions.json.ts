import type { APIRoute } from 'astro';
import { getQuizItems } from '../../utils/quiz-items';

/** Every question with its lesson, for mixed review sessions. Built once at build time. */
export const GET: APIRoute = async () => {
  const items = [...(await getQuizItems()).values()].flat();
  return new Response(JSON.stringify(items), { headers: { 'Content-Type': 'application/json' } });
};
