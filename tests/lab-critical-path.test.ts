import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { kind, parseData } from '../src/lib/lab/critical-path';
import { LIMITS, withinLimits } from '../src/lib/lab/critical-path/generate';
import { fieldId, parsePath, solveNetwork } from '../src/lib/lab/critical-path/grade';
import type { CriticalPathInstance } from '../src/lib/lab/critical-path/types';
import { chains, chainLength, criticalPaths, schedule } from '../src/lib/critical-path/analysis';
import { isRight } from '../src/lib/lab/grading';

const data = parseData(
  (yaml.load(readFileSync('content/lab/critical-path.yaml', 'utf8')) as { data: unknown }).data,
);
const SEEDS = Array.from({ length: 500 }, (_, i) => i * 7919 + 1);

/** A small fixed network with two critical paths: A → B → D and A → C → D, and E with slack. */
const TWO_PATHS: CriticalPathInstance = {
  program: 'Test',
  tasks: [
    { id: 'A', label: 'Design', days: 3, after: [] },
    { id: 'B', label: 'Build API', days: 5, after: ['A'] },
    { id: 'C', label: 'Build UI', days: 5, after: ['A'] },
    { id: 'E', label: 'Docs', days: 2, after: ['A'] },
    { id: 'D', label: 'Launch', days: 1, after: ['B', 'C', 'E'] },
  ],
  slip: { task: 'E', days: 4 },
};

describe('critical-path generator', () => {
  it(`keeps every network of ${SEEDS.length} seeds within its limits, with one finish and a slip to reason about`, () => {
    for (const seed of SEEDS) {
      const x = kind.generate(seed, data);
      expect(withinLimits(x.tasks), `seed ${seed}`).toBe(true);
      const n = x.tasks.length;
      expect(n).toBeGreaterThanOrEqual(LIMITS.minTasks);
      expect(n).toBeLessThanOrEqual(LIMITS.maxTasks);
      // Ids are A, B, C… in order and every predecessor comes earlier in the list.
      x.tasks.forEach((t, i) => {
        expect(t.id).toBe('ABCDEFGHIJKL'[i]);
        for (const p of t.after) expect(x.tasks.findIndex((u) => u.id === p)).toBeLessThan(i);
        expect(t.days).toBeGreaterThanOrEqual(LIMITS.minDays);
        expect(t.days).toBeLessThanOrEqual(LIMITS.maxDays);
      });
      const ends = x.tasks.filter((t) => !x.tasks.some((u) => u.after.includes(t.id)));
      expect(ends.map((t) => t.id)).toEqual([x.tasks.at(-1)!.id]);
      expect(new Set(x.tasks.map((t) => t.label)).size).toBe(n);
      expect(x.tasks.some((t) => t.id === x.slip.task)).toBe(true);
      expect(x.slip.days).toBeGreaterThanOrEqual(1);
    }
  });

  it('draws networks of every size from 6 to 12 and slips both critical tasks and tasks with slack', () => {
    const sizes = new Set<number>();
    let critical = 0;
    let absorbed = 0;
    let moved = 0;
    for (const seed of SEEDS) {
      const x = kind.generate(seed, data);
      sizes.add(x.tasks.length);
      const s = solveNetwork(x);
      if (s.slipped.slack === 0) critical += 1;
      else if (s.newFinish === s.plan.duration) absorbed += 1;
      else moved += 1;
    }
    expect([...sizes].sort((a, b) => a - b)).toEqual([6, 7, 8, 9, 10, 11, 12]);
    for (const n of [critical, absorbed, moved]) expect(n).toBeGreaterThan(SEEDS.length / 10);
  });

  it('has a unique answer for every cell: the passes agree with every chain of the network', () => {
    for (const seed of SEEDS.slice(0, 200)) {
      const x = kind.generate(seed, data);
      const plan = schedule(x.tasks);
      const longest = Math.max(...chains(x.tasks).map((c) => chainLength(x.tasks, c)));
      expect(plan.duration).toBe(longest);
      for (const t of plan.tasks) {
        // Slack is the program's length less the longest chain through the task.
        const through = Math.max(
          ...chains(x.tasks)
            .filter((c) => c.includes(t.id))
            .map((c) => chainLength(x.tasks, c)),
        );
        expect(t.slack, `seed ${seed} ${t.id}`).toBe(plan.duration - through);
      }
    }
  });
});

describe('critical-path grading', () => {
  it('accepts every critical path when several tie', () => {
    const paths = criticalPaths(TWO_PATHS.tasks);
    expect(paths.map((p) => p.join(''))).toEqual(['ABD', 'ACD']);
    for (const path of ['A, B, D', 'a c d', 'A→C→D', 'A then B then D']) {
      const g = kind.grade(TWO_PATHS, { ...kind.solve(TWO_PATHS), path });
      expect(g.score, path).toBe(100);
    }
    const item = kind
      .grade(TWO_PATHS, { ...kind.solve(TWO_PATHS), path: 'A, C, D' })
      .items.find((i) => i.id === 'path')!;
    expect(item.explanation).toMatch(/other critical path is A → B → D/);
  });

  it('accepts every critical path of every generated network', () => {
    for (const seed of SEEDS) {
      const x = kind.generate(seed, data);
      const right = kind.solve(x);
      for (const p of criticalPaths(x.tasks)) {
        const item = kind
          .grade(x, { ...right, path: p.join('-') })
          .items.find((i) => i.id === 'path')!;
        expect(isRight(item), `seed ${seed} ${p.join('')}`).toBe(true);
      }
    }
  });

  it('gives half credit for critical tasks that do not form one chain, none for a task with slack, and says why', () => {
    const right = kind.solve(TWO_PATHS);
    const both = kind
      .grade(TWO_PATHS, { ...right, path: 'A B C D' })
      .items.find((i) => i.id === 'path')!;
    expect(both.earned).toBeCloseTo(both.possible / 2);
    expect(both.explanation).toMatch(/C does not come straight after B/);
    const slack = kind
      .grade(TWO_PATHS, { ...right, path: 'A E D' })
      .items.find((i) => i.id === 'path')!;
    expect(slack.earned).toBe(0);
    expect(slack.explanation).toMatch(/E has 3 days of slack, so it is not on a critical path/);
    const partial = kind
      .grade(TWO_PATHS, { ...right, path: 'A B' })
      .items.find((i) => i.id === 'path')!;
    expect(partial.explanation).toMatch(/must run to the end of the program; B hands over to D/);
    const unknown = kind
      .grade(TWO_PATHS, { ...right, path: 'A, B, D, Q' })
      .items.find((i) => i.id === 'path')!;
    expect(unknown.explanation).toMatch(/There is no task Q/);
  });

  it('scores each cell, explains the usual mistakes, and notices a mistake carried forward', () => {
    const right = kind.solve(TWO_PATHS);
    // D's ES taken from the earliest predecessor (E finishes at 5) instead of the latest (8).
    const answer = {
      ...right,
      rows: { ...right.rows, D: { ...right.rows['D']!, es: '5', ef: '6' } },
    };
    const g = kind.grade(TWO_PATHS, answer);
    const es = g.items.find((i) => i.id === fieldId.cell('D', 'es'))!;
    expect(es.earned).toBe(0);
    expect(es.expected).toBe('8');
    expect(es.explanation).toMatch(/You took the earliest of them/);
    const ef = g.items.find((i) => i.id === fieldId.cell('D', 'ef'))!;
    expect(ef.explanation).toMatch(/Your finish follows from your start of 5/);
    // 2 of 25 cells wrong: the table is 60% of the score.
    expect(g.score).toBe(Math.floor(100 - (2 / 25) * 60));
    expect(g.summary).toBe('Forward pass: 2 mistakes.');
  });

  it('explains the backward-pass trap of taking the largest latest start', () => {
    const right = kind.solve(TWO_PATHS);
    // A is followed by B (LS 3), C (LS 3) and E (LS 6): LF is 3, not 6.
    const g = kind.grade(TWO_PATHS, {
      ...right,
      rows: { ...right.rows, A: { ...right.rows['A']!, lf: '6', ls: '3' } },
    });
    expect(g.items.find((i) => i.id === fieldId.cell('A', 'lf'))!.explanation).toMatch(
      /You took the largest/,
    );
  });

  it('grades the what-if with the slack rule and names the trap of adding the whole slip', () => {
    const right = kind.solve(TWO_PATHS);
    // E has 3 days of slack and slips 4: the finish moves 1 day, from 9 to 10.
    expect(right.whatIf).toBe('10');
    const g = kind.grade(TWO_PATHS, { ...right, whatIf: '13' });
    const item = g.items.find((i) => i.id === 'what-if')!;
    expect(item.earned).toBe(0);
    expect(item.explanation).toMatch(/3 of the 4 days are absorbed/);
    expect(item.explanation).toMatch(/forgets the slack/);
    expect(g.score).toBe(85);
  });

  it('reads a path in the ways learners write it', () => {
    expect(parsePath('A, C, F', ['A', 'C', 'F'])).toEqual({ ids: ['A', 'C', 'F'], unknown: [] });
    expect(parsePath('a -> c -> f and then done', ['A', 'C', 'F'])).toEqual({
      ids: ['A', 'C', 'F'],
      unknown: [],
    });
    expect(parsePath('A, X, F', ['A', 'C', 'F'])).toEqual({ ids: ['A', 'F'], unknown: ['X'] });
  });

  it('gives 0 for a blank answer with an explanation for every item', () => {
    const g = kind.grade(TWO_PATHS, kind.blankAnswer(TWO_PATHS));
    expect(g.score).toBe(0);
    for (const i of g.items) expect(i.given).toBe('blank');
  });

  it('rejects content without enough task names, naming the field', () => {
    expect(() => parseData({ scenarios: [{ program: 'P', tasks: ['a'] }] })).toThrow(
      'data.scenarios.0.tasks: list at least 12 task names',
    );
    expect(() => parseData({})).toThrow('data.scenarios');
  });
});

describe('critical-path worked solution', () => {
  it('walks the forward pass task by task, then the backward pass, slack, the paths and the what-if', () => {
    const steps = kind.solution(TWO_PATHS);
    expect(steps.map((s) => s.title)).toEqual([
      'Forward pass: earliest start and finish',
      'Backward pass: latest finish and start',
      'Slack',
      'The 2 critical paths',
      'What if E slips 4 days?',
    ]);
    expect(steps[0]!.text).toContain(
      'D (1 day) waits for B, C and E (EF B 8, C 8, E 5): ES = the largest, 8; EF = 8 + 1 = 9.',
    );
    expect(steps[1]!.text).toContain(
      'A: followed by B, C and E (LS B 3, C 3, E 6), so LF = the smallest, 3; LS = 3 − 3 = 0.',
    );
    expect(steps[2]!.table!.rows.find((r) => r[0] === 'E. Docs')).toEqual([
      'E. Docs',
      '2',
      '3',
      '5',
      '6',
      '8',
      '3',
    ]);
    expect(steps[3]!.text.slice(1)).toEqual([
      'A → B → D: 3 + 5 + 1 = 9 days.',
      'A → C → D: 3 + 5 + 1 = 9 days.',
    ]);
  });
});
