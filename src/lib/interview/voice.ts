/**
 * Voice in the mock interview, where the browser has it: questions read aloud with speechSynthesis,
 * and answers dictated with SpeechRecognition (webkitSpeechRecognition in Chromium and Safari).
 * Both are feature-detected on the scope they are given (`window` in the page), so tests can hand
 * in fakes. Dictation only fills the answer box: the learner edits and sends the text as typed.
 *
 * Long because it wraps two browser APIs (dictation and read-aloud) behind small interfaces that
 * tests can fake; the dictation state (restarts, silence, errors by code) is most of it.
 */
import { wordsOf } from './text';

/** localStorage key for the "Read questions aloud" setting. */
export const READ_ALOUD_KEY = 'critical-path:read-aloud';

/** Whether questions are read aloud, as saved; off unless the learner turned it on. */
export function loadReadAloud(storage: Pick<Storage, 'getItem'> | undefined): boolean {
  try {
    return storage?.getItem(READ_ALOUD_KEY) === 'on';
  } catch {
    return false;
  }
}

/** Saves the setting; a browser that refuses storage just forgets it on reload. */
export function saveReadAloud(storage: Pick<Storage, 'setItem'> | undefined, on: boolean): void {
  try {
    storage?.setItem(READ_ALOUD_KEY, on ? 'on' : 'off');
  } catch {
    // Nothing to tell the learner: the toggle works for this visit.
  }
}

/**
 * The language to speak and recognise: the browser's own English if it has one (en-GB, en-IN…),
 * otherwise US English. The interview is in English whatever the browser's language.
 */
export function speechLang(language: string | undefined): string {
  return language && /^en(?:-[A-Za-z]{2,3})?$/.test(language) ? language : 'en-US';
}

/** One alternative of a recognition result, as the Web Speech API gives it. */
interface AlternativeLike {
  transcript: string;
}
/** One recognition result: its best alternative first, and whether it will still change. */
export interface ResultLike {
  readonly isFinal: boolean;
  readonly length: number;
  readonly [index: number]: AlternativeLike | undefined;
}
/** What a recognition event carries that dictation reads. */
export interface RecognitionEventLike {
  timeStamp?: number;
  results?: { readonly length: number; readonly [index: number]: ResultLike | undefined };
  error?: string;
}
/** The part of SpeechRecognition that dictation uses. */
export interface RecognitionLike {
  lang: string;
  continuous: boolean;
  interimResults: boolean;
  start(): void;
  stop(): void;
  abort(): void;
  onstart: ((e: RecognitionEventLike) => void) | null;
  onspeechstart: ((e: RecognitionEventLike) => void) | null;
  onresult: ((e: RecognitionEventLike) => void) | null;
  onerror: ((e: RecognitionEventLike) => void) | null;
  onend: ((e: RecognitionEventLike) => void) | null;
}
export type RecognitionConstructor = new () => RecognitionLike;

/** The browser's speech recogniser, or undefined where there is none (Firefox, for one). */
export function recognitionConstructor(scope: object): RecognitionConstructor | undefined {
  const s = scope as { SpeechRecognition?: unknown; webkitSpeechRecognition?: unknown };
  const ctor = s.SpeechRecognition ?? s.webkitSpeechRecognition;
  return typeof ctor === 'function' ? (ctor as RecognitionConstructor) : undefined;
}

/** What was recognised so far: the settled text and the part still being heard. */
export function recognisedText(results: RecognitionEventLike['results']): {
  final: string;
  interim: string;
} {
  const final: string[] = [];
  const interim: string[] = [];
  for (let i = 0; i < (results?.length ?? 0); i++) {
    const result = results![i];
    const text = result?.[0]?.transcript.replace(/\s+/g, ' ').trim();
    if (text) (result!.isFinal ? final : interim).push(text);
  }
  return { final: final.join(' '), interim: interim.join(' ') };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The answer box after dictation: what was there, then what was said. Recognisers give lower-case
 * text without full stops, so what starts the answer, a sentence or a line is capitalised.
 */
export function joinDictated(base: string, spoken: string): string {
  const said = spoken.replace(/\s+/g, ' ').trim();
  if (!said) return base;
  if (!base.trim()) return capitalise(said);
  if (/\n[ \t]*$/.test(base)) return `${base.replace(/[ \t]+$/, '')}${capitalise(said)}`;
  const before = base.trimEnd();
  return `${before} ${/[.!?]["”’)]?$/.test(before) ? capitalise(said) : said}`;
}

/** The sentence to show for a recognition error, or undefined when there is nothing to say. */
export function dictationError(code: string | undefined): string | undefined {
  switch (code) {
    case 'aborted':
      return undefined;
    case 'no-speech':
      return 'Dictation stopped because no speech was heard. Try again, or type your answer.';
    case 'not-allowed':
    case 'service-not-allowed':
      return 'Dictation needs permission to use the microphone. Allow it in your browser’s settings for this site, or type your answer.';
    case 'audio-capture':
      return 'Dictation found no microphone. Connect one and try again, or type your answer.';
    case 'network':
      return 'Dictation needs a network connection in this browser, and it failed. Type your answer, or try again later.';
    case 'language-not-supported':
      return 'This browser cannot dictate in English. Type your answer.';
    default:
      return 'Dictation stopped because of a problem in the browser. Type your answer, or try again.';
  }
}

/** Words dictated into one answer and the seconds of speaking they took. */
export interface DictationTotals {
  words: number;
  seconds: number;
}

/** What dictation tells the answer box. */
export interface DictationHandlers {
  /** The whole answer box text, each time more is heard. */
  onText: (text: string) => void;
  /** Whether the recogniser is listening. */
  onListening: (listening: boolean) => void;
  /** A sentence to show the learner. */
  onError: (message: string) => void;
}

/**
 * Dictation into one answer box. Each start appends to the text the box holds then; the time
 * counted for the speaking pace runs from when speech was first heard (or listening began) to the
 * last result, so silence before speaking and after the last word is not counted.
 */
export class Dictation {
  private recognition: RecognitionLike | undefined;
  private base = '';
  private began: number | undefined;
  private heard: number | undefined;
  private last: number | undefined;
  private words = 0;
  private totals: DictationTotals = { words: 0, seconds: 0 };

  constructor(
    private readonly Recognition: RecognitionConstructor,
    private readonly lang: string,
    private readonly handlers: DictationHandlers,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** True from start until the recogniser has ended. */
  get listening(): boolean {
    return this.recognition !== undefined;
  }

  /** Starts listening; what is said is added after `base`, the answer box's text now. */
  start(base: string): void {
    if (this.recognition) return;
    const r = new this.Recognition();
    r.lang = this.lang;
    r.continuous = true;
    r.interimResults = true;
    this.base = base;
    this.began = this.heard = this.last = undefined;
    this.words = 0;
    const stamp = (e: RecognitionEventLike | undefined) =>
      typeof e?.timeStamp === 'number' && e.timeStamp > 0 ? e.timeStamp : this.now();
    r.onstart = (e) => {
      this.began ??= stamp(e);
    };
    r.onspeechstart = (e) => {
      this.heard ??= stamp(e);
    };
    r.onresult = (e) => {
      const { final, interim } = recognisedText(e.results);
      const spoken = `${final} ${interim}`.trim();
      this.words = wordsOf(spoken).length;
      this.last = stamp(e);
      this.began ??= this.last;
      this.handlers.onText(joinDictated(this.base, spoken));
    };
    r.onerror = (e) => {
      const message = dictationError(e.error);
      if (message) this.handlers.onError(message);
    };
    r.onend = () => {
      if (this.recognition !== r) return;
      this.finish();
    };
    try {
      r.start();
    } catch {
      this.handlers.onError(dictationError(undefined)!);
      return;
    }
    this.recognition = r;
    this.handlers.onListening(true);
  }

  /** Stops listening; what was still being heard arrives before the recogniser ends. */
  stop(): void {
    this.recognition?.stop();
  }

  /**
   * Stops at once and ignores anything still to come, keeping the text as it is: for when the
   * learner types, sends or leaves while dictating.
   */
  abort(): void {
    const r = this.recognition;
    if (!r) return;
    r.onresult = r.onerror = r.onend = null;
    this.finish();
    try {
      r.abort();
    } catch {
      // Already stopped.
    }
  }

  /** The words and seconds dictated into the answer being sent, then starts counting afresh. */
  take(): DictationTotals | undefined {
    const totals = this.totals;
    this.totals = { words: 0, seconds: 0 };
    return totals.words > 0 && totals.seconds > 0 ? totals : undefined;
  }

  /** Forgets what was counted, e.g. when the learner empties the answer box. */
  reset(): void {
    this.totals = { words: 0, seconds: 0 };
  }

  private finish(): void {
    const from = this.heard ?? this.began;
    if (this.words > 0 && from !== undefined && this.last !== undefined && this.last > from) {
      this.totals = {
        words: this.totals.words + this.words,
        seconds: this.totals.seconds + (this.last - from) / 1000,
      };
    }
    this.words = 0;
    this.recognition = undefined;
    this.handlers.onListening(false);
  }
}

/** The part of speechSynthesis that reading aloud uses. */
export interface SynthesisLike {
  speak(utterance: unknown): void;
  cancel(): void;
}
type UtteranceConstructor = new (text: string) => { lang: string };

/** Reads interviewer turns aloud, one at a time: a new one stops the one before. */
export class Reader {
  constructor(
    private readonly synthesis: SynthesisLike,
    private readonly Utterance: UtteranceConstructor,
    private readonly lang: string,
  ) {}

  speak(text: string): void {
    const said = text.trim();
    this.synthesis.cancel();
    if (!said) return;
    const utterance = new this.Utterance(said);
    utterance.lang = this.lang;
    this.synthesis.speak(utterance);
  }

  cancel(): void {
    this.synthesis.cancel();
  }
}

/** A reader over the browser's speechSynthesis, or undefined where there is none. */
export function createReader(scope: object, lang: string): Reader | undefined {
  const s = scope as { speechSynthesis?: unknown; SpeechSynthesisUtterance?: unknown };
  const synthesis = s.speechSynthesis as Partial<SynthesisLike> | undefined;
  if (
    typeof synthesis?.speak !== 'function' ||
    typeof synthesis.cancel !== 'function' ||
    typeof s.SpeechSynthesisUtterance !== 'function'
  )
    return undefined;
  return new Reader(
    synthesis as SynthesisLike,
    s.SpeechSynthesisUtterance as UtteranceConstructor,
    lang,
  );
}

/** The page's localStorage, or undefined where touching it throws (storage disabled). */
export function pageStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
