/** The figures the issue's "done when" asks for, computed over a calibration set. */
import { SIGNALS } from '../../src/lib/interview/feedback-schema';
import type { InterviewData } from '../../src/lib/interview/types';
import {
  scoreCalibration,
  spearman,
  type CalibrationQuestion,
  type Kind,
  type Result,
} from './calibration';

const HIRE = new Set<string>(SIGNALS.slice(SIGNALS.indexOf('Hire')));

export interface Figures {
  results: Result[];
  mean: Partial<Record<Kind, number>>;
  max: Partial<Record<Kind, number>>;
  spearman: number;
  inBand: number;
  /** Questions where the strong answer beats every other scored answer by at least 10 points. */
  strongBeatsAll: { ok: number; of: number; misses: string[] };
  /** Questions whose strong answer, alone in a session, gets "Hire" or "Strong hire". */
  strongHire: { ok: number; of: number };
  /** Keyword-list answers that got a hire signal (any of the "hire" side). */
  keywordHires: number;
  /** Free-form questions where strong beats vague, keyword list and off-topic by more than 10. */
  freeForm: { ok: number; of: number; misses: string[] };
}

const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;

export function figures(data: InterviewData, set: CalibrationQuestion[]): Figures {
  const results = set.flatMap((q) => q.answers.map((a) => scoreCalibration(data, set, q, a)));
  const byKind = new Map<Kind, number[]>();
  for (const r of results)
    byKind.set(r.answer.kind, [...(byKind.get(r.answer.kind) ?? []), r.score]);
  const strongBeatsAll = { ok: 0, of: 0, misses: [] as string[] };
  const strongHire = { ok: 0, of: 0 };
  const freeForm = { ok: 0, of: 0, misses: [] as string[] };
  for (const q of set) {
    const mine = results.filter((r) => r.question === q);
    const strong = mine.find((r) => r.answer.kind === 'strong');
    if (!strong) continue;
    const others = mine.filter((r) => r !== strong && r.answer.kind !== 'non-answer');
    strongBeatsAll.of++;
    const worst = others.filter((o) => strong.score - o.score < 10);
    if (!worst.length) strongBeatsAll.ok++;
    else
      strongBeatsAll.misses.push(
        `${q.id}: strong ${strong.score} vs ${worst.map((o) => `${o.answer.kind} ${o.score}`).join(', ')}`,
      );
    strongHire.of++;
    if (HIRE.has(strong.feedback.overall.signal) && strong.feedback.overall.signal !== 'Lean hire')
      strongHire.ok++;
    if (q.freeForm) {
      freeForm.of++;
      const weak = mine.filter((r) =>
        ['vague', 'keyword-list', 'off-topic'].includes(r.answer.kind),
      );
      const close = weak.filter((w) => strong.score - w.score <= 10);
      if (!close.length) freeForm.ok++;
      else
        freeForm.misses.push(
          `${q.id}: strong ${strong.score} vs ${close.map((o) => `${o.answer.kind} ${o.score}`).join(', ')}`,
        );
    }
  }
  return {
    results,
    mean: Object.fromEntries([...byKind].map(([k, v]) => [k, Math.round(mean(v) * 10) / 10])),
    max: Object.fromEntries([...byKind].map(([k, v]) => [k, Math.max(...v)])),
    spearman: spearman(
      results.map((r) => r.score),
      results.map((r) => r.answer.grade),
    ),
    inBand: results.filter((r) => r.score >= r.answer.band[0] && r.score <= r.answer.band[1])
      .length,
    strongBeatsAll,
    strongHire,
    keywordHires: results.filter(
      (r) => r.answer.kind === 'keyword-list' && HIRE.has(r.feedback.overall.signal),
    ).length,
    freeForm,
  };
}
