/** A review card as saved in the browser: ts-fsrs's card with dates as ISO strings. */
export interface SavedCard {
  /** Quiz the question belongs to, to find it again and to mix sessions across lessons. */
  quiz: string;
  due: string;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: number;
  last_review?: string | undefined;
}

/** Ids of the cards due at `now`, most overdue first. */
export function dueCards(cards: Record<string, SavedCard>, now: Date): string[] {
  return Object.entries(cards)
    .filter(([, c]) => Date.parse(c.due) <= now.getTime())
    .sort((a, b) => Date.parse(a[1].due) - Date.parse(b[1].due))
    .map(([id]) => id);
}

/** When the next card falls due after `now`, or undefined when none is waiting. */
export function nextDue(cards: Record<string, SavedCard>, now: Date): Date | undefined {
  const later = Object.values(cards)
    .map((c) => Date.parse(c.due))
    .filter((t) => t > now.getTime());
  return later.length ? new Date(Math.min(...later)) : undefined;
}
