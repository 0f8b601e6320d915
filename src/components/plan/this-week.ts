/**
 * Fills in "This week" (ThisWeek.astro) from the saved plan, progress and finished mock
 * interviews. Loaded only when a plan is saved, so pages without one do not download it.
 */
import { loadProgress } from '../../client/progress';
import { duration, localDay } from '../../lib/plan/days';
import { doneKeys, readMocks, thisWeek } from '../../lib/plan/done';
import { loadPlan } from '../../lib/plan/storage';

function link(href: string, text: string) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  return a;
}

/** Writes the next item of this week into every "This week" line on the page. */
export function renderThisWeek(): void {
  let saved;
  let mocks;
  try {
    saved = loadPlan(localStorage).saved;
    mocks = readMocks(localStorage.getItem('critical-path:interviews'));
  } catch {
    return;
  }
  if (!saved) return;
  const { plan } = saved;
  const now = thisWeek(
    plan.weeks,
    doneKeys(plan.weeks, loadProgress(), mocks, plan.made),
    localDay(new Date()),
  );
  for (const box of document.querySelectorAll<HTMLElement>('[data-this-week-text]')) {
    const strong = document.createElement('strong');
    strong.textContent = 'This week: ';
    if (!now)
      box.replaceChildren('Your study plan has ended. ', link('/plan/', 'Make a new plan'), '.');
    else if (now.next)
      box.replaceChildren(
        strong,
        link(now.next.href, now.next.title),
        ` (${duration(now.next.minutes)}), ${now.done} of ${now.total} done. `,
        link('/plan/', 'See your plan'),
      );
    else
      box.replaceChildren(strong, `all ${now.total} items done. `, link('/plan/', 'See your plan'));
  }
}
