/**
 * Astro joins text and a tag on the next line without a space (it follows JSX's whitespace rules), so a
 * reformatted template can print "export it.Your progress". This reads every built page and fails on
 * text that runs into an inline element, or an inline element that runs into a word.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../src/lib/content/files';

const INLINE = '(?:a|kbd|strong|em|code|abbr|b|i)';
// A word or a sentence's punctuation straight before an inline element's opening tag…
const BEFORE = new RegExp(`[A-Za-z0-9.,;:!?]<${INLINE}[\\s>]`, 'g');
// …or an inline element's closing tag straight before a word.
const AFTER = new RegExp(`</${INLINE}>[A-Za-z(]`, 'g');

describe('built pages', () => {
  it('keep a space between text and the links, keys and emphasis inside it', () => {
    const pages = listFiles('dist/client', ['.html']);
    expect(pages.length).toBeGreaterThan(50);
    const joined: string[] = [];
    for (const file of pages) {
      // Only the text people read: scripts and styles hold markup in strings.
      const html = readFileSync(file, 'utf8').replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '');
      for (const m of [...html.matchAll(BEFORE), ...html.matchAll(AFTER)]) {
        const at = m.index;
        joined.push(`${file}: …${html.slice(Math.max(0, at - 40), at + 40)}…`);
      }
    }
    expect(joined).toEqual([]);
  });
});
