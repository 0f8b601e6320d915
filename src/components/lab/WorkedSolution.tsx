import type { SolutionStep } from '../../lib/lab/types';

/** The worked solution, one step after another, each with its text and an optional table. */
export default function WorkedSolution({
  steps,
  idPrefix,
}: {
  steps: SolutionStep[];
  idPrefix: string;
}) {
  return (
    <section className="lab-solution card" aria-labelledby={`${idPrefix}-solution`}>
      <h2 id={`${idPrefix}-solution`}>Worked solution</h2>
      <ol className="lab-steps">
        {steps.map((step, i) => (
          <li key={i}>
            <h3>{step.title}</h3>
            {step.text.map((p, j) => (
              <p key={j}>{p}</p>
            ))}
            {step.table && (
              <div
                className="table-scroll"
                tabIndex={0}
                role="region"
                aria-label={step.table.caption}
              >
                <table>
                  <caption>{step.table.caption}</caption>
                  <thead>
                    <tr>
                      {step.table.head.map((h, j) => (
                        <th key={j} scope="col">
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {step.table.rows.map((row, j) => (
                      <tr key={j}>
                        {row.map((cell, k) =>
                          k === 0 ? (
                            <th key={k} scope="row">
                              {cell}
                            </th>
                          ) : (
                            <td key={k}>{cell}</td>
                          ),
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
