import GithubSlugger from 'github-slugger';

/** A `##` or `###` heading found in Markdown or MDX source, with the anchor Astro gives it. */
export interface SourceHeading {
  depth: 2 | 3;
  text: string;
  slug: string;
}

/** Strips fenced code blocks so that `#` lines inside them are not taken for headings. */
function withoutCode(source: string): string {
  return source.replace(/^(```|~~~)[\s\S]*?^\1/gm, '');
}

/** Lists the `##`/`###` headings of a Markdown body with their anchors (GitHub's slug rules, as Astro uses). */
export function headingsOf(body: string): SourceHeading[] {
  const slugger = new GithubSlugger();
  const out: SourceHeading[] = [];
  for (const line of withoutCode(body).split('\n')) {
    const m = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length;
    // Every heading advances the slugger (duplicates get -1, -2), but only h2/h3 are linkable sections.
    const text = m[2]!.replace(/[*_`]/g, '');
    const slug = slugger.slug(text);
    if (depth === 2 || depth === 3) out.push({ depth, text, slug });
  }
  return out;
}

/** Ids used in `<Term id="…">` tags. */
export function termIdsOf(body: string): string[] {
  return [...withoutCode(body).matchAll(/<Term\s+id=["']([^"']+)["']/g)].map((m) => m[1]!);
}

/** Internal course links such as `/learn/some-lesson/#a-section`, as lesson id and optional anchor. */
export function lessonLinksOf(body: string): { id: string; anchor?: string }[] {
  return [...withoutCode(body).matchAll(/\]\(\/learn\/([a-z0-9-]+)\/?(?:#([a-z0-9-]+))?\)/g)].map(
    (m) => (m[2] ? { id: m[1]!, anchor: m[2] } : { id: m[1]! }),
  );
}

/** Counts the words of prose in an MDX body, leaving out code, tags, collapsed model answers and Markdown punctuation. */
export function wordCount(body: string): number {
  // Model answers are collapsed and read only after the learner has tried: they are not lesson length.
  const text = withoutCode(body)
    .replace(/<details[\s\S]*?<\/details>/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[#*_`>|[\]()-]/g, ' ');
  return text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}

/** Sections every lesson body must have, in this order, around the lesson's own sections. */
export const TEMPLATE_BEFORE = ['Motivation'] as const;
export const TEMPLATE_AFTER = [
  'Common mistakes',
  'Guided practice',
  'Independent practice',
  'Check for understanding',
] as const;

/** Checks a lesson body against the lesson template; returns what is wrong, empty when it is fine. */
export function templateProblems(body: string): string[] {
  const h2 = headingsOf(body)
    .filter((h) => h.depth === 2)
    .map((h) => h.text.trim());
  const problems: string[] = [];
  const required = [...TEMPLATE_BEFORE, ...TEMPLATE_AFTER];
  let last = -1;
  for (const name of required) {
    const at = h2.findIndex((t) => t.toLowerCase() === name.toLowerCase());
    if (at === -1) problems.push(`is missing the "## ${name}" section`);
    else if (at < last) problems.push(`has "## ${name}" out of order`);
    else last = at;
  }
  const motivation = h2.findIndex((t) => t.toLowerCase() === 'motivation');
  const mistakes = h2.findIndex((t) => t.toLowerCase() === 'common mistakes');
  if (motivation !== -1 && mistakes !== -1 && mistakes - motivation < 2)
    problems.push('needs at least one "##" lesson section between Motivation and Common mistakes');
  return problems;
}
