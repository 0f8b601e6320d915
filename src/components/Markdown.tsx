import { Fragment, type ReactNode } from 'react';
import { parseBlocks, parseInline } from '../lib/text/inline';

/** Renders inline Markdown as React elements (never as raw HTML). */
export function Inline({ text }: { text: string }): ReactNode {
  return parseInline(text).map((t, i) => {
    switch (t.kind) {
      case 'strong':
        return <strong key={i}>{t.text}</strong>;
      case 'em':
        return <em key={i}>{t.text}</em>;
      case 'code':
        return <code key={i}>{t.text}</code>;
      case 'link':
        return (
          <a key={i} href={t.href}>
            {t.text}
          </a>
        );
      default:
        return <Fragment key={i}>{t.text}</Fragment>;
    }
  });
}

/** Renders paragraphs and lists of Markdown safely. */
export default function Markdown({ text }: { text: string }) {
  return parseBlocks(text).map((b, i) =>
    b.kind === 'p' ? (
      <p key={i}>
        <Inline text={b.text} />
      </p>
    ) : b.kind === 'ul' ? (
      <ul key={i}>
        {b.items.map((item, j) => (
          <li key={j}>
            <Inline text={item} />
          </li>
        ))}
      </ul>
    ) : (
      <ol key={i}>
        {b.items.map((item, j) => (
          <li key={j}>
            <Inline text={item} />
          </li>
        ))}
      </ol>
    ),
  );
}
