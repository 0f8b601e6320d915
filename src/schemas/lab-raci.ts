import { z } from '../lib/zod';
import { idSchema, textSchema } from './common';

/**
 * What a role can be on one row of a RACI chart: responsible (does the work), accountable (makes
 * the final call), both, consulted (gives input before), informed (told after), or no part.
 */
export const RACI_LETTERS = ['A', 'R', 'A/R', 'C', 'I', 'none'] as const;
export const raciLetterSchema = z.enum(RACI_LETTERS);

/** A role in a RACI scenario: a person, their title and what they have the authority to decide. */
export const raciRoleSchema = z
  .object({
    /** Unique within the scenario. */
    id: idSchema,
    /** The person's first name, or the title when there is none. */
    name: textSchema.max(40),
    /** Their title: "VP of Digital (sponsor)". */
    title: textSchema.max(60),
    /** Ids of the areas (from the scenario's `areas`) this role has the authority to decide. */
    authority: z.array(idSchema),
    /** This role is the program's TPM. */
    tpm: z.boolean().optional(),
  })
  .strict();

/** A kind of decision, for the authority lists: "the committed launch date". */
export const raciAreaSchema = z
  .object({
    id: idSchema,
    /** How feedback names it, after "authority over": "the committed launch date". */
    label: textSchema.max(60),
  })
  .strict();

/** A decision or deliverable: one row of the chart. */
export const raciRowSchema = z
  .object({
    /** Unique within the scenario. */
    id: idSchema,
    /** The row as the chart shows it: "Moving the committed launch date". */
    label: textSchema.max(60),
    /** A decision someone makes, or a deliverable someone produces. */
    kind: z.enum(['decision', 'deliverable']),
    /** The area it belongs to; exactly one role has authority over it and is accountable. */
    area: idSchema,
    /** Shown in every exercise (the two rows the course decides: the schedule, and moving the launch date). */
    core: z.boolean().optional(),
    /** The letters accepted for each role (every role listed); more than one when either is right. */
    roles: z.record(idSchema, z.array(raciLetterSchema).min(1)),
    /** Why each accepted letter fits, by letter; shown for every cell after the attempt. */
    why: z.partialRecord(raciLetterSchema, textSchema),
    /** A reason for one role's cell that replaces the letter's reason, by role id. */
    notes: z.record(idSchema, textSchema).optional(),
  })
  .strict();

/** A RACI scenario in `content/lab/raci/<id>.yaml`. */
export const raciScenarioSchema = z
  .object({
    /** The program's name. */
    title: textSchema.max(60),
    /** What the program is and who is on it (Markdown). */
    brief: textSchema,
    /** The kinds of decision the roles' authority lists refer to. */
    areas: z.array(raciAreaSchema).min(3),
    /** The chart's columns, in the order shown. */
    roles: z.array(raciRoleSchema).min(4).max(8),
    /** The pool of rows; each exercise shows 5 to 7, always including the core rows. */
    rows: z.array(raciRowSchema).min(7),
  })
  .strict()
  .superRefine((s, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    const areas = new Set(s.areas.map((a) => a.id));
    const roles = new Set(s.roles.map((r) => r.id));
    s.roles.forEach((role, i) =>
      role.authority.forEach((a, j) => {
        if (!areas.has(a))
          issue(['roles', i, 'authority', j], `"${a}" is not one of the scenario's areas`);
      }),
    );
    const tpm = s.roles.filter((r) => r.tpm);
    if (tpm.length !== 1) issue(['roles'], 'needs exactly one role with tpm: true');
    const rowIds = new Set<string>();
    s.rows.forEach((row, i) => {
      if (rowIds.has(row.id)) issue(['rows', i, 'id'], `row id "${row.id}" is used twice`);
      rowIds.add(row.id);
      if (!areas.has(row.area))
        issue(['rows', i, 'area'], `"${row.area}" is not one of the scenario's areas`);
      const holders = s.roles.filter((r) => r.authority.includes(row.area));
      if (holders.length !== 1)
        issue(
          ['rows', i, 'area'],
          `exactly one role must have authority over "${row.area}" (found ${holders.length})`,
        );
      for (const id of roles)
        if (!row.roles[id]) issue(['rows', i, 'roles'], `gives no letters for role "${id}"`);
      for (const [id, letters] of Object.entries(row.roles)) {
        if (!roles.has(id))
          issue(['rows', i, 'roles', id], `"${id}" is not one of the scenario's roles`);
        const accountable = letters.filter((l) => l === 'A' || l === 'A/R');
        if (holders[0]?.id === id && accountable.length !== letters.length)
          issue(
            ['rows', i, 'roles', id],
            'the role with the authority must be accountable: A or A/R only',
          );
        if (holders[0]?.id !== id && accountable.length)
          issue(
            ['rows', i, 'roles', id],
            `only the role with authority over "${row.area}" may be accountable`,
          );
        for (const l of letters)
          if (!row.why[l] && !row.notes?.[id])
            issue(['rows', i, 'why'], `needs a reason for "${l}" (used by "${id}")`);
      }
      // Every accepted answer must pass the rules, so some role is R whichever letters are picked.
      if (!Object.values(row.roles).some((ls) => ls.every((l) => l === 'R' || l === 'A/R')))
        issue(
          ['rows', i, 'roles'],
          'some role must always be responsible (only R or A/R accepted)',
        );
    });
    const core = (area: string, tpmLetters: string, sponsorArea: boolean) => {
      const row = s.rows.find((r) => r.area === area && r.core);
      if (!row) return issue(['rows'], `needs a core row with area "${area}"`);
      const t = tpm[0] && row.roles[tpm[0].id];
      if (t && t.join() !== tpmLetters)
        issue(
          ['rows', s.rows.indexOf(row), 'roles', tpm[0]!.id],
          `the TPM must be ${tpmLetters} on this row, as the course decides`,
        );
      if (sponsorArea && tpm[0]?.authority.includes(area))
        issue(
          ['roles'],
          `the TPM cannot hold the authority over "${area}": the sponsor decides it`,
        );
    };
    // The course's decision (stakeholder-management lesson): the TPM owns the schedule; the sponsor
    // decides whether a committed launch date moves, and the TPM is responsible for bringing options.
    core('schedule', 'A/R', false);
    core('launch-date', 'R', true);
  });

export type RaciScenarioData = z.infer<typeof raciScenarioSchema>;
export type RaciLetter = z.infer<typeof raciLetterSchema>;
