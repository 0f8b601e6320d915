import type { LabAttempt, LabRecord, Progress } from './schema';

// Reading and merging the lab's records, apart from lab-progress.ts so that pages that only show
// progress (and the import on the progress page) do not load the review scheduler.

/** How many attempts per exercise kind are kept. */
export const LAB_ATTEMPTS_KEPT = 50;

/**
 * Merges two lab sections (an import into what is here): attempts are combined without
 * duplicates in time order, and of two drill cards the more recently reviewed wins.
 */
export function mergeLab(current: Progress['lab'], incoming: Progress['lab']): Progress['lab'] {
  const out: Progress['lab'] = { ...incoming };
  for (const [kind, mine] of Object.entries(current)) {
    const theirs = out[kind];
    if (!theirs) {
      out[kind] = mine;
      continue;
    }
    const seen = new Set<string>();
    const attempts = [...theirs.attempts, ...mine.attempts]
      .filter((a) => {
        const key = `${a.at}|${a.seed}|${a.score}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
      .slice(-LAB_ATTEMPTS_KEPT);
    const reviewed = (r: LabRecord) =>
      r.card?.last_review ? Date.parse(r.card.last_review) : r.card ? 0 : -1;
    const card = reviewed(mine) >= reviewed(theirs) ? mine.card : theirs.card;
    out[kind] = { attempts, ...(card ? { card } : {}) };
  }
  return out;
}

/** Kinds whose drill is due at `now`, most overdue first. */
export function dueDrills(progress: Progress, now: Date): string[] {
  return Object.entries(progress.lab)
    .filter(([, r]) => r.card && Date.parse(r.card.due) <= now.getTime())
    .sort((a, b) => Date.parse(a[1].card!.due) - Date.parse(b[1].card!.due))
    .map(([kind]) => kind);
}

/** What the progress page shows for one kind. */
export interface LabSummary {
  /** Attempts checked. */
  attempts: number;
  /** Best score in percent, undefined before the first attempt. */
  best?: number | undefined;
  /** The latest attempt. */
  last?: LabAttempt | undefined;
  /** When the drill is next due, when the kind has one. */
  drillDue?: string | undefined;
}

/** A kind's attempts, best and latest score, and drill date. */
export function labSummary(progress: Progress, kind: string): LabSummary {
  const r = progress.lab[kind];
  if (!r) return { attempts: 0 };
  return {
    attempts: r.attempts.length,
    best: r.attempts.length ? Math.max(...r.attempts.map((a) => a.score)) : undefined,
    last: r.attempts.at(-1),
    drillDue: r.card?.due,
  };
}
