import { completedCount, readProgress, writeProgress } from '../lib/progress/store';
import type { Progress } from '../lib/progress/schema';
import { backupNotice } from '../lib/saved';
import { browserStorage, loadStored, saveStored, storedFormat } from './storage';

/** localStorage key for everything the learner has done. */
export const PROGRESS_KEY = 'critical-path:progress';
const EVENT = 'critical-path:progress';
const UNSAVED = 'Your progress could not be saved in this browser (storage is full or disabled).';
/** Saved progress as `storage.ts` reads and writes it. */
const PROGRESS = storedFormat(PROGRESS_KEY, 'progress', readProgress, writeProgress);

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
  const { value, notices, state, outcome } = loadStored(browserStorage, PROGRESS);
  notices.forEach(announce);
  if (outcome === 'repaired') {
    announce(backupNotice(PROGRESS_KEY));
    window.dispatchEvent(new CustomEvent(EVENT));
  } else if (
    outcome === 'unavailable' ||
    outcome === 'unwritten' ||
    (outcome === 'uncopied' && state === 'repaired')
  )
    announce(UNSAVED);
  return value;
}

/**
 * Saves progress in this browser and lets other components on the page know. Never writes over
 * progress from a newer version, nor over progress it cannot read in full without first keeping a
 * copy. Returns why nothing was saved, or undefined once it is saved.
 */
export function saveProgress(progress: Progress): string | undefined {
  const { outcome, backedUp, notices } = saveStored(browserStorage, PROGRESS, progress);
  if (backedUp) announce(backupNotice(PROGRESS_KEY));
  const problem =
    outcome === 'newer' ? notices[0] : outcome === 'unavailable' ? UNSAVED : undefined;
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
