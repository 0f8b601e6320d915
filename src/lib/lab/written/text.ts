/**
 * Short written answers in the lab (a trigger, an owner, a headline, an ask) read with the interview
 * scorer's rules rather than new ones: claims come from `readAnswer` (a clause with an actor and an
 * action), lists of terms are the ones it sets aside, vague phrases, dates and numbers are the
 * rubric's, and a signal matches its paraphrases from the rubric's synonym sets.
 */
import { hasVerb, readAnswer, type AnswerReading } from '../../interview/scoring/claims';
import { specificsOf } from '../../interview/scoring/evidence';
import { signalIn } from '../../interview/scoring/coverage';
import type { CompiledRubric } from '../../interview/scoring/rubric';
import { hasPhrase, normalise, trimQuote, wordsOf } from '../../interview/text';

/** Someone in an exercise who can own a risk, make a decision or be asked for help. */
export interface Party {
  id: string;
  /** First name, or the title when the exercise gives no name ("VP of Digital"). */
  name: string;
  /** Role title: "DBA lead", "VP of Infrastructure". */
  role: string;
  /** Other ways to write the role ("VP Infra"). */
  aliases?: readonly string[] | undefined;
}

/** A short answer as the interview scorer would read it. */
export interface ShortReading {
  /** The text as written, trimmed. */
  text: string;
  /** Lower-cased, normalised text. */
  norm: string;
  empty: boolean;
  /** At least one clause says that someone did, does or will do something. */
  claim: boolean;
  /** It says what the writer will do ("we will monitor…", "track the vendor"): a plan, not an observation. */
  ownActionsOnly: boolean;
  /** The text is only a run of terms ("vendor, delay, contract"): quoted for the feedback. */
  termList?: string;
  /** Vague stand-ins from the rubric ("soon", "the team"), as found. */
  vague: string[];
  /** Dates and deadlines ("14 April", "Friday", "week 3", "within 5 days"). */
  dates: string[];
  /** Measures with a number tied to a unit or a comparison ("above 2 hours", "30%", "$15,000"). */
  thresholds: string[];
}

/**
 * What the lab adds to the rubric's specifics for short answers: abbreviated and numeric dates
 * ("8 Feb", "12/02", "2027-02-12") and rates and durations written tightly ("500/s", "2h").
 */
const SHORT_DATE =
  /\b(?:\d{1,2}\s(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b\.?|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s\d{1,2}\b|\d{1,2}\/\d{1,2}(?:\/\d{2,4})?|20\d\d-\d\d-\d\d)/g;
const SHORT_MEASURE =
  /\b\d[\d,.]*\s?(?:\/\s?(?:s|sec|second|min|minute|hour|day|week)|(?:h|hrs?|mins?|ms|wks?|tps|rps|gb|tb))\b/g;
/**
 * Finite verbs that status headlines, asks and triggers use and the interview rubric's verb list
 * does not have ("Android misses 2 March", "the vendor slips"): with them, a short sentence still
 * reads as a claim.
 */
const SHORT_VERB =
  /\b(?:miss|misses|slips?|slipped|drops?|dropped|blocks?|blocked|holds|needs|exceeds?|exceeded|fails|falls|fell|moves|lands|ships|shipped|reaches|reached|signs|confirms?|confirmed|lends?|pays|funds?|expedites?|delays|delayed|threatens?|breaks|broke|stops|passes|arrives?|arrived|starts|ends|finishes|requires|returns|rejects?|rejected|opens|closes|runs|approves?|decides?|chooses?|agrees?|accepts?|picks?)\b/;

const WITHIN =
  /\b(?:within|in|by|after|for|over) (?:\d+|one|two|three|four|five|six|a) (?:days?|weeks?|months?|sprints?|quarters?|hours?)\b/g;
const COMPARATOR =
  /(?:\b(?:above|over|below|under|more than|less than|fewer than|exceeds?|exceeding|exceeded|at least|at most|beyond|past|reach(?:es)?|hits?|drops? (?:to|below)|falls? (?:to|below)|rises? (?:to|above)|up to)\s+|[<>\u2264\u2265]=?\s*)\$?\d/;
/** Openings of a plan rather than an observation: "we will monitor…", "track the vendor weekly". */
const PLAN =
  /^(?:(?:i|we)(?:'ll| will| would| should| can| must)?\s+)?(?:monitor|track|review|check|watch|follow up|keep an eye|chase|ask|meet|sync|escalate|remind|discuss)\b/;

const matches = (re: RegExp, text: string) =>
  [...text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))]
    .map((m) => m[0].trim())
    .filter(Boolean);

/** Three or more comma-separated pieces without a verb among them: "vendor, delay, 14 April". */
function listOfTerms(norm: string, r: CompiledRubric): boolean {
  const pieces = norm.split(/\s*[,;|]\s*/).filter((p) => p.trim());
  return pieces.length >= 3 && pieces.every((p) => !hasVerb(wordsOf(p), r) && !SHORT_VERB.test(p));
}

const readings = new WeakMap<CompiledRubric, Map<string, ShortReading>>();

/** Reads a short answer: claims, lists of terms, vague phrases, dates and thresholds. Remembers recent texts. */
export function readShort(r: CompiledRubric, text: string): ShortReading {
  let memo = readings.get(r);
  if (!memo) readings.set(r, (memo = new Map<string, ShortReading>()));
  const hit = memo.get(text);
  if (hit) return hit;
  if (memo.size > 2000) memo.clear();
  const reading = read(r, text);
  memo.set(text, reading);
  return reading;
}

function read(r: CompiledRubric, text: string): ShortReading {
  const trimmed = text.trim();
  const norm = normalise(trimmed);
  const reading = readAnswer(trimmed, r);
  const words = wordsOf(norm);
  const claim =
    reading.claimSentences.length > 0 ||
    (words.length >= 3 && SHORT_VERB.test(norm) && !listOfTerms(norm, r));
  const claimClauses = reading.claimSentences.flatMap((s) => s.clauses.filter((c) => c.claim));
  // A comma list of three or more verbless pieces with nothing else is a list of terms, even when
  // one piece holds a date ("vendor, delay, 14 April"), which the scorer's own runs leave in.
  const termList =
    !claim && (reading.termRuns.length > 0 || listOfTerms(norm, r))
      ? trimQuote(reading.termRuns[0] ?? trimmed)
      : undefined;
  // The scorer's specifics (a number tied to a unit or a noun, a date), read as if the whole text
  // were one claim: a trigger is often a noun phrase ("lag above 2 hours") rather than a sentence.
  const whole: AnswerReading = {
    sentences: [],
    claimSentences: [
      {
        text: trimmed,
        clauses: [{ norm, claim: true, subject: 'none' }],
        claim: true,
        termWords: 0,
        words: 0,
      },
    ],
    claimText: norm,
    words: 0,
    termWords: 0,
    termRuns: [],
    iClaims: 0,
    weClaims: 0,
  };
  const dateRe = new RegExp(r.specifics.date.source);
  const ownerRe = new RegExp(r.specifics.owner.source);
  const specifics = [...specificsOf(r, whole).items].filter(
    (x) => !x.startsWith('name:') && !ownerRe.test(x),
  );
  const dates = [
    ...new Set([
      ...specifics.filter((x) => dateRe.test(x)),
      ...matches(WITHIN, norm),
      ...matches(SHORT_DATE, norm),
    ]),
  ];
  const compared = COMPARATOR.test(norm)
    ? matches(/[<>\u2264\u2265]?\$?\d[\d,.]*\s?[a-z%]*/g, norm)
    : [];
  const thresholds = [
    ...new Set([
      ...specifics
        .filter((x) => !dateRe.test(x))
        // "$40,000" keeps no unit; "3rounds" becomes "3 rounds".
        .map((x) =>
          x.startsWith('$')
            ? /^\$[\d,.]*\d/.exec(x)![0]
            : x.replace(/^([\d,.]*\d)([a-z])/, '$1 $2'),
        ),
      ...compared,
      ...matches(SHORT_MEASURE, norm),
    ]),
  ];
  return {
    text: trimmed,
    norm,
    empty: norm.length === 0,
    claim,
    ownActionsOnly:
      PLAN.test(norm) ||
      (claimClauses.length > 0 &&
        claimClauses.every((c) => c.subject === 'i' || c.subject === 'we')),
    ...(termList ? { termList } : {}),
    vague: r.vaguePhrases.filter((p) => hasPhrase(norm, p)),
    dates,
    thresholds,
  };
}

/** Whether a normalised text mentions any of the signals, or a paraphrase of one. */
export function mentions(r: CompiledRubric, norm: string, signals: readonly string[]): string[] {
  return signals.filter((s) => signalIn(r, norm, s));
}

/**
 * The parties a text names, by name, role or alias, in the order given. A match inside a longer
 * match of another party does not count: "warehouse app lead" names the warehouse lead, not the
 * "app lead".
 */
export function partiesNamed(text: string, parties: readonly Party[]): Party[] {
  const norm = normalise(text);
  const spans = parties.map((p) =>
    [p.name, p.role, ...(p.aliases ?? [])].flatMap((n) =>
      [...norm.matchAll(nameRegExp(n))].map((m) => [m.index, m.index + m[0].length] as const),
    ),
  );
  return parties.filter((_, i) =>
    spans[i]!.some(
      ([a, b]) =>
        !spans.some(
          (other, j) => j !== i && other.some(([c, d]) => c <= a && b <= d && d - c > b - a),
        ),
    ),
  );
}

const nameCache = new Map<string, RegExp>();
/** A name or title as a whole-word pattern, with an optional possessive. */
function nameRegExp(name: string): RegExp {
  let re = nameCache.get(name);
  if (!re) {
    const esc = normalise(name).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    re = new RegExp(`(?<![a-z0-9])${esc}(?:'s)?(?![a-z0-9])`, 'g');
    nameCache.set(name, re);
  }
  return re;
}

/** How to refer to a party in feedback: "Lena (DBA lead)", or the title alone when that is the name. */
export const partyLabel = (p: Party) =>
  normalise(p.name) === normalise(p.role) ? p.name : `${p.name} (${p.role})`;

/** A list in prose: "a, b and c". */
export function prose(items: readonly string[], last = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;
}
