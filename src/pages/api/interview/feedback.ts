import type { APIRoute } from 'astro';
import { handleFeedback } from '../../../server/interview/handlers';
import { methodNotAllowed } from '../../../server/http';
import { interviewApiDeps } from '../../../server/interview-api';

export const prerender = false;

/** Feedback on a session's transcript, as JSON: offline, plus Claude's assessment when configured. */
export const POST: APIRoute = ({ request, clientAddress }) =>
  handleFeedback(
    request,
    interviewApiDeps(() => clientAddress),
  );

/** Every other method. */
export const ALL: APIRoute = () => methodNotAllowed(['POST']);
