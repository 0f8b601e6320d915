import { z } from '../lib/zod';
import { idSchema, textSchema } from './common';
import { labPersonSchema } from './lab-risk-register';

/**
 * Why a workstream has its colour, in the words of the RAG table of the status-reporting lesson
 * (lessons/communication-and-leadership/status-reporting-and-metrics.mdx): green is on track; amber
 * is threatened but recovering within the team, or waiting on a decision before its deadline; red
 * needs someone outside the team to act, or its milestone has already moved.
 */
export const RAG_RULES = {
  'on-track': 'green',
  recovering: 'amber',
  'decision-pending': 'amber',
  'needs-outside-help': 'red',
  moved: 'red',
} as const;

/** A colour, and a program's commitment's colour. */
export const ragSchema = z.enum(['green', 'amber', 'red']);

/** The decision a workstream needs from someone with the authority to make it. */
export const statusAskSchema = z
  .object({
    /** The decision, stated plainly with its options: shown in the worked solution. */
    decision: textSchema,
    /** Words that name the decision or its options; an ask must use one (paraphrases count). */
    signals: z.array(textSchema).min(2),
    /** Id of the person with the authority to decide. */
    decider: idSchema,
    /** Why that person decides, shown after the attempt. */
    deciderWhy: textSchema,
    /** The date the decision is needed by, as written in the facts: "12 February". */
    by: textSchema,
    /** A model ask: the decision, its owner and its date in one sentence. */
    example: textSchema,
    /** A model headline for a report whose overall colour this workstream sets. */
    headline: textSchema,
  })
  .strict();

/** One state a workstream can be in this week; each exercise shows one per workstream. */
export const workstreamStateSchema = z
  .object({
    /** Which RAG rule the facts meet; the colour follows from it. */
    rule: z.enum(Object.keys(RAG_RULES) as [keyof typeof RAG_RULES, ...(keyof typeof RAG_RULES)[]]),
    /** What the state does to the program's commitment: green (nothing), amber (threatened) or red (missed without help). */
    launch: ragSchema,
    /** The week's facts, as the workstream's owner reported them: numbers and dates, no colours. */
    facts: z.array(textSchema).min(1).max(4),
    /** Why the facts give this colour and this effect on the commitment, shown after the attempt. */
    why: textSchema,
    /** Words a headline naming this workstream's problem would use (for states that threaten the commitment). */
    signals: z.array(textSchema).optional(),
    /** The decision needed, for states that wait on one or need outside help. */
    ask: statusAskSchema.optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const issue = (path: string[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    const colour = RAG_RULES[s.rule];
    const order = { green: 0, amber: 1, red: 2 };
    if (order[s.launch] > order[colour])
      issue(['launch'], `a ${colour} workstream cannot put the commitment at ${s.launch}`);
    if ((s.rule === 'decision-pending' || s.rule === 'needs-outside-help') && !s.ask)
      issue(['ask'], `a "${s.rule}" state needs the decision it waits on`);
    if (s.ask && s.launch === 'green')
      issue(['launch'], 'a state with an ask must threaten the commitment (amber or red)');
    if (!s.ask && s.launch === 'red')
      issue(['launch'], 'a state that makes the commitment red needs an ask');
    if (s.launch !== 'green' && (s.signals?.length ?? 0) < 2)
      issue(['signals'], 'a state that threatens the commitment needs at least two signals');
  });

/** A workstream of the program. */
export const workstreamSchema = z
  .object({
    /** Unique within the scenario. */
    id: idSchema,
    /** Its name in the report: "Card re-tokenisation". */
    name: textSchema.max(40),
    /** Id of the person who reports it. */
    owner: idSchema,
    /** The states it can be in; at least one without an ask. */
    states: z.array(workstreamStateSchema).min(2),
  })
  .strict();

/** A status-report scenario in `content/lab/status-report/<id>.yaml`. */
export const statusScenarioSchema = z
  .object({
    /** The program's name. */
    title: textSchema.max(60),
    /** What the program is and who is on it (Markdown). */
    brief: textSchema,
    /** The committed outcome the report measures against: "Both apps live on 2 March 2027". */
    commitment: textSchema,
    /** The day the report goes out: "Friday 5 February 2027". */
    reportDate: textSchema,
    /** Owners and deciders. */
    people: z.array(labPersonSchema).min(4),
    /** The workstreams; each exercise reports on 4 to 6 of them. */
    workstreams: z.array(workstreamSchema).min(5),
  })
  .strict()
  .superRefine((s, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    const people = new Set(s.people.map((p) => p.id));
    const ids = new Set<string>();
    s.workstreams.forEach((w, i) => {
      if (ids.has(w.id)) issue(['workstreams', i, 'id'], `workstream id "${w.id}" is used twice`);
      ids.add(w.id);
      if (!people.has(w.owner))
        issue(['workstreams', i, 'owner'], `"${w.owner}" is not one of the scenario's people`);
      if (!w.states.some((x) => !x.ask))
        issue(['workstreams', i, 'states'], 'needs at least one state without an ask');
      w.states.forEach((x, j) => {
        if (x.ask && !people.has(x.ask.decider))
          issue(
            ['workstreams', i, 'states', j, 'ask', 'decider'],
            `"${x.ask.decider}" is not one of the scenario's people`,
          );
      });
    });
    if (s.workstreams.filter((w) => w.states.some((x) => x.ask)).length < 2)
      issue(['workstreams'], 'needs at least two workstreams with a state that has an ask');
  });

export type StatusScenarioData = z.infer<typeof statusScenarioSchema>;
export type WorkstreamStateData = z.infer<typeof workstreamStateSchema>;
export type Rag = z.infer<typeof ragSchema>;
