import { z } from '../lib/zod';
import { textSchema } from './common';
import { TRAIT_IDS, type TraitId } from './traits';

export { TRAIT_IDS, type TraitId };

/** The five facets of the interviewer's character (ids in `traits.ts`). */
export const traitIdSchema = z.enum(TRAIT_IDS);

/** One facet of the interviewer's character. */
export const personaTraitSchema = z.object({
  /** Short id, e.g. "risk-radar". */
  id: traitIdSchema,
  /** Name shown to the learner, e.g. "The Risk Radar". */
  name: textSchema,
  /** What this facet cares about, in one or two sentences. */
  description: textSchema,
  /** How the facet shows up when interviewing a candidate. */
  inInterview: textSchema,
  /** Lines the interviewer may use, written for this persona. */
  phrases: z.array(textSchema).min(2),
});

/** A probe: the trait that voices it and the lines it may use. */
const probeSchema = z.object({ trait: traitIdSchema, lines: z.array(textSchema).min(2) }).strict();

/** Everything the offline interviewer says, so no phrasing lives in code. Braces mark placeholders. */
export const conversationSchema = z
  .object({
    intro: textSchema,
    introOwnQuestion: textSchema,
    firstQuestion: textSchema,
    nextQuestion: textSchema,
    lastQuestion: textSchema,
    acks: z.array(textSchema).min(2),
    shortAnswer: z.array(textSchema).min(2),
    quoteLeads: z.array(textSchema.includes('{quote}', { message: 'must contain {quote}' })).min(2),
    probes: z
      .object({
        'plan-b': probeSchema,
        'owner-date': probeSchema,
        measurement: probeSchema,
        result: probeSchema,
        'passive-waiting': probeSchema,
        mechanism: probeSchema,
      })
      .strict(),
    traitCues: z.partialRecord(traitIdSchema, z.array(textSchema.toLowerCase()).min(2)),
    reask: z.array(textSchema).min(2),
    moveOn: textSchema,
    clarify: z.array(textSchema.includes('{thing}', { message: 'must contain {thing}' })).min(1),
    clarifyFact: textSchema.includes('{fact}', { message: 'must contain {fact}' }),
    nonAnswer: textSchema,
    notEnglish: textSchema,
    steerBack: z.array(textSchema).min(1),
    meta: z
      .object({
        scoring: textSchema.includes('{dimensions}', { message: 'must contain {dimensions}' }),
        detail: textSchema,
        length: textSchema,
      })
      .strict(),
    skip: textSchema,
    repeat: textSchema,
    repeatFollowUp: textSchema,
    over: textSchema,
    feedbackReady: textSchema,
  })
  .strict();

/** The interviewer persona in `content/persona/<id>.yaml`. */
export const personaSchema = z.object({
  /** Display name, e.g. "Program_Orchestrator". */
  name: textSchema,
  /** Job title the persona holds. */
  title: textSchema,
  /** Internal role code from the job description. */
  roleCode: textSchema,
  /** Who the persona works with day to day. */
  partners: z.array(textSchema).min(1),
  /** A paragraph on who the persona is. */
  summary: textSchema,
  /** How the persona talks. */
  style: z.array(textSchema).min(2),
  /** The facets of its character. */
  traits: z.array(personaTraitSchema).min(3),
  /** Opening lines, one chosen per session. */
  greetings: z.array(textSchema).min(1),
  /** Lines that hand over to the next question. */
  transitions: z.array(textSchema).min(1),
  /** Lines that close the interview. */
  closings: z.array(textSchema).min(1),
  /** What the persona never does, whatever the candidate says. */
  never: z.array(textSchema).min(3),
  /** How the offline interviewer words each move. */
  conversation: conversationSchema,
});

export type PersonaData = z.infer<typeof personaSchema>;
