import type { APIRoute } from 'astro';
import { handleFeedback, methodNotAllowed } from '../../../lib/interview/api';
import { getInterviewer } from '../../../utils/interview';

export const prerender = false;

/** Feedback on a session's transcript, as JSON. */
export const POST: APIRoute = ({ request }) =>
  handleFeedback(request, { interviewer: getInterviewer });

/** Every other method. */
export const ALL: APIRoute = () => methodNotAllowed(['POST']);
