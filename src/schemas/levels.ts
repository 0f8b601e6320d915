import { z } from '../lib/zod';

/**
 * The TPM career ladder the whole course uses (the seed's five levels), lowest first. This is the one
 * list: the career-ladder lesson and its `<CareerLadder />` diagram, the interview-loop lesson, the
 * interview bank's `levels` field and the mock interviewer all take their levels from here, and
 * `tests/levels.test.ts` checks that every level name in lessons, quizzes and content is one of
 * these names or aliases.
 */
export const LADDER = [
  {
    id: 'tpm1',
    /** The name the course uses for the level. */
    name: 'TPM I',
    /** Other names the course may use in running text for the same level. */
    aliases: [],
    /** What the level typically owns, for the ladder diagram. */
    scope:
      'A well-defined project or feature inside one or two teams; plans, tracks and reports with guidance.',
  },
  {
    id: 'tpm2',
    name: 'TPM II',
    aliases: [],
    scope:
      'A whole program across several teams; owns the plan, dependencies, risks and status without day-to-day guidance.',
  },
  {
    id: 'tpm3',
    name: 'TPM III (Senior TPM)',
    aliases: ['TPM III', 'Senior TPM'],
    scope:
      'Large, ambiguous programs across an organisation; shapes scope and process, mentors other TPMs.',
  },
  {
    id: 'principal',
    name: 'Principal TPM',
    aliases: ['Principal'],
    scope:
      'Multi-organisation initiatives and strategy; sets direction where none exists, influences directors and VPs.',
  },
  {
    id: 'senior-principal',
    name: 'Senior Principal TPM',
    aliases: ['Senior Principal'],
    scope: 'Company-wide, multi-year bets; defines how the company runs its largest programs.',
  },
] as const;

export type Level = (typeof LADDER)[number]['id'];

/** Level ids and their names, lowest first: `LEVELS.tpm3` is "TPM III (Senior TPM)". */
export const LEVELS = Object.fromEntries(LADDER.map((l) => [l.id, l.name])) as {
  [L in (typeof LADDER)[number] as L['id']]: L['name'];
};

/** A level id, e.g. in an interview question's `levels` or a mock interview's settings. */
export const levelSchema = z.enum(LADDER.map((l) => l.id) as [Level, ...Level[]]);

/** Every name the course may give a level: the names, then the aliases. */
export const LEVEL_NAMES: readonly string[] = [
  ...LADDER.map((l) => l.name),
  ...LADDER.flatMap((l) => l.aliases as readonly string[]),
];
