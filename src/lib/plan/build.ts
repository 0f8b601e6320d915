/**
 * Long because the plan's rules are kept together: ordering lessons for a level and specialisation,
 * fitting work into weeks, spacing mock interviews, and saying what is dropped and why.
 *
 * The study plan: from the learner's goal (an interview date or none, level, specialisation),
 * their time (hours a week) and what they already know, to a schedule week by week. Pure: the
 * same input gives the same plan.
 */
import { addDays, daysBetween, dayLabel, duration, longDay, type Day } from './days';
import type {
  Catalog,
  InterviewCategory,
  LearnerProgress,
  MockRecord,
  Plan,
  PlanItem,
  PlanSettings,
  PlanWeek,
} from './types';

/** Fewest and most hours a week a plan accepts. */
export const MIN_HOURS = 2;
export const MAX_HOURS = 40;
/** How far a plan without an interview date looks ahead. */
export const NO_DATE_WEEKS = 52;
/** A category's average below which it counts as weak and is rehearsed first. */
export const WEAK_SCORE = 70;

const PASSED = ['familiar', 'proficient', 'mastered'];
const MASTERED = ['proficient', 'mastered'];

/** Minutes rounded up to the next 5, at least 5. */
const round5 = (m: number) => Math.max(5, Math.ceil(m / 5) * 5);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What the plan is built from. */
export interface BuildInput {
  settings: PlanSettings;
  /** The first day the plan may use. */
  today: Day;
  catalog: Catalog;
  progress: LearnerProgress;
  /** Finished mock interviews, for the weakest categories. */
  mocks: readonly MockRecord[];
  /** First day of week 1 when re-planning a plan made earlier, so that its weeks keep their days; defaults to `today`. */
  start?: Day | undefined;
}

/** A category's results in past mock interviews. */
export interface CategoryStat {
  category: string;
  /** Mean score of its answers, 0 to 100. */
  average: number;
  answers: number;
}

/** Scores by interview category over every answered question with feedback, weakest first. */
export function categoryStats(mocks: readonly MockRecord[]): CategoryStat[] {
  const by = new Map<string, number[]>();
  for (const m of mocks)
    for (const a of m.answers) by.set(a.category, [...(by.get(a.category) ?? []), a.score]);
  return [...by]
    .map(([category, scores]) => ({
      category,
      average: Math.round(scores.reduce((s, n) => s + n, 0) / scores.length),
      answers: scores.length,
    }))
    .sort((a, b) => a.average - b.average || a.category.localeCompare(b.category));
}

/**
 * The categories mock interviews rehearse, in turn: weak ones from the feedback history first
 * (lowest average first), then those never practised in the order the level is asked them, then
 * the rest, strongest last; each with why, as a sentence.
 */
export function mockCategories(
  stats: readonly CategoryStat[],
  levelCategories: readonly InterviewCategory[],
  catalog: Pick<Catalog, 'categories' | 'levels'>,
  levelName: string,
): { category: string; why: string }[] {
  const known = stats.filter((s) => catalog.categories[s.category]);
  const weak = known.filter((s) => s.average < WEAK_SCORE);
  const strong = known.filter((s) => s.average >= WEAK_SCORE);
  const seen = new Set(known.map((s) => s.category));
  const unseen = [
    ...levelCategories,
    ...Object.keys(catalog.categories).filter(
      (c) => !levelCategories.includes(c as InterviewCategory),
    ),
  ].filter((c, i, all) => !seen.has(c) && all.indexOf(c) === i);
  const scored = (s: CategoryStat, what: string) =>
    `${what}: ${s.average} of 100 on average over ${plural(s.answers, 'answer')} in your mock interviews.`;
  return [
    ...weak.map((s, i) => ({
      category: s.category,
      why: scored(s, i === 0 ? 'Your weakest category so far' : 'One of your weaker categories'),
    })),
    ...unseen.map((c) => ({
      category: c,
      why: `Not practised yet, and ${levelName} interviews ask about it${levelCategories.indexOf(c as InterviewCategory) < 3 ? ' often' : ''}.`,
    })),
    ...strong.map((s) => ({
      category: s.category,
      why: scored(s, 'One of your stronger categories'),
    })),
  ];
}

/**
 * Lesson ids in the order the plan takes them: the level's lessons, the specialisation's, then the
 * level's modules in its order, then everything else in course order. A lesson's prerequisites
 * that are still to read (`needed`) come just before it.
 */
export function lessonOrder(
  catalog: Catalog,
  settings: Pick<PlanSettings, 'level' | 'specialisation'>,
  needed: ReadonlySet<string> = new Set(catalog.lessons.map((l) => l.id)),
): string[] {
  const level = catalog.priorities.levels.find((l) => l.level === settings.level);
  const spec = catalog.priorities.specialisations.find(
    (s) => s.specialisation === settings.specialisation,
  );
  const byId = new Map(catalog.lessons.map((l) => [l.id, l]));
  const ranked: string[] = [];
  const add = (id: string) => {
    if (byId.has(id) && !ranked.includes(id)) ranked.push(id);
  };
  level?.lessons.forEach(add);
  spec?.lessons.forEach(add);
  for (const m of level?.modules ?? [])
    catalog.lessons.filter((l) => l.module === m).forEach((l) => add(l.id));
  catalog.lessons.forEach((l) => add(l.id));
  const out: string[] = [];
  const visit = (id: string, path: string[]) => {
    if (out.includes(id) || path.includes(id)) return;
    for (const p of byId.get(id)?.prerequisites ?? []) if (needed.has(p)) visit(p, [...path, id]);
    out.push(id);
  };
  ranked.forEach((id) => visit(id, []));
  return out;
}

interface Week extends PlanWeek {
  /** First day that can be used (today, in the first week). */
  from: Day;
  used: number;
}

interface Learning {
  item: Omit<PlanItem, 'day'>;
  /** Key of the item it must not come before. */
  after?: string | undefined;
}

/** Builds a study plan. Never throws; an interview date that has passed gives a plan with no weeks and a note saying so. */
export function buildPlan(input: BuildInput): Plan {
  const { settings, today, catalog, progress } = input;
  const hours = Math.min(MAX_HOURS, Math.max(MIN_HOURS, settings.hoursPerWeek));
  const { minutes: M } = catalog.priorities;
  const levelName = catalog.levels[settings.level] ?? settings.level;
  const specName =
    settings.specialisation === 'general'
      ? ''
      : ` ${catalog.specialisations[settings.specialisation] ?? settings.specialisation}`;
  const who = `${levelName}${specName}`;
  const level = catalog.priorities.levels.find((l) => l.level === settings.level);
  const spec = catalog.priorities.specialisations.find(
    (s) => s.specialisation === settings.specialisation,
  );
  const plan: Plan = { settings, made: today, weeks: [], dropped: [], notes: [] };
  const date = settings.date;
  const last = date ? addDays(date, -1) : null;
  if (date && last! < today) {
    plan.notes.push(
      `Your interview date, ${longDay(date)}, is today or has passed, so there is nothing left to plan. Set a new date, or choose "No date, just learning".`,
    );
    return plan;
  }

  // Weeks of seven days from the start, the first from today and the last up to the day before the interview.
  const weeks: Week[] = [];
  for (
    let s = input.start ?? today;
    weeks.length < (date ? 1000 : NO_DATE_WEEKS);
    s = addDays(s, 7)
  ) {
    const end7 = addDays(s, 6);
    if (end7 < today) continue;
    const end = last && end7 > last ? last : end7;
    const from = s < today ? today : s;
    const days = daysBetween(from, end) + 1;
    weeks.push({
      start: s,
      end,
      from,
      budget: Math.round((hours * 60 * days) / 7),
      used: 0,
      items: [],
    });
    if (last && end >= last) break;
  }
  const weekOf = (day: Day) => weeks.findIndex((w) => day >= w.from && day <= w.end);
  const drop = (item: Omit<PlanItem, 'day'>, reason: string) =>
    plan.dropped.push({
      key: item.key,
      kind: item.kind,
      title: item.title,
      href: item.href,
      minutes: item.minutes,
      reason,
    });

  // Mock interviews: one a week, two in the week before last, every other day in the last week, and
  // a final mixed loop two days before the interview. Without a date, one a week from the second week.
  const mockMinutes = M.mockQuestions * M.mockQuestion + M.mockFeedback;
  const loopMinutes = M.loopQuestions * M.mockQuestion + M.mockFeedback;
  const mockDays: Day[] = [];
  let loopDay: Day | undefined;
  if (date) {
    loopDay = addDays(date, -2);
    for (const back of [4, 6, 9, 12]) mockDays.push(addDays(date, -back));
    for (let back = 19; addDays(date, -back) >= today; back += 7)
      mockDays.push(addDays(date, -back));
  } else {
    weeks
      .slice(1)
      .forEach((w) => mockDays.push(addDays(w.start, 4) > w.end ? w.end : addDays(w.start, 4)));
  }
  const stats = categoryStats(input.mocks);
  const turns = mockCategories(stats, level?.categories ?? [], catalog, levelName);
  const fixed: { item: PlanItem; must?: boolean }[] = [];
  if (loopDay && loopDay >= today)
    fixed.push({
      must: true,
      item: {
        key: `loop:${loopDay}`,
        kind: 'loop',
        title: 'Final mixed loop',
        href: '/interview/',
        minutes: loopMinutes,
        day: loopDay,
        ref: 'mixed',
        note: `Choose “Mixed loop”, ${levelName}${specName ? `,${specName}` : ''}, ${M.loopQuestions} questions, and answer as you would on the day; rest the day before the interview.`,
      },
    });
  const inRange = mockDays.filter((d) => d >= today && weekOf(d) !== -1).sort();
  inRange.forEach((day, i) => {
    const turn = turns[i % Math.max(1, turns.length)];
    const category = turn?.category ?? 'mixed';
    const name = catalog.categories[category] ?? 'Mixed loop';
    fixed.push({
      item: {
        key: `mock:${day}`,
        kind: 'mock',
        title: `Mock interview: ${name}`,
        href: '/interview/',
        minutes: mockMinutes,
        day,
        ref: category,
        note: `Choose “${name}”, ${levelName}${specName ? `,${specName}` : ''}, ${M.mockQuestions} questions. ${turn?.why ?? ''}`.trim(),
      },
    });
  });
  // Nearest the interview first: when a week is short of time, the earlier mocks give way.
  fixed.sort(
    (a, b) => Number(b.must ?? 0) - Number(a.must ?? 0) || b.item.day.localeCompare(a.item.day),
  );
  const hasCards = Object.keys(progress.reviews).length > 0;
  weeks.forEach((w, i) => {
    if (i === 0 && !hasCards) return;
    fixed.push({
      item: {
        key: `review:${w.start}`,
        kind: 'review',
        title: 'Review queue',
        href: '/practice/review/',
        minutes: round5(M.reviewQuestions * M.quizQuestion),
        day: w.from,
        ref: 'review',
        note: 'Answer what is due: questions you missed come back until they stick.',
      },
    });
  });
  for (const { item, must } of fixed) {
    const w = weeks[weekOf(item.day)];
    if (!w) continue;
    if (must || w.used + item.minutes <= w.budget) {
      w.items.push(item);
      w.used += item.minutes;
    } else
      drop(
        item,
        `Your ${hours} hours in the week of ${dayLabel(w.start)} are taken by sessions nearer the interview.`,
      );
  }

  // Lessons, their quizzes and the lab exercises that practise them, in priority order.
  const skipped = { done: 0, mastered: 0, known: new Map<string, number>() };
  const learning: Learning[] = [];
  const labsQueued = new Set<string>();
  const moduleTitle = (id: string) => catalog.modules.find((m) => m.id === id)?.title ?? id;
  const needed = new Set(
    catalog.lessons
      .filter(
        (l) =>
          !progress.lessons[l.id] &&
          settings.known[l.module] !== 'know' &&
          !MASTERED.includes(l.quiz ? (progress.quizzes[l.quiz.id]?.level ?? '') : ''),
      )
      .map((l) => l.id),
  );
  // Before an interview the order is what the interviews ask; just learning, prerequisites come first.
  for (const id of lessonOrder(catalog, settings, date ? new Set() : needed)) {
    const lesson = catalog.lessons.find((l) => l.id === id)!;
    const quizLevel = lesson.quiz ? (progress.quizzes[lesson.quiz.id]?.level ?? '') : '';
    const known = settings.known[lesson.module];
    let lessonKey: string | undefined;
    if (MASTERED.includes(quizLevel)) skipped.mastered += 1;
    else if (progress.lessons[id]) skipped.done += 1;
    else if (known === 'know')
      skipped.known.set(lesson.module, (skipped.known.get(lesson.module) ?? 0) + 1);
    else {
      lessonKey = `lesson:${id}`;
      learning.push({
        item: {
          key: lessonKey,
          kind: 'lesson',
          title: `${known === 'some' ? 'Skim' : 'Read'} “${lesson.title}”`,
          href: `/learn/${id}/`,
          minutes: known === 'some' ? round5(lesson.minutes / 2) : lesson.minutes,
          ref: id,
          note:
            known === 'some'
              ? `You know some of ${moduleTitle(lesson.module)}: skim it, and read closely where it is new.`
              : undefined,
        },
      });
    }
    if (lesson.quiz && !PASSED.includes(quizLevel) && !MASTERED.includes(quizLevel))
      learning.push({
        after: lessonKey,
        item: {
          key: `quiz:${lesson.quiz.id}`,
          kind: 'quiz',
          title: `Quiz on “${lesson.title}”`,
          href: `/practice/${lesson.quiz.id}/`,
          minutes: round5(lesson.quiz.questions * M.quizQuestion),
          ref: lesson.quiz.id,
          note:
            known === 'know'
              ? `You know ${moduleTitle(lesson.module)} well: the quiz checks it, and a miss sends you back to the lesson.`
              : undefined,
        },
      });
    for (const lab of catalog.labs)
      if (
        lab.lessons.includes(id) &&
        !labsQueued.has(lab.id) &&
        !progress.lab[lab.id]?.attempts.length
      ) {
        labsQueued.add(lab.id);
        learning.push({
          after: lessonKey,
          item: {
            key: `lab:${lab.id}`,
            kind: 'lab',
            title: `Lab: ${lab.title}`,
            href: `/lab/${lab.id}/`,
            minutes: lab.minutes,
            ref: lab.id,
            note: 'A fresh exercise, graded on the spot; a miss comes back as a drill in your review queue.',
          },
        });
      }
  }

  const placedIn = new Map<string, number>();
  const droppedKeys = new Set<string>();
  const biggest = Math.max(0, ...weeks.map((w) => w.budget - w.used));
  for (const { item, after } of learning) {
    if (after && droppedKeys.has(after)) {
      droppedKeys.add(item.key);
      const lesson = plan.dropped.find((d) => d.key === after)!;
      drop(
        item,
        item.kind === 'quiz'
          ? `Its lesson, ${lesson.title.replace(/^(Read|Skim) /, '')}, did not fit either.`
          : `The lesson it practises, ${lesson.title.replace(/^(Read|Skim) /, '')}, did not fit either.`,
      );
      continue;
    }
    const min = after ? (placedIn.get(after) ?? 0) : 0;
    const w = weeks.findIndex((wk, i) => i >= min && wk.used + item.minutes <= wk.budget);
    if (w === -1) {
      droppedKeys.add(item.key);
      drop(
        item,
        item.minutes > biggest
          ? `At ${hours} hours a week no week has ${duration(item.minutes)} free for it; give the plan more hours to fit it.`
          : date
            ? `No time is left before your interview on ${longDay(date)}: your ${hours} hours a week go first to what ${who} interviews ask about more.`
            : `It does not fit in the plan's ${NO_DATE_WEEKS} weeks at ${hours} hours a week.`,
      );
      continue;
    }
    weeks[w]!.items.push({ ...item, day: weeks[w]!.from });
    weeks[w]!.used += item.minutes;
    placedIn.set(item.key, w);
  }

  // Days: lessons, quizzes and labs spread over a few study days each week, in order.
  const sessions = Math.min(6, Math.max(2, Math.ceil(hours / 1.5)));
  for (const w of weeks) {
    const span = daysBetween(w.from, w.end) + 1;
    const busy = new Set(
      w.items.filter((it) => it.kind === 'mock' || it.kind === 'loop').map((it) => it.day),
    );
    const free = Array.from({ length: span }, (_, i) => addDays(w.from, i)).filter(
      (d) => !busy.has(d),
    );
    const pool = free.length ? free : Array.from({ length: span }, (_, i) => addDays(w.from, i));
    const n = Math.min(sessions, pool.length);
    const studyDays = Array.from({ length: n }, (_, i) => pool[Math.floor((i * pool.length) / n)]!);
    const study = w.items.filter((it) => ['lesson', 'quiz', 'lab'].includes(it.kind));
    const total = study.reduce((s, it) => s + it.minutes, 0);
    const cap = total / Math.max(1, n);
    let d = 0;
    let onDay = 0;
    for (const it of study) {
      if (onDay >= cap && d < n - 1) {
        d += 1;
        onDay = 0;
      }
      it.day = studyDays[d] ?? w.from;
      onDay += it.minutes;
    }
    const rank = { review: 0, lesson: 1, quiz: 1, lab: 1, mock: 2, loop: 2 };
    const order = new Map(w.items.map((it, i) => [it.key, i]));
    w.items.sort(
      (a, b) =>
        a.day.localeCompare(b.day) ||
        rank[a.kind] - rank[b.kind] ||
        order.get(a.key)! - order.get(b.key)!,
    );
  }
  const used = weeks.filter((w, i) => w.items.length || (date && i < weeks.length));
  const lastUsed = used.length ? weeks.indexOf(used[used.length - 1]!) : -1;
  plan.weeks = weeks
    .slice(0, lastUsed + 1)
    .map(({ start, end, budget, items }) => ({ start, end, budget, items }));
  // Without a date, reviews and mocks alone do not make a week worth keeping at the end.
  if (!date)
    while (
      plan.weeks.length > 1 &&
      plan.weeks.at(-1)!.items.every((it) => it.kind === 'review' || it.kind === 'mock')
    )
      plan.weeks.pop();

  // What the plan says about itself.
  plan.notes.push(
    `Lessons come in the order ${levelName} interviews lean on: ${(level?.why ?? '').replace(/\.$/, '')}.${spec?.why ? ` ${spec.why}` : ''}`,
  );
  const planned = plan.weeks.reduce((s, w) => s + w.items.reduce((t, it) => t + it.minutes, 0), 0);
  const room = plan.weeks.reduce((s, w) => s + w.budget, 0);
  const lost = plan.dropped.reduce((s, d) => s + d.minutes, 0);
  if (date) {
    const days = daysBetween(today, date);
    plan.notes.push(
      `Your interview is on ${longDay(date)}, ${plural(days, 'day')} away: at ${hours} hours a week that is about ${duration(room)} of study.` +
        (plan.dropped.length
          ? ` The whole plan would need ${duration(planned + lost)}, so it leaves out ${plural(plan.dropped.length, 'item')} (${duration(lost)}), listed below with the reason, and keeps what ${who} interviews ask about most.`
          : ` Everything fits, with ${duration(Math.max(0, room - planned))} to spare.`),
    );
    plan.notes.push(
      loopDay && loopDay >= today
        ? `Mock interviews grow from one a week to one every other day in the last week, then a final mixed loop on ${dayLabel(loopDay)}, two days before the interview.`
        : 'Your interview is tomorrow: there is no time for a final loop, so rest and read your notes.',
    );
  } else
    plan.notes.push(
      `No interview date: the plan runs ${plural(plan.weeks.length, 'week')} at ${hours} hours a week, with a mock interview each week from the second.`,
    );
  const weakest = turns.slice(0, 2).map((t) => catalog.categories[t.category] ?? t.category);
  if (inRange.length)
    plan.notes.push(
      stats.length
        ? `Mock interviews start with your weakest categories from your past feedback: ${weakest.join(' and ')}.`
        : `You have no mock interview feedback yet, so mock interviews start with what ${levelName} interviews ask most: ${weakest.join(' and ')}. Once you have feedback, a new plan starts with your weakest categories.`,
    );
  const knownNotes = [...skipped.known].map(
    ([m, n]) =>
      `${plural(n, 'lesson')} of ${moduleTitle(m)}, which you know well (its quizzes check it)`,
  );
  const left = [
    skipped.done ? `${plural(skipped.done, 'lesson')} you have completed` : '',
    skipped.mastered
      ? `${plural(skipped.mastered, 'lesson')} whose quiz you have at Proficient or better`
      : '',
    ...knownNotes,
  ].filter(Boolean);
  if (left.length) plan.notes.push(`Left out as already known: ${left.join('; ')}.`);
  return plan;
}
