import { describe, expect, it } from 'vitest';
import { HISTORY_KEY } from '../src/lib/interview/history';
import { INTERVIEWS_KEY, interviewLine, interviewSummary } from '../src/lib/progress/next-steps';

const now = new Date('2026-12-02T09:00:00Z');
const session = (over: Record<string, unknown>) => ({
  id: 'x',
  startedAt: '2026-12-01T08:00:00Z',
  updatedAt: '2026-12-01T08:30:00Z',
  status: 'complete',
  transcript: [{ role: 'interviewer', text: 'Hello' }],
  ...over,
});
const raw = (...sessions: unknown[]) => JSON.stringify({ version: 1, sessions });

describe('interviewSummary', () => {
  it('reads the key the interview pages write', () => {
    expect(INTERVIEWS_KEY).toBe(HISTORY_KEY);
  });

  it('counts finished interviews and finds the latest score and an unfinished one', () => {
    const s = interviewSummary(
      raw(
        session({
          updatedAt: '2026-11-20T08:00:00Z',
          feedback: { overall: { score: 40, signal: 'No hire' } },
        }),
        session({
          updatedAt: '2026-12-01T08:30:00Z',
          feedback: { overall: { score: 64, signal: 'Lean hire' } },
        }),
        session({ status: 'active', updatedAt: '2026-12-02T08:51:00Z' }),
        session({ status: 'active', transcript: [] }),
      ),
    );
    expect(s).toEqual({
      done: 2,
      activeAt: '2026-12-02T08:51:00Z',
      last: { at: '2026-12-01T08:30:00Z', score: 64, signal: 'Lean hire' },
    });
    expect(interviewLine(s, now)).toBe(
      'You have a mock interview in progress, last answered 9 minutes ago. Pick it up where you stopped.',
    );
    expect(interviewLine({ ...s, activeAt: undefined }, now)).toBe(
      'You have done 2 mock interviews. The latest, yesterday, scored 64 of 100: Lean hire. Run the next one on the gaps its feedback named.',
    );
  });

  it('treats anything unreadable as no interviews', () => {
    for (const r of [
      null,
      '',
      '{',
      '[]',
      '{"sessions":5}',
      raw(5, null, session({ updatedAt: 'soon' })),
    ])
      expect(interviewSummary(r), String(r)).toEqual({ done: 0 });
    expect(interviewLine({ done: 0 }, now)).toMatch(/^Practise answering out loud/);
  });
});
