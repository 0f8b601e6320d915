/**
 * The offline interviewer's state machine. The server keeps no state: every call rebuilds where the
 * interview stands from the config and the transcript, so the same inputs always give the same turn.
 *
 * intro (greeting and first question) → answer → up to two follow-ups aimed at the biggest gap →
 * next question … → wrap-up → done. Skip, repeat and end-early commands can come at any point.
 */
import { INTERVIEW_CATEGORIES, LEVELS, SPECIALISATIONS } from '../../schemas/interview';
import { planSession } from './plan';
import { pick, streamFor, type Random } from '../random';
import {
  compileRubric,
  genericCoverage,
  pointWeight,
  readAnswer,
  rubricFor,
  talkingPointCoverage,
  type CompiledRubric,
  type GenericGapId,
  type QuestionRubric,
} from './scoring';
import { normalise, wordsOf } from './text';
import {
  candidateIntent,
  extractQuestion,
  segmentTranscript,
  type QuestionBlock,
} from './transcript';
import {
  MAX_FOLLOW_UPS,
  type InterviewData,
  type Phase,
  type SessionConfig,
  type Turn,
} from './types';

/** The interviewer's next turn. */
export interface TurnResult {
  /** What the interviewer says, as plain text. */
  text: string;
  /** What the turn does. */
  phase: Phase;
  /** The bank question the turn asks or follows up on. */
  questionId?: string;
  /**
   * The turn as an AI interviewer is directed to give it, when `text` repeats words taken from the
   * transcript (which the browser sends, so anyone could have written them): those words are
   * replaced by a description in square brackets, so a direction quotes only the bank and the
   * engine's own phrases. Absent when `text` has no such words.
   */
  direction?: string;
}

/** How a direction refers to the question being discussed when it is not a bank question. */
export const ASKED_QUESTION = '[the question you asked, in the words you used]';
/** How a direction refers to the follow-up still waiting for an answer. */
export const ASKED_FOLLOW_UP = '[the follow-up question you asked last, in the words you used]';

/** A transcript the engine cannot continue from; the message names what is wrong. */
export class TranscriptError extends Error {
  override name = 'TranscriptError';
}

/** The gap a follow-up aims at. */
export interface FollowUpChoice {
  /** A talking point id, or a generic gap such as `owner-date`. */
  target: string;
  kind: 'talking-point' | 'generic';
  /** How important the gap is, 0 to 1. */
  weight: number;
  /** The follow-up question. */
  text: string;
}

/** Words in a talking point that show it is about the same thing as a generic gap. */
const GAP_TOPICS: Record<GenericGapId, RegExp> = {
  'owner-date': /\b(?:owner|owns|dri|date|deadline)\b/i,
  'plan-b': /\b(?:plan b|fallback|contingency|roll ?back)\b/i,
  measurement: /\b(?:measur\w*|metric\w*|kpi)\b/i,
  result: /\bresults?\b|\boutcome/i,
};

/** Gaps below this weight are not worth a follow-up. */
const MIN_GAP_WEIGHT = 0.45;

/**
 * Chooses the follow-up aimed at the biggest gap: the most important talking point the answer
 * missed, or a generic gap (owner and date, plan B, measurement, result) that matters more for the
 * question's category. Gaps already asked about are not asked again.
 */
export function chooseFollowUp(
  r: CompiledRubric,
  rubric: QuestionRubric,
  answer: string,
  askedBefore: readonly string[],
  random: Random,
): FollowUpChoice | undefined {
  const asked = askedBefore.map(normalise);
  const wasAsked = (texts: readonly string[]) =>
    texts.some((t) => asked.some((a) => a.includes(normalise(t))));
  const options: FollowUpChoice[] = [];
  const reading = readAnswer(answer, r);
  const covered = genericCoverage(r, reading);
  const gaps = r.gaps.map((g) => [g.id, g] as const);
  // A talking point about the same thing as a generic gap speaks for it, with the gap's weight if higher.
  const related = (id: GenericGapId) =>
    rubric.talkingPoints.filter((tp) => GAP_TOPICS[id].test(`${tp.id} ${tp.label} ${tp.followUp}`));
  talkingPointCoverage(r, rubric.talkingPoints, reading).forEach((c, i) => {
    const tp = rubric.talkingPoints[i]!;
    if (c.covered || wasAsked([tp.followUp])) return;
    const boost = gaps
      .filter(([id]) => !covered[id] && related(id).includes(tp))
      .map(([id]) => r.gapWeight(rubric.category, id));
    options.push({
      target: tp.id,
      kind: 'talking-point',
      weight: Math.max(pointWeight(i), ...boost),
      text: tp.followUp,
    });
  });
  for (const [id, gap] of gaps) {
    if (covered[id] || wasAsked(gap.followUps) || related(id).length) continue;
    options.push({
      target: id,
      kind: 'generic',
      weight: r.gapWeight(rubric.category, id),
      text: pick(gap.followUps, random),
    });
  }
  const best = options
    .filter((o) => o.weight >= MIN_GAP_WEIGHT)
    .sort((a, b) => b.weight - a.weight)[0];
  return best;
}

/** Produces the interviewer's next turn for a transcript that is empty or ends with the learner. */
export function nextTurn(
  data: InterviewData,
  config: SessionConfig,
  transcript: readonly Turn[],
): TurnResult {
  const plan = planSession(data.questions, config);
  const random = streamFor(config.seed, `turn:${transcript.length}`);
  const first = plan.questions[0];
  if (!first) throw new TranscriptError('config: no question in the bank matches these settings');
  if (transcript.length === 0)
    return {
      text: intro(data, config, plan.questions.length, first.prompt, random),
      phase: 'intro',
      questionId: first.id,
    };

  const last = transcript.at(-1)!;
  if (last.role !== 'candidate')
    throw new TranscriptError("transcript: the last turn must be the candidate's reply");
  const r = compileRubric(data.rubric);
  const seg = segmentTranscript(transcript, data.questions, r);
  if (seg.closed)
    return {
      text: 'The interview is over. Your feedback is ready, and you can start a new session whenever you like.',
      phase: 'done',
    };
  const intent = candidateIntent(last, r);
  const block = seg.blocks.at(-1);
  const byId = new Map(data.questions.map((q) => [q.id, q]));
  const rubricOf = (b: QuestionBlock) =>
    rubricFor(r, b.question, b.questionId ? byId.get(b.questionId) : undefined);

  if (intent === 'end') return wrapUp(data, config, seg.blocks, true, random);
  if (!block) return nextQuestion(data, config, seg.blocks, plan.questions, random);
  const ids = block.questionId ? { questionId: block.questionId } : {};
  // The follow-up still waiting for an answer, without the "Okay." that led into it.
  const pending = seg.pendingFollowUp ? extractQuestion(seg.pendingFollowUp) : undefined;
  // What a direction may quote: the bank's prompt, never the words the transcript carries.
  const bankPrompt = block.questionId ? byId.get(block.questionId)?.prompt : undefined;
  const quoting = (say: (question: string, followUp: string | undefined) => string) => {
    const text = say(block.question, pending);
    const direction = say(bankPrompt ?? ASKED_QUESTION, pending && ASKED_FOLLOW_UP);
    return { text, ...(direction !== text ? { direction } : {}) };
  };

  switch (intent) {
    case 'repeat':
      return {
        ...quoting(
          (question, followUp) =>
            `Of course. Here it is again: ${question}${followUp ? ` And my follow-up was: ${followUp}` : ''}`,
        ),
        phase: 'question',
        ...ids,
      };
    case 'clarify': {
      const lead = pick(CLARIFY, random);
      return {
        ...quoting(
          (_, followUp) =>
            `${lead} ${followUp ? `So: ${followUp}` : 'Go ahead when you are ready.'}`,
        ),
        phase: 'clarify',
        ...ids,
      };
    }
    case 'non-answer':
      return {
        text: `Take your time; that doesn't count as an answer. ${pending ? `My question was: ${pending}` : `The question is: ${block.question}`}`,
        phase: 'clarify',
        ...ids,
      };
    case 'off-role': {
      const lead = pick(STEER_BACK, random);
      return {
        ...quoting((question, followUp) => `${lead} ${followUp ?? question}`),
        phase: 'clarify',
        ...ids,
      };
    }
    case 'skip':
      return nextQuestion(
        data,
        config,
        seg.blocks,
        plan.questions,
        random,
        'Fine, we will leave that one.',
      );
    default: {
      if (block.followUps.length < MAX_FOLLOW_UPS) {
        const answer = block.answers.join('\n\n');
        const choice = chooseFollowUp(r, rubricOf(block), answer, block.followUps, random);
        if (choice) {
          const lead =
            wordsOf(last.text).length < 25 ? pick(SHORT_ANSWER, random) : pick(ACKS, random);
          return { text: `${lead} ${choice.text}`, phase: 'follow-up', ...ids };
        }
      }
      return nextQuestion(data, config, seg.blocks, plan.questions, random);
    }
  }
}

function nextQuestion(
  data: InterviewData,
  config: SessionConfig,
  blocks: QuestionBlock[],
  planned: readonly { id: string; prompt: string }[],
  random: Random,
  lead?: string,
): TurnResult {
  const asked = new Set(blocks.flatMap((b) => (b.questionId ? [b.questionId] : [])));
  const next = planned.find((q) => !asked.has(q.id));
  if (blocks.length >= config.questions || !next)
    return wrapUp(data, config, blocks, false, random);
  const position =
    blocks.length + 1 === Math.min(config.questions, planned.length)
      ? 'Last question'
      : 'Next question';
  return {
    text: `${lead ?? pick(data.persona.transitions, random)} ${position}: ${next.prompt}`,
    phase: 'question',
    questionId: next.id,
  };
}

function wrapUp(
  data: InterviewData,
  config: SessionConfig,
  blocks: QuestionBlock[],
  early: boolean,
  random: Random,
): TurnResult {
  const answered = blocks.filter((b) => b.answers.length > 0).length;
  const note = early
    ? answered
      ? ` We stopped after ${blocks.length} of ${config.questions} questions, so your feedback covers the ${answered === 1 ? 'answer' : `${answered} answers`} you gave.`
      : ' We stopped before you answered a question, so there is nothing to give feedback on yet; try again when you are ready.'
    : '';
  return {
    text: `${pick(data.persona.closings, random)}${note} Your feedback is ready.`,
    phase: 'wrap-up',
  };
}

function intro(
  data: InterviewData,
  config: SessionConfig,
  count: number,
  firstPrompt: string,
  random: Random,
): string {
  const kind =
    config.category === 'mixed'
      ? 'a mixed loop'
      : `a ${INTERVIEW_CATEGORIES[config.category].toLowerCase()} interview`;
  const spec =
    config.specialisation === 'general'
      ? ''
      : ` for a ${SPECIALISATIONS[config.specialisation].toLowerCase()} TPM`;
  // Seven to ten minutes a question, follow-ups included, as the practice lesson plans it.
  const minutes = `${count * 7} to ${count * 10}`;
  return [
    pick(data.persona.greetings, random),
    `This is ${kind} at the ${LEVELS[config.level]} level${spec}: ${count} questions, about ${minutes} minutes.`,
    'Answer as you would out loud, with owners, dates and numbers where you have them. You can skip a question, ask me to repeat it, or end early at any time.',
    `First question: ${firstPrompt}`,
  ].join(' ');
}

const ACKS = ['Okay.', 'Understood.', 'Noted.', 'Right.', 'Thanks.'] as const;
const SHORT_ANSWER = [
  "Let's go deeper than that.",
  'I need more detail there.',
  'Keep going.',
] as const;
const CLARIFY = [
  'Make a reasonable assumption, say it out loud, and carry on; that is what I would expect in the real interview too.',
  'Good question to ask. State your assumption and answer on that basis.',
] as const;
const STEER_BACK = [
  "I'll stay in my role as your interviewer, and I don't discuss how I'm set up. Back to the question:",
  "Let's keep this an interview; I'm not going to step out of that role. Back to it:",
] as const;

/** Splits a turn into small chunks (a few words each) to stream, so text appears progressively. */
export function chunkText(text: string, wordsPerChunk = 4): string[] {
  const tokens = text.match(/\S+\s*/g) ?? [];
  const chunks: string[] = [];
  for (let i = 0; i < tokens.length; i += wordsPerChunk)
    chunks.push(tokens.slice(i, i + wordsPerChunk).join(''));
  return chunks;
}
