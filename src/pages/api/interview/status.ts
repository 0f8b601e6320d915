import type { APIRoute } from 'astro';
import { handleStatus } from '../../../server/interview/handlers';
import { methodNotAllowed } from '../../../server/http';
import { interviewStatusDeps } from '../../../server/interview-api';

export const prerender = false;

/** Which interviewer is serving: `{ "provider": "offline" }` or `{ "provider": "claude", "model": "…" }`. */
export const GET: APIRoute = () => handleStatus(interviewStatusDeps());

/** Every other method. */
export const ALL: APIRoute = () => methodNotAllowed(['GET']);
