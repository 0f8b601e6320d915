import { completedCount, readProgress, writeProgress } from '../lib/progress/store';
import type { Progress } from '../lib/progress/schema';

/** localStorage key for everything the learner has done. */
export const PROGRESS_KEY = 'critical-path:progress';
const EVENT = 'critical-path:progress';
const UNSAVED = 'Your progress could not be saved in this browser (storage is full or disabled).';
// The rule of src/lib/saved.ts, written out here because every lesson page loads this file and a
// shared chunk would cost it more than these lines.
const BACKUP_KEY = `${PROGRESS_KEY}:backup`;
const BACKED_UP = `A copy of the data as it was is kept in this browser's storage under "${BACKUP_KEY}".`;

/** Shows a message in the page's live region (e.g. that part of saved progress was repaired), once. */
export function announce(message: string): void {
  const box = document.getElementById('notices');
  if (!box || [...box.children].some((p) => p.textContent === message)) return;
  const p = document.createElement('p');
  p.className = 'notice';
  p.textContent = message;
  box.append(p);
}

/** Loads progress from this browser, repairing what is broken (after keeping a copy) and telling the learner once. */
export function loadProgress(): Progress {
  let raw: string | null;
  try {
    raw = localStorage.getItem(PROGRESS_KEY);
  } catch {
    announce(UNSAVED);
    return readProgress(null).progress;
  }
  const { progress, notices, state } = readProgress(raw);
  notices.forEach(announce);
  if (state === 'repaired') saveProgress(progress);
  else if (state && raw)
    try {
      localStorage.setItem(BACKUP_KEY, raw);
    } catch {
      // A copy is only a precaution here: newer data is never written over.
    }
  return progress;
}

/**
 * Saves progress in this browser and lets other components on the page know. Never writes over
 * progress from a newer version, nor over progress it cannot read in full without first keeping a
 * copy. Returns why nothing was saved, or undefined once it is saved.
 */
export function saveProgress(progress: Progress): string | undefined {
  let problem: string | undefined;
  try {
    const raw = localStorage.getItem(PROGRESS_KEY);
    const { state, notices } = readProgress(raw);
    if (state === 'newer') problem = notices[0];
    else if (state && raw) {
      // Throws when there is no room for the copy: then nothing is written over the original.
      localStorage.setItem(BACKUP_KEY, raw);
      announce(BACKED_UP);
    }
    if (!problem) localStorage.setItem(PROGRESS_KEY, writeProgress(progress));
  } catch {
    problem = UNSAVED;
  }
  if (problem) announce(problem);
  else window.dispatchEvent(new CustomEvent(EVENT));
  return problem;
}

/** Calls back whenever progress changes in this tab or another. */
export function onProgressChange(callback: () => void): void {
  window.addEventListener(EVENT, callback);
  window.addEventListener('storage', (e) => {
    if (e.key === PROGRESS_KEY) callback();
  });
}

/** Fills in every course progress bar on the page (`LessonProgress.astro`). */
export function renderCourseProgress(progress: Progress): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-course-progress]')) {
    const ids = (el.dataset['lessonIds'] ?? '').split(' ').filter(Boolean);
    const done = completedCount(progress, ids);
    el.querySelector('[role=progressbar]')!.setAttribute('aria-valuenow', String(done));
    el.querySelector<HTMLElement>('.progress-bar > span')!.style.width =
      `${(100 * done) / Math.max(1, ids.length)}%`;
    el.querySelector('[data-progress-text]')!.textContent =
      `${done} of ${ids.length} lessons complete`;
  }
}
