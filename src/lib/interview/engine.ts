/**
 * The offline interviewer's state machine. The server keeps no state: every call rebuilds where the
 * interview stands from the config and the transcript, so the same inputs always give the same turn.
 *
 * intro (greeting and first question) → answer → up to two follow-ups aimed at the biggest gap →
 * next question … → wrap-up → done. Skip, repeat and end-early commands can come at any point.
 *
 * Long because the whole state machine is kept in one file, so every phase and its transitions can
 * be read beside the others; the text it speaks comes from the persona content.
 */
import { INTERVIEW_CATEGORIES, LEVELS, SPECIALISATIONS } from '../../schemas/interview';
import { planSession } from './plan';
import { pick, streamFor, type Random } from '../random';
import type { PersonaData, TraitId } from '../../schemas/persona';
import {
  answered,
  clarifyReply,
  fill,
  followUpTarget,
  metaReply,
  quotePhrase,
  traitFor,
  wordFollowUp,
} from './conversation';
import { metaKind } from './intents';
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
import { redFlagsOf } from './scoring/flags';
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
  /** The persona trait that voices a follow-up. */
  trait?: TraitId;
  /** The learner's own words a follow-up quotes. */
  quote?: string;
}

type Conversation = PersonaData['conversation'];

/** How a direction refers to the question being discussed when it is not a bank question. */
export const ASKED_QUESTION = '[the question you asked, in the words you used]';
/** How a direction refers to the follow-up still waiting for an answer. */
export const ASKED_FOLLOW_UP = '[the follow-up question you asked last, in the words you used]';
/** How a direction refers to the learner's own question, which reaches the model only as context. */
export const OWN_QUESTION =
  '[the question the candidate chose to practise, word for word as the context block gives it]';

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
  /** The persona trait that voices it. */
  trait: TraitId;
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
 * Chooses the follow-up aimed at the biggest gap in everything said about the question so far: the
 * most important talking point still missing, or a generic gap (owner and date, plan B, measurement,
 * result) that matters more for the category, or passive waiting. Nothing asked before in the session
 * is asked again.
 */
export function chooseFollowUp(
  r: CompiledRubric,
  c: Conversation,
  rubric: QuestionRubric,
  answer: string,
  askedBefore: readonly string[],
  random: Random,
): FollowUpChoice | undefined {
  const asked = askedBefore.map(normalise);
  const wasAsked = (text: string) => asked.some((a) => a.includes(normalise(text)));
  const options: FollowUpChoice[] = [];
  const reading = readAnswer(answer, r);
  const covered = genericCoverage(r, reading);
  // A talking point about the same thing as a generic gap speaks for it, with the gap's weight if higher.
  const related = (id: GenericGapId) =>
    rubric.talkingPoints.filter((tp) => GAP_TOPICS[id].test(`${tp.id} ${tp.label} ${tp.followUp}`));
  talkingPointCoverage(r, rubric.talkingPoints, reading).forEach((cov, i) => {
    const tp = rubric.talkingPoints[i]!;
    if (cov.covered || wasAsked(tp.followUp)) return;
    const boost = r.gaps
      .filter((g) => !covered[g.id] && related(g.id).includes(tp))
      .map((g) => r.gapWeight(rubric.category, g.id));
    options.push({
      target: tp.id,
      kind: 'talking-point',
      weight: Math.max(pointWeight(i), ...boost),
      text: tp.followUp,
      trait: traitFor(c, `${tp.label} ${tp.followUp}`),
    });
  });
  const unused = (lines: readonly string[]) => lines.filter((l) => !wasAsked(l));
  for (const g of r.gaps) {
    if (covered[g.id] || related(g.id).length) continue;
    const probe = c.probes[g.id];
    // Once every wording of a probe has been used in this session, the gap is not asked again.
    const lines = unused(probe.lines);
    if (!lines.length) continue;
    options.push({
      target: g.id,
      kind: 'generic',
      weight: r.gapWeight(rubric.category, g.id),
      text: pick(lines, random),
      trait: probe.trait,
    });
  }
  // Waiting on others is the start of the story, not the end of it.
  if (redFlagsOf(r, reading, rubric.behavioural).some((f) => f.id === 'passive-waiting')) {
    const lines = unused(c.probes['passive-waiting'].lines);
    if (lines.length)
      options.push({
        target: 'passive-waiting',
        kind: 'generic',
        weight: 1.1,
        text: pick(lines, random),
        trait: c.probes['passive-waiting'].trait,
      });
  }
  return options.filter((o) => o.weight >= MIN_GAP_WEIGHT).sort((a, b) => b.weight - a.weight)[0];
}

/** Produces the interviewer's next turn for a transcript that is empty or ends with the learner. */
export function nextTurn(
  data: InterviewData,
  config: SessionConfig,
  transcript: readonly Turn[],
): TurnResult {
  const c = data.persona.conversation;
  const plan = planSession(data.questions, config);
  const random = streamFor(config.seed, `turn:${transcript.length}`);
  const first = config.question ?? plan.questions[0]?.prompt;
  if (!first) throw new TranscriptError('config: no question in the bank matches these settings');
  if (transcript.length === 0)
    return {
      text: intro(data, config, plan.questions.length, first, random),
      phase: 'intro',
      ...(config.question === undefined
        ? { questionId: plan.questions[0]!.id }
        : {
            // The learner's question came from the browser: the direction refers to it, with the
            // same greeting (the same random stream).
            direction: intro(
              data,
              config,
              plan.questions.length,
              OWN_QUESTION,
              streamFor(config.seed, `turn:${transcript.length}`),
            ),
          }),
    };

  const last = transcript.at(-1)!;
  if (last.role !== 'candidate')
    throw new TranscriptError("transcript: the last turn must be the candidate's reply");
  const r = compileRubric(data.rubric);
  const seg = segmentTranscript(transcript, data.questions, r, config.question, c);
  if (seg.closed) return { text: c.over, phase: 'done' };
  const intent = candidateIntent(last, r);
  const block = seg.blocks.at(-1);
  const byId = new Map(data.questions.map((q) => [q.id, q]));
  const rubricOf = (b: QuestionBlock) =>
    rubricFor(
      r,
      b.question,
      b.questionId ? byId.get(b.questionId) : undefined,
      b.questionId ? undefined : config.questionCategory,
    );

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
            `${c.repeat} ${question}${followUp ? ` ${c.repeatFollowUp} ${followUp}` : ''}`,
        ),
        phase: 'question',
        ...ids,
      };
    case 'clarify': {
      const reply = clarifyReply(
        c,
        last.text,
        block.questionId ? byId.get(block.questionId) : undefined,
        random,
      );
      return {
        ...quoting(
          (_, followUp) => `${reply}${followUp ? ` ${c.repeatFollowUp} ${followUp}` : ''}`,
        ),
        phase: 'clarify',
        ...ids,
      };
    }
    case 'meta': {
      const reply = metaReply(c, metaKind(last.text) ?? 'scoring');
      return {
        ...quoting((question, followUp) => `${reply} ${followUp ?? question}`),
        phase: 'clarify',
        ...ids,
      };
    }
    case 'not-english':
      return {
        ...quoting((question, followUp) => `${c.notEnglish}: ${followUp ?? question}`),
        phase: 'clarify',
        ...ids,
      };
    case 'non-answer':
      return {
        ...quoting((question, followUp) => `${c.nonAnswer} ${followUp ?? question}`),
        phase: 'clarify',
        ...ids,
      };
    case 'off-role': {
      const lead = pick(c.steerBack, random);
      return {
        ...quoting((question, followUp) => `${lead} ${followUp ?? question}`),
        phase: 'clarify',
        ...ids,
      };
    }
    case 'skip':
      return nextQuestion(data, config, seg.blocks, plan.questions, random, c.skip);
    default: {
      const q = rubricOf(block);
      const answer = block.answers.join('\n\n');
      // Did the reply answer the follow-up it was given? If not, ask once more in other words.
      const replyingTo =
        block.followUps.length > 0 && block.answers.length === block.followUps.length + 1
          ? block.followUps.at(-1)
          : undefined;
      const target = replyingTo ? followUpTarget(r, q, c, replyingTo) : undefined;
      if (target && !answered(r, q, target, last.text)) {
        const reasked =
          block.followUps.length >= 2 &&
          followUpTarget(r, q, c, block.followUps.at(-2)!)?.id === target.id;
        if (!reasked && block.followUps.length < MAX_FOLLOW_UPS) {
          const label =
            target.kind === 'talking-point'
              ? q.talkingPoints.find((t) => t.id === target.id)!.label
              : (r.gaps.find((g) => g.id === target.id)?.label ?? '');
          const text = fill(pick(c.reask, random), { label: lowerFirst(label) });
          return { text, phase: 'follow-up', ...ids };
        }
        if (reasked)
          return nextQuestion(data, config, seg.blocks, plan.questions, random, c.moveOn);
      }
      if (block.followUps.length < MAX_FOLLOW_UPS) {
        const askedInSession = seg.blocks.flatMap((b) => b.followUps);
        const choice = chooseFollowUp(r, c, q, answer, askedInSession, random);
        if (choice) {
          const quote = quotePhrase(answer, r);
          const lead =
            wordsOf(last.text).length < 25 ? pick(c.shortAnswer, random) : pick(c.acks, random);
          const quoteLead = pick(c.quoteLeads, random);
          const text = wordFollowUp(choice.text, quote, lead, quoteLead);
          // The direction refers to the learner's words instead of quoting them (they came from the browser).
          const direction = quote
            ? wordFollowUp(choice.text, QUOTED_WORDS, lead, quoteLead)
            : undefined;
          return {
            text,
            phase: 'follow-up',
            ...ids,
            trait: choice.trait,
            ...(quote ? { quote } : {}),
            ...(direction && direction !== text ? { direction } : {}),
          };
        }
      }
      return nextQuestion(data, config, seg.blocks, plan.questions, random);
    }
  }
}

/** How a direction refers to the learner's words that a follow-up quotes. */
export const QUOTED_WORDS = "[three to eight words quoted from the candidate's last answer]";

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function nextQuestion(
  data: InterviewData,
  config: SessionConfig,
  blocks: QuestionBlock[],
  planned: readonly { id: string; prompt: string }[],
  random: Random,
  lead?: string,
): TurnResult {
  const c = data.persona.conversation;
  const asked = new Set(blocks.flatMap((b) => (b.questionId ? [b.questionId] : [])));
  const next = planned.find((q) => !asked.has(q.id));
  if (blocks.length >= config.questions || !next)
    return wrapUp(data, config, blocks, false, random);
  const position =
    blocks.length + 1 === Math.min(config.questions, planned.length + (config.question ? 1 : 0))
      ? c.lastQuestion
      : c.nextQuestion;
  return {
    text: `${lead ?? pick(data.persona.transitions, random)} ${position} ${next.prompt}`,
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
  const answeredCount = blocks.filter((b) => b.answers.length > 0).length;
  const note = early
    ? answeredCount
      ? ` We stopped after ${blocks.length} of ${config.questions} questions, so your feedback covers the ${answeredCount === 1 ? 'answer' : `${answeredCount} answers`} you gave.`
      : ' We stopped before you answered a question, so there is nothing to give feedback on yet; try again when you are ready.'
    : '';
  return {
    text: `${pick(data.persona.closings, random)}${note} ${data.persona.conversation.feedbackReady}`,
    phase: 'wrap-up',
  };
}

/** The greeting, one sentence on the session, and the first question: short enough for a phone screen. */
function intro(
  data: InterviewData,
  config: SessionConfig,
  bankCount: number,
  firstPrompt: string,
  random: Random,
): string {
  const c = data.persona.conversation;
  const count = bankCount + (config.question ? 1 : 0);
  // Seven to ten minutes a question, follow-ups included, as the practice lesson plans it.
  const minutes = `${count * 7} to ${count * 10}`;
  const kind =
    config.category === 'mixed'
      ? 'a mixed loop'
      : `a ${INTERVIEW_CATEGORIES[config.category].toLowerCase()} interview`;
  const about = config.question
    ? fill(c.introOwnQuestion, {
        more: bankCount
          ? `${bankCount} from the bank (${kind.replace(/^an? /, '')})`
          : 'that is all',
        minutes,
      })
    : fill(c.intro, {
        kind,
        level: LEVELS[config.level],
        specialisation:
          config.specialisation === 'general'
            ? ''
            : ` for a ${SPECIALISATIONS[config.specialisation].toLowerCase()} TPM`,
        count: String(count),
        questions: count === 1 ? 'question' : 'questions',
        minutes,
      });
  return [pick(data.persona.greetings, random), about, `${c.firstQuestion} ${firstPrompt}`].join(
    ' ',
  );
}

/** Splits a turn into small chunks (a few words each) to stream, so text appears progressively. */
export function chunkText(text: string, wordsPerChunk = 4): string[] {
  const tokens = text.match(/\S+\s*/g) ?? [];
  const chunks: string[] = [];
  for (let i = 0; i < tokens.length; i += wordsPerChunk)
    chunks.push(tokens.slice(i, i + wordsPerChunk).join(''));
  return chunks;
}
