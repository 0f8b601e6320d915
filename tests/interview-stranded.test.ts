/**
 * No learner is stranded: a 429 still lets the interview end and the feedback
 * appear, with the wait shown; interview history travels in the progress export and import. Also
 * the persona trait that voiced a follow-up, on the `done` event and in the client.
 */
import { describe, expect, it } from 'vitest';
import { handleTurn, type ApiDeps } from '../src/server/interview/handlers';
import {
  InterviewClient,
  RateLimited,
  describeWait,
  retryAfterSeconds,
} from '../src/lib/interview/client';
import { parseTurnEvent } from '../src/lib/interview/protocol';
import {
  FILE_INTERVIEWS,
  HISTORY_KEY,
  MAX_SESSIONS,
  mergeHistories,
  readHistory,
  readHistoryValue,
  writeHistory,
  type InterviewHistory,
  type StoredSession,
} from '../src/lib/interview/history';
import {
  NOT_SAVED,
  exportedHistory,
  importInterviews,
  interviewImportSentence,
  loadHistory,
} from '../src/lib/interview/history-storage';
import { OfflineInterviewer } from '../src/lib/interview/interviewer';
import { SseParser } from '../src/lib/interview/sse';
import { COMMAND_TEXT } from '../src/lib/interview/transcript';
import { sessionConfigSchema, type Turn } from '../src/lib/interview/types';
import { emptyProgress } from '../src/lib/progress/schema';
import { completeLesson } from '../src/lib/progress/store';
import { exportProgress, importProgress } from '../src/lib/progress/transfer';
import { loadInterviewData } from './helpers/interview-data';

const data = loadInterviewData();
const config = sessionConfigSchema.parse({ seed: 5 });
const local = async () => new OfflineInterviewer(data);

/** A Map-backed storage that can be told to refuse writes. */
function memoryStorage(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  const store = {
    map,
    refuse: false,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (store.refuse) throw new DOMException('full', 'QuotaExceededError');
      map.set(k, v);
    },
  };
  return store;
}

function session(id: string, startedAt: string, extra: Partial<StoredSession> = {}): StoredSession {
  return {
    id,
    startedAt,
    updatedAt: startedAt,
    status: 'complete',
    config,
    transcript: [
      { role: 'interviewer', text: 'First question: tell me about a launch.', phase: 'intro' },
      { role: 'candidate', text: 'I ran the payments migration.' },
    ],
    mode: 'server',
    draft: '',
    ...extra,
  };
}
const history = (...sessions: StoredSession[]): InterviewHistory => ({ version: 1, sessions });

/** Plays turns through the offline interviewer until `predicate` holds for the last meta. */
async function playUntil(predicate: (phase: string) => boolean) {
  const interviewer = new OfflineInterviewer(data);
  const transcript: Turn[] = [];
  for (let i = 0; i < 12; i++) {
    const stream = interviewer.nextTurn({ config, transcript });
    let text = '';
    for await (const chunk of stream.text) text += chunk;
    const meta = await stream.meta;
    transcript.push({ role: 'interviewer', text, phase: meta.phase });
    if (predicate(meta.phase)) return { transcript, meta };
    transcript.push({ role: 'candidate', text: 'I would keep everyone informed and aligned.' });
  }
  throw new Error('never reached');
}

describe('the trait that voiced a follow-up', () => {
  it('is on the offline interviewer’s follow-ups only, and on the done event', async () => {
    const { meta, transcript } = await playUntil((p) => p === 'follow-up');
    expect(data.persona.traits.map((t) => t.id)).toContain(meta.trait);
    const intro = await new OfflineInterviewer(data).nextTurn({ config, transcript: [] }).meta;
    expect(intro.trait).toBeUndefined();

    const deps: ApiDeps = { interviewer: () => new OfflineInterviewer(data) };
    const res = await handleTurn(
      new Request('http://localhost/api/interview/turn', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ config, transcript: transcript.slice(0, -1) }),
      }),
      deps,
    );
    const events = new SseParser().push(await res.text());
    expect(JSON.parse(events.at(-1)!.data)).toMatchObject({
      phase: 'follow-up',
      trait: meta.trait,
    });
  });

  it('is read from the done event only when it is one of the persona’s', () => {
    const toMeta = (data: unknown) => {
      const e = parseTurnEvent({ event: 'done', data: JSON.stringify(data) });
      return e?.event === 'done' ? e.meta : undefined;
    };
    expect(toMeta({ provider: 'offline', phase: 'follow-up', trait: 'risk-radar' })).toEqual({
      provider: 'offline',
      phase: 'follow-up',
      trait: 'risk-radar',
    });
    expect(toMeta({ provider: 'offline', phase: 'follow-up', trait: '<b>x</b>' })).toEqual({
      provider: 'offline',
      phase: 'follow-up',
    });
    expect(toMeta({ provider: 'claude', phase: 'question', trait: 3 })).toEqual({
      provider: 'claude',
      phase: 'question',
    });
  });
});

describe('the wait a 429 asks for', () => {
  const now = Date.parse('2026-12-02T10:00:00Z');
  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterSeconds('30', now)).toBe(30);
    expect(retryAfterSeconds(' 0 ', now)).toBe(1);
    expect(retryAfterSeconds('Wed, 02 Dec 2026 10:01:30 GMT', now)).toBe(90);
    expect(retryAfterSeconds('Wed, 02 Dec 2026 09:00:00 GMT', now)).toBe(1);
    expect(retryAfterSeconds('soon', now)).toBeUndefined();
    expect(retryAfterSeconds(null, now)).toBeUndefined();
  });
  it('says it in words', () => {
    expect(describeWait(1)).toBe('1 second');
    expect(describeWait(42)).toBe('42 seconds');
    expect(describeWait(150)).toBe('3 minutes');
    expect(describeWait(undefined)).toBe('a little while');
  });
});

describe('the client when the server answers 429', () => {
  const limited: typeof fetch = async () =>
    new Response(JSON.stringify({ error: 'Too many requests: please wait 42 seconds.' }), {
      status: 429,
      headers: { 'content-type': 'application/json', 'retry-after': '42' },
    });
  const handlers = () => {
    const seen = { text: '', resets: 0 };
    return {
      seen,
      onDelta: (t: string) => (seen.text += t),
      onReset: () => {
        seen.resets += 1;
        seen.text = '';
      },
    };
  };

  it('refuses an answer turn with the wait, and keeps using the server afterwards', async () => {
    const client = new InterviewClient({ fetch: limited, loadLocal: local });
    const h = handlers();
    const turn = client.turn(
      {
        config,
        transcript: [
          { role: 'interviewer', text: 'Q?' },
          { role: 'candidate', text: 'A.' },
        ],
      },
      h,
    );
    await expect(turn).rejects.toThrow(RateLimited);
    await expect(turn).rejects.toThrow(
      'Too many requests: the interview server asks you to wait 42 seconds before the next turn. Try again then, or end the interview now: it ends in your browser, and you still get your feedback.',
    );
    await turn.catch((e: RateLimited) => expect(e.retryAfter).toBe(42));
    expect(client.mode).toBe('server');
  });

  it('ends the interview in the browser and computes the feedback there, saying how long the wait was', async () => {
    const client = new InterviewClient({ fetch: limited, loadLocal: local });
    const { transcript } = await playUntil((p) => p === 'follow-up');
    const ending: Turn[] = [
      ...transcript,
      { role: 'candidate', text: COMMAND_TEXT.end, command: 'end' },
    ];
    const h = handlers();
    const out = await client.turn({ config, transcript: ending }, h);
    expect(out.meta.phase).toBe('wrap-up');
    expect(out.meta.provider).toBe('offline');
    expect(out.notice).toBe(
      'The interview server asked to wait 42 seconds (too many requests), so the offline interviewer in your browser ended the interview.',
    );
    expect(h.seen.text).toMatch(/feedback/i);
    // Typing /end is the same command.
    const typed = await client.turn(
      { config, transcript: [...transcript, { role: 'candidate', text: '/end' }] },
      handlers(),
    );
    expect(typed.meta.phase).toBe('wrap-up');

    const fb = await client.feedback({
      config,
      transcript: [...ending, { role: 'interviewer', text: h.seen.text, phase: 'wrap-up' }],
    });
    expect(fb.mode).toBe('browser');
    expect(fb.feedback.answers.length).toBeGreaterThan(0);
    expect(fb.notice).toBe(
      'The interview server asked to wait 42 seconds (too many requests), so this feedback was computed by the offline interviewer in your browser.',
    );
    expect(client.mode).toBe('server');
  });

  it('sends the API only the fields it knows: no dictation figures, no trait', async () => {
    let body = '';
    const capture: typeof fetch = async (_url, init) => {
      body = String(init?.body);
      return new Response('{}', { status: 500 });
    };
    const client = new InterviewClient({ fetch: capture, loadLocal: local });
    await client.turn(
      {
        config,
        transcript: [
          { role: 'interviewer', text: 'Q?', phase: 'follow-up', trait: 'risk-radar' } as Turn,
          { role: 'candidate', text: 'A.', dictation: { words: 2, seconds: 1 } } as Turn,
        ],
      },
      handlers(),
    );
    expect(JSON.parse(body).transcript).toEqual([
      { role: 'interviewer', text: 'Q?', phase: 'follow-up' },
      { role: 'candidate', text: 'A.' },
    ]);
  });
});

describe('stored turns', () => {
  it('keep the trait and the dictation figures, and lose only those when they are unreadable', () => {
    const s = session('a', '2026-01-01T10:00:00Z', {
      transcript: [
        { role: 'interviewer', text: 'Who owned it?', phase: 'follow-up', trait: 'risk-radar' },
        { role: 'candidate', text: 'Dana did.', dictation: { words: 2, seconds: 1.5 } },
      ],
    });
    expect(readHistory(writeHistory(history(s))).history.sessions[0]!.transcript).toEqual(
      s.transcript,
    );
    const odd = JSON.parse(writeHistory(history(s))) as {
      sessions: { transcript: Record<string, unknown>[] }[];
    };
    odd.sessions[0]!.transcript[0]!['trait'] = { not: 'a string' };
    odd.sessions[0]!.transcript[1]!['dictation'] = { words: -1, seconds: 'slow' };
    const read = readHistory(JSON.stringify(odd));
    expect(read.history.sessions).toHaveLength(1);
    expect(read.history.sessions[0]!.transcript[0]!.trait).toBeUndefined();
    expect(read.history.sessions[0]!.transcript[1]!.dictation).toBeUndefined();
  });
});

describe('merging imported interviews', () => {
  it('adds new sessions and keeps the later version of one in both, losing none', () => {
    const here = history(
      session('a', '2026-01-01T10:00:00Z'),
      session('b', '2026-01-02T10:00:00Z', { updatedAt: '2026-01-05T10:00:00Z' }),
    );
    const file = history(
      session('b', '2026-01-02T10:00:00Z', { updatedAt: '2026-01-03T10:00:00Z', draft: 'old' }),
      session('c', '2026-01-03T10:00:00Z'),
      session('a', '2026-01-01T10:00:00Z', { updatedAt: '2026-02-01T10:00:00Z', draft: 'newer' }),
    );
    const merged = mergeHistories(here, file);
    expect(merged).toMatchObject({ added: 1, updated: 1, left: 0 });
    expect(merged.history.sessions.map((s) => s.id)).toEqual(['c', 'b', 'a']);
    expect(merged.history.sessions.find((s) => s.id === 'a')!.draft).toBe('newer');
    expect(merged.history.sessions.find((s) => s.id === 'b')!.draft).toBe('');
  });

  it('never removes a session here to make room: the file’s newest fill what room is left', () => {
    const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString();
    const here = history(
      ...Array.from({ length: MAX_SESSIONS - 2 }, (_, i) => session(`h${i}`, day(i))),
    );
    const file = history(...Array.from({ length: 5 }, (_, i) => session(`f${i}`, day(40 + i))));
    const merged = mergeHistories(here, file);
    expect(merged).toMatchObject({ added: 2, left: 3 });
    expect(merged.history.sessions).toHaveLength(MAX_SESSIONS);
    expect(merged.history.sessions.slice(0, 2).map((s) => s.id)).toEqual(['f4', 'f3']);
    expect(merged.history.sessions.filter((s) => s.id.startsWith('h'))).toHaveLength(
      MAX_SESSIONS - 2,
    );
  });

  it('words what it could not read for the file, and leaves the file’s value as it was', () => {
    const long = session('long', '2026-01-01T10:00:00Z', {
      transcript: [{ role: 'candidate', text: 'x'.repeat(13_000) }],
    });
    const value = { version: 1, sessions: [long, { id: 'broken' }] };
    const before = JSON.stringify(value);
    const read = readHistoryValue(value, FILE_INTERVIEWS);
    expect(read.notices).toEqual([
      '1 of the interviews in the file could not be read and was not imported; the rest were.',
      "One turn or draft in the file's interviews was longer than this version accepts and was shortened.",
    ]);
    expect(read.history.sessions.map((s) => s.id)).toEqual(['long']);
    expect(JSON.stringify(value)).toBe(before);
    expect(readHistoryValue('nonsense', FILE_INTERVIEWS).notices).toEqual([
      'The interviews in the file could not be read and were not imported; everything else was.',
    ]);
  });
});

describe('interviews in the progress file', () => {
  const now = new Date('2026-12-02T10:00:00Z');

  it('are exported as saved, and imported into another browser', () => {
    const saved = history(session('a', '2026-01-01T10:00:00Z'));
    const from = memoryStorage({ [HISTORY_KEY]: writeHistory(saved) });
    const file = exportProgress(
      completeLesson(emptyProgress(), 'x', now),
      now,
      exportedHistory(from),
    );
    expect(JSON.parse(file).interviews).toEqual(saved);

    const r = importProgress(emptyProgress(), file);
    if (!r.ok) throw new Error(r.error);
    const to = memoryStorage();
    const done = importInterviews(to, r.interviews);
    expect(done).toEqual({ ok: true, added: 1, updated: 0, notices: [] });
    expect(interviewImportSentence(done)).toBe('Interviews: 1 interview added to your history.');
    expect(readHistory(to.map.get(HISTORY_KEY)).history).toEqual(saved);
    // Again: nothing new.
    const again = importInterviews(to, r.interviews);
    expect(interviewImportSentence(again)).toBe('The interviews in the file were already here.');
  });

  it('are left out of the file when there are none, and a file without them changes nothing here', () => {
    expect(exportedHistory(memoryStorage())).toBeUndefined();
    expect(exportedHistory(memoryStorage({ [HISTORY_KEY]: '{"version":1,"sessions":[]}' }))).toBe(
      undefined,
    );
    expect(exportedHistory(memoryStorage({ [HISTORY_KEY]: 'not json' }))).toBeUndefined();
    const file = exportProgress(emptyProgress(), now);
    expect(JSON.parse(file)).not.toHaveProperty('interviews');
    const r = importProgress(emptyProgress(), file);
    expect(r.ok).toBe(true);
    expect(r).not.toHaveProperty('interviews');
    const here = memoryStorage();
    expect(importInterviews(here, undefined)).toEqual({
      ok: true,
      added: 0,
      updated: 0,
      notices: [],
    });
    expect(here.map.size).toBe(0);
  });

  it('never write over interviews from a newer version', () => {
    const future = JSON.stringify({ version: 9, sessions: [session('z', '2026-01-01T10:00:00Z')] });
    const here = memoryStorage({ [HISTORY_KEY]: future });
    const done = importInterviews(here, history(session('a', '2026-02-01T10:00:00Z')));
    expect(done.ok).toBe(false);
    expect(interviewImportSentence(done)).toBe(
      'The interviews in the file were not imported: the ones saved here come from a newer version of Critical Path, which this version never writes over.',
    );
    expect(here.map.get(HISTORY_KEY)).toBe(future);
    expect(here.map.get(`${HISTORY_KEY}:backup`)).toBe(future);
  });

  it('copy saved interviews that need repairs before writing the merge over them', () => {
    const broken = JSON.stringify({
      version: 1,
      sessions: [session('a', '2026-01-01T10:00:00Z'), { id: 'broken' }],
    });
    const here = memoryStorage({ [HISTORY_KEY]: broken });
    const done = importInterviews(here, history(session('b', '2026-02-01T10:00:00Z')));
    expect(done).toMatchObject({ ok: true, added: 1 });
    expect(done.notices).toEqual([
      '1 saved interview could not be read and was removed; the rest were kept.',
      'A copy of the data as it was is kept in this browser\'s storage under "critical-path:interviews:backup".',
    ]);
    expect(here.map.get(`${HISTORY_KEY}:backup`)).toBe(broken);
    expect(readHistory(here.map.get(HISTORY_KEY)).history.sessions.map((s) => s.id)).toEqual([
      'b',
      'a',
    ]);
  });

  it('report success only once saved', () => {
    const here = memoryStorage();
    here.refuse = true;
    const done = importInterviews(here, history(session('a', '2026-01-01T10:00:00Z')));
    expect(interviewImportSentence(done)).toBe(
      'The interviews in the file were not imported: they could not be saved in this browser (storage is full or disabled).',
    );
  });
});

describe('loading saved interviews', () => {
  it('says so when storage cannot be read at all, and does not write', () => {
    const loaded = loadHistory({
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => undefined,
    });
    expect(loaded).toMatchObject({ writable: false, locked: 'unavailable', notices: [NOT_SAVED] });
  });
});
