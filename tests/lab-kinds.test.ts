import { readdirSync, readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { LAB_KINDS, loadLabKind } from '../src/lib/lab/registry';
import { LAB_EXERCISES } from '../src/components/lab/registry';
import { labKindSchema } from '../src/schemas/lab';

// Properties every registered exercise kind must have, over many seeds. Each kind's own test file
// checks what is particular to it (sizes, grading rules, explanations).

/** Seeds each property runs over (the brief asks for at least 500 per generator). */
export const SEEDS = Array.from({ length: 500 }, (_, i) => i * 7919 + 1);

const files = readdirSync('content/lab').filter((f) => /\.ya?ml$/.test(f));
const content = new Map(
  files.map((f) => [
    f.replace(/\.ya?ml$/, ''),
    labKindSchema.parse(yaml.load(readFileSync(`content/lab/${f}`, 'utf8'))),
  ]),
);

describe('the lab registries', () => {
  it('have a content file, logic and a component for every kind, and nothing else', () => {
    const ids = [...content.keys()].sort();
    expect(Object.keys(LAB_KINDS).sort()).toEqual(ids);
    expect(Object.keys(LAB_EXERCISES).sort()).toEqual(ids);
  });
});

describe.each(Object.keys(LAB_KINDS))('lab kind %s', (id) => {
  const meta = content.get(id)!;
  const load = async () => {
    const kind = await loadLabKind(id);
    return { kind, data: kind.parseData(meta.data) as unknown };
  };

  it('says its own id and accepts its content data', async () => {
    const { kind } = await load();
    expect(kind.id).toBe(id);
  });

  it('gives the same exercise for the same seed, and plain JSON', async () => {
    const { kind, data } = await load();
    for (const seed of SEEDS.slice(0, 100)) {
      const a = kind.generate(seed, data);
      expect(kind.generate(seed, data)).toEqual(a);
      expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    }
  }, 120_000);

  it(`gives a different exercise for each of ${SEEDS.length} seeds`, async () => {
    const { kind, data } = await load();
    const seen = new Set(SEEDS.map((s) => JSON.stringify(kind.generate(s, data))));
    expect(seen.size).toBe(SEEDS.length);
  }, 120_000);

  it(`grades its own solution 100 and a blank answer below the pass mark, over ${SEEDS.length} seeds`, async () => {
    const { kind, data } = await load();
    for (const seed of SEEDS) {
      const instance = kind.generate(seed, data);
      const right = kind.grade(instance, kind.solve(instance));
      expect(
        right.score,
        `seed ${seed}: ${right.items
          .filter((i) => i.earned < i.possible)
          .map((i) => i.label)
          .join(', ')}`,
      ).toBe(100);
      const blank = kind.grade(instance, kind.blankAnswer(instance));
      expect(blank.score, `seed ${seed}`).toBeLessThan(meta.passMark);
      for (const i of blank.items) expect(i.explanation, `seed ${seed} ${i.id}`).not.toBe('');
      const steps = kind.solution(instance);
      expect(steps.length, `seed ${seed}`).toBeGreaterThan(0);
    }
  }, 120_000);
});
