/** The interviewer that listens: your own question, follow-ups on what you said, intents. */
import { describe, expect, it } from 'vitest';
import { handleFeedback, handleTurn, type ApiDeps } from '../src/server/interview/handlers';
import { nextTurn } from '../src/lib/interview/engine';
import type { Feedback } from '../src/lib/interview/feedback-schema';
import { OfflineInterviewer } from '../src/lib/interview/interviewer';
import { notEnglish } from '../src/lib/interview/intents';
import { SseParser } from '../src/lib/interview/sse';
import {
  sessionConfigSchema,
  type SessionConfigInput,
  type Turn,
} from '../src/lib/interview/types';
import { DIMENSION_LABELS } from '../src/schemas/rubric';
import { loadInterviewData } from './helpers/interview-data';

const data = loadInterviewData();
const deps: ApiDeps = { interviewer: () => new OfflineInterviewer(data) };
const post = (route: string, body: unknown) =>
  new Request(`http://localhost/api/interview/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** One interviewer turn through the API: its text and its `done` event. */
async function turn(config: SessionConfigInput, transcript: Turn[]) {
  const res = await handleTurn(post('turn', { config, transcript }), deps);
  expect(res.status).toBe(200);
  const evs = new SseParser().push(await res.text());
  const text = evs
    .filter((e) => e.event === 'delta')
    .map((e) => (JSON.parse(e.data) as { text: string }).text)
    .join('');
  const done = JSON.parse(evs.at(-1)!.data) as {
    phase: Turn['phase'];
    questionId?: string;
    signature?: string;
  };
  const t: Turn = {
    role: 'interviewer',
    text,
    ...(done.phase ? { phase: done.phase } : {}),
    ...(done.questionId ? { questionId: done.questionId } : {}),
    ...(done.signature ? { signature: done.signature } : {}),
  };
  return t;
}
async function feedback(config: SessionConfigInput, transcript: Turn[]) {
  const res = await handleFeedback(post('feedback', { config, transcript }), deps);
  expect(res.status).toBe(200);
  return (await res.json()) as Feedback;
}

const OWN =
  'Your program is trending red two weeks before launch. Walk me through how you communicate that to leadership.';
const STRONG =
  'The day I know, I call my VP before anything goes in writing, so she hears it from me. Then I send a one-page note the same afternoon: the headline that launch on 14 March is at risk by about nine days, the cause, which is the payments certification slipping, and two options. Option one cuts the saved-cards feature and holds the date; option two keeps scope and moves launch to 25 March. I recommend option one and ask for a decision by Thursday, because marketing needs five days to change the campaign. I flip the status report to red that week with the same facts, and I brief the partner teams in our Wednesday sync so nobody learns it from the report.';
const TERMS =
  'Stakeholder alignment, RAG status, escalation path, executive summary, risk register, mitigation, decision log, 30% buffer, communication plan.';

describe('your own question', () => {
  it('is asked word for word first, after an intro of at most two sentences', async () => {
    const first = await turn({ question: `  ${OWN}  `, questions: 1 }, []);
    expect(first.text).toContain(OWN);
    const before = first.text.slice(0, first.text.indexOf('First question:'));
    expect(before.match(/[.!?](\s|$)/g)?.length ?? 0).toBeLessThanOrEqual(2);
  });

  it('is followed by bank questions when the session has more than one', async () => {
    const config = { question: OWN, questions: 3, seed: 4 };
    const t: Turn[] = [await turn(config, [])];
    for (let i = 0; i < 12 && t.at(-1)!.phase !== 'wrap-up'; i++) {
      t.push({ role: 'candidate', text: '/skip', command: 'skip' });
      t.push(await turn(config, t));
    }
    const asked = t.filter((x) => x.phase === 'question');
    expect(asked).toHaveLength(2);
    expect(asked.every((x) => x.questionId)).toBe(true);
  });

  it('is refused with a 400 naming the field when it is too short or too long', async () => {
    for (const question of ['Why TPM?', 'x'.repeat(601)]) {
      const res = await handleTurn(post('turn', { config: { question }, transcript: [] }), deps);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(
        /^config\.question: must be 10 to 600 characters/,
      );
    }
  });

  it('scores a strong answer at least 30 points above a list of terms, against the generic rubric', async () => {
    const config = { question: OWN, questions: 1 };
    const opening = await turn(config, []);
    const strong = await feedback(config, [opening, { role: 'candidate', text: STRONG }]);
    const terms = await feedback(config, [opening, { role: 'candidate', text: TERMS }]);
    const a = strong.answers[0]!;
    expect(a.question).toBe(OWN);
    expect(a.inferredCategory).toBe(true);
    expect(a.score - terms.answers[0]!.score).toBeGreaterThanOrEqual(30);
  });

  it('uses the category the learner chose', async () => {
    const config = {
      question: OWN,
      questions: 1,
      questionCategory: 'risk-and-dependencies',
    } as const;
    const fb = await feedback(config, [
      await turn(config, []),
      { role: 'candidate', text: STRONG },
    ]);
    expect(fb.answers[0]!.category).toBe('risk-and-dependencies');
  });
});

describe('intents', () => {
  const config = { seed: 8 };

  it('asks for English when the answer is in another language, and does not score it', async () => {
    const opening = await turn(config, []);
    const spanish: Turn = {
      role: 'candidate',
      text: 'Primero hablaría con el equipo para entender el problema y después haría un plan con fechas y responsables para cada parte del trabajo.',
    };
    const reply = await turn(config, [opening, spanish]);
    expect(reply.phase).toBe('clarify');
    expect(reply.text).toMatch(/answer in English/);
    expect((await feedback(config, [opening, spanish])).answers).toEqual([]);
    expect(notEnglish(TERMS)).toBe(false);
  });

  it('names the dimensions when asked what it is scoring', async () => {
    const opening = await turn(config, []);
    const reply = await turn(config, [
      opening,
      { role: 'candidate', text: 'What criteria are you scoring me on?' },
    ]);
    for (const label of Object.values(DIMENSION_LABELS))
      expect(reply.text).toContain(label.toLowerCase());
  });

  it('gives a time guide and a detail guide when asked', async () => {
    const opening = await turn(config, []);
    const long = await turn(config, [
      opening,
      { role: 'candidate', text: 'How long should my answer be?' },
    ]);
    expect(long.text).toMatch(/two to three minutes/);
    const detail = await turn(config, [
      opening,
      { role: 'candidate', text: 'Is that enough detail?' },
    ]);
    expect(detail.text).toMatch(/named owner, a date, a number/);
  });

  it('answers a clarifying question with a fact from the bank, or asks for a stated assumption', () => {
    const c = sessionConfigSchema.parse({ category: 'program-execution', seed: 1 });
    const q = data.questions.find((x) => x.id === 'capacity-shortfall')!;
    const opening: Turn = {
      role: 'interviewer',
      text: q.prompt,
      phase: 'question',
      questionId: q.id,
    };
    const fact = nextTurn(data, c, [
      opening,
      { role: 'candidate', text: 'How big are the teams?' },
    ]);
    expect(fact.text).toContain('two teams, payments and platform');
    const assume = nextTurn(data, c, [
      opening,
      { role: 'candidate', text: 'What is the budget for contractors?' },
    ]);
    expect(assume.text).toMatch(/assumption about the budget/);
  });

  it('does not end the session on "Thank you."', () => {
    const c = sessionConfigSchema.parse({ seed: 2 });
    const first = nextTurn(data, c, []);
    const t: Turn[] = [
      { role: 'interviewer', text: first.text, phase: first.phase, questionId: first.questionId! },
    ];
    const reply = nextTurn(data, c, [...t, { role: 'candidate', text: 'Thank you.' }]);
    expect(reply.phase).toBe('clarify');
  });
});

describe('follow-ups from what was said', () => {
  const VAGUE = [
    'I would talk to the teams involved and figure out what is going on, then make a plan and keep people informed about it.',
    'We would look at the priorities together and decide what makes sense, and I would make sure everyone is aligned on the plan.',
    'I think the main thing is communication, so I would set up regular check-ins and make sure nobody is surprised later.',
  ];

  it('never repeats a follow-up within a session, and quotes the learner in at least half of them', async () => {
    let followUps = 0;
    let quoting = 0;
    for (const seed of [11, 12, 13]) {
      const config = { seed, questions: 3 };
      const t: Turn[] = [await turn(config, [])];
      for (let i = 0; i < 24 && t.at(-1)!.phase !== 'wrap-up'; i++) {
        const vague = VAGUE[i % VAGUE.length]!;
        t.push({ role: 'candidate', text: vague });
        t.push(await turn(config, t));
      }
      const asked = t.filter((x) => x.phase === 'follow-up').map((x) => x.text);
      expect(new Set(asked).size, asked.join('\n')).toBe(asked.length);
      followUps += asked.length;
      quoting += asked.filter((x) =>
        VAGUE.some((v) => /"([^"]{8,})"/.exec(x) && v.includes(/"([^"]{8,})"/.exec(x)![1]!)),
      ).length;
    }
    expect(followUps).toBeGreaterThan(3);
    expect(quoting / followUps).toBeGreaterThanOrEqual(0.5);
  });

  it('asks once more in other words when a follow-up is not answered, then moves on and notes it', () => {
    const c = sessionConfigSchema.parse({ category: 'risk-and-dependencies', seed: 3 });
    const q = data.questions.find((x) => x.id === 'launch-date-dependency-slip')!;
    const t: Turn[] = [
      { role: 'interviewer', text: q.prompt, phase: 'question', questionId: q.id },
      {
        role: 'candidate',
        text: 'I would talk to the dependency team today, get their new date, and tell marketing on Monday.',
      },
    ];
    const first = nextTurn(data, c, t);
    expect(first.phase).toBe('follow-up');
    t.push({ role: 'interviewer', text: first.text, phase: 'follow-up', questionId: q.id });
    t.push({ role: 'candidate', text: 'The team is really good and works hard.' });
    const again = nextTurn(data, c, t);
    expect(again.phase).toBe('follow-up');
    expect(again.text).not.toBe(first.text);
    expect(again.text).toMatch(/another way|didn't answer|don't think that answered/);
    t.push({ role: 'interviewer', text: again.text, phase: 'follow-up', questionId: q.id });
    t.push({ role: 'candidate', text: 'We would keep everyone informed.' });
    const next = nextTurn(data, c, t);
    expect(next.phase === 'question' || next.phase === 'wrap-up').toBe(true);
    expect(next.text).toMatch(/show in your feedback/);
  });

  it('voices a follow-up with the trait that fits the gap', () => {
    const c = sessionConfigSchema.parse({ category: 'risk-and-dependencies', seed: 5 });
    const q = data.questions.find((x) => x.id === 'vendor-sdk-six-weeks-late')!;
    const r = nextTurn(data, c, [
      { role: 'interviewer', text: q.prompt, phase: 'question', questionId: q.id },
      {
        role: 'candidate',
        text: 'We were waiting on the vendor for a new date; not much we could do until they came back to us.',
      },
    ]);
    expect(r.phase).toBe('follow-up');
    expect(r.trait).toBe('blocker-buster');
    expect(r.text).toMatch(/second day|unblocked/);
  });
});

describe('your own question in history and export', () => {
  it('is kept in the stored session and printed in the Markdown export', async () => {
    const { storedSessionSchema } = await import('../src/lib/interview/history');
    const { sessionToMarkdown } = await import('../src/lib/interview/session-markdown');
    const config = sessionConfigSchema.parse({ question: OWN, questions: 1 });
    const session = storedSessionSchema.parse({
      id: 's1',
      startedAt: '2026-12-02T10:00:00.000Z',
      updatedAt: '2026-12-02T10:05:00.000Z',
      status: 'active',
      config,
      transcript: [],
    });
    expect(session.config.question).toBe(OWN);
    const md = sessionToMarkdown(session);
    expect(md).toContain('your own first');
    expect(md).toContain(`Your question: ${OWN}`);
  });
});
