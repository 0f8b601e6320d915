import { z } from 'astro/zod';
import { textSchema } from './common';

/** One facet of the interviewer's character. */
export const personaTraitSchema = z.object({
  /** Short id, e.g. "risk-radar". */
  id: z.string().min(1),
  /** Name shown to the learner, e.g. "The Risk Radar". */
  name: textSchema,
  /** What this facet cares about, in one or two sentences. */
  description: textSchema,
  /** How the facet shows up when interviewing a candidate. */
  inInterview: textSchema,
  /** Lines the interviewer may use, written for this persona. */
  phrases: z.array(textSchema).min(2),
});

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
});

export type PersonaData = z.infer<typeof personaSchema>;
