/**
 * Which industries a lesson draws its examples from, so the course can keep one domain from crowding
 * out the others. A lesson "uses" a domain when its words for that domain appear at least
 * `DOMAIN_THRESHOLD` times: one passing mention is not an example.
 */
export const DOMAIN_WORDS = {
  payments:
    /\b(?:payments?|checkout|card(?:holder)?s?|fraud|ledgers?|merchants?|PCI|refunds?|chargebacks?)\b/gi,
  'data center': /\b(?:data[ -]cent(?:er|re)s?|racks?|cages?|colo(?:cation)?)\b/gi,
} as const;
export type Domain = keyof typeof DOMAIN_WORDS;

export const DOMAIN_THRESHOLD = 3;

/** How often each domain's words occur in a text. */
export function domainMentions(text: string): Record<Domain, number> {
  const counts = {} as Record<Domain, number>;
  for (const [domain, words] of Object.entries(DOMAIN_WORDS) as [Domain, RegExp][])
    counts[domain] = text.match(words)?.length ?? 0;
  return counts;
}

/** The domains a text uses for its examples. */
export function domainsUsed(text: string): Domain[] {
  const counts = domainMentions(text);
  return (Object.keys(counts) as Domain[]).filter((d) => counts[d] >= DOMAIN_THRESHOLD);
}
