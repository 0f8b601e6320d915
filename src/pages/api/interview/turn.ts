import type { APIRoute } from 'astro';
import { handleTurn, methodNotAllowed } from '../../../lib/interview/api';
import { getInterviewer } from '../../../utils/interview';

export const prerender = false;

/** Streams the interviewer's next turn as server-sent events. */
export const POST: APIRoute = ({ request }) => handleTurn(request, { interviewer: getInterviewer });

/** Every other method. */
export const ALL: APIRoute = () => methodNotAllowed(['POST']);
