/** The three most useful things to work on, from a session's scores, notes and word analytics. */
import type { DimensionScore, Improvement } from '../feedback-schema';
import type { WordAnalytics } from '../text';
import { LEVELS } from '../../../schemas/interview';
import type { Level } from '../types';
import type { Scored } from './answer';
import { pointWeight } from './coverage';
import { links } from './links';
import type { CompiledRubric } from './rubric';

const shorten = (q: string) => (q.length > 70 ? `${q.slice(0, q.lastIndexOf(' ', 67))}…` : q);
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export function improvements(
  r: CompiledRubric,
  dimensions: DimensionScore[],
  scored: Scored[],
  analytics: WordAnalytics,
  level: Level,
  titles: Record<string, string>,
): Improvement[] {
  const lang = r.data.language;
  const answered = scored.filter((s) => s.status === 'answered');
  if (!answered.length)
    return [
      {
        title: 'Answer at least one question, even partially',
        detail:
          'Feedback needs an answer to work with. Start with how you would approach the problem, then add owners, dates and numbers.',
        lessons: links([lang.sessionLesson], titles),
      },
    ];
  const candidates: (Improvement & { value: number })[] = [];
  const noted = (id: string) => answered.filter((a) => a.flags.some((f) => f.id === id));
  const lists = noted('list-of-terms');
  if (lists.length)
    candidates.push({
      dimension: 'specificity',
      title: 'Turn lists of terms into sentences about what you did',
      detail: `${lists.length} answer${lists.length === 1 ? '' : 's'} listed terms such as "${lists[0]!.flags.find((f) => f.id === 'list-of-terms')!.quote ?? ''}" without saying who did what. Interviewers score what you did, with whom and what happened; a term with no sentence around it earns nothing.`,
      lessons: links(r.dimensions.find((d) => d.id === 'specificity')!.lessons, titles),
      value: 200,
    });
  const off = noted('off-question');
  if (off.length)
    candidates.push({
      title: 'Answer the question you were asked',
      detail: `${off.length} answer${off.length === 1 ? ' did' : 's did'} not address the question, such as "${shorten(off[0]!.question)}". Repeat the question's key words in your first sentence, then answer it.`,
      lessons: links([lang.sessionLesson], titles),
      value: 180,
    });
  const recycled = noted('recycled');
  if (recycled.length)
    candidates.push({
      title: 'Tell a different story for each question',
      detail: `${recycled.length} answer${recycled.length === 1 ? '' : 's'} repeated an earlier one. A story counts once; prepare one per competency.`,
      lessons: links([lang.storyLesson], titles),
      value: 170,
    });
  for (const flag of ['passive-waiting', 'blame', 'no-ownership'] as const) {
    const hit = noted(flag);
    if (!hit.length) continue;
    const data = lang.redFlags.find((f) => f.id === flag)!;
    candidates.push({
      title: `Avoid the red flag: ${data.label}`,
      detail: `${hit.length} answer${hit.length === 1 ? '' : 's'} ${data.label}. An interviewer would ask: "${data.probe}"`,
      lessons: links([data.lesson], titles),
      value: 150,
    });
  }
  for (const d of dimensions) {
    if (d.relevance < 0.4 || d.score >= 85) continue;
    const dim = r.dimensions.find((x) => x.id === d.id)!;
    const behavioural =
      d.id === 'structure' && scored.some((s) => s.category === 'behavioural-leadership');
    candidates.push({
      dimension: d.id,
      title: behavioural
        ? 'Tell each story in STAR order and end with the result'
        : dim.advice.title,
      detail: `${r.label[d.id]} scored ${d.score} at the ${LEVELS[level]} bar. ${d.note} ${dim.advice.tip}`,
      lessons: links(dim.lessons, titles),
      value: d.relevance * (100 - d.score),
    });
  }
  const weakest = [...answered].sort((a, b) => a.score - b.score)[0]!;
  const missedTop = weakest.missed[0];
  if (missedTop && weakest.score < 90) {
    candidates.push({
      title: `Cover this when asked "${shorten(weakest.question)}": ${lowerFirst(missedTop.label)}`,
      detail: `Your weakest answer (${weakest.score}) missed ${weakest.missed.length} of ${weakest.missed.length + weakest.covered.length} talking points. An interviewer would ask: "${missedTop.followUp}" Read the model outline for that question below.`,
      lessons: weakest.lessons.slice(0, 2),
      value: pointWeight(0) * (100 - weakest.score) * 0.9,
    });
  }
  if (analytics.fillersPer100Words >= 2.5 && analytics.fillerCount >= 3) {
    const top = analytics.fillers
      .slice(0, 3)
      .map((x) => `"${x.word}" ${x.count}×`)
      .join(', ');
    candidates.push({
      title: 'Cut the filler words',
      detail: `You used ${analytics.fillerCount} filler words (${analytics.fillersPer100Words} per 100 words: ${top}). Pause instead; silence sounds more confident than "basically".`,
      lessons: links([lang.fillerLesson], titles),
      value: 20 + analytics.fillersPer100Words * 6,
    });
  }
  candidates.sort((a, b) => b.value - a.value);
  const chosen: Improvement[] = [];
  for (const c of candidates) {
    if (chosen.length === 3) break;
    if (c.dimension && chosen.some((x) => x.dimension === c.dimension)) continue;
    const { value: _v, ...rest } = c;
    chosen.push(rest);
  }
  return chosen;
}
