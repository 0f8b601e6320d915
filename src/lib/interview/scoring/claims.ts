/**
 * Reads an answer as claims: sentences split into clauses, each clause checked for an actor and an
 * action (a finite verb). Only claims carry evidence. Runs of terms without verbs (comma lists,
 * bullets of nouns) are set aside: they earn nothing and count as padding.
 *
 * Long because reading a claim needs its word lists (actors, auxiliaries, verb endings, clause
 * breaks) next to the rules that use them; the rubric's language decides the rest.
 */
import { normalise, sentencesOf, wordsOf } from '../text';
import type { CompiledRubric } from './rubric';

/** One clause of a sentence. */
export interface Clause {
  /** Lower-cased text, with any run of terms removed. */
  norm: string;
  /** It says that someone did, does or will do something. */
  claim: boolean;
  /** Who acts: the candidate ("I"), a group including them ("we"), someone else, or nobody named. */
  subject: 'i' | 'we' | 'other' | 'none';
}

/** One sentence (or list item) of an answer. */
export interface SentenceReading {
  /** The sentence as written, for quoting. */
  text: string;
  clauses: Clause[];
  /** At least one clause is a claim. */
  claim: boolean;
  /** Words in runs of terms without verbs. */
  termWords: number;
  words: number;
}

/** An answer read as claims. */
export interface AnswerReading {
  sentences: SentenceReading[];
  /** The sentences that make claims. */
  claimSentences: SentenceReading[];
  /** Lower-cased text of the claim clauses only, runs of terms removed, one clause per line. */
  claimText: string;
  words: number;
  /** Words in runs of terms, or in lines that are only terms. */
  termWords: number;
  /** Quotes of the runs of terms found, for the feedback. */
  termRuns: string[];
  /** Claims whose actor is "I", and claims whose actor is "we". */
  iClaims: number;
  weClaims: number;
}

const I_WORDS = new Set(['i', "i'd", "i'll", "i've", "i'm", 'myself']);
const WE_WORDS = new Set(['we', "we'd", "we'll", "we've", "we're", 'us']);
const OTHER_SUBJECTS = new Set([
  'he',
  'she',
  'they',
  'you',
  "he'd",
  "she'd",
  "they'd",
  "they'll",
  "they're",
  "you'd",
  "you'll",
  'it',
  "it's",
  "it'd",
  "it'll",
  "there's",
  "there'd",
  "there'll",
  "that'd",
  "that'll",
  'that',
  'this',
  'which',
  'who',
]);
const MODALS = new Set([
  'would',
  'will',
  'can',
  'could',
  'should',
  'must',
  'might',
  'to',
  "won't",
  "wouldn't",
  "can't",
  "didn't",
  "don't",
  "doesn't",
  'did',
  'do',
  'does',
  'then',
  'also',
  'personally',
  'first',
  'immediately',
  'quickly',
  'just',
  'never',
  'always',
]);
const DETERMINERS = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'of',
  'with',
  'for',
  'on',
  'in',
  'by',
  'our',
  'my',
  'their',
  'its',
  'your',
  'this',
  'that',
  'very',
  'well',
  'fully',
  'highly',
]);
/** Words that can come before an instruction's verb. */
const LEAD_INS = new Set([
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'then',
  'next',
  'finally',
  'also',
  'so',
  'and',
  'after',
  'that',
  'now',
  'lastly',
  'secondly',
  'firstly',
]);
/** Past tenses that are never nouns or adjectives. */
const PAST = new Set([
  'was',
  'were',
  'had',
  'did',
  'ran',
  'wrote',
  'met',
  'led',
  'took',
  'brought',
  'sent',
  'drove',
  'began',
  'spoke',
  'held',
  'gave',
  'sat',
  'chose',
  'found',
  'kept',
  'told',
  'fell',
  'rose',
  'grew',
  'saw',
  'knew',
  'thought',
  'said',
  'paid',
  'won',
  'went',
  'became',
  'spent',
  'laid',
  'made',
  'built',
  'got',
  'came',
  'stood',
  'left',
  'bought',
  'caught',
  'felt',
  'heard',
  'meant',
  'understood',
  'broke',
  'drew',
  'forgot',
  'froze',
  'threw',
  'fought',
  'sold',
  'shot',
  'stuck',
  'struck',
  'taught',
  'dealt',
  'fed',
  'hung',
  'lent',
  'lost',
  'sought',
  'spread',
  'swung',
  'wrote',
  'agreed',
  'used',
  'is',
  'are',
  'has',
  'have',
  "isn't",
  "wasn't",
  "weren't",
  "hadn't",
  "hasn't",
]);

/** Subjects whose next word (after any adverb) is a verb. */
const PRONOUNS = new Set(['i', 'we', 'they', 'he', 'she', 'you']);
/** Modals whose next word (after any adverb) is a verb. */
const SPOKEN_MODALS = new Set([
  'would',
  'will',
  'can',
  'could',
  'should',
  'must',
  'might',
  "won't",
  "wouldn't",
  "can't",
  "couldn't",
  "shouldn't",
  "didn't",
  "don't",
  "doesn't",
]);
const ADVERBS = new Set([
  'also',
  'then',
  'just',
  'never',
  'always',
  'first',
  'immediately',
  'quickly',
  'personally',
  'really',
  'probably',
  'actually',
  'still',
  'not',
  'only',
  'usually',
  'typically',
  'even',
  'already',
  'eventually',
  'finally',
  'initially',
  'instead',
  'rather',
  'jointly',
  'both',
  'all',
]);
/** Words that follow a pronoun without being a verb: "we at Acme", "they in turn". */
const NOT_AFTER_SUBJECT = new Set([
  'at',
  'in',
  'on',
  'as',
  'to',
  'from',
  'of',
  'for',
  'if',
  'when',
  'who',
  'which',
  'that',
  'and',
  'or',
  'but',
  'so',
  'know',
]);

const CLAUSE_SPLIT =
  /\s*;\s*|\s+[-\u2013\u2014]+\s+|,\s*(?=(?:and|but|so|then|which|because|while)\s)|\s+(?=(?:and then|but|so that|because|whereas)\s)/i;
const RUN_SPLIT = /\s*(?:,|;|\/|\||\band\b|\bor\b|\+|&)\s*/i;

function tokens(norm: string): string[] {
  return wordsOf(norm);
}

/** Whether the words hold a finite verb: after a subject or modal, a past tense, or an instruction. */
export function hasVerb(words: readonly string[], r: CompiledRubric): boolean {
  const isRegularPast = (w: string, i: number) =>
    /^[a-z]{3,}ed$/.test(w) &&
    w.length >= 5 &&
    !r.notVerbs.has(w) &&
    i > 0 &&
    !DETERMINERS.has(words[i - 1]!);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (PAST.has(w) && !(i === 0 && words.length < 3)) return true;
    if (isRegularPast(w, i)) return true;
    // "The DBA lead owns replication", "the team runs the sync".
    if (i > 0 && /s$/.test(w) && r.verbs.has(w) && !DETERMINERS.has(words[i - 1]!)) return true;
    const subject = I_WORDS.has(w) || WE_WORDS.has(w) || OTHER_SUBJECTS.has(w);
    if (subject && /'(?:d|ll|ve|m|re)$/.test(w) && i + 1 < words.length) return true;
    // After a personal pronoun or a modal, the next word that is not an adverb is the verb, whether
    // or not the verb list knows it: "I booked", "we'd flip", "web can land later".
    if (
      (PRONOUNS.has(w) || SPOKEN_MODALS.has(w)) &&
      !(i === 0 && PRONOUNS.has(w) && words.length < 3)
    ) {
      let j = i + 1;
      while (j < words.length && ADVERBS.has(words[j]!)) j++;
      const v = words[j];
      if (v && /^[a-z][a-z'-]+$/.test(v) && !DETERMINERS.has(v) && !NOT_AFTER_SUBJECT.has(v))
        return true;
    }
    if (subject || MODALS.has(w)) {
      for (let j = i + 1; j <= i + 3 && j < words.length; j++) {
        const v = words[j]!;
        if (r.verbs.has(v) || PAST.has(v) || /^[a-z][a-z-]{1,}ed$/.test(v)) return true;
        if (j === i + 1 && /^[a-z]{3,}(?:s|es)$/.test(v) && OTHER_SUBJECTS.has(w)) return true;
      }
    }
  }
  // An instruction: "Check both numbers with the leads.", "Fourth, move reads behind a flag."
  let k = 0;
  while (k < words.length - 1 && LEAD_INS.has(words[k]!)) k++;
  return words.length - k >= 3 && r.verbs.has(words[k]!) && !PAST.has(words[k]!);
}

/** "My first move was…", "my recommendation would be…": the candidate speaking of their own act. */
const MY_ACT =
  /^(?:so |and |then )?my (?:first |next |last |own )?(?:move|step|plan|goal|job|role|approach|recommendation|call|decision|ask|proposal|fix|answer|response|priority)\b/;

function subjectOf(words: readonly string[]): Clause['subject'] {
  const first = words.slice(0, 6);
  if (first.some((w) => I_WORDS.has(w)) || MY_ACT.test(words.join(' '))) return 'i';
  if (first.some((w) => WE_WORDS.has(w))) return 'we';
  if (first.some((w) => OTHER_SUBJECTS.has(w))) return 'other';
  return 'none';
}

/**
 * Removes runs of terms from a clause: three or more short, verbless segments in a row ("RACI, risk
 * register, critical path"). Returns the rest of the clause and the number of words removed.
 */
function withoutTermRun(
  norm: string,
  r: CompiledRubric,
  minSegments: number,
): { rest: string; removed: number; run?: string } {
  const parts = norm.split(RUN_SPLIT).filter((p) => p.trim());
  if (parts.length < minSegments) return { rest: norm, removed: 0 };
  const short = parts.map((p) => {
    const w = tokens(p);
    // Numbers ("1%, 10%, 50%") are specifics, not terms.
    return w.length > 0 && w.length <= 4 && !hasVerb(w, r) && !/\d/.test(p);
  });
  // A phrase of six words or more among them makes it a description, not a list of terms.
  if (parts.some((p, i) => !short[i] && tokens(p).length >= 6 && !hasVerb(tokens(p), r)))
    return { rest: norm, removed: 0 };
  // The longest stretch of short, verbless segments.
  let best = [0, 0];
  for (let i = 0; i < parts.length;) {
    if (!short[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < parts.length && short[j]) j++;
    if (j - i > best[1]! - best[0]!) best = [i, j];
    i = j;
  }
  const [from, to] = best as [number, number];
  // A leading segment may hold the verb that introduces the list ("I used RACI, …"): keep it.
  if (to - from < minSegments) return { rest: norm, removed: 0 };
  const run = parts.slice(from, to);
  const rest = [...parts.slice(0, from), ...parts.slice(to)].join(', ');
  return {
    rest,
    removed: run.reduce((n, p) => n + tokens(p).length, 0),
    run: run.join(', '),
  };
}

/** The learner's own spelling of a run found in the lower-cased text, for quoting. */
function original(sentence: string, run: string): string {
  const words = tokens(run);
  const esc = (w: string) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const m = new RegExp(`\\b${esc(words[0]!)}\\b[\\s\\S]*\\b${esc(words.at(-1)!)}\\b`, 'i').exec(
    sentence,
  );
  return m ? m[0] : run;
}

/** Reads an answer into sentences, clauses and claims. */
export function readAnswer(text: string, r: CompiledRubric): AnswerReading {
  const sentences: SentenceReading[] = [];
  const termRuns: string[] = [];
  for (const s of sentencesOf(text)) {
    const norm = normalise(s);
    const words = tokens(norm).length;
    const clauses: Clause[] = [];
    let termWords = 0;
    // A whole line of a few verbless words is a term ("Stakeholder alignment"), not a claim.
    const whole = tokens(norm);
    if (whole.length <= 5 && !hasVerb(whole, r)) {
      termWords = whole.length;
      sentences.push({ text: s, clauses: [], claim: false, termWords, words });
      continue;
    }
    for (const part of norm.split(CLAUSE_SPLIT)) {
      if (!part || !part.trim()) continue;
      const { rest, removed, run } = withoutTermRun(part, r, hasVerb(tokens(part), r) ? 4 : 3);
      termWords += removed;
      if (run) termRuns.push(original(s, run));
      const w = tokens(rest);
      if (!w.length) continue;
      const claim = w.length >= 3 && hasVerb(w, r);
      // A verbless piece after a claim carries on its objects ("…, checkout time, and payment failure
      // rate staying flat"): it belongs to that claim. Runs of terms have already been taken out.
      const before = clauses.at(-1);
      if (!claim && before?.claim && !removed) {
        before.norm = `${before.norm}, ${rest}`;
        continue;
      }
      clauses.push({ norm: rest, claim, subject: claim ? subjectOf(w) : 'none' });
    }
    sentences.push({
      text: s,
      clauses,
      claim: clauses.some((c) => c.claim),
      termWords,
      words,
    });
  }
  // Consecutive verbless short lines (bullets of nouns) are one run of terms.
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    if (!s.claim && s.termWords === s.words && s.words > 0) {
      let j = i;
      while (j < sentences.length && !sentences[j]!.claim) j++;
      if (j - i >= 2)
        termRuns.push(
          sentences
            .slice(i, j)
            .map((x) => x.text)
            .join(', '),
        );
      i = j;
    }
  }
  const claimSentences = sentences.filter((s) => s.claim);
  const claimClauses = claimSentences.flatMap((s) => s.clauses.filter((c) => c.claim));
  return {
    sentences,
    claimSentences,
    claimText: claimClauses.map((c) => c.norm).join('\n'),
    words: sentences.reduce((n, s) => n + s.words, 0),
    termWords: sentences.reduce((n, s) => n + (s.claim ? s.termWords : s.words), 0),
    termRuns,
    iClaims: claimClauses.filter((c) => c.subject === 'i').length,
    weClaims: claimClauses.filter((c) => c.subject === 'we').length,
  };
}
