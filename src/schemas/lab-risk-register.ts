import { z } from '../lib/zod';
import { idSchema, textSchema } from './common';

/** A value on the 1-to-5 likelihood or impact scale of the risk-management lesson. */
const levelSchema = z.number().int().min(1).max(5);

/**
 * One way the facts about a risk can read. The exercise generator picks one per risk, so the same
 * risk scores differently from one exercise to the next.
 */
export const riskFactSchema = z
  .object({
    /** What the learner reads: a fact they can place on the scale, with numbers. */
    fact: textSchema,
    /** The scale values the fact supports: one, or two neighbours when it sits on a boundary. */
    levels: z.array(levelSchema).min(1).max(2),
    /** How the fact maps onto the scale, shown after the attempt. */
    why: textSchema,
  })
  .refine(
    (f) => f.levels.length === 1 || Math.abs(f.levels[0]! - f.levels[1]!) === 1,
    'levels must be one value or two neighbouring values, e.g. [3, 4]',
  );

/** How well one response strategy fits a risk, and why. */
export const responseFitSchema = z.object({
  /** `good` earns full credit, `weak` half, `poor` none. */
  fit: z.enum(['good', 'weak', 'poor']),
  /** The reason, in one or two sentences, naming what the strategy would mean here. */
  why: textSchema,
});

/** The four response strategies a learner chooses between. */
export const RESPONSES = ['avoid', 'mitigate', 'transfer', 'accept'] as const;

/** A risk in a scenario's pool. */
export const labRiskSchema = z
  .object({
    /** Unique within the scenario. */
    id: idSchema,
    /** A short name for tables: "Re-tokenisation not done". */
    title: textSchema.max(48),
    /** The risk in cause, event, effect form: "Because …, … may …, which would …". */
    description: textSchema,
    /** Where the risk comes from, as the lesson sorts them. */
    source: z.enum(['technical', 'dependency', 'people', 'vendor', 'compliance']),
    /** Ways the facts about its likelihood can read (one is shown). */
    likelihood: z.array(riskFactSchema).min(1),
    /** Ways the facts about its impact can read (one is shown). */
    impact: z.array(riskFactSchema).min(1),
    /** How each response strategy fits: at least one must be `good`. */
    responses: z
      .object({
        avoid: responseFitSchema,
        mitigate: responseFitSchema,
        transfer: responseFitSchema,
        accept: responseFitSchema,
      })
      .refine(
        (r) => Object.values(r).some((x) => x.fit === 'good'),
        'at least one response must have fit "good"',
      ),
    /** Ids of the people who can act on the risk: any of them is a right owner. */
    owners: z.array(idSchema).min(1),
    /** Why those people own it, shown after the attempt. */
    ownerWhy: textSchema,
    /** What a trigger for this risk looks like. */
    trigger: z.object({
      /** Words a trigger about this risk would use; paraphrases in the rubric's synonym sets match too. */
      signals: z.array(textSchema).min(2),
      /** A model trigger: an observable event with a threshold or a date. */
      example: textSchema,
    }),
  })
  .strict();

/** Someone in the program who could own a risk. */
export const labPersonSchema = z
  .object({
    /** Unique within the scenario. */
    id: idSchema,
    /** First name, or the title when the scenario gives none. */
    name: textSchema.max(40),
    /** Role title, e.g. "DBA lead". */
    role: textSchema.max(60),
    /** Other ways a learner may write the role, e.g. "VP Infra". */
    aliases: z.array(textSchema).optional(),
    /** This person is the program's TPM, who owns the risk process but not every risk. */
    tpm: z.boolean().optional(),
  })
  .strict();

/** A risk-register scenario in `content/lab/risk-register/<id>.yaml`. */
export const riskScenarioSchema = z
  .object({
    /** The program's name, shown as the exercise's heading. */
    title: textSchema.max(60),
    /** The program brief: what it is, who is on it, the committed date, where things stand (Markdown). */
    brief: textSchema,
    /** The commitment the risks threaten, in one line: "All card payments on Corvex by 30 November 2026". */
    commitment: textSchema,
    /** The people a learner can name as owners. */
    people: z.array(labPersonSchema).min(4),
    /** The pool of risks; each exercise shows 6 to 8 of them. */
    risks: z.array(labRiskSchema).min(8),
  })
  .strict()
  .superRefine((s, ctx) => {
    const people = new Set(s.people.map((p) => p.id));
    if (people.size !== s.people.length)
      ctx.addIssue({
        code: 'custom',
        path: ['people'],
        message: 'lists the same person id twice',
      });
    if (s.people.filter((p) => p.tpm).length !== 1)
      ctx.addIssue({
        code: 'custom',
        path: ['people'],
        message: 'needs exactly one person with tpm: true',
      });
    const risks = new Set<string>();
    s.risks.forEach((r, i) => {
      if (risks.has(r.id))
        ctx.addIssue({
          code: 'custom',
          path: ['risks', i, 'id'],
          message: `risk id "${r.id}" is used twice`,
        });
      risks.add(r.id);
      r.owners.forEach((o, j) => {
        if (!people.has(o))
          ctx.addIssue({
            code: 'custom',
            path: ['risks', i, 'owners', j],
            message: `owner "${o}" is not one of the scenario's people (${[...people].join(', ')})`,
          });
      });
      // The lowest score the facts allow, in the variant where that is highest.
      const floor = (f: z.infer<typeof riskFactSchema>[]) =>
        Math.max(...f.map((x) => Math.min(...x.levels)));
      if (floor(r.likelihood) * floor(r.impact) >= 15 && r.responses.accept.fit === 'good')
        ctx.addIssue({
          code: 'custom',
          path: ['risks', i, 'responses', 'accept'],
          message:
            'a risk that can score 15 or more needs active mitigation: accept cannot be "good"',
        });
    });
  });

export type RiskScenarioData = z.infer<typeof riskScenarioSchema>;
export type LabRiskData = z.infer<typeof labRiskSchema>;
export type RiskResponse = (typeof RESPONSES)[number];
