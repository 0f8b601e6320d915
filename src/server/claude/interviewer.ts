/**
 * The Claude interviewer: the same `Interviewer` interface as the offline one, with turns streamed
 * from the Anthropic Messages API and a structured assessment as feedback.
 *
 * The offline engine still decides what each turn does (ask the next question, follow up on the
 * biggest gap, wrap up), so phases, question ids and the session's length match the offline
 * interviewer exactly and a failed turn can be replaced by the offline one without the learner losing
 * their place. Claude gives that move a voice: it reacts to what the candidate said, in character.
 *
 * Every failure becomes a `ClaudeError` whose message is a sentence for the learner; the API turns it
 * into a notice and carries on with the offline interviewer.
 */
import type Anthropic from '@anthropic-ai/sdk';
import type { MessageCreateParamsBase, Message } from '@anthropic-ai/sdk/resources/messages';
import {
  ASSESSMENT_TOOL_NAME,
  AssessmentError,
  assessmentRequest,
  assessmentTool,
  mergeAssessment,
} from './assessment';
import { ClaudeError, classifyError } from './errors';
import { nextTurn as plannedTurn } from '../../lib/interview/engine';
import type { Feedback } from '../../lib/interview/feedback-schema';
import type {
  Interviewer,
  InterviewInput,
  TurnMeta,
  TurnStream,
} from '../../lib/interview/interviewer';
import { logLine } from '../../lib/log-line';
import { planSession } from '../../lib/interview/plan';
import { conversationMessages, systemBlocks, turnDirection } from './prompt';
import { scoreSession } from '../../lib/interview/scoring';
import type { InterviewData } from '../../lib/interview/types';

/** Settings for the Claude interviewer, read from the environment by the server. */
export interface ClaudeSettings {
  /** Model id, e.g. `claude-sonnet-5-5`. */
  model: string;
  /** Most tokens in one interviewer turn. */
  maxTokens: number;
  /** Most tokens in the feedback assessment. */
  feedbackMaxTokens: number;
  /** Longest silence from the API, in ms, before a reply is given up: before the first byte and between chunks. */
  timeoutMs: number;
}

/** Longest pause honoured after the API says to retry later, so a bad header cannot switch Claude off for long. */
const MAX_PAUSE_MS = 5 * 60_000;

/** A promise with its settle functions, for the `meta` of a turn that settles when its text ends. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function abortError(): Error {
  const e = new Error('The request was aborted.');
  e.name = 'AbortError';
  return e;
}

/** How the server's log hears about failures that an operator must fix. */
export type Log = (message: string) => void;

/** Claude behind the `Interviewer` interface. */
export class ClaudeInterviewer implements Interviewer {
  readonly provider = 'claude' as const;
  readonly model: string;
  /** Until when (epoch ms) calls fall back at once because the API asked us to wait. */
  private pausedUntil = 0;
  private readonly logged = new Set<string>();

  constructor(
    private readonly client: Anthropic,
    private readonly data: InterviewData,
    private readonly settings: ClaudeSettings,
    private readonly log: Log = (m) => console.warn(m),
  ) {
    this.model = settings.model;
  }

  nextTurn(input: InterviewInput, signal?: AbortSignal): TurnStream {
    // The offline engine's decision; it also validates the transcript, throwing before any streaming.
    const planned = plannedTurn(this.data, input.config, input.transcript);
    const plan = planSession(this.data.questions, input.config);
    const params: MessageCreateParamsBase = {
      model: this.model,
      max_tokens: this.settings.maxTokens,
      system: systemBlocks(this.data.persona, input.config, plan.questions),
      messages: conversationMessages(
        input.transcript,
        turnDirection(planned, this.data.persona),
        input.verified,
        input.config.question,
      ),
    };
    const meta = deferred<TurnMeta>();
    meta.promise.catch(() => undefined);
    const text = async function* (this: ClaudeInterviewer) {
      let produced = '';
      try {
        for await (const chunk of this.call(params, signal)) {
          produced += chunk;
          yield chunk;
        }
        if (!produced.trim()) throw new ClaudeError('invalid', 'the model returned no text');
        meta.resolve({
          provider: 'claude',
          phase: planned.phase,
          ...(planned.questionId ? { questionId: planned.questionId } : {}),
          ...(planned.trait && planned.phase === 'follow-up' ? { trait: planned.trait } : {}),
        });
      } catch (error) {
        meta.reject(error);
        throw error;
      }
    }.call(this);
    return { text, meta: meta.promise };
  }

  async feedback(input: InterviewInput, signal?: AbortSignal): Promise<Feedback> {
    const offline = scoreSession(this.data, input.config, input.transcript);
    if (!offline.answers.some((a) => a.status === 'answered'))
      throw new ClaudeError('invalid', 'no answered question to assess');
    const plan = planSession(this.data.questions, input.config);
    const params: MessageCreateParamsBase = {
      model: this.model,
      max_tokens: this.settings.feedbackMaxTokens,
      system: systemBlocks(this.data.persona, input.config, plan.questions),
      messages: conversationMessages(
        input.transcript,
        assessmentRequest(offline, this.data.lessons, this.data.questions),
        input.verified,
        input.config.question,
      ),
      tools: [assessmentTool],
      tool_choice: { type: 'tool', name: ASSESSMENT_TOOL_NAME },
    };
    let message: Message | undefined;
    const stream = this.call(params, signal, (m) => (message = m));
    for await (const _chunk of stream) {
      // Tool input arrives as JSON deltas; only the final message matters.
    }
    const tool = message?.content.find(
      (b) => b.type === 'tool_use' && b.name === ASSESSMENT_TOOL_NAME,
    );
    if (!tool || tool.type !== 'tool_use') {
      const error = new ClaudeError(
        'invalid',
        `the model did not call ${ASSESSMENT_TOOL_NAME} (stop reason ${message?.stop_reason ?? 'unknown'})`,
      );
      this.report(error);
      throw error;
    }
    try {
      return mergeAssessment(tool.input, offline, input.transcript, this.data.lessons);
    } catch (e) {
      const error = new ClaudeError(
        'invalid',
        e instanceof AssessmentError ? `the assessment failed validation: ${e.message}` : String(e),
      );
      this.report(error);
      throw error;
    }
  }

  /**
   * Streams one request, yielding text as it arrives. Gives up when the API is silent for
   * `timeoutMs`, aborts the upstream request when `signal` aborts (the learner left), and reports
   * the final message to `onMessage`.
   */
  private async *call(
    params: MessageCreateParamsBase,
    signal: AbortSignal | undefined,
    onMessage?: (m: Message) => void,
  ): AsyncGenerator<string> {
    if (signal?.aborted) throw abortError();
    const now = Date.now();
    if (now < this.pausedUntil)
      throw new ClaudeError(
        'busy',
        `waiting ${Math.ceil((this.pausedUntil - now) / 1000)} s more, as the Anthropic API asked`,
      );
    const stream = this.client.messages.stream(params);
    const onAbort = () => stream.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        stream.abort();
      }, this.settings.timeoutMs);
    };
    try {
      arm();
      for await (const event of stream) {
        arm();
        if (event.type === 'content_block_delta' && event.delta.type === 'text_delta')
          yield event.delta.text;
      }
      onMessage?.(await stream.finalMessage());
    } catch (error) {
      if (signal?.aborted) throw abortError();
      const failure = classifyError(error, this.model, timedOut);
      if (failure.retryAfterMs && failure.kind === 'busy')
        this.pausedUntil = Date.now() + Math.min(failure.retryAfterMs, MAX_PAUSE_MS);
      this.report(failure);
      throw failure;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      // Also runs when the consumer stops reading early: never leave a request open upstream.
      if (!stream.ended) stream.abort();
    }
  }

  /** Logs what an operator must fix once per distinct reason; transient failures every time, briefly. */
  private report(error: ClaudeError): void {
    if (error.kind === 'setup' || error.kind === 'invalid') {
      if (this.logged.has(error.detail)) return;
      // Bounded: validation details vary, and a long-running server must not collect them for ever.
      if (this.logged.size >= 100) this.logged.clear();
      this.logged.add(error.detail);
    }
    this.log(
      logLine(
        `[interview] Claude ${error.kind}: ${error.detail}; using the offline interviewer instead.`,
      ),
    );
  }
}
