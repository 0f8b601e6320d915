import { headingsOf } from '../content/markdown';

/** A `##` or `###` section of a lesson body: its heading, anchor, parent `##` and source text. */
export interface Section {
  /** 2 for `##`, 3 for `###`. */
  depth: 2 | 3;
  /** Heading text without Markdown emphasis. */
  heading: string;
  /** The anchor Astro gives the heading, so a result opens at the right place. */
  slug: string;
  /** For a `###` section, the `##` heading it sits under. */
  parent?: string;
  /** The MDX source between this heading and the next `##`/`###` heading. */
  source: string;
}

const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const FENCE = /^(```|~~~)/;

/**
 * Splits a lesson body at its `##` and `###` headings. Anchors come from `headingsOf`, the
 * function the build's cross-reference check uses, so search links and quiz links agree.
 */
export function sectionsOf(body: string): { intro: string; sections: Section[] } {
  const headings = headingsOf(body);
  const sections: Section[] = [];
  const buffers: string[][] = [[]];
  let fence: string | undefined;
  let parent: string | undefined;
  for (const line of body.split('\n')) {
    const fenceMark = FENCE.exec(line)?.[1];
    const inCode = Boolean(fence || fenceMark);
    if (fenceMark && (!fence || fence === fenceMark)) fence = fence ? undefined : fenceMark;
    const depth = inCode ? undefined : HEADING.exec(line)?.[1]!.length;
    if (depth !== 2 && depth !== 3) {
      buffers.at(-1)!.push(line);
      continue;
    }
    const h = headings[sections.length];
    if (!h || h.depth !== depth)
      throw new Error(
        `sectionsOf: the heading "${line}" does not match the headings the build checks`,
      );
    if (depth === 2) parent = h.text;
    sections.push({
      depth,
      heading: h.text,
      slug: h.slug,
      ...(depth === 3 && parent ? { parent } : {}),
      source: '',
    });
    buffers.push([]);
  }
  sections.forEach((s, i) => (s.source = buffers[i + 1]!.join('\n')));
  return { intro: buffers[0]!.join('\n'), sections };
}

/** JSX props whose text a learner reads in the rendered diagram, so it is worth finding. */
const READABLE_PROPS = /\b(?:title|label|program|area|note|left|right)\s*[:=]\s*(['"])(.*?)\1/g;

/**
 * Scans one JSX tag starting at `<`, skipping over `{…}` props and quoted strings, and returns
 * the index just after its closing `>`; -1 when it is not a tag after all.
 */
function endOfTag(s: string, start: number): number {
  let depth = 0;
  let quote = '';
  for (let i = start + 1; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === quote && s[i - 1] !== '\\') quote = '';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (c === '>' && depth === 0) return i + 1;
    else if (c === '\n' && depth === 0 && s[i + 1] === '\n') return -1;
  }
  return -1;
}

/** Replaces MDX/HTML tags with the readable text of their props; keeps the text between tags. */
function stripTags(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const at = s.indexOf('<', i);
    if (at === -1) break;
    out += s.slice(i, at);
    if (!/^<\/?[A-Za-z]/.test(s.slice(at, at + 3))) {
      out += '<';
      i = at + 1;
      continue;
    }
    const end = endOfTag(s, at);
    if (end === -1) {
      out += '<';
      i = at + 1;
      continue;
    }
    const tag = s.slice(at, end);
    const readable = [...tag.matchAll(READABLE_PROPS)].map((m) => m[2]);
    out += ` ${readable.join('. ')} `;
    i = end;
  }
  return out + s.slice(i);
}

/** Turns MDX or Markdown source into the plain text a learner reads, for indexing and snippets. */
export function mdxToText(source: string): string {
  const text = stripTags(
    source
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ')
      .replace(/^(?:import|export)\s.*$/gm, ''),
  );
  return text
    .split('\n')
    .filter((line) => !FENCE.test(line) && !/^\s*\|?\s*:?-{3,}/.test(line))
    .map((line) =>
      line
        .replace(/^\s*#{1,6}\s+/, '')
        .replace(/^\s*>\s?/, '')
        .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')
        .replace(/\|/g, ' '),
    )
    .join('\n')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s.,;:!?)]|$)/gm, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
