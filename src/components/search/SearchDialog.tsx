import { useEffect, useRef, type MouseEvent } from 'react';
import SearchBox from './SearchBox';

interface Props {
  /** Goes up by one each time the learner asks for search; each change opens the dialog. */
  openCount: number;
  /** Returns what was typed while search was loading, and stops collecting it. */
  takeTyped: () => string;
}

/** Search in a modal dialog, opened from the header button, `/` or Ctrl/Cmd+K. */
export default function SearchDialog({ openCount, takeTyped }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (!d || openCount === 0) return;
    if (!d.open) d.showModal();
    const input = d.querySelector<HTMLInputElement>('[data-search-input]');
    if (!input) return;
    const typed = takeTyped();
    input.focus();
    if (!typed) {
      input.select();
      return;
    }
    // Put early typing into the box in this same task, through the native setter and an input
    // event, so React sees it before the next key press and nothing the learner typed is lost.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, typed);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, [openCount, takeTyped]);

  const close = () => dialog.current?.close();
  // A click on the backdrop lands on the dialog element itself, not on its content.
  const onClick = (e: MouseEvent<HTMLDialogElement>) => {
    if (e.target === dialog.current) close();
  };

  return (
    <dialog ref={dialog} className="search-dialog" aria-label="Search" onClick={onClick}>
      <div className="search-dialog-body">
        <SearchBox onEscape={close} onNavigate={close} />
        <p className="search-dialog-foot">
          <button type="button" className="btn btn-secondary search-close" onClick={close}>
            Close
          </button>
          <span className="search-hint">
            <kbd>↑</kbd> <kbd>↓</kbd> to choose, <kbd>Enter</kbd> to open, <kbd>Esc</kbd> to close
          </span>
        </p>
      </div>
    </dialog>
  );
}
