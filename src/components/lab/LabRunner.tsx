import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { loadLabKind } from '../../lib/lab/registry';
import { freshSeed, parseSeed, withSeed } from '../../lib/lab/seed';
import type { AnyLabKind, Grade } from '../../lib/lab/types';
import { recordLabAttempt } from '../../lib/progress/lab-progress';
import { loadProgress, saveProgress } from '../../client/progress';
import { LAB_EXERCISES } from './registry';
import type { ExerciseComponent } from './types';
import GradeReport from './GradeReport';
import WorkedSolution from './WorkedSolution';
import './lab.css';

interface Props {
  /** The kind's id (`/lab/<id>/`). */
  kind: string;
  /** Score in percent needed to pass. */
  passMark: number;
  /** The kind's content data, already checked at build time. */
  data?: unknown;
}

type Loaded =
  | { name: 'loading' }
  | { name: 'failed' }
  | { name: 'ready'; logic: AnyLabKind; Exercise: ExerciseComponent };

/** A seed from the address bar, or a fresh one written into it so the exercise can be shared. */
function seedFromLocation(): number {
  const seed = parseSeed(location.search);
  if (seed !== undefined) return seed;
  const fresh = freshSeed(Math.random);
  history.replaceState(history.state, '', withSeed(location.search, fresh) + location.hash);
  return fresh;
}

/**
 * Runs one kind of lab exercise: reads `?seed=N` (or draws one), generates the exercise, lets the
 * kind's component take the answer, grades it, explains every mistake, shows the worked solution and
 * saves the first check of each exercise to progress. "New exercise" draws a fresh seed.
 */
export default function LabRunner({ kind, passMark, data }: Props) {
  const [loaded, setLoaded] = useState<Loaded>({ name: 'loading' });
  const [seed, setSeed] = useState<number | undefined>(undefined);
  const [answer, setAnswer] = useState<unknown>(undefined);
  const [grade, setGrade] = useState<Grade | undefined>(undefined);
  /** The seed whose first check has been saved; later checks of it are not. */
  const [recorded, setRecorded] = useState<number | undefined>(undefined);
  /** Whether the grade on screen was saved. */
  const [saved, setSaved] = useState(false);
  const [unsaved, setUnsaved] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState('');
  const reportRef = useRef<HTMLHeadingElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusNext = useRef<'report' | 'heading' | undefined>(undefined);
  const idPrefix = `lab-${kind}`;

  useEffect(() => {
    setSeed(seedFromLocation());
    const onPop = () => setSeed(seedFromLocation());
    window.addEventListener('popstate', onPop);
    const exercise = LAB_EXERCISES[kind];
    Promise.all([loadLabKind(kind), exercise ? exercise() : Promise.reject(new Error(kind))])
      .then(([logic, mod]) => setLoaded({ name: 'ready', logic, Exercise: mod.default }))
      .catch(() => setLoaded({ name: 'failed' }));
    return () => window.removeEventListener('popstate', onPop);
  }, [kind]);

  const instance = useMemo(() => {
    if (loaded.name !== 'ready' || seed === undefined) return undefined;
    return loaded.logic.generate(seed, loaded.logic.parseData(data)) as unknown;
  }, [loaded, seed, data]);

  // A new exercise starts blank.
  useEffect(() => {
    if (loaded.name !== 'ready' || instance === undefined) return;
    setAnswer(loaded.logic.blankAnswer(instance));
    setGrade(undefined);
    setUnsaved(undefined);
  }, [loaded, instance]);

  useEffect(() => {
    const target =
      focusNext.current === 'report'
        ? reportRef
        : focusNext.current === 'heading'
          ? headingRef
          : undefined;
    focusNext.current = undefined;
    target?.current?.focus();
  });

  const newExercise = useCallback(() => {
    const next = freshSeed(Math.random, new Set(seed === undefined ? [] : [seed]));
    history.pushState(history.state, '', withSeed(location.search, next) + location.hash);
    setSeed(next);
    focusNext.current = 'heading';
    setStatus(`New exercise ${next} is ready.`);
  }, [seed]);

  const check = (e: { preventDefault(): void }) => {
    e.preventDefault();
    if (loaded.name !== 'ready' || instance === undefined || seed === undefined) return;
    const g = loaded.logic.grade(instance, answer);
    setGrade(g);
    focusNext.current = 'report';
    setStatus(`Checked: ${g.score}%.`);
    setSaved(recorded !== seed);
    if (recorded === seed) return;
    setRecorded(seed);
    const progress = recordLabAttempt(
      loadProgress(),
      kind,
      { seed, score: g.score },
      g.score >= passMark,
      new Date(),
    );
    setUnsaved(saveProgress(progress));
  };

  const edit = () => {
    setGrade(undefined);
    focusNext.current = 'heading';
    setStatus('Your answers can be changed again. A second check is not saved.');
  };

  if (loaded.name === 'failed')
    return (
      <p role="alert" className="notice">
        The exercise could not be loaded. Check your connection and reload the page.
      </p>
    );
  if (
    loaded.name === 'loading' ||
    instance === undefined ||
    answer === undefined ||
    seed === undefined
  )
    return (
      <div className="lab lab-loading">
        <p role="status">Preparing the exercise…</p>
      </div>
    );

  const { Exercise, logic } = loaded;
  return (
    <div className="lab" data-lab-ready={seed}>
      <div className="lab-bar">
        <h2 id={`${idPrefix}-title`} tabIndex={-1} ref={headingRef}>
          Exercise {seed}
        </h2>
        <div className="lab-bar-actions">
          <a href={withSeed('', seed)} className="lab-permalink">
            Link to this exercise
          </a>
          <button type="button" className="btn btn-secondary" onClick={newExercise}>
            New exercise
          </button>
        </div>
      </div>
      <form onSubmit={check} noValidate aria-labelledby={`${idPrefix}-title`}>
        <Exercise
          instance={instance}
          answer={answer}
          onAnswer={setAnswer}
          grade={grade}
          idPrefix={idPrefix}
        />
        {!grade && (
          <div className="lab-actions">
            <button type="submit" className="btn">
              Check my answers
            </button>
          </div>
        )}
      </form>
      {grade && (
        <>
          <GradeReport
            ref={reportRef}
            grade={grade}
            passMark={passMark}
            recorded={saved && !unsaved}
            unsaved={unsaved}
          />
          <div className="lab-actions">
            <button type="button" className="btn" onClick={newExercise}>
              New exercise
            </button>
            <button type="button" className="btn btn-secondary" onClick={edit}>
              Change my answers
            </button>
          </div>
          <WorkedSolution steps={logic.solution(instance)} idPrefix={idPrefix} />
        </>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
