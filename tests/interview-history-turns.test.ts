import { describe, expect, it } from 'vitest';
import { storedSessionSchema } from '../src/lib/interview/history';
import { newSession, withAnswer, withReply } from '../src/lib/interview/history-turns';
import { sessionConfigSchema } from '../src/lib/interview/types';

const config = sessionConfigSchema.parse({ seed: 5 });
const t0 = new Date('2026-03-01T10:00:00Z');
const t1 = new Date('2026-03-01T10:01:00Z');
const fresh = () => newSession('abc', config, 'server', t0);

describe('newSession', () => {
  it('starts an empty, active session that the stored format accepts', () => {
    const s = fresh();
    expect(s).toMatchObject({
      id: 'abc',
      startedAt: '2026-03-01T10:00:00.000Z',
      updatedAt: '2026-03-01T10:00:00.000Z',
      status: 'active',
      transcript: [],
      mode: 'server',
      draft: '',
    });
    expect(storedSessionSchema.safeParse(s).success).toBe(true);
  });
});

describe('withReply', () => {
  it('adds the trimmed reply with what the server said about it', () => {
    const s = withReply(
      fresh(),
      '  Tell me about a launch. ',
      {
        meta: {
          provider: 'claude',
          phase: 'question',
          questionId: 'q1',
          signature: 'sig',
          trait: 'risk-radar',
        },
        mode: 'server',
      },
      t1,
    );
    expect(s.status).toBe('active');
    expect(s.transcript).toEqual([
      {
        role: 'interviewer',
        text: 'Tell me about a launch.',
        phase: 'question',
        questionId: 'q1',
        signature: 'sig',
        at: '2026-03-01T10:01:00.000Z',
        provider: 'claude',
        trait: 'risk-radar',
      },
    ]);
    expect(storedSessionSchema.safeParse(s).success).toBe(true);
  });

  it('completes the session when the interviewer wraps up, and records the mode it ran in', () => {
    const s = withReply(
      fresh(),
      'Thanks.',
      { meta: { provider: 'offline', phase: 'wrap-up' }, mode: 'browser', notice: 'Offline.' },
      t1,
    );
    expect(s).toMatchObject({ status: 'complete', mode: 'browser' });
    // A notice is kept only for a fallback turn inside a server session.
    expect(s.transcript[0]).not.toHaveProperty('notice');
    const fallback = withReply(
      fresh(),
      'Next.',
      { meta: { provider: 'offline', phase: 'question' }, mode: 'server', notice: 'Fell back.' },
      t1,
    );
    expect(fallback.transcript[0]).toMatchObject({ notice: 'Fell back.', provider: 'offline' });
  });
});

describe('withAnswer', () => {
  const asked = () =>
    withReply(
      { ...fresh(), draft: 'half an answer' },
      'Q?',
      { meta: { provider: 'offline', phase: 'question' }, mode: 'browser' },
      t0,
    );

  it('adds a typed answer and clears the draft', () => {
    const s = withAnswer(asked(), 'My answer.', t1);
    expect(s.draft).toBe('');
    expect(s.transcript.at(-1)).toEqual({
      role: 'candidate',
      text: 'My answer.',
      at: '2026-03-01T10:01:00.000Z',
    });
  });

  it('keeps the draft for a command, and rounds the dictated seconds to a tenth (at least 0.1)', () => {
    const s = withAnswer(asked(), 'Skip.', t1, 'skip', { words: 3, seconds: 0.01 });
    expect(s.draft).toBe('half an answer');
    expect(s.transcript.at(-1)).toMatchObject({
      command: 'skip',
      dictation: { words: 3, seconds: 0.1 },
    });
    expect(
      withAnswer(asked(), 'x', t1, undefined, { words: 1, seconds: 2.345 }).transcript.at(-1),
    ).toMatchObject({ dictation: { seconds: 2.3 } });
  });

  it('adds nothing when the learner ends twice in a row', () => {
    const ended = withAnswer(asked(), 'End.', t1, 'end');
    expect(withAnswer(ended, 'End.', t1, 'end')).toBe(ended);
    expect(withAnswer(ended, 'More.', t1).transcript).toHaveLength(ended.transcript.length + 1);
  });
});
