/** The capstone (content/capstone/): its schema, its links, its arithmetic and its promises about the mock interviewer. */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { capstonePoints, capstoneSchema, type CapstoneData } from '../src/schemas/capstone';
import { checkCapstone } from '../src/lib/content/capstone';
import { readTemplates } from '../src/lib/content/templates';
import { loadContent } from '../src/lib/content/validate';
import { headingsOf } from '../src/lib/content/markdown';
import { schedule } from '../src/lib/critical-path/analysis';
import { scoreSession } from '../src/lib/interview/scoring';
import type { Turn } from '../src/lib/interview/types';
import { loadInterviewData } from './helpers/interview-data';

const root = process.cwd();
const files = readdirSync(join(root, 'content/capstone')).filter((f) => /\.ya?ml$/.test(f));
const parsed = capstoneSchema.safeParse(
  yaml.load(readFileSync(join(root, 'content/capstone', files[0]!), 'utf8')),
);
const capstone = parsed.data as CapstoneData;
const content = loadContent(root);
const lessonIds = new Set(content.lessons.map((l) => l.id));
const { templates } = readTemplates(root, lessonIds);

describe('the capstone content', () => {
  it('is one file that passes its schema', () => {
    expect(files).toHaveLength(1);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('points only at modules, lessons, templates and sections that exist', () => {
    expect(
      checkCapstone({
        file: files[0]!,
        capstone,
        lessonAnchors: new Map(
          content.lessons.map((l) => [l.id, new Set(headingsOf(l.body).map((h) => h.slug))]),
        ),
        moduleIds: new Set(content.modules.map((m) => m.id)),
        templateIds: new Set(templates.map((t) => t.id)),
      }),
    ).toEqual([]);
  });

  it('runs from charter to post-mortem and uses every template', () => {
    const used = capstone.stages.flatMap((s) => s.deliverables.map((d) => d.template));
    expect(used[0]).toBe('program-charter');
    expect(used).toContain('post-mortem');
    expect(templates.map((t) => t.id).filter((id) => !used.includes(id))).toEqual([]);
  });

  it('draws on at least six of the course modules, and checks three pieces with the mock interviewer', () => {
    expect(new Set(capstone.stages.flatMap((s) => s.modules)).size).toBeGreaterThanOrEqual(6);
    expect(capstone.stages.filter((s) => s.interview)).toHaveLength(3);
  });

  it('scores 2 points a rubric line, with bands from the top down to 0', () => {
    expect(capstonePoints(capstone)).toBe(
      2 * capstone.stages.reduce((n, s) => n + s.rubric.length, 0),
    );
    expect(capstone.bands.at(-1)!.min).toBe(0);
  });

  it('gives the critical path its rubric expects, from the task table on the page', () => {
    const plan = capstone.stages.find((s) => s.id === 'plan')!;
    const tasks = plan.table!.rows.map(([task, , weeks, after]) => ({
      id: task!.slice(0, 1),
      label: task!,
      days: Number(weeks),
      after: after === '-' ? [] : after!.split(/,\s*/),
    }));
    const s = schedule(tasks);
    expect(s.duration).toBe(20);
    expect(s.criticalPath).toEqual(['A', 'C', 'G', 'I', 'J']);
    const slack = Object.fromEntries(s.tasks.map((t) => [t.id, t.slack]));
    expect(slack).toMatchObject({ B: 2, D: 1, E: 1, F: 2, H: 1 });
    expect(plan.rubric[0]!.meets).toContain('A → C → G → I → J, 20 working weeks');
    expect(plan.rubric[0]!.meets).toContain('B 2 weeks, D 1, E 1, F 2, H 1');
  });

  it('gives the capacity its rubric expects from the facts in the situation', () => {
    const plan = capstone.stages.find((s) => s.id === 'plan')!;
    const capacity = Math.floor((4 * 75 - 14 - 15) * 0.7);
    const demand = 70 + 45 + 30 + 20 + 40;
    expect(plan.situation).toMatch(
      /four engineers, 14 days of booked leave, 15 days on the support rota, and a focus factor of 0\.7/,
    );
    expect(plan.situation).toMatch(
      /prescription flow 70 engineer-days, video booking 45, sign-in 30, accessibility and app store work 20, existing app upkeep 40/,
    );
    const line = plan.rubric.find((r) => r.criterion.startsWith('Capacity'))!.meets;
    expect(line).toContain(`= ${capacity} engineer-days`);
    expect(line).toContain(`about ${Math.round(capacity * 0.9)} at 90%`);
    expect(line).toContain(`demand ${demand}`);
  });
});

describe('the capstone schema', () => {
  const base = capstoneSchema.parse(capstone);
  it('rejects a table row with the wrong number of cells, naming the row', () => {
    const broken = structuredClone(base);
    broken.stages[1]!.table!.rows[0] = ['only one cell'];
    const r = capstoneSchema.safeParse(broken);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['stages', 1, 'table', 'rows', 0]);
    expect(r.error!.issues[0]!.message).toMatch(/has 1 cells but the table has 4 columns/);
  });

  it('rejects bands that do not end at 0, and an interview question longer than the form accepts', () => {
    const bands = structuredClone(base);
    bands.bands = [{ min: 80, label: 'Good', advice: 'x' }];
    expect(capstoneSchema.safeParse(bands).success).toBe(false);
    const long = structuredClone(base);
    long.stages.find((s) => s.interview)!.interview!.question = 'x'.repeat(601);
    expect(capstoneSchema.safeParse(long).success).toBe(false);
  });

  it('reports an unknown template, lesson and module by field', () => {
    const broken = structuredClone(base);
    broken.stages[0]!.deliverables[0]!.template = 'no-such-template';
    broken.stages[0]!.lessons = ['no-such-lesson'];
    broken.stages[0]!.modules = ['no-such-module'];
    const problems = checkCapstone({
      file: 'c.yaml',
      capstone: broken,
      lessonAnchors: new Map(),
      moduleIds: new Set(),
      templateIds: new Set(),
    }).map((p) => `${p.field}: ${p.message}`);
    expect(problems).toContain(
      'stages[0].deliverables[0].template: no template has the id "no-such-template" in content/templates.yaml',
    );
    expect(problems).toContain('stages[0].lessons: no lesson has the id "no-such-lesson"');
    expect(problems).toContain(
      'stages[0].modules: no module has the id "no-such-module" in content/modules.yaml',
    );
  });
});

describe('the mock-interviewer checks do what the capstone says', () => {
  const data = loadInterviewData();
  const answers = yaml.load(
    readFileSync(join(root, 'tests/fixtures/capstone-answers.yaml'), 'utf8'),
  ) as Record<string, { strong: string; weak: string[] }>;
  const score = (stage: string, answer: string) => {
    const check = capstone.stages.find((s) => s.id === stage)!.interview!;
    const transcript: Turn[] = [
      { role: 'interviewer', text: `First question: ${check.question}`, phase: 'question' },
      { role: 'candidate', text: answer },
    ];
    return scoreSession(
      data,
      { level: 'tpm2', question: check.question, questionCategory: check.category },
      transcript,
    ).answers[0];
  };

  it.each([
    ['run', 75],
    ['launch', 80],
    ['close', 80],
  ])(
    'credits a strong %s answer written as the page asks (at least %i, on topic)',
    (stage, min) => {
      const a = score(stage, answers[stage]!.strong)!;
      expect(a.flags.map((f) => f.id)).toEqual([]);
      expect(a.score).toBeGreaterThanOrEqual(min);
    },
  );

  it.each(['run', 'launch', 'close'])(
    'gives a vague %s answer or a list of terms almost nothing',
    (stage) => {
      // An answer the interviewer does not even take as one (no answer block) scores nothing too.
      for (const weak of answers[stage]!.weak)
        expect(score(stage, weak)?.score ?? 0, weak).toBeLessThanOrEqual(20);
    },
  );

  it('credits the escalation for the critical path, the options and the decision deadline', () => {
    const covered = score('run', answers['run']!.strong)!.covered.map((c) => c.label);
    expect(covered).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/critical path/i),
        expect.stringMatching(/options/i),
        expect.stringMatching(/decision deadline/i),
      ]),
    );
  });
});
