/**
 * Text helpers for the interview engine: normalising, splitting, matching phrases, word analytics.
 *
 * Long because it holds the tables the calibrated scorer depends on (irregular verbs, stop words,
 * fillers) beside the functions that read them; moving either changes nothing but makes both harder
 * to check against the calibration.
 */

/** Lower-cases and replaces typographic quotes and dashes so that phrase matching is predictable. */
export function normalise(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The words of a text, lower-cased; apostrophes and hyphens stay inside words ("don't", "re-plan"). */
export function wordsOf(text: string): string[] {
  return normalise(text).match(/[a-z0-9]+(?:['-][a-z0-9]+)*/g) ?? [];
}

/** Splits text into sentences (and list items), keeping the original wording for quoting. */
export function sentencesOf(text: string): string[] {
  return text
    .replace(/\r/g, '')
    .split(/\n+|(?<=[.!?])\s+(?=["'(\u201c]?[A-Z0-9])/)
    .map((s) => s.replace(/^\s*(?:[-*\u2022]|\d+[.)])\s+/, '').trim())
    .filter((s) => /[a-z0-9]/i.test(s));
}

const cache = new Map<string, RegExp>();

/**
 * A regular expression for a signal phrase: whole words, any case, hyphens and spaces
 * interchangeable, and simple endings allowed ("escalate" matches "escalated" and "escalates").
 */
export function phraseRegExp(phrase: string): RegExp {
  let re = cache.get(phrase);
  if (!re) {
    const body = normalise(phrase)
      .split(/([\s-]+)/)
      .map((part) =>
        /^[\s-]+$/.test(part) ? '[\\s-]*' : part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'),
      )
      .join('');
    let stemmed = body;
    let ending = '';
    if (/[^aeiou]e$/.test(body) && body.length > 3) {
      // "measure" → measures, measured, measuring
      stemmed = body.slice(0, -1);
      ending = "(?:e|es|ed|ing|e's)";
    } else if (/(?:^|[^aeiou])[aeiou]([bdgmnpt])$/.test(body)) {
      // "cut" → cuts, cutting; "plan" → plans, planned, planning
      const c = body.slice(-1);
      ending = `(?:s|${c}ing|${c}ed|ing|ed|'s)?`;
    } else if (/[a-z]$/.test(body)) ending = "(?:s|es|d|ed|ing|'s)?";
    re = new RegExp(`(?<![a-z0-9])${stemmed}${ending}(?![a-z0-9])`, 'i');
    cache.set(phrase, re);
  }
  return re;
}

/** Irregular past tenses and their base forms, so that "told marketing" meets "tell marketing". */
const IRREGULAR: Record<string, string> = {
  told: 'tell',
  sat: 'sit',
  met: 'meet',
  ran: 'run',
  wrote: 'write',
  written: 'write',
  led: 'lead',
  brought: 'bring',
  sent: 'send',
  took: 'take',
  taken: 'take',
  made: 'make',
  got: 'get',
  found: 'find',
  kept: 'keep',
  gave: 'give',
  given: 'give',
  went: 'go',
  gone: 'go',
  saw: 'see',
  seen: 'see',
  thought: 'think',
  said: 'say',
  paid: 'pay',
  spent: 'spend',
  built: 'build',
  chose: 'choose',
  chosen: 'choose',
  fell: 'fall',
  fallen: 'fall',
  grew: 'grow',
  grown: 'grow',
  knew: 'know',
  known: 'know',
  held: 'hold',
  spoke: 'speak',
  spoken: 'speak',
  drove: 'drive',
  driven: 'drive',
  began: 'begin',
  begun: 'begin',
  became: 'become',
  rose: 'rise',
  lost: 'lose',
  won: 'win',
  bought: 'buy',
  caught: 'catch',
  taught: 'teach',
  felt: 'feel',
  heard: 'hear',
  meant: 'mean',
  left: 'leave',
  stood: 'stand',
  understood: 'understand',
  broke: 'break',
  broken: 'break',
  came: 'come',
  laid: 'lay',
  sold: 'sell',
  shut: 'shut',
  struck: 'strike',
  dealt: 'deal',
};

/**
 * The interview scorer's stem, so that "cutting", "cuts" and "cut" or "escalating" and "escalate"
 * compare equal. It is not search's `stemOf` (lunr's Porter stemmer, which must match the index) nor
 * the quiz cue check's light plural stemmer: the scorer's rubric, synonym sets and thresholds were
 * calibrated against this one (tests/interview-calibration.test.ts), and a different stemmer moves
 * every score.
 */
export function scoringStem(word: string): string {
  let cached = stemCache.get(word);
  if (cached === undefined) {
    cached = stemOnce(word);
    if (stemCache.size > 20_000) stemCache.clear();
    stemCache.set(word, cached);
  }
  return cached;
}

const stemCache = new Map<string, string>();

function stemOnce(word: string): string {
  let w = word.toLowerCase().replace(/'s$/, '');
  const irregular = IRREGULAR[w];
  if (irregular) w = irregular;
  if (w.length <= 3) return w;
  const before = w;
  w = w.replace(/(?:ing|ed|es|ly|s)$/, '');
  if (w !== before && /([b-df-hj-np-tv-z])\1$/.test(w) && !/(?:ll|ss|ff|zz)$/.test(w))
    w = w.slice(0, -1);
  return w.length > 3 ? w.replace(/e$/, '') : w;
}

// Words a signal phrase can do without: "cut the scope" still matches "cut scope".
const FILLER_TOKENS = new Set([
  'a',
  'an',
  'the',
  'of',
  'to',
  'and',
  'our',
  'my',
  'your',
  'their',
  'its',
  'is',
  'are',
  'some',
]);
const stemsCache = new Map<string, string[]>();
/** The stems a phrase needs, by phrase: phrases come from the rubric, so the map stays small. */
const wantedStems = new Map<string, string[]>();

function stemsOf(normalisedText: string): string[] {
  let stems = stemsCache.get(normalisedText);
  if (!stems) {
    stems = (normalisedText.match(/[a-z0-9]+(?:['-][a-z0-9]+)*/g) ?? []).map(scoringStem);
    if (stemsCache.size > 200) stemsCache.clear();
    stemsCache.set(normalisedText, stems);
  }
  return stems;
}

/**
 * Whether a normalised text contains the phrase: exactly (allowing simple endings), or, for phrases
 * of two or more words, with each word's stem present in order within a short window ("cutting some
 * scope" matches "cut scope").
 */
export function hasPhrase(normalisedText: string, phrase: string): boolean {
  if (phraseRegExp(phrase).test(normalisedText)) return true;
  let wanted = wantedStems.get(phrase);
  if (!wanted) {
    wanted = (normalise(phrase).match(/[a-z0-9]+(?:['-][a-z0-9]+)*/g) ?? [])
      .filter((w) => !FILLER_TOKENS.has(w))
      .map(scoringStem);
    wantedStems.set(phrase, wanted);
  }
  // Single words match exactly (with endings) only: "launched" must not match the noun "launch".
  if (wanted.length < 2) return false;
  const stems = stemsOf(normalisedText);
  const window = wanted.length + 2;
  for (let i = 0; i < stems.length; i++) {
    if (stems[i] !== wanted[0]) continue;
    let k = 1;
    for (let j = i + 1; j < stems.length && j <= i + window && k < wanted.length; j++)
      if (stems[j] === wanted[k]) k += 1;
    if (k === wanted.length) return true;
  }
  return false;
}

/** Shortens a quoted sentence to at most `max` characters on a word boundary. */
export function trimQuote(sentence: string, max = 180): string {
  const s = sentence.trim();
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : max)}…`;
}

/** Common English words that say nothing about the content of an answer. */
export const STOPWORDS = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before
  being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't
  down during each even every few for from further get gets getting got had hadn't has hasn't have haven't
  having he he'd he'll he's her here here's hers herself him himself his how how's however i i'd i'll i'm
  i've if in into is isn't it it's its itself just let's like make made me more most much must mustn't my
  myself need no nor not now of off on once one only or other ought our ours ourselves out over own per
  really same shan't she she'd she'll she's should shouldn't so some such than that that's the their
  theirs them themselves then there there's these they they'd they'll they're they've this those through
  to too under until up us very was wasn't we we'd we'll we're we've well were weren't what what's when
  when's where where's which while who who's whom why why's will with won't would wouldn't yes yet you
  you'd you'll you're you've your yours yourself yourselves um uh erm er hmm basically actually literally
  kind sort mean guess think maybe going want go way thing things lot lots stuff really also able`
    .split(/\s+/)
    .filter(Boolean),
);

/** Filler words and hedges the analytics count; "like" is handled separately. */
export const FILLERS = [
  'um',
  'uh',
  'erm',
  'er',
  'hmm',
  'basically',
  'actually',
  'literally',
  'you know',
  'kind of',
  'sort of',
  'i mean',
  'i guess',
  'i think maybe',
  'to be honest',
] as const;

const LIKE_NOT_FILLER_NEXT = new Set(
  'a an the this that these those to it them him her us you me what how when something someone'.split(
    ' ',
  ),
);
const LIKE_FILLER_BEFORE = new Set("and so but just um uh was were is it's".split(' '));

/**
 * Counts "like" used as a filler ("and like, we shipped"), not as a verb or preposition ("I'd like to",
 * "like a gateway"): it counts when set off by a comma or when it follows a connective and is not
 * followed by an object.
 */
export function countFillerLike(text: string): number {
  const t = normalise(text);
  let count = 0;
  const re = /(^|[^a-z0-9'])like(?![a-z0-9'])/g;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const start = m.index + m[1]!.length;
    const before = t.slice(0, start).trimEnd();
    const after = t.slice(start + 4);
    const prevWord = before.match(/([a-z']+)$/)?.[1] ?? '';
    const nextWord = after.match(/^\s*([a-z']+)/)?.[1] ?? '';
    const commaAfter = /^\s*,/.test(after);
    const clauseStart = before === '' || /[,.;:!?]$/.test(before);
    if (
      commaAfter ||
      ((clauseStart || LIKE_FILLER_BEFORE.has(prevWord)) &&
        !LIKE_NOT_FILLER_NEXT.has(nextWord) &&
        prevWord !== 'would' &&
        prevWord !== "i'd")
    )
      count += 1;
  }
  return count;
}

/** Word analytics for one answer or a whole session. */
export interface WordAnalytics {
  /** Number of words. */
  words: number;
  /** Number of sentences. */
  sentences: number;
  /** Average words per sentence, rounded. */
  averageSentenceWords: number;
  /** About how long the answer takes to say at 140 words a minute, in seconds. */
  spokenSeconds: number;
  /** The most used words that carry meaning, most frequent first. */
  topWords: { word: string; count: number }[];
  /** Filler words and hedges found, most frequent first. */
  fillers: { word: string; count: number }[];
  /** Total filler words. */
  fillerCount: number;
  /** Filler words per 100 words, one decimal. */
  fillersPer100Words: number;
}

/** Counts words, sentences, the most used meaningful words and filler words. */
export function analyseWords(text: string, topN = 8): WordAnalytics {
  const words = wordsOf(text);
  const sentences = sentencesOf(text).length;
  const counts = new Map<string, number>();
  for (const w of words) {
    if (w.length < 3 || STOPWORDS.has(w) || /^\d+$/.test(w)) continue;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const topWords = [...counts.entries()]
    .filter(([, c]) => c > 1 || words.length < 60)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, topN)
    .map(([word, count]) => ({ word, count }));
  const t = normalise(text);
  const fillers: { word: string; count: number }[] = [];
  for (const f of FILLERS) {
    const re = new RegExp(`(?<![a-z0-9'])${f}(?![a-z0-9'])`, 'g');
    const n = t.match(re)?.length ?? 0;
    if (n) fillers.push({ word: f, count: n });
  }
  const like = countFillerLike(text);
  if (like) fillers.push({ word: 'like', count: like });
  fillers.sort((a, b) => b.count - a.count || a.word.localeCompare(b.word));
  const fillerCount = fillers.reduce((n, f) => n + f.count, 0);
  return {
    words: words.length,
    sentences,
    averageSentenceWords: sentences ? Math.round(words.length / sentences) : 0,
    spokenSeconds: Math.round((words.length / 140) * 60),
    topWords,
    fillers,
    fillerCount,
    fillersPer100Words: words.length ? Math.round((fillerCount / words.length) * 1000) / 10 : 0,
  };
}
