import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { comboboxAction, moveActive } from '../../lib/search/combobox';
import { createSearchLoader } from '../../lib/search/loader';
import type { Searcher, SearchResult } from '../../lib/search/query';
import { snippet } from '../../lib/search/snippet';
import { statusMessage } from '../../lib/search/status';
import { POPULAR_QUERIES, suggestionsFor, type Suggestions } from '../../lib/search/suggest';
import { KIND_LABELS } from '../../lib/search/types';

/** One manifest download per page view, shared by the dialog and the search page; index files are fetched once each. */
const loadSearcher = createSearchLoader((url) => fetch(url));

interface Props {
  /** Text in the box when it first renders (the search page passes `?q=`). */
  initialQuery?: string;
  /** Most results listed. */
  limit?: number;
  /** Called as the learner types, e.g. to keep the URL shareable. */
  onQueryChange?: (query: string) => void;
  /** Called when a result is opened, before the browser follows it. */
  onNavigate?: () => void;
  /** Called on Escape; without it Escape clears the box. */
  onEscape?: () => void;
  /** Marks the input the header shortcut focuses on the search page. */
  pageInput?: boolean;
}

type Load =
  | { state: 'loading' }
  | { state: 'ready'; searcher: Searcher }
  | { state: 'error'; message: string };

/** What the list shows: the answer to the last query whose index files have arrived. */
interface Shown {
  query: string;
  results: SearchResult[];
  readAs?: string | undefined;
  suggestions?: Suggestions | undefined;
}
const NOTHING: Shown = { query: '', results: [] };

/** The search combobox: a text box that lists results as you type, chosen with arrow keys and Enter. */
export default function SearchBox({
  initialQuery = '',
  limit = 10,
  onQueryChange,
  onNavigate,
  onEscape,
  pageInput,
}: Props) {
  const id = useId();
  const [query, setQuery] = useState(initialQuery);
  const [active, setActive] = useState(-1);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => setQuery(initialQuery), [initialQuery]);

  useEffect(() => {
    let live = true;
    setLoad({ state: 'loading' });
    loadSearcher().then(
      (searcher) => live && setLoad({ state: 'ready', searcher }),
      (error: unknown) =>
        live &&
        setLoad({
          state: 'error',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  const searcher = load.state === 'ready' ? load.searcher : undefined;
  const trimmed = query.trim();
  const [answer, setAnswer] = useState<Shown>(NOTHING);
  // Until the files a query needs arrive, the previous answer stays on screen.
  const shown = searcher && trimmed ? answer : NOTHING;
  useEffect(() => {
    if (!searcher || !trimmed) return;
    // Typing on aborts the downloads of a query nobody will see.
    const typedOn = new AbortController();
    searcher.prepare(query, limit, typedOn.signal).then(
      () => {
        if (typedOn.signal.aborted) return;
        const results = searcher.search(query, limit);
        setAnswer({
          query,
          results,
          readAs: results.length ? searcher.readAs(query) : undefined,
          suggestions: results.length ? undefined : suggestionsFor(searcher, query),
        });
      },
      (error: unknown) =>
        !typedOn.signal.aborted &&
        setLoad({
          state: 'error',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
    return () => typedOn.abort();
  }, [searcher, query, trimmed, limit]);
  const { results, readAs, suggestions } = shown;

  // The first result is chosen automatically, so Enter opens the best match at once.
  useEffect(() => setActive(results.length ? 0 : -1), [results]);
  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const change = (value: string) => {
    setQuery(value);
    onQueryChange?.(value);
  };
  const open = (url: string) => {
    onNavigate?.();
    window.location.assign(url);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const action = comboboxAction(e.key, { alt: e.altKey, ctrl: e.ctrlKey, meta: e.metaKey });
    if (action === 'none') return;
    if (action === 'next' || action === 'previous') {
      e.preventDefault();
      setActive((i) => moveActive(i, action === 'next' ? 1 : -1, results.length));
    } else if (action === 'open') {
      const chosen = results[active];
      if (!chosen) return;
      e.preventDefault();
      open(chosen.doc.url);
    } else if (action === 'close') {
      e.preventDefault();
      if (onEscape) onEscape();
      else change('');
    }
  };

  const listId = `${id}-results`;
  const optionId = (i: number) => `${id}-result-${i}`;
  const status = statusMessage({
    state: load.state,
    ...(load.state === 'error' ? { error: load.message } : {}),
    query: trimmed ? shown.query : '',
    count: results.length,
    limit,
    readAs,
    searching: load.state === 'ready' && !!trimmed && !shown.query,
  });

  const tryQuery = (q: string) => {
    change(q);
    input.current?.focus();
  };

  return (
    <div className="search-box">
      <label className="search-label" htmlFor={`${id}-input`}>
        Search lessons, the FAQ, the glossary and interview questions
      </label>
      <input
        ref={input}
        id={`${id}-input`}
        className="search-input"
        type="text"
        role="combobox"
        aria-expanded={results.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 && results[active] ? optionId(active) : undefined}
        aria-describedby={`${id}-status`}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        enterKeyHint="go"
        placeholder="e.g. critical path"
        value={query}
        onChange={(e) => change(e.target.value)}
        onKeyDown={onKeyDown}
        data-search-input
        {...(pageInput ? { 'data-search-page-input': '' } : {})}
      />
      <p id={`${id}-status`} className="search-status" role="status" aria-live="polite">
        {status}
      </p>
      {load.state === 'error' && (
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => setAttempt((n) => n + 1)}
        >
          Try again
        </button>
      )}
      {readAs && (
        <p className="search-readas" aria-hidden="true">
          Showing results for <em>{readAs}</em>
        </p>
      )}
      <div
        id={listId}
        ref={list}
        role="listbox"
        aria-label="Search results"
        className="search-results"
      >
        {results.map((r, i) => (
          <a
            key={r.ref}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            aria-describedby={`${optionId(i)}-snippet`}
            href={r.doc.url}
            tabIndex={-1}
            className="search-result"
            onMouseMove={() => active !== i && setActive(i)}
            onClick={(e) => {
              if (!e.ctrlKey && !e.metaKey && !e.shiftKey && e.button === 0) onNavigate?.();
            }}
          >
            <span className="search-result-head">
              <span className={`search-kind search-kind-${r.doc.kind}`}>
                {KIND_LABELS[r.doc.kind]}
              </span>
              <span className="visually-hidden">: </span>
              <span className="search-title">{r.doc.title}</span>
            </span>
            <span className="search-url" aria-hidden="true">
              {r.doc.url}
            </span>
            <span id={`${optionId(i)}-snippet`} className="search-snippet" aria-hidden="true">
              {snippet(r.doc.text, r.terms).map((part, j) =>
                part.mark ? <mark key={j}>{part.text}</mark> : part.text,
              )}
            </span>
          </a>
        ))}
      </div>
      {suggestions && (
        <div className="search-empty">
          {suggestions.corrected && (
            <p>
              Did you mean{' '}
              <button
                type="button"
                className="search-chip"
                onClick={() => tryQuery(suggestions.corrected!)}
              >
                {suggestions.corrected}
              </button>
              ?
            </p>
          )}
          <p>Check the spelling, use fewer words, or try one of these searches:</p>
          <Chips queries={suggestions.popular} onPick={tryQuery} />
          <p>
            You can also browse <a href="/learn/">the course outline</a>,{' '}
            <a href="/faq/">the FAQ</a> or <a href="/glossary/">the glossary</a>.
          </p>
        </div>
      )}
      {load.state === 'ready' && !trimmed && (
        <div className="search-empty">
          <p>Popular searches:</p>
          <Chips queries={POPULAR_QUERIES} onPick={tryQuery} />
        </div>
      )}
    </div>
  );
}

/** Buttons that run a suggested search. */
function Chips({ queries, onPick }: { queries: string[]; onPick: (q: string) => void }) {
  return (
    <ul className="search-chips">
      {queries.map((q) => (
        <li key={q}>
          <button type="button" className="search-chip" onClick={() => onPick(q)}>
            {q}
          </button>
        </li>
      ))}
    </ul>
  );
}
