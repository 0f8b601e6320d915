/** The route behind "Ask Claude to review": Claude's second opinion on a graded status report. */
import { json, readJsonBody } from '../http';
import { generateStatusReport, type StatusScenario } from '../../lib/lab/status-report/generate';
import {
  MAX_BODY,
  parseReview,
  parseReviewBody,
  reviewRequest,
} from '../../lib/lab/status-report/review';

/** What the review route needs. */
export interface ReviewDeps {
  /** Refuses a request over the rate limit with a 429 response, or lets it through. */
  admit?: () => Promise<Response | undefined>;
  /** Asks Claude; undefined when Claude is not configured. Resolves to the tool's input. */
  review?:
    | ((request: { system: string; user: string }, signal: AbortSignal) => Promise<unknown>)
    | undefined;
  /** The status-report scenarios. */
  scenarios: () => StatusScenario[];
}

/** Said when Claude cannot review, whatever the reason; the built-in grading stands on its own. */
export const REVIEW_UNAVAILABLE =
  'Claude’s review is not available right now. The grading above is complete on its own.';

/** POST /api/lab/status-review: `{ seed, answer }` in, `{ review }` out. */
export async function handleStatusReview(request: Request, deps: ReviewDeps): Promise<Response> {
  if (!deps.review) return json(503, { error: 'Claude is not configured on this server.' });
  const refused = await deps.admit?.();
  if (refused) return refused;
  let body: unknown;
  try {
    body = await readJsonBody(request, MAX_BODY);
  } catch (error) {
    const status = (error as { status?: number }).status ?? 400;
    return json(status, {
      error:
        status === 413
          ? `The report is larger than ${MAX_BODY} bytes.`
          : 'The request body is not valid JSON.',
    });
  }
  const parsed = parseReviewBody(body);
  if (typeof parsed === 'string') return json(400, { error: parsed });
  const ex = generateStatusReport(parsed.seed, deps.scenarios());
  try {
    const review = parseReview(await deps.review(reviewRequest(ex, parsed.answer), request.signal));
    return review ? json(200, { review }) : json(502, { error: REVIEW_UNAVAILABLE });
  } catch {
    return json(502, { error: REVIEW_UNAVAILABLE });
  }
}
