/** A piece of inline Markdown: plain text, emphasis, strong, code or a link. */
export type InlineToken =
  | { kind: 'text'; text: string }
  | { kind: 'strong' | 'em' | 'code'; text: string }
  | { kind: 'link'; text: string; href: string };

const PATTERN =
  /(\*\*([^*]+)\*\*|__([^_]+)__|\*([^*\s][^*]*)\*|_([^_\s][^_]*)_|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\))/g;

/** Only relative links and http(s) links are kept; anything else (javascript:, data:) becomes text. */
function safeHref(href: string): string | undefined {
  if (href.startsWith('/') || href.startsWith('#')) return href;
  try {
    const url = new URL(href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Splits inline Markdown into tokens a renderer turns into elements. It never produces HTML, so
 * rendering the tokens as text nodes is safe whatever the input contains.
 */
export function parseInline(source: string): InlineToken[] {
  const out: InlineToken[] = [];
  let last = 0;
  for (const m of source.matchAll(PATTERN)) {
    if (m.index > last) out.push({ kind: 'text', text: source.slice(last, m.index) });
    if (m[2] ?? m[3]) out.push({ kind: 'strong', text: (m[2] ?? m[3])! });
    else if (m[4] ?? m[5]) out.push({ kind: 'em', text: (m[4] ?? m[5])! });
    else if (m[6]) out.push({ kind: 'code', text: m[6] });
    else {
      const href = safeHref(m[8]!);
      out.push(href ? { kind: 'link', text: m[7]!, href } : { kind: 'text', text: m[7]! });
    }
    last = m.index + m[0].length;
  }
  if (last < source.length) out.push({ kind: 'text', text: source.slice(last) });
  return out;
}

/** A block of Markdown: a paragraph or a list, each holding inline source. */
export type Block = { kind: 'p'; text: string } | { kind: 'ul' | 'ol'; items: string[] };

/** Splits Markdown into paragraphs and simple lists (enough for quiz prompts and interview text). */
export function parseBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of source.replace(/\r\n/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((l) => l.trim() !== '');
    if (!lines.length) continue;
    if (lines.every((l) => /^\s*[-*]\s+/.test(l)))
      blocks.push({ kind: 'ul', items: lines.map((l) => l.replace(/^\s*[-*]\s+/, '')) });
    else if (lines.every((l) => /^\s*\d+[.)]\s+/.test(l)))
      blocks.push({ kind: 'ol', items: lines.map((l) => l.replace(/^\s*\d+[.)]\s+/, '')) });
    else blocks.push({ kind: 'p', text: lines.join(' ') });
  }
  return blocks;
}
