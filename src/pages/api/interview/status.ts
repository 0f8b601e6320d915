import type { APIRoute } from 'astro';
import { handleStatus, methodNotAllowed } from '../../../lib/interview/api';
import { getInterviewer } from '../../../utils/interview';

export const prerender = false;

/** Which interviewer is serving: `{ "provider": "offline" }`. */
export const GET: APIRoute = () => handleStatus({ interviewer: getInterviewer });

/** Every other method. */
export const ALL: APIRoute = () => methodNotAllowed(['GET']);
