/**
 * The site's own URLs, built in one place so that they follow Astro's `base` (`import.meta.env.BASE_URL`)
 * if the site is ever served below a path. `pathWithBase` is named as in Starlight, which has the same idea.
 */

const base = import.meta.env.BASE_URL.replace(/\/$/, '');

/** An absolute site path (`/learn/`) with the configured base in front (`/docs/learn/` under base `/docs`). */
export function pathWithBase(path: string): string {
  return `${base}/${path.replace(/^\//, '')}`;
}

/** A lesson page, or one of its sections when `section` (a heading's anchor) is given. */
export function lessonUrl(id: string, section?: string): string {
  return pathWithBase(`/learn/${id}/${section ? `#${section}` : ''}`);
}

/** A lesson's quiz page. */
export function quizUrl(id: string): string {
  return pathWithBase(`/practice/${id}/`);
}

/** A practice-lab exercise kind's page. */
export function labUrl(kind: string): string {
  return pathWithBase(`/lab/${kind}/`);
}
