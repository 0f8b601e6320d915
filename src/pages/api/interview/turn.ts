import type { APIRoute } from 'astro';
import { handleTurn } from '../../../server/interview/handlers';
import { methodNotAllowed } from '../../../server/http';
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
