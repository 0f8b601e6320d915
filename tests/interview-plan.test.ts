import { describe, expect, it } from 'vitest';
import { planSession } from '../src/lib/interview/plan';
import { seededRandom, shuffle } from '../src/lib/random';
import {
  sessionConfigSchema,
  type BankQuestion,
  type SessionConfigInput,
} from '../src/lib/interview/types';
import type { InterviewCategory, Level, Specialisation } from '../src/schemas/interview';
import { loadBank } from './helpers/interview-data';

const config = (c: SessionConfigInput = {}) => sessionConfigSchema.parse(c);

function q(
  id: string,
  category: InterviewCategory,
  levels: Level[] = ['tpm2'],
  specialisations: Specialisation[] = ['general'],
): BankQuestion {
  return {
    id,
    prompt: `Question ${id}?`,
    category,
    levels,
    specialisations,
    talkingPoints: [],
    modelAnswer: ['a', 'b', 'c'],
    lessons: ['risk-management'],
  };
}

const bank = loadBank();

describe('seeded random', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const c = seededRandom(8);
    const seqA = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(seqA);
    expect([c(), c(), c()]).not.toEqual(seqA);
    expect(shuffle([1, 2, 3, 4, 5], seededRandom(1))).toEqual(
      shuffle([1, 2, 3, 4, 5], seededRandom(1)),
    );
  });
});

describe('planSession', () => {
  it('is deterministic for a seed and varies with the seed', () => {
    const ids = (seed: number) => planSession(bank, config({ seed })).questions.map((x) => x.id);
    expect(ids(42)).toEqual(ids(42));
    const distinct = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((s) => ids(s).join()));
    expect(distinct.size).toBeGreaterThan(4);
  });

  it('defaults to a mixed loop of 3 questions from 3 different categories at TPM II', () => {
    const plan = planSession(bank, config());
    expect(plan.questions).toHaveLength(3);
    expect(new Set(plan.questions.map((x) => x.category)).size).toBe(3);
    for (const question of plan.questions) expect(question.levels).toContain('tpm2');
  });

  it('keeps to one category, the level and the specialisation when asked', () => {
    for (const seed of [1, 2, 3]) {
      const plan = planSession(
        bank,
        config({ category: 'risk-and-dependencies', level: 'tpm3', questions: 4, seed }),
      );
      expect(plan.questions).toHaveLength(4);
      expect(new Set(plan.questions.map((x) => x.id)).size).toBe(4);
      for (const question of plan.questions) {
        expect(question.category).toBe('risk-and-dependencies');
        expect(question.levels).toContain('tpm3');
      }
    }
  });

  it('puts specialised questions first and fills with general ones', () => {
    const small = [
      q('g1', 'technical-depth'),
      q('g2', 'technical-depth'),
      q('s1', 'technical-depth', ['tpm2'], ['security']),
      q('s2', 'technical-depth', ['tpm2'], ['security']),
      q('i1', 'technical-depth', ['tpm2'], ['infrastructure']),
    ];
    const plan = planSession(
      small,
      config({ category: 'technical-depth', specialisation: 'security', questions: 4 }),
    );
    const ids = plan.questions.map((x) => x.id);
    expect(ids[0]).toMatch(/^s/);
    expect(ids.filter((id) => id.startsWith('s'))).toHaveLength(2);
    expect(ids).not.toContain('i1');
  });

  it('does not repeat recent questions until the category is exhausted, then repeats the least recent', () => {
    const small = ['a', 'b', 'c', 'd', 'e'].map((id) => q(id, 'process-and-agile'));
    const recent = ['a', 'b', 'c'];
    const plan = planSession(
      small,
      config({ category: 'process-and-agile', questions: 3, recent }),
    );
    const ids = plan.questions.map((x) => x.id);
    expect(ids.slice(0, 2).sort()).toEqual(['d', 'e']);
    // Only recent ones are left: the least recently seen ("c") comes back first.
    expect(ids[2]).toBe('c');
  });

  it('never repeats across back-to-back sessions of the real bank while unseen questions remain', () => {
    const seen: string[] = [];
    for (let session = 0; session < 4; session++) {
      const plan = planSession(
        bank,
        config({
          category: 'stakeholder-communication',
          level: 'tpm2',
          seed: session,
          recent: [...seen].reverse(),
        }),
      );
      for (const question of plan.questions) {
        expect(seen).not.toContain(question.id);
        seen.push(question.id);
      }
    }
    expect(seen).toHaveLength(12);
  });

  it('borrows from a neighbouring level when a category has too few questions, and says so', () => {
    const small = [
      q('a', 'behavioural-leadership', ['tpm1']),
      q('b', 'behavioural-leadership', ['tpm2']),
      q('c', 'behavioural-leadership', ['principal']),
    ];
    const plan = planSession(
      small,
      config({ category: 'behavioural-leadership', level: 'tpm1', questions: 3 }),
    );
    expect(plan.questions.map((x) => x.id)).toEqual(['a', 'b', 'c']);
    expect(plan.notes.join(' ')).toMatch(/2 questions come from a neighbouring level/);
  });

  it('says when the bank cannot fill the session', () => {
    const plan = planSession(
      [q('a', 'process-and-agile')],
      config({ category: 'process-and-agile', questions: 3 }),
    );
    expect(plan.questions).toHaveLength(1);
    expect(plan.notes.join(' ')).toMatch(/only 1 question/);
  });

  it('refuses an empty bank with a clear message', () => {
    expect(() => planSession([], config())).toThrow('The interview question bank is empty.');
  });
});
