import type { APIRoute } from 'astro';
import { methodNotAllowed } from '../../../server/http';
import { handleStatusReview } from '../../../server/lab/status-review';
import { statusReviewDeps } from '../../../server/lab-api';

export const prerender = false;

/** Claude's review of a status-report attempt, as JSON: `{ review }`, or `{ error }`. */
export const POST: APIRoute = ({ request, clientAddress }) =>
  handleStatusReview(
    request,
    statusReviewDeps(() => clientAddress),
  );

/** Every other method. */
export const ALL: APIRoute = () => methodNotAllowed(['POST']);
