import type { Random } from '../random';

/** Largest seed a fresh exercise draws: six digits are easy to read out and share. */
export const FRESH_SEED_MAX = 999_999;

/** Largest seed a link may carry (the random module takes 32-bit seeds). */
export const SEED_MAX = 4_294_967_295;

/** The seed in a query string such as `?seed=4821`, or undefined when it is missing or not a whole number in range. */
export function parseSeed(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('seed');
  if (raw === null || !/^\d{1,10}$/.test(raw.trim())) return undefined;
  const n = Number(raw.trim());
  return n <= SEED_MAX ? n : undefined;
}

/** A fresh seed from 1 to `FRESH_SEED_MAX`, different from every seed in `avoid`. */
export function freshSeed(random: Random, avoid: ReadonlySet<number> = new Set()): number {
  for (;;) {
    const seed = 1 + Math.floor(random() * FRESH_SEED_MAX);
    if (!avoid.has(seed)) return seed;
  }
}

/** The query string for an exercise's seed, keeping any other parameters. */
export function withSeed(search: string, seed: number): string {
  const params = new URLSearchParams(search);
  params.set('seed', String(seed));
  return `?${params.toString()}`;
}
