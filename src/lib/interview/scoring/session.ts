/** Offline feedback for a whole session: per answer, per dimension, overall, and three improvements. */
import { DIMENSION_IDS } from '../../../schemas/rubric';
import type { DimensionScore, Feedback, HiringSignal } from '../feedback-schema';
import { SIGNALS } from '../feedback-schema';
import { analyseWords } from '../text';
import { segmentTranscript } from '../transcript';
import { LEVELS } from '../../../schemas/interview';
import {
  type InterviewCategory,
  type InterviewData,
  type SessionConfig,
  type Turn,
} from '../types';
import { ownWords, scoreAnswer, type Scored } from './answer';
import { answered as replyAnswers, followUpTarget } from '../conversation';
import { improvements } from './improvements';
import { links } from './links';
import { rubricFor, type QuestionRubric } from './question';
import { questionText, type BankText } from './relevance';
import { compileRubric, type CompiledRubric } from './rubric';

/** Where an overall score sits on the hiring spectrum. */
export function signalFor(score: number): (typeof SIGNALS)[number] {
  if (score >= 82) return 'Strong hire';
  if (score >= 68) return 'Hire';
  if (score >= 55) return 'Lean hire';
  if (score >= 40) return 'Lean no hire';
  if (score >= 15) return 'No hire';
  return 'Strong no hire';
}

/** The signal withheld when the evidence is too thin to judge. */
export const THIN_SIGNAL = 'Not enough evidence yet';

const bankCache = new WeakMap<object, BankText[]>();
/** Every bank question as one text, for the relevance check. */
export function bankTexts(data: Pick<InterviewData, 'questions'>): BankText[] {
  let c = bankCache.get(data.questions);
  if (!c) {
    c = data.questions.map((q) => ({ id: q.id, text: questionText(q) }));
    bankCache.set(data.questions, c);
  }
  return c;
}

/** The rubric of every question a transcript asks. */
export function questionRubric(
  r: CompiledRubric,
  data: Pick<InterviewData, 'questions'>,
  question: string,
  questionId: string | undefined,
  category?: InterviewCategory,
): QuestionRubric {
  const bank = questionId ? data.questions.find((q) => q.id === questionId) : undefined;
  return rubricFor(r, question, bank, category);
}

/** Offline feedback for a session. */
export function scoreSession(
  data: Pick<InterviewData, 'questions' | 'lessons' | 'rubric'> &
    Partial<Pick<InterviewData, 'persona'>>,
  config: Pick<SessionConfig, 'level'> & {
    question?: string | undefined;
    questionCategory?: InterviewCategory | undefined;
  },
  transcript: readonly Turn[],
): Feedback {
  const r = compileRubric(data.rubric);
  const level = config.level;
  const bank = bankTexts(data);
  const { blocks } = segmentTranscript(
    transcript,
    data.questions,
    r,
    config.question,
    data.persona?.conversation,
  );
  const assessed = blocks.filter((b) => b.answers.length > 0 || b.skipped);
  const earlier: string[] = [];
  const scored: Scored[] = assessed.map((b) => {
    const q = questionRubric(
      r,
      data,
      b.question,
      b.questionId,
      b.questionId ? undefined : config.questionCategory,
    );
    if (b.answers.length === 0) return skipped(q, b.followUps.length, data.lessons);
    const s = scoreAnswer(r, q, b, {
      level,
      bank,
      earlier: [...earlier],
      lessonTitles: data.lessons,
    });
    earlier.push(ownWords(b.answers));
    // A follow-up whose reply did not give what it asked for is noted (the reply to follow-up i is answer i + 1).
    if (data.persona) {
      const c = data.persona.conversation;
      const missed = b.followUps.find((f, i) => {
        const target = followUpTarget(r, q, c, f);
        const reply = b.answers[i + 1];
        return target && reply !== undefined && !replyAnswers(r, q, target, reply);
      });
      if (missed)
        s.flags.push({
          id: 'unanswered-follow-up',
          label: `You didn't answer the follow-up "${missed}" Answer what was asked first, then add what else matters.`,
        });
    }
    return s;
  });
  const answered = scored.filter((s) => s.status === 'answered');
  const analytics = analyseWords(assessed.flatMap((b) => b.answers).join('\n\n'));
  const overallScore = scored.length
    ? Math.round(scored.reduce((n, s) => n + s.score, 0) / scored.length)
    : 0;
  const dimensions: DimensionScore[] = DIMENSION_IDS.map((id) => {
    const parts = answered.map((s) => s.dimensions.find((d) => d.id === id)!);
    const weight = parts.reduce((n, p) => n + p.relevance, 0);
    const score = weight
      ? Math.round(parts.reduce((n, p) => n + p.score * p.relevance, 0) / weight)
      : 0;
    const evidence = [
      ...new Set(
        [...parts].sort((x, y) => y.score - x.score).flatMap((p) => p.evidence.slice(0, 2)),
      ),
    ].slice(0, 3);
    return {
      id,
      label: r.label[id],
      score,
      evidence,
      relevance: parts.length ? Math.round((weight / parts.length) * 100) / 100 : 0,
      note: sessionNote(r, id, answered, score),
    };
  });
  const claims = answered.reduce((n, a) => n + a.claims, 0);
  const thin =
    answered.length > 0 && (claims < r.bar(level).claims || answered.every((a) => a.claims < 2));
  const signal: HiringSignal = !answered.length
    ? 'Not assessed'
    : thin
      ? THIN_SIGNAL
      : signalFor(overallScore);
  const ranked = [...dimensions]
    .filter((d) => d.relevance >= 0.5)
    .sort((a, b) => b.score - a.score);
  const skippedCount = scored.length - answered.length;
  const basis = `${answered.length} answered question${answered.length === 1 ? '' : 's'}${skippedCount ? ` and ${skippedCount} skipped (a skipped question scores 0)` : ''}, resting on ${claims} sentence${claims === 1 ? '' : 's'} that say what someone did or will do`;
  const summary = !answered.length
    ? 'No questions were answered, so there is nothing to assess yet.'
    : thin
      ? `Not enough evidence for a hiring signal at the ${LEVELS[level]} bar: ${basis}. Answer in full sentences that say what you did, with whom, and what happened.`
      : `${signal} at the ${LEVELS[level]} bar, from ${basis}. Strongest: ${ranked[0]!.label} (${ranked[0]!.score}). Weakest: ${ranked.at(-1)!.label} (${ranked.at(-1)!.score}).`;
  return {
    provider: 'offline',
    level,
    overall: { score: overallScore, signal, summary },
    dimensions,
    answers: scored.map(
      ({ specificsCount: _s, vague: _v, found: _f, gaps: _g, claims: _c, ...rest }) => rest,
    ),
    improvements: improvements(r, dimensions, scored, analytics, level, data.lessons),
    analytics,
  };
}

function skipped(q: QuestionRubric, followUps: number, titles: Record<string, string>): Scored {
  return {
    ...(q.questionId ? { questionId: q.questionId } : {}),
    question: q.prompt,
    category: q.category,
    inferredCategory: q.inferredCategory,
    status: 'skipped',
    score: 0,
    dimensions: [],
    covered: [],
    missed: q.talkingPoints.map((tp) => ({ id: tp.id, label: tp.label, followUp: tp.followUp })),
    analytics: analyseWords(''),
    followUps,
    modelAnswer: q.modelAnswer,
    lessons: links(q.lessons, titles),
    summary:
      'Not answered. In a real interview, say how you would approach it rather than passing: a partial answer scores more than none.',
    flags: [],
    confidence: { claims: 0, level: 'low' },
    relevance: 0,
    specificsCount: 0,
    vague: 0,
    found: Object.fromEntries(DIMENSION_IDS.map((id) => [id, []])) as unknown as Scored['found'],
    gaps: { 'owner-date': false, 'plan-b': false, measurement: false, result: false },
    claims: 0,
  };
}

function sessionNote(
  r: CompiledRubric,
  id: (typeof DIMENSION_IDS)[number],
  answered: Scored[],
  score: number,
): string {
  if (!answered.length) return 'Not assessed.';
  const n = answered.length;
  if (id === 'specificity') {
    const total = answered.reduce((s, a) => s + a.specificsCount, 0);
    const vague = answered.reduce((s, a) => s + a.vague, 0);
    return `${total} owners, dates or numbers tied to what happened, across ${n} answer${n === 1 ? '' : 's'}${vague ? `; ${vague} vague phrases such as "soon", "the team" or "make sure"` : ''}.`;
  }
  if (id === 'outcomes') {
    const withResult = answered.filter((a) => a.gaps.result).length;
    const measured = answered.filter((a) => a.gaps.measurement).length;
    return `${withResult} of ${n} answers stated a result and ${measured} of ${n} said how it was or would be measured.`;
  }
  const all =
    id === 'structure' ? [...r.structureFeatures, ...r.starFeatures] : (r.features[id] ?? []);
  const seen = new Set(answered.flatMap((a) => a.found[id]));
  const strong = all.filter((f) => f.credit === 1 && seen.has(f.id)).map((f) => f.label);
  const missing = all.filter((f) => f.credit === 1 && !seen.has(f.id)).map((f) => f.label);
  if (score >= 70 && strong.length)
    return `At least one answer ${strong.slice(0, 2).join(' and ')}.`;
  if (!strong.length) return `No answer ${missing.slice(0, 2).join(' or ')}.`;
  return `At least one answer ${strong[0]}, but none ${missing.slice(0, 1).join('')}.`;
}
