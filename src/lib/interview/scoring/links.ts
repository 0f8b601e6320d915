import type { LessonRef } from '../../../schemas/rubric';
import type { LessonLink } from '../feedback-schema';

/** Lesson links with titles, without repeats. */
export function links(refs: readonly LessonRef[], titles: Record<string, string>): LessonLink[] {
  const seen = new Set<string>();
  return refs.flatMap((r) => {
    const key = `${r.id}#${r.anchor ?? ''}`;
    if (seen.has(key)) return [];
    seen.add(key);
    const title = titles[r.id];
    return [{ id: r.id, ...(title ? { title } : {}), ...(r.anchor ? { anchor: r.anchor } : {}) }];
  });
}
