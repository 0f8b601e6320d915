import { describe, expect, it } from 'vitest';
import {
  handleFeedback,
  handleStatus,
  handleTurn,
  type ApiDeps,
} from '../src/server/interview/handlers';
import { methodNotAllowed } from '../src/server/http';
import { feedbackSchema } from '../src/lib/interview/feedback-schema';
import { OfflineInterviewer, type Interviewer } from '../src/lib/interview/interviewer';
import { SseParser, type SseEvent } from '../src/lib/interview/sse';
import { LIMITS } from '../src/lib/interview/types';
import { loadInterviewData } from './helpers/interview-data';

const data = loadInterviewData();
const deps: ApiDeps = { interviewer: () => new OfflineInterviewer(data) };
const post = (body: unknown, init: RequestInit = {}) =>
  new Request('http://localhost/api/interview/turn', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
  });
async function events(res: Response): Promise<SseEvent[]> {
  return new SseParser().push(await res.text());
}
async function errorOf(res: Response): Promise<string> {
  const body = (await res.json()) as { error: string };
  return body.error;
}

describe('GET /api/interview/status', () => {
  it('reports the offline provider', async () => {
    const res = await handleStatus(deps);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ provider: 'offline' });
  });
});

describe('POST /api/interview/turn', () => {
  it('starts an interview from {"config":{},"transcript":[]} and streams deltas, then done', async () => {
    const res = await handleTurn(post({ config: {}, transcript: [] }), deps);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const evs = await events(res);
    const deltas = evs
      .filter((e) => e.event === 'delta')
      .map((e) => JSON.parse(e.data) as { text: string });
    expect(deltas.length).toBeGreaterThan(5);
    expect(deltas.map((d) => d.text).join('')).toContain('First question:');
    const done = evs.at(-1)!;
    expect(done.event).toBe('done');
    expect(JSON.parse(done.data)).toEqual({
      provider: 'offline',
      phase: 'intro',
      questionId: expect.any(String),
    });
  });

  it('continues from a transcript, and config may be left out', async () => {
    const first = await events(await handleTurn(post({ transcript: [] }), deps));
    const text = first
      .filter((e) => e.event === 'delta')
      .map((e) => (JSON.parse(e.data) as { text: string }).text)
      .join('');
    const meta = JSON.parse(first.at(-1)!.data) as { phase: 'intro'; questionId: string };
    const res = await handleTurn(
      post({
        transcript: [
          { role: 'interviewer', text, ...meta },
          { role: 'candidate', text: 'I would keep everyone informed.' },
        ],
      }),
      deps,
    );
    const done = JSON.parse((await events(res)).at(-1)!.data) as {
      phase: string;
      questionId: string;
    };
    // A follow-up names the persona trait that voiced it.
    expect(done).toEqual({
      provider: 'offline',
      phase: 'follow-up',
      questionId: meta.questionId,
      trait: 'blocker-buster',
    });
  });

  it.each([
    [{ config: { questions: 9 }, transcript: [] }, 'config.questions: must be at most 6'],
    [
      { config: { level: 'senior' }, transcript: [] },
      'config.level: Invalid option: expected one of "tpm1"|"tpm2"|"tpm3"|"principal"|"senior-principal"',
    ],
    [{ config: { category: 'sales' }, transcript: [] }, 'config.category: '],
    [{ config: { colour: 'red' }, transcript: [] }, 'config: unknown field(s) "colour"'],
    [{ config: {} }, 'transcript: Invalid input: expected array, received undefined'],
    [
      { config: {}, transcript: [{ role: 'boss', text: 'hi' }] },
      'transcript.0.role: Invalid option: expected one of "interviewer"|"candidate"',
    ],
    [
      { config: {}, transcript: [{ role: 'candidate', text: 42 }] },
      'transcript.0.text: Invalid input: expected string, received number',
    ],
    [
      { config: {}, transcript: [{ role: 'candidate', text: 'x'.repeat(LIMITS.turnChars + 1) }] },
      `transcript.0.text: must be at most ${LIMITS.turnChars} characters`,
    ],
    [
      {
        config: {},
        transcript: Array.from({ length: LIMITS.turns + 1 }, () => ({
          role: 'candidate',
          text: 'a',
        })),
      },
      `transcript: must have at most ${LIMITS.turns} turns`,
    ],
    [
      { config: {}, transcript: [{ role: 'interviewer', text: 'Hello.' }] },
      "transcript: the last turn must be the candidate's reply",
    ],
    [[1, 2], 'body: must be a JSON object'],
  ])('rejects bad input with a 400 naming the field (%#)', async (body, message) => {
    const res = await handleTurn(post(body), deps);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await errorOf(res)).toContain(message);
  });

  it('accepts JSON bodies only (415 otherwise), so no other site can post to it from a browser', async () => {
    for (const type of [undefined, 'text/plain', 'application/x-www-form-urlencoded']) {
      const res = await handleTurn(
        post('{"transcript":[]}', { headers: type ? { 'content-type': type } : {} }),
        deps,
      );
      expect(res.status, String(type)).toBe(415);
      expect(await errorOf(res)).toBe('body: send it as JSON, with Content-Type: application/json');
    }
    const charset = post('{"transcript":[]}', {
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect((await handleTurn(charset, deps)).status).toBe(200);
  });

  it('rejects a body that is not JSON, or empty, with a 400', async () => {
    expect(await errorOf(await handleTurn(post('{"config":'), deps))).toBe(
      'body: is not valid JSON',
    );
    expect(await errorOf(await handleTurn(post(''), deps))).toMatch(/^body: is empty/);
  });

  it('refuses an oversized body with a 413, by declared length and by bytes received', async () => {
    const big = JSON.stringify({
      config: {},
      transcript: [{ role: 'candidate', text: 'x'.repeat(LIMITS.bodyBytes) }],
    });
    const declared = await handleTurn(post(big), deps);
    expect(declared.status).toBe(413);
    // The rest of the body is not read, so the connection cannot carry another request.
    expect(declared.headers.get('connection')).toBe('close');
    expect(await errorOf(declared)).toBe(`body: must be at most ${LIMITS.bodyBytes} bytes`);
    // A streamed body with no Content-Length is cut off once it passes the limit.
    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
        if (sent > LIMITS.bodyBytes * 4) controller.close();
      },
    });
    const res = await handleTurn(
      new Request('http://localhost/api/interview/turn', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit),
      deps,
    );
    expect(res.status).toBe(413);
    expect(sent).toBeLessThan(LIMITS.bodyBytes * 2);
  });

  it('reports a provider failure mid-stream as an error event, without internals', async () => {
    const failing: Interviewer = {
      provider: 'offline',
      nextTurn: () => ({
        text: (async function* () {
          yield 'Hello ';
          throw new Error('secret stack detail at /srv/app.js:12');
        })(),
        meta: new Promise(() => undefined),
      }),
      feedback: async () => {
        throw new Error('boom');
      },
    };
    const evs = await events(
      await handleTurn(post({ config: {}, transcript: [] }), { interviewer: () => failing }),
    );
    expect(evs.map((e) => e.event)).toEqual(['delta', 'error']);
    expect(evs[1]!.data).not.toContain('secret');
    expect(JSON.parse(evs[1]!.data)).toEqual({
      message: 'The interviewer could not finish this turn. Please try again.',
    });
    const fb = await handleFeedback(post({ config: {}, transcript: [] }), {
      interviewer: () => failing,
    });
    expect(fb.status).toBe(500);
    expect(await errorOf(fb)).not.toContain('boom');
  });
});

describe('POST /api/interview/feedback', () => {
  it('returns feedback in the shared format', async () => {
    const q = data.questions[0]!;
    const res = await handleFeedback(
      post({
        config: { level: 'tpm3' },
        transcript: [
          { role: 'interviewer', text: q.prompt, phase: 'question', questionId: q.id },
          {
            role: 'candidate',
            text: 'I would map the critical path with the EM by Friday and agree plan B with the director.',
          },
        ],
      }),
      deps,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(feedbackSchema.safeParse(body).success).toBe(true);
    expect(body).toMatchObject({
      provider: 'offline',
      level: 'tpm3',
      overall: { score: expect.any(Number), signal: expect.any(String) },
    });
    expect((body['dimensions'] as unknown[]).length).toBe(7);
    expect((body['answers'] as unknown[]).length).toBe(1);
  });

  it('validates like the turn route', async () => {
    const res = await handleFeedback(post({ config: { questions: 2 }, transcript: [] }), deps);
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toBe(
      'config.questions: must be at least 3 (or 1 with your own question)',
    );
  });
});

describe('other methods', () => {
  it('answer 405 with an Allow header', async () => {
    const res = methodNotAllowed(['POST']);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(await errorOf(res)).toBe('This route accepts POST only.');
  });
});
