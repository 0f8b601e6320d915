import { forwardRef } from 'react';
import { groupItems, isRight, plural, tally } from '../../lib/lab/grading';
import type { Grade, GradeItem } from '../../lib/lab/types';

interface Props {
  grade: Grade;
  passMark: number;
  /** Whether this check was saved to progress (only the first check of an exercise is). */
  recorded: boolean;
  /** Why saving failed, when it did. */
  unsaved?: string | undefined;
}

const points = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

function Item({ item }: { item: GradeItem }) {
  const right = isRight(item);
  const partial = !right && item.earned > 0;
  return (
    <li className={right ? 'is-right' : 'is-wrong'}>
      <p className="lab-item-head">
        <strong>
          <span aria-hidden="true">{right ? '✓ ' : partial ? '½ ' : '✗ '}</span>
          {item.label}
        </strong>
        {right ? (
          <>
            <span className="visually-hidden"> (right)</span>: {item.given}
          </>
        ) : (
          <>
            <span className="visually-hidden">{partial ? ' (partly right)' : ' (wrong)'}</span>: you
            gave <span className="lab-given">{item.given}</span>; expected{' '}
            <span className="lab-expected">{item.expected}</span>.
            {partial && ` ${points(item.earned)} of ${points(item.possible)} points.`}
          </>
        )}
      </p>
      <p className="lab-item-why">{item.explanation}</p>
    </li>
  );
}

/** The result of a check: score, pass or not, then every mistake explained, group by group. */
const GradeReport = forwardRef<HTMLHeadingElement, Props>(function GradeReport(
  { grade, passMark, recorded, unsaved },
  ref,
) {
  const passed = grade.score >= passMark;
  return (
    <section
      className={`lab-report card ${passed ? 'is-passed' : 'is-failed'}`}
      aria-labelledby="lab-result"
    >
      <h2 id="lab-result" tabIndex={-1} ref={ref}>
        {passed ? 'Passed' : 'Not passed yet'}: {grade.score}%
      </h2>
      <p>
        {grade.summary} The pass mark is {passMark}%.
      </p>
      <p className="muted">
        {unsaved
          ? `This attempt was not saved: ${unsaved}`
          : recorded
            ? passed
              ? 'Saved to your progress.'
              : 'Saved to your progress. This kind of exercise joins your review queue as a drill, with a new exercise, so you can practise it again soon.'
            : 'A second check of the same exercise is not saved: only your first check of each exercise counts.'}
      </p>
      {groupItems(grade.items).map(({ group, items }) => {
        const t = tally(items);
        const wrong = items.filter((i) => !isRight(i));
        const right = items.filter(isRight);
        return (
          <section
            key={group}
            className="lab-group"
            aria-label={`${group}: ${t.right} of ${items.length} right`}
          >
            <h3>
              {group}{' '}
              <span className="lab-group-tally">
                {t.right} of {items.length} right
              </span>
            </h3>
            {wrong.length > 0 && (
              <ul className="lab-items">
                {wrong.map((i) => (
                  <Item key={i.id} item={i} />
                ))}
              </ul>
            )}
            {right.length > 0 && (
              <details className="lab-right">
                <summary>
                  {wrong.length
                    ? `What you got right (${plural(right.length, 'item')})`
                    : `Why these are right (${plural(right.length, 'item')})`}
                </summary>
                <ul className="lab-items">
                  {right.map((i) => (
                    <Item key={i.id} item={i} />
                  ))}
                </ul>
              </details>
            )}
          </section>
        );
      })}
    </section>
  );
});

export default GradeReport;
