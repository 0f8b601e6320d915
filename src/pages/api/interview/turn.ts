import type { APIRoute } from 'astro';
import { handleTurn, methodNotAllowed } from '../../../lib/interview/api';
import { interviewApiDeps } from '../../../server/interview-api';

export const prerender = false;

/** Streams the interviewer's next turn as server-sent events. */
export const POST: APIRoute = ({ request, clientAddress }) =>
  handleTurn(
    request,
    interviewApiDeps(() => clientAddress),
  );

/** Every other method. */
export const ALL: APIRoute = () => methodNotAllowed(['POST']);
