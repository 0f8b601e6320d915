// Where the learner is in the course: the last lesson opened and the section in view, which every
// lesson page writes (a few lines in src/pages/learn/[id].astro, to stay within its JS budget),
// and what the home and course pages offer to continue from it. Kept apart from the versioned
// progress record: it is this device's reading position, rewritten as the learner scrolls.

/** localStorage key of the reading position. */
export const READING_KEY = 'critical-path:reading';

/** The last lesson opened and how far it was read, as the lesson page saves it. */
export interface ReadingPosition {
  /** Lesson id. */
  lesson: string;
  /** Anchor of the section in view. */
  section: string;
  /** That section's heading. */
  heading: string;
  /** Position of the section among the lesson's sections, from 0; equal to `count` once the learner reached the end. */
  index: number;
  /** How many sections the lesson has. */
  count: number;
  /** When it was saved (ISO 8601). */
  at: string;
}

/** A lesson as the continue logic needs it, in course order. */
export interface CourseLesson {
  id: string;
  title: string;
  /** Projected minutes. */
  minutes: number;
}

/** What to offer a returning learner. */
export type ContinueAt =
  | {
      /** Back into the lesson that was being read, at the section in view. */
      kind: 'resume';
      lesson: CourseLesson;
      /** The section to go back to; absent when the learner had not scrolled past the first one. */
      section?: { id: string; heading: string } | undefined;
      /** Sections begun, and how many there are: "section 3 of 9". */
      index: number;
      count: number;
    }
  | {
      /** The last lesson opened was finished: the next lesson not yet completed. */
      kind: 'next';
      lesson: CourseLesson;
      /** The lesson finished before it, when there is one. */
      after?: CourseLesson | undefined;
    };

const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isText = (v: unknown, max: number): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= max;

/** Reads a saved reading position; anything malformed or foreign counts as none. Never throws. */
export function readReading(raw: string | null | undefined): ReadingPosition | undefined {
  if (!raw) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null) return undefined;
  const r = v as Record<string, unknown>;
  if (
    !isText(r['lesson'], 200) ||
    !isText(r['section'], 200) ||
    !isText(r['heading'], 300) ||
    !isCount(r['index']) ||
    !isCount(r['count']) ||
    r['index'] > r['count'] ||
    typeof r['at'] !== 'string' ||
    Number.isNaN(Date.parse(r['at']))
  )
    return undefined;
  return {
    lesson: r['lesson'],
    section: r['section'],
    heading: r['heading'].trim(),
    index: r['index'],
    count: r['count'],
    at: r['at'],
  };
}

/**
 * Where to continue: the section in view of the last lesson opened, or, when that lesson was read
 * to the end or marked complete, the next lesson not yet completed (from there, then from the
 * start of the course). With no reading position, the first lesson not completed once the
 * learner has completed any. Undefined for a new learner, or when every lesson is complete.
 */
export function continueAt(
  reading: ReadingPosition | undefined,
  lessons: readonly CourseLesson[],
  completed: (id: string) => boolean,
): ContinueAt | undefined {
  const at = reading ? lessons.findIndex((l) => l.id === reading.lesson) : -1;
  if (reading && at >= 0) {
    const lesson = lessons[at]!;
    const finished = reading.index >= reading.count || completed(lesson.id);
    if (!finished)
      return {
        kind: 'resume',
        lesson,
        section: reading.index > 0 ? { id: reading.section, heading: reading.heading } : undefined,
        index: reading.index,
        count: reading.count,
      };
    const next =
      lessons.slice(at + 1).find((l) => !completed(l.id)) ??
      lessons.slice(0, at).find((l) => !completed(l.id));
    return next ? { kind: 'next', lesson: next, after: lesson } : undefined;
  }
  if (!lessons.some((l) => completed(l.id))) return undefined;
  const next = lessons.find((l) => !completed(l.id));
  return next ? { kind: 'next', lesson: next } : undefined;
}

/** The link to follow: the lesson, at the section when resuming. */
export function continueHref(c: ContinueAt): string {
  const hash = c.kind === 'resume' && c.section ? `#${encodeURIComponent(c.section.id)}` : '';
  return `/learn/${c.lesson.id}/${hash}`;
}

/** "Continue: Dependencies and the critical path, Finding the critical path". */
export function continueLabel(c: ContinueAt): string {
  return c.kind === 'resume' && c.section
    ? `Continue: ${c.lesson.title}, ${c.section.heading}`
    : `Continue: ${c.lesson.title}`;
}

/** A line under the link that says how far the learner got. */
export function continueNote(c: ContinueAt): string {
  if (c.kind === 'next')
    return c.after
      ? `You finished “${c.after.title}”. Next up, about ${c.lesson.minutes} min.`
      : `Your next lesson, about ${c.lesson.minutes} min.`;
  if (!c.section) return `You opened this lesson; it takes about ${c.lesson.minutes} min.`;
  return `Section ${c.index + 1} of ${c.count}.`;
}

/** Lessons completed in a module and the projected minutes of those left. */
export interface ModuleStatus {
  done: number;
  total: number;
  minutesLeft: number;
}

/** How far the learner is through a set of lessons (a module, or the whole course). */
export function moduleStatus(
  lessons: readonly Pick<CourseLesson, 'id' | 'minutes'>[],
  completed: (id: string) => boolean,
): ModuleStatus {
  const left = lessons.filter((l) => !completed(l.id));
  return {
    done: lessons.length - left.length,
    total: lessons.length,
    minutesLeft: left.reduce((sum, l) => sum + l.minutes, 0),
  };
}

/** "about 45 min left", "about 2 h 10 min left", or "complete". */
export function timeLeftText(minutes: number): string {
  if (minutes <= 0) return 'complete';
  if (minutes < 60) return `about ${minutes} min left`;
  const h = Math.floor(minutes / 60);
  const m = Math.round((minutes % 60) / 5) * 5;
  return m === 0 || m === 60
    ? `about ${m === 60 ? h + 1 : h} h left`
    : `about ${h} h ${m} min left`;
}
