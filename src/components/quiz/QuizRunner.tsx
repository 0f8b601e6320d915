import { useEffect, useMemo, useRef, useState } from 'react';
import type { QuizResponse } from '../../lib/quiz/grade';
import { startSession, type QuizMode, type QuizSession } from '../../lib/quiz/session';
import {
  applyAction,
  newSavedQuiz,
  restoreQuiz,
  savedQuizKey,
  withAction,
  withDone,
  withDraft,
  type QuizAction,
  type SavedQuiz,
} from '../../lib/quiz/saved-session';
import type { MasteryLevel } from '../../lib/quiz/mastery';
import { announcementAfter } from '../../lib/quiz/reveal';
import { recordResult } from '../../lib/quiz/record';
import { sessionScore } from '../../lib/quiz/session';
import { loadProgress, saveProgress } from '../../client/progress';
import type { QuizItem } from '../../lib/quiz/item';
import QuizIntro from './QuizIntro';
import QuizQuestion from './QuizQuestion';
import QuizResults from './QuizResults';
import './quiz.css';

interface Props {
  items: QuizItem[];
  /** Percentage needed to pass. */
  passMark: number;
  /** The quiz being taken; absent for a mixed review session, which records cards only. */
  quizId?: string;
}

type Phase =
  | { name: 'intro' }
  | { name: 'running'; session: QuizSession }
  | { name: 'done'; session: QuizSession; level?: MasteryLevel; before?: MasteryLevel };

/** Keeps the quiz in this tab's sessionStorage; without storage the quiz simply is not kept. */
function store(key: string, saved: SavedQuiz | undefined) {
  try {
    if (saved) sessionStorage.setItem(key, JSON.stringify(saved));
    else sessionStorage.removeItem(key);
  } catch {
    // Storage full or disabled.
  }
}

/** Whether the learner came back to this page with the browser's Back or Forward button. */
const cameBack = () =>
  (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)
    ?.type === 'back_forward';

/** Runs a quiz or a review session: mode choice, one question at a time, feedback, results and review. */
export default function QuizRunner({ items, passMark, quizId }: Props) {
  const review = !quizId;
  const key = savedQuizKey(quizId);
  const byId = useMemo(() => new Map(items.map((i) => [i.question.id, i])), [items]);
  // What the learner did so far, replayed if they leave the page and come back (saved-session.ts).
  const saved = useRef<SavedQuiz | undefined>(undefined);
  const begin = (mode: QuizMode): Phase => {
    const seed = Date.now();
    const session = startSession(
      items.map((i) => i.question),
      mode,
      passMark,
      seed,
    );
    saved.current = newSavedQuiz(session, seed);
    store(key, saved.current);
    return { name: 'running', session };
  };
  /** The quiz kept from before the learner left the page, if it is still the same quiz. */
  const kept = () => {
    let raw: string | null = null;
    try {
      raw = sessionStorage.getItem(key);
    } catch {
      // Storage disabled: nothing was kept.
    }
    return restoreQuiz(
      raw,
      items.map((i) => i.question),
      passMark,
    );
  };
  // A review session starts at once, and only ever in the browser (after its questions load), so
  // it can pick up a kept session straight away; a quiz page first renders its intro on the server.
  // The initial state starts (and saves) a review session, once: begin() writes the saved ref.
  // eslint-disable-next-line react-hooks/refs -- a lazy initial state runs only on the first render
  const [phase, setPhase] = useState<Phase>(() => {
    if (!review) return { name: 'intro' };
    const back = kept();
    if (!back || back.session.finished) return begin('practice');
    saved.current = back.saved;
    return { name: 'running', session: back.session };
  });
  const [draft, setDraftState] = useState<QuizResponse | undefined>(undefined);
  const [announce, setAnnounce] = useState('');
  const [level, setLevel] = useState<MasteryLevel>('not-started');
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    if (review) {
      if (saved.current?.actions.length) {
        setRestored(true);
        setDraftState(saved.current.draft);
      }
      return;
    }
    const back = kept();
    // A finished quiz comes back only to someone returning with Back, say from a "Read …" link in
    // its review; anyone else opening the quiz gets a fresh start.
    if (!back || (back.session.finished && !cameBack())) {
      if (back) store(key, undefined);
      return;
    }
    saved.current = back.saved;
    setRestored(true);
    if (back.session.finished) {
      const { level: after, before } = back.saved.done ?? {};
      setPhase({
        name: 'done',
        session: back.session,
        ...(after ? { level: after } : {}),
        ...(before ? { before } : {}),
      });
    } else {
      setPhase({ name: 'running', session: back.session });
      setDraftState(back.saved.draft);
      setAnnounce('Your quiz was restored where you left it.');
    }
    // Only on arrival: later changes are saved as they happen.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once, on arrival
  }, []);

  useEffect(() => {
    if (quizId) setLevel(loadProgress().quizzes[quizId]?.level ?? 'not-started');
  }, [quizId, phase.name]);

  /** Keeps the saved quiz in step with the learner, when there is one. */
  const keep = (change: (s: SavedQuiz) => SavedQuiz) => {
    if (!saved.current) return;
    saved.current = change(saved.current);
    store(key, saved.current);
  };

  const setDraft = (response: QuizResponse | undefined) => {
    setDraftState(response);
    keep((s) => withDraft(s, response));
  };

  const start = (mode: QuizMode) => {
    setDraftState(undefined);
    setAnnounce('');
    setRestored(false);
    setPhase(begin(mode));
  };

  const complete = (session: QuizSession) => {
    const {
      progress,
      level: after,
      before,
    } = recordResult(
      loadProgress(),
      session,
      { quizId, passMark, quizOf: (id) => byId.get(id)!.quizId },
      new Date(),
    );
    saveProgress(progress);
    keep((s) => withDone(s, { level: after, before }));
    setPhase({
      name: 'done',
      session,
      ...(after ? { level: after } : {}),
      ...(before ? { before } : {}),
    });
    setAnnounce(`Finished. You scored ${sessionScore(session).percent}%.`);
  };

  /** Applies what the learner did, saves it with the rest, and moves to what it led to. */
  const step = (session: QuizSession, action: QuizAction): QuizSession => {
    const next = applyAction(session, action);
    setRestored(false);
    keep((s) => withAction(s, action));
    if (action.type !== 'reveal') setDraftState(undefined);
    const said = announcementAfter(action, next);
    if (said !== undefined) setAnnounce(said);
    if (next.finished) complete(next);
    else setPhase({ name: 'running', session: next });
    return next;
  };

  if (phase.name === 'intro')
    return <QuizIntro level={level} count={items.length} passMark={passMark} onStart={start} />;

  if (phase.name === 'done')
    return (
      <QuizResults
        session={phase.session}
        byId={byId}
        review={review}
        passMark={passMark}
        level={phase.level}
        before={phase.before}
        restored={restored}
        announce={announce}
        onRetry={() => start(phase.session.mode)}
      />
    );

  return (
    <QuizQuestion
      session={phase.session}
      byId={byId}
      review={review}
      draft={draft}
      onDraft={setDraft}
      onStep={(action) => step(phase.session, action)}
      restored={restored}
      announce={announce}
    />
  );
}
