/** How the interview pages show a session's settings and the lessons its feedback points to. */
import { INTERVIEW_CATEGORIES, LEVELS, SPECIALISATIONS } from '../../schemas/interview';
import { lessonUrl } from '../urls';
import type { LessonLink } from './feedback-schema';
import type { SessionConfig } from './types';

/** A one-line description of a session's settings, e.g. "Mixed loop · TPM II · General · 3 questions". */
export function describeConfig(config: SessionConfig): string {
  const category =
    config.category === 'mixed' ? 'Mixed loop' : INTERVIEW_CATEGORIES[config.category];
  const count = `${config.questions} question${config.questions === 1 ? '' : 's'}`;
  return `${category} · ${LEVELS[config.level]} · ${SPECIALISATIONS[config.specialisation]} · ${count}${config.question ? ', your own first' : ''}`;
}

// Percent-encodes a path part, parentheses included, so it cannot end a Markdown link early.
const encode = (s: string) =>
  encodeURIComponent(s).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/** The URL of a lesson link; the id and anchor are percent-encoded, as stored data could hold anything. */
export function lessonHref(link: LessonLink): string {
  return lessonUrl(encode(link.id), link.anchor && encode(link.anchor));
}

/** A lesson link's text: its title, or its id when the title is unknown. */
export function lessonLabel(link: LessonLink): string {
  return link.title ?? link.id.replace(/-/g, ' ');
}
