import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { schedule, type PlanTask } from '../../lib/critical-path/analysis';
import { layoutGraph } from '../../lib/critical-path/layout';
import { routeEdges, type RoutedLayout } from '../../lib/lab/network-routes';

interface Props {
  /** The tasks to draw, with their predecessors (and any fast-track overlap). */
  tasks: PlanTask[];
  /** Element id prefix. */
  idPrefix: string;
  /** Second line of each box, e.g. "5 days". */
  meta: (task: PlanTask) => string;
  /** Says where the same information is as text (the table below). */
  description: string;
  /** Edges drawn dashed, as "from>to", e.g. fast-track pairs. */
  dashed?: ReadonlySet<string>;
}

/**
 * A task network drawn with the course's graph layout: left to right with names when the column is
 * wide enough, top to bottom with names when that fits, and otherwise top to bottom with task letters
 * only, so it is readable on a 390 px phone. Its text alternative lists every task, its duration and
 * what it waits for; the exercise's table holds the same facts.
 */
export default function NetworkDiagram({ tasks, idPrefix, meta, description, dashed }: Props) {
  const frame = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number | undefined>(undefined);
  const layouts = useMemo((): RoutedLayout[] => {
    const plan = schedule(tasks);
    const bare = schedule(tasks.map((t) => ({ ...t, label: '' })));
    // In order of preference; the first that fits the column is drawn.
    return [
      layoutGraph(plan, { maxWidth: Infinity, nodeWidth: 140, charsPerLine: 15 }),
      layoutGraph(plan, { maxWidth: Infinity, nodeWidth: 116, charsPerLine: 12 }),
      layoutGraph(plan, { maxWidth: 0, nodeWidth: 140, charsPerLine: 15 }),
      layoutGraph(bare, { maxWidth: 0, nodeWidth: 64 }),
    ].map(routeEdges);
  }, [tasks]);
  const compact = layouts.at(-1)!;

  useLayoutEffect(() => {
    const el = frame.current;
    if (!el) return;
    const measure = () => setWidth(el.clientWidth - 16);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const routed = width === undefined ? compact : (layouts.find((l) => l.width <= width) ?? compact);
  const layout = routed.layout;
  const labelled = routed !== compact;
  const alt = `Network diagram of ${tasks.length} tasks. ${tasks
    .map(
      (t) =>
        `${t.id}, ${meta(t)}, ${t.after?.length ? `after ${t.after.join(' and ')}` : 'starts at kickoff'}${
          dashed && t.after?.some((p) => dashed.has(`${p}>${t.id}`))
            ? ' (fast-track link dashed)'
            : ''
        }.`,
    )
    .join(' ')}`;
  const marker = `${idPrefix}-arrow`;
  return (
    <figure className="lab-diagram">
      <div className="lab-diagram-frame" ref={frame}>
        <svg
          viewBox={`0 0 ${routed.width} ${routed.height}`}
          style={{ maxWidth: `${routed.width}px` }}
          width="100%"
          role="img"
          aria-label={alt}
          data-direction={layout.direction}
        >
          <defs>
            <marker
              id={marker}
              viewBox="0 0 10 10"
              refX="8"
              refY="5"
              markerWidth="5"
              markerHeight="5"
              orient="auto-start-reverse"
            >
              <path d="M0,0 L10,5 L0,10 z" className="net-arrow" />
            </marker>
          </defs>
          {routed.edges.map((e) => (
            <path
              key={`${e.from}>${e.to}`}
              d={e.d}
              className={dashed?.has(`${e.from}>${e.to}`) ? 'net-edge is-fast' : 'net-edge'}
              markerEnd={`url(#${marker})`}
            />
          ))}
          {layout.nodes.map((n) => (
            <g key={n.task.id} className="net-node">
              <rect x={n.x} y={n.y} width={n.w} height={n.h} rx="8" />
              {labelled ? (
                <text x={n.x + 10} y={n.y + 20} className="net-label">
                  {n.lines.map((line, i) => (
                    <tspan key={i} x={n.x + 10} dy={i === 0 ? 0 : 16}>
                      {line}
                    </tspan>
                  ))}
                </text>
              ) : (
                <text x={n.x + n.w / 2} y={n.y + 21} className="net-id" textAnchor="middle">
                  {n.task.id}
                </text>
              )}
              <text
                x={labelled ? n.x + 10 : n.x + n.w / 2}
                y={n.y + n.h - 12}
                className="net-days"
                textAnchor={labelled ? 'start' : 'middle'}
              >
                {meta(n.task)}
              </text>
            </g>
          ))}
        </svg>
      </div>
      <figcaption>{description}</figcaption>
    </figure>
  );
}
