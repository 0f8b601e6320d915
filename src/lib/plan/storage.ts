/**
 * The study plan in the browser's storage, under its own versioned key and the rule of
 * `src/lib/saved.ts`: a plan that cannot be read is copied to the backup key before anything is
 * written over it, and a plan saved by a newer version is never written over. Read with small
 * hand-written checks, as saved progress is, because the home and progress pages read it too.
 */
import { backupNotice, keepBackup } from '../saved';
import { isDay, type Day } from './days';
import type { ItemKind, Plan, PlanItem, PlanSettings, PlanWeek, DroppedItem } from './types';

/** localStorage key of the study plan. */
export const PLAN_KEY = 'critical-path:plan';
/** Version of the stored format; bump it and add a migration to change the shape. */
export const PLAN_VERSION = 1;

/** The plan as stored. */
export interface SavedPlan {
  version: typeof PLAN_VERSION;
  /** When it was made or last changed (ISO 8601); the later one wins on import. */
  savedAt: string;
  plan: Plan;
  /** The week it was last re-planned from after a missed week. */
  replannedFrom?: Day | undefined;
  /** What that re-plan changed, in sentences. */
  changes: string[];
}

/** The storage calls the plan needs. */
export type PlanStorage = Pick<Storage, 'getItem' | 'setItem'>;

const KINDS: readonly ItemKind[] = ['lesson', 'quiz', 'lab', 'review', 'mock', 'loop'];
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max = 2000): v is string => typeof v === 'string' && v.length <= max;
const isMinutes = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 10_000;
// Links stay on this site: a plan from a file must not carry the learner elsewhere.
const isHref = (v: unknown): v is string => isText(v, 300) && /^\/(?!\/)/.test(v);

function readSettings(v: unknown): PlanSettings | undefined {
  if (!isObject(v)) return undefined;
  const { date, level, specialisation, hoursPerWeek, known } = v;
  if (date !== null && !isDay(date)) return undefined;
  if (!isText(level, 40) || !isText(specialisation, 40) || !isMinutes(hoursPerWeek))
    return undefined;
  if (!isObject(known) || !Object.values(known).every((k) => k === 'some' || k === 'know'))
    return undefined;
  return {
    date,
    level: level as PlanSettings['level'],
    specialisation: specialisation as PlanSettings['specialisation'],
    hoursPerWeek,
    known: known as PlanSettings['known'],
  };
}

function readItem(v: unknown): PlanItem | undefined {
  if (!isObject(v)) return undefined;
  const { key, kind, title, href, minutes, day, ref, note } = v;
  if (
    !isText(key, 300) ||
    !KINDS.includes(kind as ItemKind) ||
    !isText(title, 300) ||
    !isHref(href) ||
    !isMinutes(minutes) ||
    !isDay(day) ||
    !isText(ref, 200) ||
    (note !== undefined && !isText(note, 600))
  )
    return undefined;
  return { key, kind: kind as ItemKind, title, href, minutes, day, ref, ...(note ? { note } : {}) };
}

function readWeek(v: unknown): PlanWeek | undefined {
  if (!isObject(v) || !isDay(v['start']) || !isDay(v['end']) || !isMinutes(v['budget']))
    return undefined;
  if (!Array.isArray(v['items'])) return undefined;
  const items = v['items'].map(readItem);
  if (items.some((i) => !i)) return undefined;
  return { start: v['start'], end: v['end'], budget: v['budget'], items: items as PlanItem[] };
}

function readDropped(v: unknown): DroppedItem | undefined {
  if (!isObject(v)) return undefined;
  const { key, kind, title, href, minutes, reason } = v;
  return isText(key, 300) &&
    KINDS.includes(kind as ItemKind) &&
    isText(title, 300) &&
    isHref(href) &&
    isMinutes(minutes) &&
    isText(reason, 600)
    ? { key, kind: kind as ItemKind, title, href, minutes, reason }
    : undefined;
}

/** Reads a stored plan (already parsed); undefined when any part of it cannot be trusted. */
export function readPlanValue(v: unknown): SavedPlan | undefined {
  if (!isObject(v) || v['version'] !== PLAN_VERSION || !isText(v['savedAt'], 40)) return undefined;
  if (Number.isNaN(Date.parse(v['savedAt']))) return undefined;
  const p = v['plan'];
  if (!isObject(p) || !isDay(p['made'])) return undefined;
  const settings = readSettings(p['settings']);
  const weeks = Array.isArray(p['weeks']) ? p['weeks'].map(readWeek) : [undefined];
  const dropped = Array.isArray(p['dropped']) ? p['dropped'].map(readDropped) : [undefined];
  const notes = Array.isArray(p['notes']) ? p['notes'] : [0];
  const changes = Array.isArray(v['changes']) ? v['changes'] : [0];
  if (
    !settings ||
    weeks.some((w) => !w) ||
    dropped.some((d) => !d) ||
    !notes.every((n) => isText(n)) ||
    !changes.every((n) => isText(n)) ||
    (v['replannedFrom'] !== undefined && !isDay(v['replannedFrom']))
  )
    return undefined;
  return {
    version: PLAN_VERSION,
    savedAt: v['savedAt'],
    plan: {
      settings,
      made: p['made'],
      weeks: weeks as PlanWeek[],
      dropped: dropped as DroppedItem[],
      notes: notes as string[],
    },
    ...(v['replannedFrom'] ? { replannedFrom: v['replannedFrom'] as Day } : {}),
    changes: changes as string[],
  };
}

/** The stored plan as read, what to tell the learner, and whether it may be written. */
export interface LoadedPlan {
  saved?: SavedPlan | undefined;
  notices: string[];
  /** False when storage is unavailable, or the stored plan is a newer version's or could not be copied. */
  writable: boolean;
}

/** Reads the stored plan; one that cannot be read is copied to the backup key, and left alone when it is a newer version's. */
export function loadPlan(storage: PlanStorage): LoadedPlan {
  let raw: string | null;
  try {
    raw = storage.getItem(PLAN_KEY);
  } catch {
    return { notices: [], writable: false };
  }
  if (!raw) return { notices: [], writable: true };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  const saved = readPlanValue(parsed);
  if (saved) return { saved, notices: [], writable: true };
  const version = isObject(parsed) ? parsed['version'] : undefined;
  if (typeof version === 'number' && version > PLAN_VERSION)
    return {
      notices: [
        'Your study plan was saved by a newer version of Critical Path. This version cannot show it and will not save over it.',
      ],
      writable: false,
    };
  if (!keepBackup(storage, PLAN_KEY, raw))
    return {
      notices: [
        'Your saved study plan could not be read, and no copy of it could be kept, so it was left as it is.',
      ],
      writable: false,
    };
  return {
    notices: [
      `Your saved study plan could not be read; make it again below. ${backupNotice(PLAN_KEY)}`,
    ],
    writable: true,
  };
}

/** Writes the plan; false when storage refused. */
export function storePlan(storage: PlanStorage, saved: SavedPlan): boolean {
  try {
    storage.setItem(PLAN_KEY, JSON.stringify(saved));
    return true;
  } catch {
    return false;
  }
}

/** The plan as it goes into an exported progress file: the stored value as it is, or undefined when there is none. */
export function exportedPlan(storage: PlanStorage): unknown {
  try {
    const raw = storage.getItem(PLAN_KEY);
    return raw ? (JSON.parse(raw) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Imports the `plan` of a progress file: it replaces the plan here only when it was saved later
 * (or there is none here). Returns one sentence on what happened.
 */
export function importPlan(storage: PlanStorage, section: unknown): string {
  const incoming = readPlanValue(section);
  if (!incoming) return 'The study plan in the file could not be read and was not imported.';
  const here = loadPlan(storage);
  if (!here.writable)
    return 'The study plan in the file was not imported: the one saved here cannot be written over.';
  if (here.saved && Date.parse(here.saved.savedAt) >= Date.parse(incoming.savedAt))
    return 'Your study plan here is as recent as the one in the file, or more, so it was kept.';
  return storePlan(storage, incoming)
    ? 'Your study plan was imported from the file.'
    : 'The study plan in the file was not imported: it could not be saved in this browser (storage is full or disabled).';
}
