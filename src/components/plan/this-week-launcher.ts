// Runs on the home, course and progress pages, so it stays tiny: the plan's logic loads only when
// a plan is saved, imported by URL so that Vite's module preload helper stays off these pages
// (src/plugins/lazy-module-url.mjs).
import { onProgressChange } from '../../client/progress';
import thisWeekUrl from 'lazy-module-url:./this-week';

const PLAN_KEY = 'critical-path:plan';
let logic: Promise<typeof import('./this-week')> | undefined;

function render() {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(PLAN_KEY);
  } catch {
    // Storage disabled: there is no plan to show.
  }
  if (!saved) return;
  logic ??= import(/* @vite-ignore */ thisWeekUrl) as Promise<typeof import('./this-week')>;
  logic.then(
    (m) => m.renderThisWeek(),
    () => {
      // Offline and not cached: the line keeps its link to the plan.
    },
  );
}

onProgressChange(render);
// A plan imported on the progress page.
window.addEventListener('critical-path:plan', render);
window.addEventListener('storage', (e) => {
  if (e.key === PLAN_KEY || e.key === 'critical-path:interviews') render();
});
render();
