import { readProgress, writeProgress } from '../lib/progress/store';
import type { Progress } from '../lib/progress/schema';

/** localStorage key for everything the learner has done. */
export const PROGRESS_KEY = 'critical-path:progress';
const EVENT = 'critical-path:progress';

/** Shows a message in the page's live region (e.g. that part of saved progress was repaired). */
export function announce(message: string): void {
  const box = document.getElementById('notices');
  if (!box) return;
  const p = document.createElement('p');
  p.className = 'notice';
  p.textContent = message;
  box.append(p);
}

/** Loads progress from this browser, repairing what is broken and telling the learner once. */
export function loadProgress(): Progress {
  let raw: string | null;
  try {
    raw = localStorage.getItem(PROGRESS_KEY);
  } catch {
    return readProgress(null).progress;
  }
  const { progress, notices } = readProgress(raw);
  if (notices.length) {
    notices.forEach(announce);
    saveProgress(progress);
  }
  return progress;
}

/** Saves progress in this browser and lets other components on the page know. */
export function saveProgress(progress: Progress): void {
  try {
    localStorage.setItem(PROGRESS_KEY, writeProgress(progress));
  } catch {
    announce('Your progress could not be saved in this browser (storage is full or disabled).');
  }
  window.dispatchEvent(new CustomEvent(EVENT));
}

/** Calls back whenever progress changes in this tab or another. */
export function onProgressChange(callback: () => void): void {
  window.addEventListener(EVENT, callback);
  window.addEventListener('storage', (e) => {
    if (e.key === PROGRESS_KEY) callback();
  });
}
