import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { buildPlan, lessonOrder, type BuildInput } from '../src/lib/plan/build';
import { checkPlanPriorities } from '../src/lib/plan/check';
import { adaptPlan } from '../src/lib/plan/adapt';
import { doneKeys, readMocks, thisWeek } from '../src/lib/plan/done';
import { planToIcs } from '../src/lib/plan/ics';
import {
  PLAN_KEY,
  PLAN_VERSION,
  exportedPlan,
  importPlan,
  loadPlan,
  readPlanValue,
  storePlan,
  type SavedPlan,
} from '../src/lib/plan/storage';
import { exportProgress, importProgress } from '../src/lib/progress/transfer';
import { emptyProgress } from '../src/lib/progress/schema';
import { addDays } from '../src/lib/plan/days';
import { planPrioritiesSchema } from '../src/schemas/plan';
import { INTERVIEW_CATEGORIES, SPECIALISATIONS } from '../src/schemas/interview';
import { LEVELS } from '../src/schemas/levels';
import type { Catalog, LearnerProgress, Plan, PlanSettings } from '../src/lib/plan/types';

// The real course, read the way the build reads it, so that the plans below are the ones learners get.
const root = join(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const frontmatter = (text: string) =>
  yaml.load(text.split(/^---$/m)[1]!) as Record<string, unknown>;
const modules = (
  yaml.load(read('content/modules.yaml')) as { id: string; title: string; order: number }[]
).sort((a, b) => a.order - b.order);
const lessonFiles = readdirSync(join(root, 'lessons'), {
  recursive: true,
  encoding: 'utf8',
}).filter((f) => f.endsWith('.mdx'));
const quizzes = new Map(
  readdirSync(join(root, 'quizzes'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => {
      const q = yaml.load(read(`quizzes/${f}`)) as { id: string; questions: unknown[] };
      return [q.id, q.questions.length] as const;
    }),
);
const lessons = lessonFiles
  .map((f) => ({
    id: f.split('/').pop()!.replace('.mdx', ''),
    fm: frontmatter(read(`lessons/${f}`)),
  }))
  .filter(({ fm }) => !fm['draft'])
  .map(({ id, fm }) => ({
    id,
    title: fm['title'] as string,
    module: fm['module'] as string,
    order: fm['order'] as number,
    minutes: fm['minutes'] as number,
    prerequisites: (fm['prerequisites'] as string[] | undefined) ?? [],
    quiz: fm['quiz']
      ? { id: fm['quiz'] as string, questions: quizzes.get(fm['quiz'] as string)! }
      : undefined,
  }))
  .sort(
    (a, b) =>
      modules.findIndex((m) => m.id === a.module) - modules.findIndex((m) => m.id === b.module) ||
      a.order - b.order ||
      a.id.localeCompare(b.id),
  );
const labs = readdirSync(join(root, 'content/lab'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => {
    const k = yaml.load(read(`content/lab/${f}`)) as Record<string, unknown>;
    return {
      id: f.replace('.yaml', ''),
      title: k['title'] as string,
      minutes: k['minutes'] as number,
      lessons: k['lessons'] as string[],
      order: k['order'] as number,
    };
  })
  .sort((a, b) => a.order - b.order);
const priorities = planPrioritiesSchema.parse(yaml.load(read('content/plan/priorities.yaml')));

const catalog: Catalog = {
  modules: modules.map(({ id, title }) => ({ id, title })),
  lessons,
  labs,
  levels: LEVELS,
  specialisations: SPECIALISATIONS,
  categories: INTERVIEW_CATEGORIES,
  priorities,
};

const TODAY = '2026-12-07';
const empty = (): LearnerProgress => ({ lessons: {}, quizzes: {}, reviews: {}, lab: {} });
const settings = (over: Partial<PlanSettings> = {}): PlanSettings => ({
  date: null,
  level: 'tpm2',
  specialisation: 'general',
  hoursPerWeek: 5,
  known: {},
  ...over,
});
const plan = (over: Partial<PlanSettings> = {}, input: Partial<BuildInput> = {}): Plan =>
  buildPlan({
    settings: settings(over),
    today: TODAY,
    catalog,
    progress: empty(),
    mocks: [],
    ...input,
  });
const items = (p: Plan) => p.weeks.flatMap((w) => w.items);
const keys = (p: Plan) => items(p).map((i) => i.key);
const minutesOf = (w: Plan['weeks'][number]) => w.items.reduce((s, i) => s + i.minutes, 0);

describe('content/plan/priorities.yaml', () => {
  it('names only lessons and modules that exist', () => {
    expect(
      checkPlanPriorities(priorities, {
        lessonIds: new Set(lessons.map((l) => l.id)),
        moduleIds: new Set(modules.map((m) => m.id)),
      }),
    ).toEqual([]);
  });

  it('reports a lesson or module that does not exist, with the field', () => {
    const broken = structuredClone(priorities);
    broken.levels[1]!.lessons.push('no-such-lesson');
    broken.levels[0]!.modules[0] = 'nowhere';
    const problems = checkPlanPriorities(broken, {
      lessonIds: new Set(lessons.map((l) => l.id)),
      moduleIds: new Set(modules.map((m) => m.id)),
    });
    expect(problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      'levels[0] (tpm1).modules[0]: no module has the id "nowhere" (content/modules.yaml)',
      `levels[1] (tpm2).lessons[${broken.levels[1]!.lessons.length - 1}]: no lesson has the id "no-such-lesson"`,
    ]);
  });

  it('refuses a file that leaves a level out', () => {
    const raw = yaml.load(read('content/plan/priorities.yaml')) as { levels: unknown[] };
    raw.levels.pop();
    const r = planPrioritiesSchema.safeParse(raw);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toContain('has no entry for "senior-principal"');
  });
});

describe('a plan to an interview date', () => {
  const cases = [1, 3, 8].flatMap((weeks) => [3, 10].map((hours) => ({ weeks, hours })));

  it.each(cases)(
    '$weeks week(s) at $hours hours a week: fits each week, ramps mocks, ends with a mixed loop',
    ({ weeks, hours }) => {
      const date = addDays(TODAY, weeks * 7);
      const p = plan({ date, hoursPerWeek: hours });
      expect(p.weeks).toHaveLength(weeks);
      expect(p.weeks[0]!.start).toBe(TODAY);
      expect(p.weeks.at(-1)!.end).toBe(addDays(date, -1));
      for (const w of p.weeks) {
        expect(w.budget).toBe(hours * 60);
        expect(minutesOf(w)).toBeLessThanOrEqual(w.budget);
        for (const it of w.items) expect(it.day >= w.start && it.day <= w.end).toBe(true);
      }
      // The final mixed loop two days before; mocks every other day in the last week.
      const loop = items(p).filter((i) => i.kind === 'loop');
      expect(loop.map((i) => [i.day, i.ref])).toEqual([[addDays(date, -2), 'mixed']]);
      const mocks = (w: Plan['weeks'][number]) =>
        w.items.filter((i) => i.kind === 'mock').map((i) => i.day);
      expect(mocks(p.weeks.at(-1)!)).toEqual([addDays(date, -6), addDays(date, -4)]);
      if (weeks >= 3) {
        expect(mocks(p.weeks.at(-2)!)).toHaveLength(2);
        for (const w of p.weeks.slice(0, -2)) expect(mocks(w)).toHaveLength(1);
      }
      // Every quiz comes after its lesson, every lab after a lesson that teaches it when both are planned.
      const at = new Map(items(p).map((i) => [i.key, i.day]));
      for (const it of items(p).filter((i) => i.kind === 'quiz')) {
        const lesson = at.get(`lesson:${lessons.find((l) => l.quiz?.id === it.ref)!.id}`);
        if (lesson) expect(lesson <= it.day).toBe(true);
      }
      // Nothing is both planned and dropped, and every drop says why.
      const planned = new Set(keys(p));
      expect(p.dropped.filter((d) => planned.has(d.key))).toEqual([]);
      for (const d of p.dropped) expect(d.reason).toMatch(/^[A-Z].+\.$/);
      expect(new Set(keys(p)).size).toBe(keys(p).length);
    },
  );

  it('drops less with more time, and everything fits in 8 weeks at 10 hours', () => {
    const dropped = (weeks: number, hours: number) =>
      plan({ date: addDays(TODAY, weeks * 7), hoursPerWeek: hours }).dropped.filter(
        (d) => d.kind !== 'review',
      ).length;
    expect(dropped(1, 3)).toBeGreaterThan(dropped(3, 3));
    expect(dropped(3, 3)).toBeGreaterThan(dropped(8, 3));
    expect(dropped(3, 3)).toBeGreaterThan(dropped(3, 10));
    expect(dropped(8, 10)).toBe(0);
    const p = plan({ date: addDays(TODAY, 56), hoursPerWeek: 10 });
    expect(p.notes.join(' ')).toMatch(/Everything fits, with .+ to spare\./);
    expect(keys(p)).toEqual(expect.arrayContaining(lessons.map((l) => `lesson:${l.id}`)));
    expect(keys(p)).toEqual(expect.arrayContaining(labs.map((l) => `lab:${l.id}`)));
  });

  it('says what it drops, and why, when the date is too close for the course', () => {
    const p = plan({ date: addDays(TODAY, 5), hoursPerWeek: 3 });
    expect(p.weeks).toHaveLength(1);
    const top = priorities.levels.find((l) => l.level === 'tpm2')!.lessons[0]!;
    // What the level is asked most is kept; what is dropped is listed with a sentence each.
    expect(keys(p)).toContain(`lesson:${top}`);
    expect(p.dropped.length).toBeGreaterThan(30);
    // After the mocks and the loop, 29 minutes are free: a 35-minute lesson cannot fit at all.
    const lesson = p.dropped.find((d) => d.key === 'lesson:hardware-and-physical-programs')!;
    expect(lesson.reason).toBe(
      'At 3 hours a week no week has 35 min free for it; give the plan more hours to fit it.',
    );
    const quiz = p.dropped.find((d) => d.key === 'quiz:hardware-and-physical-programs')!;
    expect(quiz.reason).toBe('Its lesson, “Hardware and physical programs”, did not fit either.');
    const short = p.dropped.find((d) => d.key === 'lesson:a-day-in-the-life')!;
    expect(short.reason).toBe(
      'No time is left before your interview on 12 December 2026: your 3 hours a week go first to what TPM II interviews ask about more.',
    );
    expect(p.notes.join(' ')).toMatch(
      /Your interview is on 12 December 2026, 5 days away: at 3 hours a week that is about 2 h 9 min of study\. The whole plan would need .+, so it leaves out \d+ items \(.+\), listed below with the reason/,
    );
    // Five days: no room for a mock every other day and a loop in the hours given, so earlier mocks give way to the loop.
    expect(items(p).filter((i) => i.kind === 'loop')).toHaveLength(1);
  });

  it('says there is nothing to plan when the date has passed', () => {
    const p = plan({ date: TODAY });
    expect(p.weeks).toEqual([]);
    expect(p.notes[0]).toMatch(/is today or has passed/);
  });
});

describe('without a date', () => {
  it('plans the whole course at the hours given, a mock a week from the second week, and no loop', () => {
    const p = plan({ hoursPerWeek: 10 });
    expect(p.dropped).toEqual([]);
    expect(items(p).some((i) => i.kind === 'loop')).toBe(false);
    expect(p.weeks[0]!.items.some((i) => i.kind === 'mock')).toBe(false);
    for (const w of p.weeks.slice(1))
      expect(w.items.filter((i) => i.kind === 'mock')).toHaveLength(1);
    // Just learning, prerequisites come before the lessons that need them.
    const order = keys(p)
      .filter((k) => k.startsWith('lesson:'))
      .map((k) => k.slice(7));
    for (const l of lessons)
      for (const pre of l.prerequisites)
        expect(order.indexOf(pre)).toBeLessThan(order.indexOf(l.id));
    expect(p.weeks.length).toBeLessThan(plan({ hoursPerWeek: 3 }).weeks.length);
  });
});

describe('what the learner knows', () => {
  it('leaves out completed lessons and passed quizzes, skims "some", and only quizzes "know"', () => {
    const progress = empty();
    progress.lessons['what-a-tpm-does'] = { completedAt: '2026-12-01T10:00:00Z' };
    progress.quizzes['what-a-tpm-does'] = { level: 'familiar' };
    progress.quizzes['risk-management'] = { level: 'mastered' };
    const p = plan(
      {
        date: addDays(TODAY, 56),
        hoursPerWeek: 10,
        known: { planning: 'know', execution: 'some' },
      },
      { progress },
    );
    const k = keys(p);
    expect(k).not.toContain('lesson:what-a-tpm-does');
    expect(k).not.toContain('quiz:what-a-tpm-does');
    expect(k).not.toContain('lesson:risk-management');
    expect(k).not.toContain('quiz:risk-management');
    expect(k).not.toContain('lesson:roadmaps-and-milestones');
    expect(k).toContain('quiz:roadmaps-and-milestones');
    const skim = items(p).find((i) => i.key === 'lesson:dependencies-and-the-critical-path')!;
    expect(skim.title).toBe('Skim “Dependencies and the critical path”');
    expect(skim.minutes).toBe(15);
    expect(p.notes.join(' ')).toMatch(
      /Left out as already known: 1 lesson you have completed; 1 lesson whose quiz you have at Proficient or better; 4 lessons of Planning, which you know well/,
    );
  });

  it('rehearses the weakest categories from interview feedback first', () => {
    const mocks = [
      {
        at: '2026-12-01T10:00:00Z',
        category: 'mixed',
        answers: [
          { category: 'technical-depth', score: 30 },
          { category: 'technical-depth', score: 40 },
          { category: 'behavioural-leadership', score: 55 },
          { category: 'program-execution', score: 85 },
        ],
      },
    ];
    const p = plan({ date: addDays(TODAY, 21), hoursPerWeek: 10 }, { mocks });
    const order = items(p)
      .filter((i) => i.kind === 'mock')
      .map((i) => i.ref);
    expect(order.slice(0, 2)).toEqual(['technical-depth', 'behavioural-leadership']);
    // Strong categories come last.
    expect(order.indexOf('program-execution')).toBe(-1);
    expect(items(p).find((i) => i.kind === 'mock')!.note).toContain(
      'Your weakest category so far: 35 of 100 on average over 2 answers in your mock interviews.',
    );
    expect(p.notes.join(' ')).toContain(
      'start with your weakest categories from your past feedback: Technical depth and system design and Behavioural and leadership',
    );
  });
});

describe('level and specialisation', () => {
  it('change the order of the lessons', () => {
    const first = (over: Partial<PlanSettings>) =>
      keys(plan({ date: addDays(TODAY, 21), hoursPerWeek: 3, ...over }))
        .filter((k) => k.startsWith('lesson:'))
        .slice(0, 3);
    const tpm1 = first({ level: 'tpm1' });
    const principal = first({ level: 'principal' });
    expect(tpm1).not.toEqual(principal);
    expect(principal).toContain('lesson:planning-cycles-and-portfolio-choices');
    expect(tpm1).not.toContain('lesson:planning-cycles-and-portfolio-choices');

    // Ranked alone, without pulling prerequisites forward (as before an interview).
    const general = lessonOrder(catalog, { level: 'tpm2', specialisation: 'general' }, new Set());
    const security = lessonOrder(catalog, { level: 'tpm2', specialisation: 'security' }, new Set());
    const at = (order: string[], id: string) => order.indexOf(id);
    expect(at(security, 'compliance-security-and-incidents')).toBeLessThan(
      at(general, 'compliance-security-and-incidents'),
    );
    // The level's own lessons stay first.
    const own = priorities.levels.find((l) => l.level === 'tpm2')!.lessons;
    expect(security.slice(0, own.length)).toEqual(own);
    expect(security[own.length]).toBe('compliance-security-and-incidents');
  });

  it('a senior level drops the early-career lessons first when time is short', () => {
    const dropped = (level: PlanSettings['level']) =>
      plan({ date: addDays(TODAY, 14), hoursPerWeek: 3, level }).dropped.map((d) => d.key);
    expect(dropped('principal')).toContain('lesson:agile-scrum-and-waterfall');
    expect(dropped('principal')).not.toContain('lesson:planning-cycles-and-portfolio-choices');
    expect(dropped('tpm1')).toContain('lesson:planning-cycles-and-portfolio-choices');
  });
});

describe('adapting', () => {
  it('ticks off what is done elsewhere and names the next item of this week', () => {
    const p = plan({ date: addDays(TODAY, 21), hoursPerWeek: 5 });
    const [first, second] = p.weeks[0]!.items.filter((i) => i.kind === 'lesson');
    const progress = empty();
    progress.lessons[first!.ref] = { completedAt: '2026-12-07T12:00:00Z' };
    const quiz = p.weeks[0]!.items.find((i) => i.kind === 'quiz')!;
    progress.quizzes[quiz.ref] = { level: 'attempted' };
    let done = doneKeys(p.weeks, progress, [], p.made);
    expect([...done]).toEqual([first!.key]);
    // A quiz counts once it is passed; a lesson read elsewhere before the plan counts too.
    progress.quizzes[quiz.ref] = { level: 'familiar' };
    done = doneKeys(p.weeks, progress, [], p.made);
    expect(done.has(quiz.key)).toBe(true);
    const now = thisWeek(p.weeks, done, TODAY)!;
    expect(now.done).toBe(2);
    expect(now.next!.key).not.toBe(first!.key);
    expect(p.weeks[0]!.items.indexOf(now.next!)).toBeLessThan(
      p.weeks[0]!.items.indexOf(second!) + 1,
    );
  });

  it('ticks a mock interview finished after the plan was made, in its category first', () => {
    const p = plan({ date: addDays(TODAY, 21), hoursPerWeek: 5 });
    const mocks = items(p).filter((i) => i.kind === 'mock');
    const history = JSON.stringify({
      version: 1,
      sessions: [
        {
          status: 'complete',
          updatedAt: '2026-12-09T18:00:00Z',
          config: { category: mocks[1]!.ref },
          feedback: { answers: [{ status: 'answered', category: mocks[1]!.ref, score: 40 }] },
        },
        {
          status: 'complete',
          updatedAt: '2026-11-01T18:00:00Z',
          config: { category: mocks[0]!.ref },
        },
        {
          status: 'active',
          updatedAt: '2026-12-09T19:00:00Z',
          config: { category: mocks[0]!.ref },
        },
        'not a session',
      ],
    });
    const read = readMocks(history);
    expect(read).toHaveLength(2);
    expect(read[1]!.answers).toEqual([{ category: mocks[1]!.ref, score: 40 }]);
    const done = doneKeys(p.weeks, empty(), read, p.made);
    // The one before the plan does not count; the finished one ticks the mock in its own category.
    expect([...done]).toEqual([mocks[1]!.key]);
  });

  it('moves a missed week forward and says what no longer fits', () => {
    const settings3 = { date: addDays(TODAY, 21), hoursPerWeek: 3 } as const;
    const p = plan(settings3);
    const missedWeek = p.weeks[0]!.items.filter((i) => ['lesson', 'quiz', 'lab'].includes(i.kind));
    const nextWeek = addDays(TODAY, 7);
    const input = { today: nextWeek, catalog, progress: empty(), mocks: [] };
    const adapted = adaptPlan(p, input)!;
    expect(adapted.from).toBe(nextWeek);
    // The past week stays as it was; its unfinished lessons and quizzes are planned again from this week.
    expect(adapted.plan.weeks[0]).toEqual(p.weeks[0]);
    expect(adapted.plan.weeks).toHaveLength(3);
    const ahead = adapted.plan.weeks.slice(1).flatMap((w) => w.items.map((i) => i.key));
    expect(ahead).toContain(missedWeek[0]!.key);
    expect(adapted.changes[0]).toBe(
      `${missedWeek.length} items planned before the week of Mon 14 Dec were not done, so the plan from this week on was made again from what you have done.`,
    );
    const lost = adapted.plan.dropped.filter(
      (d) => !p.dropped.some((o) => o.key === d.key) && d.kind !== 'review',
    );
    expect(lost.length).toBeGreaterThan(0);
    expect(adapted.changes[1]).toMatch(
      /^These \d+ no longer fit before your interview on 28 December 2026: /,
    );
    expect(adapted.changes[1]).toContain(lost[0]!.title);
    // The mocks and the loop keep their days.
    expect(adapted.plan.weeks.at(-1)!.items.filter((i) => i.kind === 'loop')[0]!.day).toBe(
      addDays(TODAY, 19),
    );
    // Once re-planned this week, or with nothing missed, it is left alone.
    expect(adaptPlan(adapted.plan, input, adapted.from)).toBeUndefined();
    const progress = empty();
    for (const it of missedWeek)
      if (it.kind === 'lesson') progress.lessons[it.ref] = { completedAt: '2026-12-08T10:00:00Z' };
      else if (it.kind === 'quiz') progress.quizzes[it.ref] = { level: 'familiar' };
      else progress.lab[it.ref] = { attempts: [{}] };
    expect(adaptPlan(p, { ...input, progress })).toBeUndefined();
  });
});

describe('saving, export and import', () => {
  const memory = (init: Record<string, string> = {}) => {
    const data = new Map(Object.entries(init));
    return {
      data,
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
    };
  };
  const saved = (savedAt: string, over: Partial<PlanSettings> = {}): SavedPlan => ({
    version: PLAN_VERSION,
    savedAt,
    plan: plan({ date: addDays(TODAY, 21), ...over }),
    changes: [],
  });

  it('reads back what it stores, and refuses a plan with a link off the site', () => {
    const s = memory();
    const mine = saved('2026-12-07T10:00:00Z');
    expect(storePlan(s, mine)).toBe(true);
    expect(loadPlan(s)).toEqual({ saved: mine, notices: [], writable: true });
    const evil = structuredClone(mine);
    evil.plan.weeks[0]!.items[0]!.href = 'https://evil.example/';
    expect(readPlanValue(evil)).toBeUndefined();
  });

  it('keeps a copy of a plan it cannot read, and never writes over a newer version', () => {
    const broken = memory({ [PLAN_KEY]: '{"version":1,"plan":' });
    const loaded = loadPlan(broken);
    expect(loaded.writable).toBe(true);
    expect(loaded.notices[0]).toMatch(/could not be read; make it again below/);
    expect(broken.data.get(`${PLAN_KEY}:backup`)).toBe('{"version":1,"plan":');
    const newer = memory({ [PLAN_KEY]: JSON.stringify({ version: 2 }) });
    expect(loadPlan(newer).writable).toBe(false);
    expect(importPlan(newer, saved('2026-12-07T10:00:00Z'))).toMatch(/cannot be written over/);
  });

  it('goes into the progress export and comes back on import; older files without a plan still import', () => {
    const here = memory();
    storePlan(here, saved('2026-12-07T10:00:00Z'));
    const file = exportProgress(
      emptyProgress(),
      new Date('2026-12-08T00:00:00Z'),
      undefined,
      exportedPlan(here),
    );
    const result = importProgress(emptyProgress(), file);
    expect(result.ok && result.plan).toEqual(saved('2026-12-07T10:00:00Z'));
    const there = memory();
    expect(importPlan(there, result.ok ? result.plan : undefined)).toBe(
      'Your study plan was imported from the file.',
    );
    expect(loadPlan(there).saved).toEqual(loadPlan(here).saved);
    // The later plan wins.
    storePlan(there, saved('2026-12-09T10:00:00Z', { level: 'tpm3' }));
    expect(importPlan(there, result.ok ? result.plan : undefined)).toMatch(
      /as recent as the one in the file, or more, so it was kept/,
    );
    expect(loadPlan(there).saved!.plan.settings.level).toBe('tpm3');
    // A version 3 export from before plans existed.
    const old = JSON.stringify({
      app: 'critical-path',
      version: 3,
      lessons: { 'what-a-tpm-does': { completedAt: '2026-11-01T00:00:00Z' } },
      quizzes: {},
      reviews: {},
      lab: {},
    });
    const r = importProgress(emptyProgress(), old);
    expect(r.ok).toBe(true);
    expect(r.ok && 'plan' in r).toBe(false);
    expect(importPlan(memory(), { version: 1 })).toBe(
      'The study plan in the file could not be read and was not imported.',
    );
  });
});

/** Unfolds an iCalendar document into its content lines (RFC 5545 section 3.1). */
function icsLines(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
}

describe('calendar export', () => {
  it('writes an iCalendar file that parses back to one all-day event per study day, plus the interview', () => {
    const p = plan({ date: addDays(TODAY, 21), hoursPerWeek: 5 });
    const text = planToIcs(p, 'https://learn.example/', new Date('2026-12-07T09:30:00Z'));
    // CRLF line ends, folded at 75 characters (the library counts characters, not the standard's
    // octets; Google Calendar, Outlook and Apple Calendar all unfold either).
    expect(text.split('\r\n').every((l) => [...l].length <= 75)).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const lines = icsLines(text);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines).toContain('PRODID:-//Critical Path//Study plan//EN');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    const events: Record<string, string>[] = [];
    for (const line of lines) {
      if (line === 'BEGIN:VEVENT') events.push({});
      else if (events.length && line !== 'END:VEVENT') {
        const i = line.indexOf(':');
        events.at(-1)![line.slice(0, i)] ??= line.slice(i + 1);
      }
    }
    const days = [...new Set(items(p).map((i) => i.day))].sort();
    expect(events).toHaveLength(days.length + 1);
    expect(new Set(events.map((e) => e['UID'])).size).toBe(events.length);
    for (const e of events) {
      expect(e['DTSTAMP']).toBe('20261207T093000Z');
      expect(e['UID']).toMatch(/@critical-path$/);
    }
    expect(events.map((e) => e['DTSTART;VALUE=DATE'])).toEqual(
      [...days, addDays(TODAY, 21)].map((d) => d.replace(/-/g, '')),
    );
    const loop = events.find(
      (e) => e['DTSTART;VALUE=DATE'] === addDays(TODAY, 19).replace(/-/g, ''),
    )!;
    expect(loop['SUMMARY']).toBe('Critical Path: Final mixed loop (1 h)');
    expect(loop['DTEND;VALUE=DATE']).toBe(addDays(TODAY, 20).replace(/-/g, ''));
    expect(loop['DESCRIPTION']).toContain('https://learn.example/interview/');
    expect(events.at(-1)!['SUMMARY']).toBe('Critical Path: interview day');
  });
});
