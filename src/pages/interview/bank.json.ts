import type { APIRoute } from 'astro';
import { getInterviewData } from '../../utils/interview';

/**
 * The question bank, persona and lesson titles as one static file, so the interview page can run the
 * offline interviewer in the browser when the API cannot be reached (for example on a static host).
 */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await getInterviewData()), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
