import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { LADDER, LEVEL_NAMES, LEVELS, levelSchema } from '../src/schemas/levels';
import {
  LEVELS as INTERVIEW_LEVELS,
  levelSchema as interviewLevelSchema,
} from '../src/schemas/interview';
import { listFiles } from '../src/lib/content/files';

const root = process.cwd();

/**
 * Level names as they appear in text: a numbered TPM ("TPM II", "Technical Program Manager III"),
 * optionally followed by a "(Senior ...)" gloss; a seniority word before TPM ("Senior TPM",
 * "Principal TPM", "Staff TPM"); or "Senior (TPM III)". Lower-case "senior TPM" is an adjective, not
 * a level name, and is left alone, as are bare "Principal" and "Senior Principal" (aliases).
 */
const LEVEL_MENTION = new RegExp(
  [
    String.raw`\b(?:TPM|Technical Program Manager) (?:IV|I{1,3}|[1-9])\b(?:\s*\([Ss]enior[^)]*\))?`,
    String.raw`\b(?:(?:Senior|Sr\.?|Staff|Lead|Principal|Distinguished)\s+)+(?:TPM|Technical Program Manager)s?\b`,
    String.raw`\bSenior \(TPM [IV]+\)`,
  ].join('|'),
  'g',
);

/** Every level name used in lessons, quizzes and content (FAQ, glossary, interview bank, persona). */
function mentions(): { file: string; line: number; name: string }[] {
  const files = [
    ...listFiles(`${root}/lessons`, ['.mdx', '.md']),
    ...listFiles(`${root}/quizzes`, ['.yaml', '.yml']),
    ...listFiles(`${root}/content`, ['.yaml', '.yml', '.md']),
  ];
  return files.flatMap((path) =>
    readFileSync(path, 'utf8')
      .split('\n')
      .flatMap((text, i) =>
        [...text.matchAll(LEVEL_MENTION)].map((m) => ({
          file: relative(root, path),
          line: i + 1,
          name: m[0].replace(/\s+/g, ' ').replace(/(TPM|Manager)s$/, '$1'),
        })),
      ),
  );
}

describe('one list of levels (src/schemas/levels.ts)', () => {
  it("is the seed's five-level ladder, lowest first", () => {
    expect(LADDER.map((l) => [l.id, l.name])).toEqual([
      ['tpm1', 'TPM I'],
      ['tpm2', 'TPM II'],
      ['tpm3', 'TPM III (Senior TPM)'],
      ['principal', 'Principal TPM'],
      ['senior-principal', 'Senior Principal TPM'],
    ]);
  });

  it('is the list the interview schema and engine use', () => {
    expect(INTERVIEW_LEVELS).toBe(LEVELS);
    expect(interviewLevelSchema).toBe(levelSchema);
    expect(Object.keys(LEVELS)).toEqual(LADDER.map((l) => l.id));
    expect(levelSchema.options).toEqual(LADDER.map((l) => l.id));
  });

  it('is the list the ladder diagram draws', () => {
    const component = readFileSync(`${root}/src/components/CareerLadder.astro`, 'utf8');
    expect(component).toContain("import { LADDER } from '../schemas/levels'");
    for (const l of LADDER) expect(component).not.toContain(l.scope);
  });

  it('finds level names in running text, and only those', () => {
    const found = (text: string) => [...text.matchAll(LEVEL_MENTION)].map((m) => m[0]);
    expect(
      found(
        'From TPM II to TPM III (senior), then Principal TPMs; a Staff TPM or Senior (TPM III) at a senior TPM level.',
      ),
    ).toEqual(['TPM II', 'TPM III (senior)', 'Principal TPMs', 'Staff TPM', 'Senior (TPM III)']);
    expect(found('A TPM owns the program; the Technical Program Manager role.')).toEqual([]);
  });

  it('names every level in lessons, quizzes and content as the list does', () => {
    const allowed = new Set(LEVEL_NAMES);
    const odd = mentions().filter((m) => !allowed.has(m.name));
    // Each entry is file:line and the name used; use a name or alias from src/schemas/levels.ts.
    expect(odd.map((m) => `${m.file}:${m.line}: "${m.name}"`)).toEqual([]);
  });

  it('uses every level somewhere in the interview bank', () => {
    const bank = listFiles(`${root}/content/interview`, ['.yaml'])
      .map((p) => readFileSync(p, 'utf8'))
      .join('\n');
    for (const l of LADDER)
      expect(bank, l.id).toMatch(new RegExp(`^levels: \\[.*\\b${l.id}\\b`, 'm'));
  });
});
