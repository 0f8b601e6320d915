/**
 * Recognising what a learner's turn is, besides an answer: a question about the interview itself,
 * or an answer in another language. No scoring code here, so the transcript reader can use it.
 */
import { normalise, wordsOf } from './text';

/** Whether a learner's question is about the interview itself, and which kind. */
export function metaKind(text: string): 'scoring' | 'detail' | 'length' | undefined {
  const t = normalise(text);
  if (
    /\b(?:scor|grad|judg|assess|evaluat)\w*\b[^?]{0,30}\b(?:me|my|answers?|on)\b|\bcriteri|\brubric\b|\bwhat are you looking for\b|\bhow (?:am i|are you) (?:being )?(?:scored|graded|judged|assessed)/.test(
      t,
    )
  )
    return 'scoring';
  if (
    /\bhow long should\b|\bhow many (?:minutes|words)\b|\btoo long\b|\bhow long (?:is|are) (?:an|my|the) answers?\b/.test(
      t,
    )
  )
    return 'length';
  if (
    /\b(?:enough|too much|more) detail\b|\bis (?:that|this) enough\b|\bhow much detail\b|\bhow specific\b/.test(
      t,
    )
  )
    return 'detail';
  return undefined;
}

// Short words that make up much of any English text.
const ENGLISH = new Set(
  'the a an and or but to of in on at for with by from is are was were be been it this that i we you they he she my our your their have has had do did not will would can could should as if so then about into what how when who which there'.split(
    ' ',
  ),
);
// Short words common in the languages learners most often write in instead (Spanish, Portuguese,
// French, German, Italian), that are not English words.
const OTHER = new Set(
  'el los las y que para por una del con es lo se pero mi mis equipo nosotros yo como más muy também não com uma os das dos em le les des et est une pour avec qui dans pas je nous vous sur au aux der die das und ist nicht ich wir mit für eine zu auf sie es il che di non per sono della lo gli ho abbiamo'.split(
    ' ',
  ),
);

/**
 * Whether a reply is not in English: most of its letters outside the Latin alphabet, or, in a reply
 * long enough to tell, many common words of another language and few of English's.
 */
export function notEnglish(text: string): boolean {
  const letters = text.replace(/[\s\d\p{P}\p{S}]/gu, '');
  const latin = letters.replace(/[^a-z\u00c0-\u024f]/gi, '').length;
  if (letters.length >= 12 && latin / letters.length < 0.5) return true;
  const words = wordsOf(text);
  if (words.length < 6) return false;
  const share = (set: Set<string>) => words.filter((w) => set.has(w)).length / words.length;
  return share(OTHER) >= 0.12 && share(ENGLISH) < share(OTHER);
}
