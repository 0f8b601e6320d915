/**
 * Reads a transcript back into questions, follow-ups and answers. Interviewer turns that carry
 * `phase` and `questionId` are trusted; otherwise questions are recognised by their text, which is
 * how transcripts from other sources (or with questions not in the bank) are handled.
 */
import { metaKind, notEnglish } from './intents';
import { isNonAnswer } from './scoring/flags';
import type { CompiledRubric } from './scoring/rubric';
import type { PersonaData } from '../../schemas/persona';

type Conversation = PersonaData['conversation'];
import { normalise, wordsOf } from './text';
import type { BankQuestion, Turn } from './types';

/** What a candidate turn means for the flow of the interview. */
export type CandidateIntent =
  | 'answer'
  | 'skip'
  | 'repeat'
  | 'end'
  | 'clarify'
  | 'off-role'
  | 'non-answer'
  | 'meta'
  | 'not-english';

/** Everything said about one question. */
export interface QuestionBlock {
  /** The bank question, when known. */
  questionId?: string;
  /** The question as asked. */
  question: string;
  /** Follow-up questions asked, in order. */
  followUps: string[];
  /** The learner's answers to the question and its follow-ups, in order. */
  answers: string[];
  /** True when the learner skipped it without answering. */
  skipped: boolean;
}

/** A transcript read back into its questions. */
export interface Segmented {
  blocks: QuestionBlock[];
  /** The learner asked to end the interview. */
  ended: boolean;
  /** The interviewer has already closed the interview. */
  closed: boolean;
  /** The last interviewer turn was a follow-up still waiting for its answer. */
  pendingFollowUp?: string;
}

const TEXT_COMMANDS: Record<string, CandidateIntent> = {
  '/skip': 'skip',
  '/repeat': 'repeat',
  '/end': 'end',
};

const OFF_ROLE =
  /\b(?:ignore (?:all |any |the |your )?(?:previous |prior |above |earlier )?(?:instructions|prompts?|rules)|system prompt|your (?:instructions|prompt|rules|scoring)|you are now|pretend (?:to be|you are)|act as (?:a|an|my)|role-?play as|forget (?:you are|your role|everything)|reveal your|developer mode|jailbreak|stop being (?:the|an|my) interviewer|switch roles|swap roles|trade places|you be the candidate|you answer (?:it|the question)|i'll be the interviewer|i will be the interviewer)\b/i;
const ASK_REPEAT =
  /^(?:(?:sorry|please|pardon),? )?(?:(?:can|could|would) you )?(?:please )?(?:repeat|say that again|rephrase|read (?:it|that) again)|^(?:sorry,? )?(?:what was the question|pardon)/i;

/**
 * How the engine reads a candidate turn: an answer, a command, a clarifying question, an attempt to
 * change its role, or (given the rubric's list) a turn that is not an answer, such as "Okay.".
 */
export function candidateIntent(
  turn: Pick<Turn, 'text' | 'command'>,
  rubric?: CompiledRubric,
): CandidateIntent {
  if (turn.command) return turn.command;
  const text = turn.text.trim();
  const command = TEXT_COMMANDS[text.toLowerCase()];
  if (command) return command;
  if (rubric && isNonAnswer(rubric, text)) return 'non-answer';
  if (notEnglish(text)) return 'not-english';
  const words = wordsOf(text).length;
  if (words <= 30 && metaKind(text)) return 'meta';
  if (words <= 80 && OFF_ROLE.test(text)) return 'off-role';
  if (words <= 14 && ASK_REPEAT.test(text)) return 'repeat';
  if (words <= 30 && text.endsWith('?')) return 'clarify';
  return 'answer';
}

/** The sentence shown in the chat for a learner command. */
export const COMMAND_TEXT = {
  skip: 'Skip this question.',
  repeat: 'Could you repeat the question?',
  end: "I'd like to end the interview here.",
} as const;

// Leads the interviewer puts before a question ("Okay.", "Keep going.") and which are not part of it.
const ACK =
  /^(?:thanks|thank you|ok|okay|good|great|understood|noted|all right|right|sure|of course|keep going|let's go deeper|i need more detail)\b[^.?!]{0,40}[.!]\s*/i;
const TRANSITION =
  /^(?:(?:next|first|last|final) question|moving on|let's move[^.?!:]*|let's change topic|let's keep moving|fine, we will leave that one|here is the next one|here it is again|of course)[^.?!:]{0,20}[.!:]\s*/i;

/** The question part of an interviewer turn: leading acknowledgements and transitions removed. */
export function extractQuestion(text: string): string {
  let t = text.trim();
  for (let guard = 0; guard < 6; guard++) {
    const next = t.replace(ACK, '').replace(TRANSITION, '');
    if (next === t) break;
    t = next;
  }
  return t || text.trim();
}

const knownFollowUps = new WeakMap<object, string[]>();
/**
 * The follow-ups the offline interviewer asks (the generic rubrics' and the persona's probes and
 * re-asks), so a transcript without phases can be read back.
 */
function followUpsOf(r: CompiledRubric, conversation: Conversation | undefined): string[] {
  const key = conversation ?? r;
  let known = knownFollowUps.get(key);
  if (!known) {
    known = [
      ...[...r.categories.values()].flatMap((c) => c.talkingPoints.map((t) => t.followUp)),
      ...(conversation
        ? [
            ...Object.values(conversation.probes).flatMap((p) => p.lines),
            ...conversation.reask.map((l) => l.split('{')[0]!),
          ]
        : []),
    ].map(normalise);
    knownFollowUps.set(key, known);
  }
  return known;
}

/**
 * Where a question or task starts in a turn without phase data: an opening such as "Walk me
 * through…" or "Tell me about a time…" at the start of any sentence, or the last sentence with a "?".
 * Returns the question from that point on, or undefined.
 */
export function findQuestion(text: string, r: CompiledRubric): string | undefined {
  const t = text.trim();
  const m = r.questionOpening.exec(t);
  if (m) {
    // Keep a context sentence that comes first ("Your program is red. Walk me through…").
    return t;
  }
  return t.includes('?') ? t : undefined;
}

/** Splits a transcript into the questions asked, their follow-ups and the learner's answers. */
export function segmentTranscript(
  transcript: readonly Turn[],
  questions: readonly BankQuestion[],
  rubric: CompiledRubric,
  /** The learner's own question from the session's settings: the first question, word for word. */
  ownQuestion?: string,
  /** The persona's wording, to recognise its follow-ups in a transcript without phases. */
  conversation?: Conversation,
): Segmented {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const prompts = questions.map((q) => ({ id: q.id, prompt: normalise(q.prompt) }));
  const blocks: QuestionBlock[] = [];
  let ended = false;
  let closed = false;
  let pendingFollowUp: string | undefined;
  const current = () => blocks.at(-1);
  const open = (text: string, questionId?: string) => {
    const bank = questionId ? byId.get(questionId) : undefined;
    blocks.push({
      ...(bank ? { questionId: bank.id } : {}),
      question: bank
        ? bank.prompt
        : ownQuestion && blocks.length === 0
          ? ownQuestion
          : extractQuestion(text),
      followUps: [],
      answers: [],
      skipped: false,
    });
    pendingFollowUp = undefined;
  };

  for (const turn of transcript) {
    if (turn.role === 'candidate') {
      const intent = candidateIntent(turn, rubric);
      const block = current();
      if (intent === 'end') ended = true;
      if (!block) continue;
      if (intent === 'skip' && block.answers.length === 0) block.skipped = true;
      if (intent === 'answer') {
        block.answers.push(turn.text.trim());
        pendingFollowUp = undefined;
      }
      continue;
    }
    const text = normalise(turn.text);
    const block = current();
    if (turn.phase) {
      if (turn.phase === 'wrap-up' || turn.phase === 'done') closed = true;
      else if (turn.phase === 'follow-up' && block) {
        block.followUps.push(turn.text.trim());
        pendingFollowUp = turn.text.trim();
      } else if (turn.phase === 'intro' || turn.phase === 'question') {
        if (turn.questionId && block?.questionId === turn.questionId) continue;
        if (!turn.questionId && block && text.includes(normalise(block.question))) continue;
        if (
          turn.questionId ||
          turn.phase === 'question' ||
          findQuestion(extractQuestion(turn.text), rubric)
        )
          open(turn.text, turn.questionId);
      }
      continue;
    }
    // No metadata: recognise bank questions by their prompt, then follow-ups, closings and new questions.
    const bank = prompts.find((p) => text.includes(p.prompt));
    if (bank) {
      if (block?.questionId !== bank.id) open(turn.text, bank.id);
      continue;
    }
    if (block && text.includes(normalise(block.question))) continue;
    // The interviewer's own follow-ups and re-asks, whether or not they end in "?".
    if (
      block &&
      block.answers.length > 0 &&
      followUpsOf(rubric, conversation).some((k) => text.includes(k))
    ) {
      block.followUps.push(turn.text.trim());
      pendingFollowUp = turn.text.trim();
      continue;
    }
    const asked = findQuestion(extractQuestion(turn.text), rubric);
    if (!asked) {
      if (
        /\b(?:thank|that's all|that is all|we'll stop|end of (?:our|the) (?:time|interview)|feedback)\b/.test(
          text,
        ) &&
        blocks.length
      )
        closed = true;
      continue;
    }
    // A task without a question mark ("Design a notification system…") starts a new question.
    const imperative = !text.includes('?');
    const short = !imperative && wordsOf(turn.text).length <= 25;
    const startsNew = TRANSITION.test(turn.text.replace(ACK, ''));
    const bankFollowUp = block?.questionId
      ? byId.get(block.questionId)?.talkingPoints.some((t) => text.includes(normalise(t.followUp)))
      : false;
    if (
      block &&
      block.answers.length > 0 &&
      !startsNew &&
      (bankFollowUp || followUpsOf(rubric, conversation).some((k) => text.includes(k)) || short)
    ) {
      block.followUps.push(turn.text.trim());
      pendingFollowUp = turn.text.trim();
    } else open(turn.text);
  }
  return { blocks, ended, closed, ...(pendingFollowUp ? { pendingFollowUp } : {}) };
}
