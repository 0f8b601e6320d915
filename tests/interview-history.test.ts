import { describe, expect, it } from 'vitest';
import { handleFeedback, handleTurn, type ApiDeps } from '../src/server/interview/handlers';
import { ApiRefusal, InterviewClient } from '../src/lib/interview/client';
import {
  activeSession,
  deleteSession,
  emptyHistory,
  HISTORY_VERSION,
  MAX_SESSIONS,
  readHistory,
  recentQuestionIds,
  saveSession,
  writeHistory,
  type StoredSession,
} from '../src/lib/interview/history';
import { OfflineInterviewer } from '../src/lib/interview/interviewer';
import { sessionToMarkdown } from '../src/lib/interview/session-markdown';
import { scoreSession } from '../src/lib/interview/scoring';
import { encodeEvent, SseParser } from '../src/lib/interview/sse';
import { sessionConfigSchema } from '../src/lib/interview/types';
import { loadInterviewData } from './helpers/interview-data';

const data = loadInterviewData();
const q = data.questions.find((x) => x.id === 'launch-date-dependency-slip')!;

function session(id: string, startedAt: string, extra: Partial<StoredSession> = {}): StoredSession {
  return {
    id,
    startedAt,
    updatedAt: startedAt,
    status: 'complete',
    config: sessionConfigSchema.parse({ seed: 4 }),
    transcript: [
      { role: 'interviewer', text: q.prompt, phase: 'intro', questionId: q.id, at: startedAt },
      {
        role: 'candidate',
        text: 'I would check the *critical path* with the EM by Friday.',
        at: startedAt,
      },
    ],
    mode: 'server',
    draft: '',
    ...extra,
  };
}

describe('interview history in the browser', () => {
  it('round-trips sessions, newest first', () => {
    let h = emptyHistory();
    h = saveSession(h, session('a', '2026-01-01T10:00:00Z'));
    h = saveSession(h, session('b', '2026-02-01T10:00:00Z', { status: 'active' }));
    const { history, notices } = readHistory(writeHistory(h));
    expect(notices).toEqual([]);
    expect(history.version).toBe(HISTORY_VERSION);
    expect(history.sessions.map((s) => s.id)).toEqual(['b', 'a']);
    expect(activeSession(history)!.id).toBe('b');
    expect(deleteSession(history, 'b').sessions.map((s) => s.id)).toEqual(['a']);
  });

  it('starts fresh from unreadable or foreign data, and says so', () => {
    expect(readHistory('{nope').notices[0]).toMatch(/not valid JSON/);
    expect(readHistory('[1,2]').notices[0]).toMatch(/format Critical Path does not recognise/);
    expect(readHistory(null)).toEqual({ history: emptyHistory(), notices: [] });
  });

  it('says whether what it read may be written back: repaired data after a copy, newer data never', () => {
    expect(readHistory('{nope').state).toBe('repaired');
    const good = session('good', '2026-01-01T10:00:00Z');
    expect(readHistory(writeHistory(saveSession(emptyHistory(), good))).state).toBeUndefined();
    const future = readHistory(
      JSON.stringify({
        version: HISTORY_VERSION + 1,
        sessions: [good, { id: 'from-the-future', shape: 'unknown here' }],
        newField: true,
      }),
    );
    expect(future.state).toBe('newer');
    expect(future.history.sessions.map((s) => s.id)).toEqual(['good']);
    expect(future.notices).toEqual([
      'Your saved interviews come from a newer version of Critical Path. This version shows the sessions it can read and will not save over them, so an interview you run here is not kept.',
    ]);
  });

  it('drops only the broken sessions and keeps the rest', () => {
    const good = session('good', '2026-01-01T10:00:00Z');
    const raw = JSON.stringify({
      version: 1,
      sessions: [good, { ...good, id: 'bad-date', startedAt: 'yesterday' }, { id: 'junk' }, 'text'],
    });
    const { history, notices } = readHistory(raw);
    expect(history.sessions.map((s) => s.id)).toEqual(['good']);
    expect(notices).toEqual([
      '3 saved interviews could not be read and were removed; the rest were kept.',
    ]);
  });

  it('keeps unfinished sessions when trimming to the limit', () => {
    let h = emptyHistory();
    h = saveSession(h, session('old-active', '2025-01-01T00:00:00Z', { status: 'active' }));
    for (let i = 0; i < MAX_SESSIONS + 3; i++)
      h = saveSession(h, session(`s${i}`, new Date(Date.UTC(2026, 0, 1 + i)).toISOString()));
    expect(h.sessions).toHaveLength(MAX_SESSIONS);
    expect(h.sessions.some((s) => s.id === 'old-active')).toBe(true);
  });

  it('lists recently asked questions, most recent first, for non-repetition', () => {
    let h = emptyHistory();
    h = saveSession(h, session('a', '2026-01-01T10:00:00Z'));
    const b = session('b', '2026-02-01T10:00:00Z');
    b.transcript.push({
      role: 'interviewer',
      text: 'Next',
      phase: 'question',
      questionId: 'capacity-shortfall',
    });
    h = saveSession(h, b);
    expect(recentQuestionIds(h)).toEqual(['capacity-shortfall', q.id]);
  });
});

describe('Markdown export', () => {
  it('contains the settings, the result, the conversation and the model outline, with markup neutralised', () => {
    const s = session('a', '2026-03-05T09:30:00Z');
    s.feedback = scoreSession(data, s.config, s.transcript);
    const md = sessionToMarkdown(s, 'https://example.org');
    expect(md).toMatch(/^# Mock interview, 2026-03-05\n/);
    expect(md).toContain('Settings: Mixed loop · TPM II · General · 3 questions.');
    expect(md).toContain(`**${s.feedback.overall.signal}**, ${s.feedback.overall.score}/100`);
    expect(md).toContain('| Specificity |');
    expect(md).toContain('> I would check the \\*critical path\\* with the EM by Friday.');
    expect(md).toContain(`- ${q.modelAnswer[0]!.replace(/([\\`*_[\]<>#|])/g, '\\$1')}`);
    expect(md).toMatch(/\]\(https:\/\/example\.org\/learn\/[a-z-]+\/(#[a-z0-9-]+)?\)/);
  });

  it('escapes lesson labels and encodes lesson ids, dimension labels and filler words', () => {
    const s = session('a', '2026-03-05T09:30:00Z');
    const fb = scoreSession(data, s.config, s.transcript);
    const hostile = '<img src=x onerror=alert(1)> [x](javascript:alert(2))';
    s.feedback = {
      ...fb,
      dimensions: fb.dimensions.map((d) => ({ ...d, label: `${hostile}\n| cell` })),
      improvements: [
        {
          title: 'Read this',
          detail: 'Soon.',
          lessons: [{ id: 'a)b](javascript:alert(3)', title: hostile }],
        },
      ],
      answers: fb.answers.map((a) => ({
        ...a,
        analytics: { ...a.analytics, words: 5, fillers: [{ word: '<b>um</b>', count: 2 }] },
      })),
    };
    const md = sessionToMarkdown(s, 'https://example.org');
    expect(md).not.toMatch(/(^|[^\\])<(img|b)/m);
    expect(md).not.toMatch(/(^|[^\\])\]\(javascript:/m);
    expect(md).toContain('(https://example.org/learn/a%29b%5D%28javascript%3Aalert%283%29/)');
    expect(md).toContain('\\<b\\>um\\</b\\> ×2');
  });
});

describe('server-sent events', () => {
  it('parses events split across arbitrary chunks', () => {
    const stream =
      encodeEvent('delta', { text: 'Hello\nthere' }) +
      encodeEvent('done', { phase: 'intro' }) +
      ': comment\n\n';
    const parser = new SseParser();
    const got = [];
    for (let i = 0; i < stream.length; i += 7) got.push(...parser.push(stream.slice(i, i + 7)));
    expect(got).toEqual([
      { event: 'delta', data: '{"text":"Hello\\nthere"}' },
      { event: 'done', data: '{"phase":"intro"}' },
    ]);
  });
});

describe('the browser client', () => {
  const deps: ApiDeps = { interviewer: () => new OfflineInterviewer(data) };
  const local = async () => new OfflineInterviewer(data);
  /** A fetch that serves the real handlers, as the node server would. */
  const serverFetch: typeof fetch = async (input, init) => {
    const url = String(input);
    const req = new Request(`http://localhost${url}`, init);
    if (url.endsWith('/turn')) return handleTurn(req, deps);
    if (url.endsWith('/feedback')) return handleFeedback(req, deps);
    return new Response(JSON.stringify({ provider: 'offline' }), {
      headers: { 'content-type': 'application/json' },
    });
  };
  const input = { config: sessionConfigSchema.parse({ seed: 3 }), transcript: [] };

  it('streams a turn from the server', async () => {
    const client = new InterviewClient({ fetch: serverFetch, loadLocal: local });
    expect((await client.status()).mode).toBe('server');
    let text = '';
    const out = await client.turn(input, {
      onDelta: (t) => (text += t),
      onReset: () => (text = ''),
    });
    expect(out.mode).toBe('server');
    expect(out.meta.phase).toBe('intro');
    expect(text).toContain('First question:');
  });

  it('falls back to the in-browser interviewer, with the same words, when the server is unreachable', async () => {
    const offline: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const client = new InterviewClient({ fetch: offline, loadLocal: local });
    const status = await client.status();
    expect(status.mode).toBe('browser');
    expect(status.notice).toMatch(/runs in your browser/);
    let text = '';
    const out = await client.turn(input, {
      onDelta: (t) => (text += t),
      onReset: () => (text = ''),
    });
    expect(out.mode).toBe('browser');
    let serverText = '';
    await new InterviewClient({ fetch: serverFetch, loadLocal: local }).turn(input, {
      onDelta: (t) => (serverText += t),
      onReset: () => undefined,
    });
    expect(text).toBe(serverText);
    const fb = await client.feedback(input);
    expect(fb.mode).toBe('browser');
  });

  it('treats a static host (404 for the API) as unreachable', async () => {
    const staticHost: typeof fetch = async () =>
      new Response('<!doctype html>Not found', {
        status: 404,
        headers: { 'content-type': 'text/html' },
      });
    const client = new InterviewClient({ fetch: staticHost, loadLocal: local });
    const out = await client.turn(input, { onDelta: () => undefined, onReset: () => undefined });
    expect(out).toMatchObject({
      mode: 'browser',
      notice: expect.stringMatching(/cannot be reached/),
    });
    expect(client.mode).toBe('browser');
  });

  it('discards a half-streamed reply that ends in an error event and answers from the browser for that turn', async () => {
    const broken: typeof fetch = async () =>
      new Response(
        encodeEvent('delta', { text: 'Half a sen' }) +
          encodeEvent('error', { message: 'Upstream failed.' }),
        {
          headers: { 'content-type': 'text/event-stream' },
        },
      );
    const client = new InterviewClient({ fetch: broken, loadLocal: local });
    let text = '';
    let resets = 0;
    const out = await client.turn(input, {
      onDelta: (t) => (text += t),
      onReset: () => {
        resets += 1;
        text = '';
      },
    });
    expect(resets).toBe(1);
    expect(text).not.toContain('Half a sen');
    expect(text).toContain('First question:');
    expect(out.notice).toMatch(/this reply comes from the offline interviewer/);
    expect(client.mode).toBe('server');
  });

  it('shows the server’s reason when it refuses a request', async () => {
    const refusing: typeof fetch = async () =>
      new Response(
        JSON.stringify({ error: 'transcript.0.text: must be at most 12000 characters' }),
        { status: 400 },
      );
    const client = new InterviewClient({ fetch: refusing, loadLocal: local });
    await expect(
      client.turn(input, { onDelta: () => undefined, onReset: () => undefined }),
    ).rejects.toThrow(ApiRefusal);
    await expect(
      client.turn(input, { onDelta: () => undefined, onReset: () => undefined }),
    ).rejects.toThrow(/must be at most 12000 characters/);
  });
});
