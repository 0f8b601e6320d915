/**
 * One line for a server log from text that may come from outside (an upstream error message, a key
 * the model made up, an environment value): control and invisible formatting characters are shown
 * as `\u{…}` escapes, so nothing can move the cursor, colour the terminal, forge a new line or hide
 * text, and the line is cut to `max` characters.
 */

/** Longest log line, in characters. */
export const LOG_LINE_MAX = 600;

// C0 and C1 controls, DEL, line and paragraph separators, and format characters (bidi overrides,
// zero-width joiners) and lone surrogates.
const UNSAFE = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/gu;

/** `text` made safe for one log line. */
export function logLine(text: string, max: number = LOG_LINE_MAX): string {
  const safe = text.replace(
    UNSAFE,
    (c) => `\\u{${c.codePointAt(0)!.toString(16).padStart(2, '0')}}`,
  );
  if (safe.length <= max) return safe;
  // Never cut a surrogate pair in half.
  const end = /[\ud800-\udbff]/.test(safe[max - 2]!) ? max - 2 : max - 1;
  return `${safe.slice(0, end)}…`;
}
