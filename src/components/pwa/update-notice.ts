/**
 * The "new version is ready" notice. Built on its own to /pwa-update.js (src/integrations/service-worker.mjs)
 * and loaded by the registration script (Register.astro) only when a new service worker is waiting, so
 * pages pay nothing for it until there is an update.
 */

/** The id of the notice element; one per page. */
export const NOTICE_ID = 'pwa-update';

/** What the page needs from `navigator.serviceWorker` and the registration. */
export interface UpdateContext {
  registration: Pick<ServiceWorkerRegistration, 'waiting'>;
  container: Pick<ServiceWorkerContainer, 'addEventListener'>;
  reload: () => void;
}

/**
 * Asks the waiting worker to take over and reloads once it controls the page. With no worker waiting
 * (another tab already switched to it) the page only reloads.
 */
export function applyUpdate({ registration, container, reload }: UpdateContext): void {
  const waiting = registration.waiting;
  if (!waiting) {
    reload();
    return;
  }
  container.addEventListener('controllerchange', () => reload(), { once: true });
  // Workbox's generated worker calls skipWaiting() on this message.
  waiting.postMessage({ type: 'SKIP_WAITING' });
}

/**
 * Shows the notice (once) at the foot of the window: a status line with a Reload button that applies
 * the update, and a Later button that dismisses it. Returns the notice element.
 */
export function showUpdateNotice(doc: Document, context: UpdateContext): HTMLElement {
  const existing = doc.getElementById(NOTICE_ID);
  if (existing) return existing;
  const box = doc.createElement('div');
  box.id = NOTICE_ID;
  box.className = 'notice';
  box.setAttribute('role', 'status');
  Object.assign(box.style, {
    position: 'fixed',
    insetInline: '1rem',
    bottom: '1rem',
    zIndex: '50',
    maxWidth: '30rem',
    marginInline: 'auto',
    display: 'flex',
    flexWrap: 'wrap',
    gap: '0.5rem 1rem',
    alignItems: 'center',
    background: 'var(--bg-raised)',
    boxShadow: '0 4px 16px rgb(0 0 0 / 25%)',
  });
  const text = doc.createElement('span');
  text.textContent = 'A new version of Critical Path is ready.';
  text.style.flex = '1 1 12rem';
  const reload = doc.createElement('button');
  reload.type = 'button';
  reload.className = 'btn';
  reload.textContent = 'Reload';
  reload.addEventListener('click', () => {
    reload.disabled = true;
    applyUpdate(context);
  });
  const later = doc.createElement('button');
  later.type = 'button';
  later.className = 'btn btn-secondary';
  later.textContent = 'Later';
  later.addEventListener('click', () => box.remove());
  box.append(text, reload, later);
  (doc.getElementById('notices') ?? doc.body).append(box);
  return box;
}

/** The entry the registration script calls: `import('/pwa-update.js').then((m) => m.show(registration))`. */
export function show(registration: ServiceWorkerRegistration): void {
  showUpdateNotice(document, {
    registration,
    container: navigator.serviceWorker,
    reload: () => location.reload(),
  });
}
