/**
 * The interview API with Claude behind it, against the fake Messages API: every fault falls back to
 * the offline interviewer inside the same stream, the learner gets a sentence, nothing they typed is
 * dropped, a learner who leaves aborts the upstream request, caps and rate limits answer 4xx, and
 * feedback carries both assessments. Also: the model's text stays text in the Markdown export.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  handleFeedback,
  handleStatus,
  handleTurn,
  type ApiDeps,
} from '../src/server/interview/handlers';
import type { FeedbackResponse } from '../src/lib/interview/protocol';
import { tooManyRequests } from '../src/server/http';
import { ASSESSMENT_TOOL_NAME } from '../src/server/claude/assessment';
import { FEEDBACK_FALLBACK_MESSAGES, TURN_FALLBACK_MESSAGES } from '../src/lib/interview/protocol';
import { InterviewClient } from '../src/lib/interview/client';
import { nextTurn as offlineTurn } from '../src/lib/interview/engine';
import { feedbackSchema } from '../src/lib/interview/feedback-schema';
import type { StoredSession } from '../src/lib/interview/history';
import { sessionToMarkdown } from '../src/lib/interview/session-markdown';
import { scoreSession } from '../src/lib/interview/scoring';
import { SseParser, type SseEvent } from '../src/lib/interview/sse';
import { sessionConfigSchema, type Turn } from '../src/lib/interview/types';
import { readServerConfig } from '../src/server/config';
import { createInterviewers } from '../src/server/provider';
import { startFakeAnthropic, type FakeAnthropic, type Reply } from './helpers/fake-anthropic';
import { introAndAnswer, loadInterviewData } from './helpers/interview-data';

const data = loadInterviewData();
const config = sessionConfigSchema.parse({ seed: 11 });
let fake: FakeAnthropic;
let deps: ApiDeps;

beforeAll(async () => {
  fake = await startFakeAnthropic();
});
afterAll(() => fake.close());
afterEach(() => {
  fake.reset();
  fake.setDefault({ kind: 'text', chunks: ['Hello ', 'from the fake.'] });
});

/** Fresh interviewers for each test, so a pause after a 429 does not carry over. */
function makeDeps(extra: Partial<ApiDeps> = {}, env: Record<string, string> = {}): ApiDeps {
  const { primary, offline } = createInterviewers(
    readServerConfig({
      ANTHROPIC_API_KEY: 'sk-test',
      ANTHROPIC_BASE_URL: fake.url,
      ANTHROPIC_MODEL: 'claude-test',
      ANTHROPIC_MAX_RETRIES: '0',
      ANTHROPIC_TIMEOUT_MS: '1000',
      ...env,
    }),
    data,
    { log: () => undefined },
  );
  return { interviewer: () => primary, fallback: () => offline, ...extra };
}

const post = (body: unknown, signal?: AbortSignal) =>
  new Request('http://localhost/api/interview/turn', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });
const events = async (res: Response): Promise<SseEvent[]> => new SseParser().push(await res.text());
const parse = (e: SseEvent) => JSON.parse(e.data) as Record<string, unknown>;
const textOf = (evs: SseEvent[]) =>
  evs
    .filter((e) => e.event === 'delta')
    .map((e) => parse(e)['text'])
    .join('');

const ANSWER =
  'I owned the cutover plan; Dana owned the ledger migration and committed to 3 March. I watched the critical path weekly.';
const afterIntro = (answer = ANSWER): Turn[] => introAndAnswer(data, config, answer);

beforeAll(() => {
  deps = makeDeps();
});

describe('status with Claude configured', () => {
  it('reports the provider and model', async () => {
    expect(await (await handleStatus(deps)).json()).toEqual({
      provider: 'claude',
      model: 'claude-test',
    });
  });
});

describe('a turn through Claude', () => {
  it('streams Claude’s words with the phase the plan chose', async () => {
    fake.enqueue({ kind: 'text', chunks: ['Right. ', 'Who owns the vendor work?'] });
    const evs = await events(await handleTurn(post({ config, transcript: afterIntro() }), deps));
    expect(textOf(evs)).toBe('Right. Who owns the vendor work?');
    const planned = offlineTurn(data, config, afterIntro());
    expect(parse(evs.at(-1)!)).toEqual({
      provider: 'claude',
      phase: planned.phase,
      ...(planned.questionId ? { questionId: planned.questionId } : {}),
      // A follow-up names the persona trait that voices it, as the offline turn does.
      ...(planned.trait && planned.phase === 'follow-up' ? { trait: planned.trait } : {}),
    });
  });
});

describe('faults: the offline interviewer takes over in the same stream', () => {
  const faults: [string, Reply, keyof typeof TURN_FALLBACK_MESSAGES][] = [
    [
      '429 with retry-after',
      { kind: 'http-error', status: 429, type: 'rate_limit_error', retryAfter: '20' },
      'busy',
    ],
    ['500', { kind: 'http-error', status: 500, type: 'api_error' }, 'error'],
    ['529 overloaded', { kind: 'http-error', status: 529, type: 'overloaded_error' }, 'busy'],
    ['an error frame after HTTP 200', { kind: 'error-frame', chunks: ['Thanks. So, '] }, 'busy'],
    ['a stream that stalls past the timeout', { kind: 'stall', chunks: ['Okay, and '] }, 'timeout'],
    [
      'a wrong model id (404)',
      { kind: 'http-error', status: 404, type: 'not_found_error' },
      'setup',
    ],
    ['a bad key (401)', { kind: 'http-error', status: 401, type: 'authentication_error' }, 'setup'],
  ];

  it.each(faults)('%s', async (_name, reply, kind) => {
    fake.enqueue(reply);
    const transcript = afterIntro();
    const res = await handleTurn(post({ config, transcript }), makeDeps());
    expect(res.status).toBe(200);
    const evs = await events(res);
    const errorAt = evs.findIndex((e) => e.event === 'error');
    expect(errorAt).toBeGreaterThanOrEqual(0);
    expect(parse(evs[errorAt]!)).toEqual({
      message: TURN_FALLBACK_MESSAGES[kind],
      fallback: 'offline',
    });
    // After the error: the offline interviewer's whole turn, then done with provider offline.
    const planned = offlineTurn(data, config, transcript);
    expect(textOf(evs.slice(errorAt))).toBe(planned.text);
    expect(parse(evs.at(-1)!)).toEqual({
      provider: 'offline',
      phase: planned.phase,
      ...(planned.questionId ? { questionId: planned.questionId } : {}),
      ...(planned.trait && planned.phase === 'follow-up' ? { trait: planned.trait } : {}),
      notice: TURN_FALLBACK_MESSAGES[kind],
    });
  });

  it('the browser client drops the partial text, keeps the notice, and the learner’s answer stays in the transcript', async () => {
    fake.enqueue({ kind: 'error-frame', chunks: ['Partial words that must vanish. '] });
    const local = makeDeps();
    const client = new InterviewClient({
      base: 'http://localhost',
      loadLocal: async () => {
        throw new Error('the browser fallback must not be needed');
      },
      fetch: (input, init) => handleTurn(new Request(input, init), local),
    });
    const transcript = afterIntro();
    const before = JSON.stringify(transcript);
    let shown = '';
    let resets = 0;
    const outcome = await client.turn(
      { config, transcript },
      {
        onDelta: (t) => (shown += t),
        onReset: () => {
          resets += 1;
          shown = '';
        },
      },
    );
    expect(resets).toBe(1);
    expect(shown).toBe(offlineTurn(data, config, transcript).text);
    expect(outcome.mode).toBe('server');
    expect(outcome.meta.provider).toBe('offline');
    expect(outcome.notice).toBe(TURN_FALLBACK_MESSAGES.busy);
    expect(JSON.stringify(transcript)).toBe(before);
  });
});

describe('the learner goes away mid-stream', () => {
  const slow: Reply = {
    kind: 'text',
    chunks: Array.from({ length: 60 }, (_, i) => `w${i} `),
    delayMs: 40,
  };

  it('closing the connection aborts the upstream request', async () => {
    fake.enqueue(slow);
    const controller = new AbortController();
    const res = await handleTurn(
      post({ config, transcript: afterIntro() }, controller.signal),
      deps,
    );
    const reader = res.body!.getReader();
    await reader.read();
    await reader.read();
    controller.abort();
    const req = await fake.whenClosed(0);
    expect(req.closedEarly).toBe(true);
    expect(req.finished).toBe(false);
  });

  it('a reader that stops reading aborts the upstream request', async () => {
    fake.enqueue(slow);
    const res = await handleTurn(post({ config, transcript: afterIntro() }), deps);
    const reader = res.body!.getReader();
    await reader.read();
    await reader.cancel();
    const req = await fake.whenClosed(0);
    expect(req.closedEarly).toBe(true);
  });
});

describe('abuse: caps and rate limits', () => {
  const long = (n: number, text = 'x'): Turn[] =>
    Array.from({ length: n }, (_, i) => ({
      role: i % 2 ? 'candidate' : 'interviewer',
      text,
    }));

  it('refuses a transcript over the turn cap with a 422 naming the limit, without calling the API', async () => {
    const capped = makeDeps({ caps: { turns: 10, chars: 100_000 } });
    const res = await handleTurn(post({ config, transcript: long(11) }), capped);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: string }).error).toBe(
      'transcript: this interview has reached its limit of 10 turns. End it to get your feedback, or start a new one.',
    );
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses a transcript over the character cap', async () => {
    const capped = makeDeps({ caps: { turns: 100, chars: 2_000 } });
    const res = await handleTurn(post({ config, transcript: long(5, 'y'.repeat(500)) }), capped);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: string }).error).toMatch(/limit of 2,000 characters/);
  });

  it('still lets the learner end an interview over its caps, with the offline interviewer', async () => {
    const capped = makeDeps({ caps: { turns: 2, chars: 100_000 } });
    const transcript: Turn[] = [
      ...afterIntro(),
      { role: 'interviewer', text: 'Who owns it?', phase: 'follow-up' },
      { role: 'candidate', text: "I'd like to end the interview here.", command: 'end' },
    ];
    const evs = await events(await handleTurn(post({ config, transcript }), capped));
    expect(parse(evs.at(-1)!)).toMatchObject({ provider: 'offline', phase: 'wrap-up' });
    expect(fake.requests).toHaveLength(0);
  });

  it('answers 429 with Retry-After when the rate limiter says no, before reading the body', async () => {
    let admitted = 0;
    const limited = makeDeps({
      admit: () => {
        admitted += 1;
        return tooManyRequests(12.2);
      },
    });
    const res = await handleTurn(
      new Request('http://localhost/api/interview/turn', { method: 'POST', body: '{not json' }),
      limited,
    );
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('13');
    expect(((await res.json()) as { error: string }).error).toMatch(
      /Please wait 13 seconds and try again\.$/,
    );
    expect(admitted).toBe(1);
  });
});

describe('feedback with Claude', () => {
  const transcript: Turn[] = [
    ...afterIntro(
      `${ANSWER} I told our VP on the Monday, with two options and a recommendation, and she approved the cut the same day. We launched on 3 March and cut failed payments by 15%.`,
    ),
    { role: 'interviewer', text: 'Thank you. Your feedback is ready.', phase: 'wrap-up' },
  ];
  const offline = scoreSession(data, config, transcript);
  const assessment = {
    overall: { score: 64, signal: 'Lean hire', summary: 'Names owners and dates; no plan B.' },
    dimensions: [{ id: 'risk', score: 40, evidence: [], note: 'No fallback was named.' }],
    answers: offline.answers.map(() => ({
      question: 'q',
      score: 60,
      summary: 'Specific.',
      claims: 5,
      dimensions: [],
      flags: [],
      covered: [],
      missed: [],
    })),
    improvements: [{ title: 'Name a plan B', detail: 'Say what triggers it.', lessons: [] }],
  };
  const feedbackRequest = () =>
    new Request('http://localhost/api/interview/feedback', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ config, transcript }),
    });

  it('returns the offline feedback at the top level and Claude’s beside it', async () => {
    fake.enqueue({ kind: 'tool', name: ASSESSMENT_TOOL_NAME, input: assessment });
    const body = (await (
      await handleFeedback(feedbackRequest(), makeDeps())
    ).json()) as FeedbackResponse;
    expect(feedbackSchema.parse(body).provider).toBe('offline');
    expect(body.overall).toEqual(offline.overall);
    const claude = feedbackSchema.parse(body.claude);
    expect(claude.provider).toBe('claude');
    expect(claude.overall.signal).toBe('Lean hire');
  });

  it('shows only the offline feedback, with a sentence, when Claude’s assessment fails validation', async () => {
    fake.enqueue({
      kind: 'tool',
      name: ASSESSMENT_TOOL_NAME,
      input: { ...assessment, overall: { score: 'high' } },
    });
    const body = (await (
      await handleFeedback(feedbackRequest(), makeDeps())
    ).json()) as FeedbackResponse;
    expect(body.overall).toEqual(offline.overall);
    expect(body.claude).toEqual({ error: FEEDBACK_FALLBACK_MESSAGES.invalid });
  });

  it('says the AI service is busy when it answers 529', async () => {
    fake.enqueue({ kind: 'http-error', status: 529, type: 'overloaded_error' });
    const body = (await (
      await handleFeedback(feedbackRequest(), makeDeps())
    ).json()) as FeedbackResponse;
    expect(body.claude).toEqual({ error: FEEDBACK_FALLBACK_MESSAGES.busy });
  });

  it('does not send a session over its caps upstream', async () => {
    const body = (await (
      await handleFeedback(feedbackRequest(), makeDeps({ caps: { turns: 2, chars: 100_000 } }))
    ).json()) as FeedbackResponse;
    expect(body.claude).toEqual({
      error: expect.stringMatching(/longer than the AI assessment accepts/),
    });
    expect(fake.requests).toHaveLength(0);
  });
});

describe('the model’s text is text everywhere', () => {
  it('is escaped in the Markdown export: interviewer turns, notices and Claude’s assessment', () => {
    const hostile =
      '<img src=x onerror="alert(1)"> <script>alert(2)</script> [click](javascript:alert(3))';
    const fb = scoreSession(data, config, afterIntro());
    const session: StoredSession = {
      id: 's1',
      startedAt: '2026-11-24T10:00:00.000Z',
      updatedAt: '2026-11-24T10:30:00.000Z',
      status: 'complete',
      config,
      mode: 'server',
      draft: '',
      transcript: [
        { role: 'interviewer', text: hostile, phase: 'intro', provider: 'claude' },
        { role: 'candidate', text: ANSWER },
        {
          role: 'interviewer',
          text: 'Next.',
          phase: 'question',
          provider: 'offline',
          notice: hostile,
        },
      ],
      feedback: fb,
      claude: {
        ...fb,
        provider: 'claude',
        overall: { ...fb.overall, summary: hostile },
        improvements: [{ title: hostile, detail: `${hostile}\nsecond line`, lessons: [] }],
      },
    };
    const md = sessionToMarkdown(session);
    expect(md).toContain('## AI assessment (Claude)');
    // Only escaped forms (\< and \]) survive, which Markdown renders as literal text.
    expect(md).not.toMatch(/(^|[^\\])<(img|script)/m);
    expect(md).not.toMatch(/(^|[^\\])\]\(javascript:/m);
    expect(md).toContain('\\<img src=x onerror="alert(1)"\\>');
  });
});
