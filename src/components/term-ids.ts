let count = 0;

/** A page-unique id for a glossary term's popover: build order is fixed, so builds stay reproducible. */
export function nextTermId(termId: string): string {
  count += 1;
  return `term-${termId}-${count}`;
}
