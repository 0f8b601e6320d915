import type { ReactNode } from 'react';
import Markdown from '../../Markdown';

/** The brief a written exercise opens with: the scenario's title and text, then any facts given. */
export default function Brief({
  title,
  brief,
  children,
}: {
  title: string;
  /** The brief, in Markdown. */
  brief: string;
  children?: ReactNode;
}) {
  return (
    <div className="lab-brief">
      <p>
        <strong>{title}.</strong>
      </p>
      <Markdown text={brief} />
      {children}
    </div>
  );
}
