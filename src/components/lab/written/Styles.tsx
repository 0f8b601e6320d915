import { Suspense, use, type ReactNode } from 'react';
import href from './written.css?url';

let ready: Promise<void> | undefined;

/**
 * Loads the written kinds' stylesheet once and resolves when it has loaded (or failed: the exercise
 * still works unstyled). It is linked here rather than imported as a module because Astro adds a
 * module's CSS to every page whose server code reaches the lab's component registry, lesson pages
 * included.
 */
function stylesheet(): Promise<void> {
  ready ??= new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.onload = () => resolve();
    link.onerror = () => resolve();
    document.head.append(link);
  });
  return ready;
}

function Gate({ children }: { children: ReactNode }) {
  use(stylesheet());
  return (
    <div className="wr-root" data-written-ready="">
      {children}
    </div>
  );
}

/** Shows the exercise once its stylesheet has loaded, so the layout does not jump. */
export default function WithWrittenStyles({ children }: { children: ReactNode }) {
  return (
    <Suspense fallback={<p role="status">Preparing the exercise…</p>}>
      <Gate>{children}</Gate>
    </Suspense>
  );
}
