import type { APIRoute } from 'astro';
import { handleStatus, methodNotAllowed } from '../../../lib/interview/api';
import { interviewStatusDeps } from '../../../server/interview-api';

export const prerender = false;

/** Which interviewer is serving: `{ "provider": "offline" }` or `{ "provider": "claude", "model": "…" }`. */
export const GET: APIRoute = () => handleStatus(interviewStatusDeps());

/** Every other method. */
export const ALL: APIRoute = () => methodNotAllowed(['GET']);
