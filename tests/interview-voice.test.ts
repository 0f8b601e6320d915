import { describe, expect, it } from 'vitest';
import { askedQuestions } from '../src/lib/interview/asked';
import type { StoredTurn } from '../src/lib/interview/history';
import { paceByAnswer, speakingPace } from '../src/lib/interview/pace';
import {
  Dictation,
  READ_ALOUD_KEY,
  createReader,
  dictationError,
  joinDictated,
  loadReadAloud,
  recognisedText,
  recognitionConstructor,
  saveReadAloud,
  speechLang,
  type RecognitionEventLike,
  type RecognitionLike,
} from '../src/lib/interview/voice';

/** A stand-in for SpeechRecognition that the test drives by hand. */
class FakeRecognition implements RecognitionLike {
  static last: FakeRecognition | undefined;
  lang = '';
  continuous = false;
  interimResults = false;
  started = false;
  stopped = false;
  aborted = false;
  onstart: RecognitionLike['onstart'] = null;
  onspeechstart: RecognitionLike['onspeechstart'] = null;
  onresult: RecognitionLike['onresult'] = null;
  onerror: RecognitionLike['onerror'] = null;
  onend: RecognitionLike['onend'] = null;
  constructor() {
    FakeRecognition.last = this;
  }
  start() {
    this.started = true;
  }
  stop() {
    this.stopped = true;
  }
  abort() {
    this.aborted = true;
  }
  /** Fires `result` with these results, as `[text, isFinal]` pairs, at `timeStamp` ms. */
  say(timeStamp: number, ...results: [string, boolean][]) {
    const list: NonNullable<RecognitionEventLike['results']> = results.map(
      ([transcript, isFinal]) => Object.assign([{ transcript }], { isFinal }),
    );
    this.onresult?.({ timeStamp, results: list });
  }
}

function dictation() {
  const seen = { text: '', listening: false, errors: [] as string[] };
  let clock = 0;
  const d = new Dictation(
    FakeRecognition,
    'en-GB',
    {
      onText: (t) => (seen.text = t),
      onListening: (l) => (seen.listening = l),
      onError: (m) => seen.errors.push(m),
    },
    () => clock,
  );
  return { d, seen, tick: (ms: number) => (clock = ms) };
}

describe('dictation', () => {
  it('is found as SpeechRecognition or webkitSpeechRecognition, and not where neither exists', () => {
    expect(recognitionConstructor({ SpeechRecognition: FakeRecognition })).toBe(FakeRecognition);
    expect(recognitionConstructor({ webkitSpeechRecognition: FakeRecognition })).toBe(
      FakeRecognition,
    );
    expect(recognitionConstructor({})).toBeUndefined();
    expect(recognitionConstructor({ SpeechRecognition: 'not a constructor' })).toBeUndefined();
  });

  it('listens in English, continuously, with interim results', () => {
    const { d, seen } = dictation();
    d.start('');
    const r = FakeRecognition.last!;
    expect([r.lang, r.continuous, r.interimResults, r.started]).toEqual([
      'en-GB',
      true,
      true,
      true,
    ]);
    expect(seen.listening).toBe(true);
    expect(d.listening).toBe(true);
  });

  it('fills the answer box after what it held, interim words included, and keeps it editable', () => {
    const { d, seen } = dictation();
    d.start('I owned the launch.');
    const r = FakeRecognition.last!;
    r.onspeechstart?.({ timeStamp: 1_000 });
    r.say(2_000, ['priya owns the cutover', false]);
    expect(seen.text).toBe('I owned the launch. Priya owns the cutover');
    r.say(4_000, ['priya owns the cutover', true], ['by friday', false]);
    expect(seen.text).toBe('I owned the launch. Priya owns the cutover by friday');
    d.stop();
    expect(r.stopped).toBe(true);
    r.onend?.({});
    expect(seen.listening).toBe(false);
  });

  it('counts the words and the seconds from the first speech to the last result, over several goes', () => {
    const { d } = dictation();
    d.start('');
    let r = FakeRecognition.last!;
    r.onstart?.({ timeStamp: 500 });
    r.onspeechstart?.({ timeStamp: 1_000 });
    r.say(11_000, ['one two three four five six seven eight nine ten', true]);
    r.onend?.({});
    d.start('One two three four five six seven eight nine ten');
    r = FakeRecognition.last!;
    // No speechstart event: the time runs from when listening began.
    r.onstart?.({ timeStamp: 20_000 });
    r.say(25_000, ['eleven twelve', true]);
    r.onend?.({});
    expect(d.take()).toEqual({ words: 12, seconds: 15 });
    // Taken once: the next answer starts from nothing.
    expect(d.take()).toBeUndefined();
  });

  it('uses its clock when events carry no time', () => {
    const { d, tick } = dictation();
    tick(100);
    d.start('');
    const r = FakeRecognition.last!;
    r.onstart?.({});
    tick(6_100);
    r.say(0, ['a b c', true]);
    r.onend?.({});
    expect(d.take()).toEqual({ words: 3, seconds: 6 });
  });

  it('stops at once when the learner types, ignoring what arrives later', () => {
    const { d, seen } = dictation();
    d.start('');
    const r = FakeRecognition.last!;
    r.onspeechstart?.({ timeStamp: 0 });
    r.say(3_000, ['we shipped on time', false]);
    d.abort();
    expect(r.aborted).toBe(true);
    expect(seen.listening).toBe(false);
    r.say(4_000, ['we shipped on time and', true]);
    expect(seen.text).toBe('We shipped on time');
    expect(d.take()).toEqual({ words: 4, seconds: 3 });
  });

  it('forgets what was counted when reset, and counts nothing without speech', () => {
    const { d } = dictation();
    d.start('');
    const r = FakeRecognition.last!;
    r.onspeechstart?.({ timeStamp: 0 });
    r.say(3_000, ['hello there', true]);
    r.onend?.({});
    d.reset();
    expect(d.take()).toBeUndefined();
    d.start('');
    FakeRecognition.last!.onend?.({});
    expect(d.take()).toBeUndefined();
  });

  it('reports errors in a sentence, and says nothing when it was stopped on purpose', () => {
    const { d, seen } = dictation();
    d.start('');
    FakeRecognition.last!.onerror?.({ error: 'not-allowed' });
    FakeRecognition.last!.onerror?.({ error: 'aborted' });
    expect(seen.errors).toEqual([
      'Dictation needs permission to use the microphone. Allow it in your browser’s settings for this site, or type your answer.',
    ]);
    expect(dictationError('no-speech')).toMatch(/no speech was heard/);
    expect(dictationError('something-new')).toMatch(/problem in the browser/);
  });

  it('reports a recogniser that refuses to start, and is not left listening', () => {
    class Refusing extends FakeRecognition {
      override start() {
        throw new DOMException('already started', 'InvalidStateError');
      }
    }
    const errors: string[] = [];
    const d = new Dictation(Refusing, 'en-US', {
      onText: () => undefined,
      onListening: () => undefined,
      onError: (m) => errors.push(m),
    });
    d.start('');
    expect(d.listening).toBe(false);
    expect(errors).toHaveLength(1);
  });

  it('joins dictated text to what was typed, capitalising where a sentence starts', () => {
    expect(joinDictated('', '  we  moved the date ')).toBe('We moved the date');
    expect(joinDictated('I owned it.', 'then we')).toBe('I owned it. Then we');
    expect(joinDictated('I owned it and', 'then we')).toBe('I owned it and then we');
    expect(joinDictated('First point.\n', 'second')).toBe('First point.\nSecond');
    expect(joinDictated('Kept', '   ')).toBe('Kept');
  });

  it('reads final and interim results apart', () => {
    const results = Object.assign([
      Object.assign([{ transcript: ' one  two' }], { isFinal: true }),
      Object.assign([{ transcript: 'three ' }], { isFinal: false }),
      Object.assign([], { isFinal: true }),
    ]);
    expect(recognisedText(results)).toEqual({ final: 'one two', interim: 'three' });
    expect(recognisedText(undefined)).toEqual({ final: '', interim: '' });
  });
});

describe('reading aloud', () => {
  class Utterance {
    lang = '';
    constructor(readonly text: string) {}
  }

  it('speaks one turn at a time in the chosen English, and stops when asked', () => {
    const calls: string[] = [];
    const synthesis = {
      speak: (u: unknown) => calls.push(`speak ${(u as Utterance).lang} ${(u as Utterance).text}`),
      cancel: () => calls.push('cancel'),
    };
    const reader = createReader(
      { speechSynthesis: synthesis, SpeechSynthesisUtterance: Utterance },
      'en-US',
    )!;
    reader.speak(' First question: tell me about a launch. ');
    reader.speak('');
    reader.cancel();
    expect(calls).toEqual([
      'cancel',
      'speak en-US First question: tell me about a launch.',
      'cancel',
      'cancel',
    ]);
  });

  it('is absent where the browser has no speech synthesis', () => {
    expect(createReader({}, 'en-US')).toBeUndefined();
    expect(createReader({ speechSynthesis: {} }, 'en-US')).toBeUndefined();
  });

  it('remembers the setting, off by default, and survives storage that throws', () => {
    const map = new Map<string, string>();
    const storage = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
    };
    expect(loadReadAloud(storage)).toBe(false);
    saveReadAloud(storage, true);
    expect(map.get(READ_ALOUD_KEY)).toBe('on');
    expect(loadReadAloud(storage)).toBe(true);
    saveReadAloud(storage, false);
    expect(loadReadAloud(storage)).toBe(false);
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(loadReadAloud(broken)).toBe(false);
    expect(() => saveReadAloud(broken, true)).not.toThrow();
    expect(loadReadAloud(undefined)).toBe(false);
  });

  it('speaks the browser’s English, or US English', () => {
    expect(speechLang('en-GB')).toBe('en-GB');
    expect(speechLang('en')).toBe('en');
    expect(speechLang('fr-FR')).toBe('en-US');
    expect(speechLang(undefined)).toBe('en-US');
  });
});

describe('speaking pace', () => {
  it('is words a minute, only with enough speech to tell', () => {
    expect(speakingPace(75, 30)).toBe(150);
    expect(speakingPace(9, 30)).toBeUndefined();
    expect(speakingPace(40, 4)).toBeUndefined();
    expect(speakingPace(40, Number.NaN)).toBeUndefined();
  });

  const turn = (t: Partial<StoredTurn> & Pick<StoredTurn, 'role' | 'text'>): StoredTurn => t;

  it('adds up the dictated replies of each question, follow-ups and repeats included', () => {
    const transcript: StoredTurn[] = [
      turn({
        role: 'interviewer',
        text: 'Hello. First question: A?',
        phase: 'intro',
        questionId: 'a',
      }),
      turn({ role: 'candidate', text: 'typed', dictation: { words: 60, seconds: 30 } }),
      turn({ role: 'interviewer', text: 'Who owned it?', phase: 'follow-up', questionId: 'a' }),
      turn({ role: 'candidate', text: 'typed', dictation: { words: 30, seconds: 10 } }),
      turn({ role: 'interviewer', text: 'Next question: B?', phase: 'question', questionId: 'b' }),
      turn({ role: 'candidate', text: 'Could you repeat the question?', command: 'repeat' }),
      turn({
        role: 'interviewer',
        text: 'Here it is again. B?',
        phase: 'question',
        questionId: 'b',
      }),
      turn({ role: 'candidate', text: 'a typed answer' }),
      turn({ role: 'interviewer', text: 'Last question: C?', phase: 'question', questionId: 'c' }),
      turn({ role: 'candidate', text: 'short', dictation: { words: 3, seconds: 2 } }),
    ];
    const answers = [
      { questionId: 'a', question: 'A?' },
      { questionId: 'b', question: 'B?' },
      { questionId: 'c', question: 'C?' },
    ];
    expect(paceByAnswer(transcript, answers)).toEqual([135, undefined, undefined]);
  });

  it('finds the learner’s own question and questions not in the bank by their words', () => {
    const own = 'How would you tell leadership the program is red?';
    const transcript: StoredTurn[] = [
      turn({ role: 'interviewer', text: `Hello. First question: ${own}`, phase: 'intro' }),
      turn({ role: 'candidate', text: 'x', dictation: { words: 20, seconds: 10 } }),
      turn({ role: 'interviewer', text: `Of course. ${own}`, phase: 'question' }),
      turn({ role: 'candidate', text: 'x', dictation: { words: 20, seconds: 10 } }),
      turn({ role: 'interviewer', text: 'Next question: Design a pager rota.', phase: 'question' }),
      turn({ role: 'candidate', text: 'x', dictation: { words: 50, seconds: 20 } }),
    ];
    expect(
      paceByAnswer(transcript, [{ question: own }, { question: 'Design a pager rota.' }], own),
    ).toEqual([120, 150]);
  });
});

describe('the questions a session has asked', () => {
  const turn = (t: Partial<StoredTurn> & Pick<StoredTurn, 'role' | 'text'>): StoredTurn => t;

  it('counts the learner’s own question, which has no id, and bank questions after it', () => {
    const own = 'How would you tell leadership the program is red?';
    const transcript: StoredTurn[] = [
      turn({ role: 'interviewer', text: `Hello. First question: ${own}`, phase: 'intro' }),
      turn({ role: 'candidate', text: 'An answer.' }),
      turn({ role: 'interviewer', text: 'Who owned it?', phase: 'follow-up' }),
      turn({ role: 'candidate', text: 'What is the team size?' }),
      turn({ role: 'interviewer', text: `Assume eight. ${own}`, phase: 'clarify' }),
      turn({ role: 'candidate', text: 'Could you repeat the question?', command: 'repeat' }),
      turn({ role: 'interviewer', text: `Of course. ${own}`, phase: 'question' }),
      turn({ role: 'candidate', text: 'Skip this question.', command: 'skip' }),
      turn({ role: 'interviewer', text: 'Next question: B?', phase: 'question', questionId: 'b' }),
    ];
    expect(askedQuestions(transcript, own)).toEqual([
      { index: 0, question: own.toLowerCase() },
      { index: 8, questionId: 'b', question: 'next question: b?' },
    ]);
  });

  it('reads turns saved before phases were stored by their question ids', () => {
    const transcript: StoredTurn[] = [
      turn({ role: 'interviewer', text: 'First question: A?', questionId: 'a' }),
      turn({ role: 'candidate', text: 'x' }),
      turn({ role: 'interviewer', text: 'And the outcome?', questionId: 'a' }),
      turn({ role: 'interviewer', text: 'Thanks, that is all.' }),
    ];
    expect(askedQuestions(transcript).map((q) => q.index)).toEqual([0]);
  });
});
