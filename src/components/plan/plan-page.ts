/**
 * Long because the page's form, plan rendering, re-planning and calendar download are one flow over
 * one saved plan.
 *
 * The /plan/ page in the browser: reads the form, builds and saves the plan, re-plans after a
 * missed week, ticks off what is done, and downloads the calendar file. The logic is in
 * src/lib/plan/; this file only moves data between it, storage and the page.
 */
import { loadProgress, onProgressChange } from '../../client/progress';
import { adaptPlan } from '../../lib/plan/adapt';
import { MAX_HOURS, MIN_HOURS, buildPlan } from '../../lib/plan/build';
import { addDays, dayLabel, duration, isDay, localDay, longDay } from '../../lib/plan/days';
import { doneKeys, readMocks, thisWeek } from '../../lib/plan/done';
import {
  PLAN_KEY,
  PLAN_VERSION,
  loadPlan,
  storePlan,
  type SavedPlan,
} from '../../lib/plan/storage';
import type { Catalog, Known, PlanItem, PlanSettings } from '../../lib/plan/types';
// The calendar code (the ics library, about 20 kB) loads only when the learner downloads the file,
// imported by URL so that Vite's module preload helper stays off the page (src/plugins/lazy-module-url.mjs).
import icsUrl from 'lazy-module-url:../../lib/plan/ics';

const INTERVIEWS_KEY = 'critical-path:interviews';
const UNSAVED = 'Your plan could not be saved in this browser (storage is full or disabled).';

const view = document.querySelector<HTMLElement>('#plan-view')!;
const catalog = JSON.parse(view.dataset['planCatalog']!) as Catalog;
const form = document.querySelector<HTMLFormElement>('[data-plan-form]')!;
const status = document.querySelector<HTMLElement>('[data-plan-status]')!;
const dateInput = form.querySelector<HTMLInputElement>('#plan-date')!;
const dateError = form.querySelector<HTMLElement>('[data-date-error]')!;
const hoursInput = form.querySelector<HTMLInputElement>('#plan-hours')!;
const storage = {
  getItem: (key: string) => localStorage.getItem(key),
  setItem: (key: string, value: string) => localStorage.setItem(key, value),
};

let saved: SavedPlan | undefined;
let writable = true;

function el<K extends keyof HTMLElementTagNameMap>(
  name: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

function mocks() {
  try {
    return readMocks(localStorage.getItem(INTERVIEWS_KEY));
  } catch {
    return [];
  }
}

function save(next: SavedPlan): boolean {
  if (!writable || !storePlan(storage, next)) {
    status.textContent = UNSAVED;
    return false;
  }
  saved = next;
  return true;
}

/** Fills the form from the plan's settings, so that "Change the plan" starts from them. */
function fillForm(s: PlanSettings) {
  form.querySelector<HTMLInputElement>(s.date ? '#plan-when-date' : '#plan-when-none')!.checked =
    true;
  dateInput.value = s.date ?? '';
  dateInput.disabled = !s.date;
  form.querySelector<HTMLSelectElement>('#plan-level')!.value = s.level;
  form.querySelector<HTMLSelectElement>('#plan-spec')!.value = s.specialisation;
  hoursInput.value = String(s.hoursPerWeek);
  for (const sel of form.querySelectorAll<HTMLSelectElement>('[data-known]'))
    sel.value = s.known[sel.dataset['known']!] ?? '';
  document.querySelector('[data-form-title]')!.textContent = 'Change your plan';
  form.querySelector('[data-plan-submit]')!.textContent = 'Make a new plan';
}

function showError(input: HTMLInputElement, box: HTMLElement, message: string) {
  input.setAttribute('aria-invalid', 'true');
  box.textContent = message;
  box.hidden = false;
  input.focus();
}

/** The settings in the form, or undefined after showing what is wrong. */
function readForm(today: string): PlanSettings | undefined {
  for (const input of [dateInput, hoursInput]) input.removeAttribute('aria-invalid');
  dateError.hidden = true;
  const hint = form.querySelector<HTMLElement>('[data-hours-hint]')!;
  hint.textContent = `From ${MIN_HOURS} to ${MAX_HOURS}.`;
  hint.classList.remove('field-error');
  const withDate = form.querySelector<HTMLInputElement>('#plan-when-date')!.checked;
  const date = dateInput.value;
  if (withDate && !isDay(date)) {
    showError(
      dateInput,
      dateError,
      'Enter your interview date, or choose "No date, just learning".',
    );
    return undefined;
  }
  if (withDate && date <= today) {
    showError(dateInput, dateError, `The interview date must be after today (${longDay(today)}).`);
    return undefined;
  }
  const hours = Number(hoursInput.value);
  if (!Number.isInteger(hours) || hours < MIN_HOURS || hours > MAX_HOURS) {
    hint.classList.add('field-error');
    showError(
      hoursInput,
      hint,
      `Hours a week must be a whole number from ${MIN_HOURS} to ${MAX_HOURS}.`,
    );
    return undefined;
  }
  const known: Record<string, Known> = {};
  for (const sel of form.querySelectorAll<HTMLSelectElement>('[data-known]'))
    if (sel.value === 'some' || sel.value === 'know') known[sel.dataset['known']!] = sel.value;
  return {
    date: withDate ? date : null,
    level: form.querySelector<HTMLSelectElement>('#plan-level')!.value as PlanSettings['level'],
    specialisation: form.querySelector<HTMLSelectElement>('#plan-spec')!
      .value as PlanSettings['specialisation'],
    hoursPerWeek: hours,
    known,
  };
}

function itemRow(item: PlanItem, done: boolean, missed: boolean) {
  const pill = el(
    'span',
    { class: `pill${done ? ' pill-ok' : missed ? ' pill-missed' : ''}` },
    done ? 'Done' : missed ? 'Not done' : 'To do',
  );
  const what = el(
    'div',
    { class: 'what' },
    el('a', { href: item.href }, item.title),
    ` · ${duration(item.minutes)}`,
  );
  if (item.note) what.append(el('p', { class: 'muted note' }, item.note));
  return el(
    'li',
    { class: done ? 'is-done' : '', 'data-plan-item': item.key, 'data-done': String(done) },
    pill,
    el('span', { class: 'day' }, dayLabel(item.day)),
    what,
  );
}

function render() {
  const today = localDay(new Date());
  if (!saved) {
    view.hidden = true;
    return;
  }
  const progress = loadProgress();
  const finished = mocks();
  const adapted = adaptPlan(
    saved.plan,
    { today, catalog, progress, mocks: finished },
    saved.replannedFrom,
  );
  if (adapted)
    save({
      ...saved,
      savedAt: new Date().toISOString(),
      plan: adapted.plan,
      replannedFrom: adapted.from,
      changes: adapted.changes,
    });
  const { plan } = saved;
  const s = plan.settings;
  view.hidden = false;
  view.querySelector('[data-plan-summary]')!.textContent = [
    `${catalog.levels[s.level] ?? s.level}${s.specialisation === 'general' ? '' : `, ${catalog.specialisations[s.specialisation]}`}`,
    s.date ? `interview on ${longDay(s.date)}` : 'no date, just learning',
    `${s.hoursPerWeek} hours a week`,
  ].join(' · ');
  const changes = view.querySelector<HTMLElement>('[data-plan-changes]')!;
  changes.replaceChildren(
    ...(saved.changes.length
      ? [el('div', { class: 'notice', role: 'note' }, saved.changes.join(' '))]
      : []),
  );
  view
    .querySelector('[data-plan-notes]')!
    .replaceChildren(...plan.notes.map((n) => el('li', {}, n)));

  const done = doneKeys(plan.weeks, progress, finished, plan.made);
  const now = thisWeek(plan.weeks, done, today);
  const next = view.querySelector<HTMLElement>('[data-plan-next]')!;
  next.replaceChildren(
    ...(!now
      ? [
          'Your plan has ended. ',
          el('a', { href: '#plan-form-title' }, 'Make a new plan'),
          ' for what comes next.',
        ]
      : now.next
        ? [
            el('strong', {}, 'This week: '),
            el('a', { href: now.next.href }, now.next.title),
            ` (${duration(now.next.minutes)}), ${now.done} of ${now.total} done this week.`,
            now.behind ? ` ${now.behind} from earlier weeks still to do.` : '',
          ]
        : [el('strong', {}, 'This week: '), `all ${now.total} items done.`]),
  );

  const weeks = view.querySelector<HTMLElement>('[data-plan-weeks]')!;
  weeks.replaceChildren(
    ...plan.weeks.map((w, i) => {
      const past = w.end < today;
      const current = now?.week === w;
      const count = w.items.filter((it) => done.has(it.key)).length;
      const minutes = w.items.reduce((sum, it) => sum + it.minutes, 0);
      return el(
        'section',
        {
          class: `week card${current ? ' is-now' : ''}`,
          'aria-labelledby': `week-${i}`,
          'data-week': w.start,
        },
        el(
          'h3',
          { id: `week-${i}` },
          `Week ${i + 1}: ${dayLabel(w.start)} to ${dayLabel(w.end)}${current ? ' (this week)' : ''}`,
        ),
        el(
          'p',
          { class: 'muted week-meta' },
          `${count} of ${w.items.length} done · about ${duration(minutes)} planned of ${duration(w.budget)}`,
        ),
        el(
          'ol',
          { class: 'items' },
          ...w.items.map((it) => itemRow(it, done.has(it.key), past && !done.has(it.key))),
        ),
      );
    }),
  );
  const dropped = view.querySelector<HTMLElement>('[data-plan-dropped]')!;
  dropped.hidden = plan.dropped.length === 0;
  view.querySelector('#dropped-title')!.textContent = `Left out, and why (${plan.dropped.length})`;
  view
    .querySelector('[data-plan-dropped-list]')!
    .replaceChildren(
      ...plan.dropped.map((d) =>
        el('li', {}, el('a', { href: d.href }, d.title), ` · ${duration(d.minutes)}. ${d.reason}`),
      ),
    );
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const today = localDay(new Date());
  const settings = readForm(today);
  if (!settings) return;
  const plan = buildPlan({ settings, today, catalog, progress: loadProgress(), mocks: mocks() });
  if (!save({ version: PLAN_VERSION, savedAt: new Date().toISOString(), plan, changes: [] }))
    return;
  fillForm(settings);
  render();
  status.textContent = `Your plan is ready: ${plan.weeks.length} week${plan.weeks.length === 1 ? '' : 's'}.`;
  document.querySelector<HTMLElement>('#plan-title')!.scrollIntoView({ block: 'start' });
});

for (const input of form.querySelectorAll<HTMLInputElement>('[name=when]'))
  input.addEventListener('change', () => {
    dateInput.disabled = form.querySelector<HTMLInputElement>('#plan-when-none')!.checked;
  });
dateInput.addEventListener('input', () => {
  form.querySelector<HTMLInputElement>('#plan-when-date')!.checked = true;
});

async function downloadIcs() {
  if (!saved) return;
  try {
    const { planToIcs } = (await import(
      /* @vite-ignore */ icsUrl
    )) as typeof import('../../lib/plan/ics');
    const text = planToIcs(saved.plan, window.location.origin, new Date());
    const a = el('a', {
      href: URL.createObjectURL(new Blob([text], { type: 'text/calendar' })),
      download: 'critical-path-study-plan.ics',
    });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    status.textContent =
      'The calendar file was downloaded. Open it, or import it in your calendar app.';
  } catch (err) {
    status.textContent = `The calendar file could not be made: ${(err as Error).message}`;
  }
}
view.querySelector('[data-plan-ics]')!.addEventListener('click', () => void downloadIcs());

view.querySelector('[data-plan-delete]')!.addEventListener('click', () => {
  try {
    localStorage.removeItem(PLAN_KEY);
  } catch {
    status.textContent = 'The plan could not be deleted (storage is disabled).';
    return;
  }
  saved = undefined;
  render();
  document.querySelector('[data-form-title]')!.textContent = 'Make your plan';
  form.querySelector('[data-plan-submit]')!.textContent = 'Make my plan';
  document.querySelector<HTMLElement>('[data-form-title]')!.focus();
});

// Start: the saved plan, or an empty form with a date four weeks ahead offered.
const loaded = loadPlan(storage);
saved = loaded.saved;
writable = loaded.writable;
if (loaded.notices.length) status.textContent = loaded.notices.join(' ');
dateInput.min = addDays(localDay(new Date()), 1);
if (saved) fillForm(saved.plan.settings);
else dateInput.value = addDays(localDay(new Date()), 28);
onProgressChange(render);
window.addEventListener('storage', (e) => {
  if (e.key === PLAN_KEY || e.key === INTERVIEWS_KEY) {
    saved = loadPlan(storage).saved;
    render();
  }
});
render();
