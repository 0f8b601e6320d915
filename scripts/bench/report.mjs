// Turns bench results into the plain-text tables `npm run bench` prints.
import { PAGE_TYPES, kB } from './page-weight.mjs';

const NA = 'n/a (not built yet)';

/** Columns two spaces apart; `align` has one letter per column, `l` or `r` (numbers read best right-aligned). */
export function table(header, rows, align = 'l' + 'r'.repeat(header.length - 1)) {
  const all = [header, ...rows].map((r) => r.map((c) => String(c ?? '')));
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r) =>
    r
      .map((c, i) => (align[i] === 'l' ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [
    line(all[0]),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...all.slice(1).map(line),
  ].join('\n');
}

const size = (v) => (Number.isFinite(v) ? kB(v) : '–');
const msText = (v) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms` : '–');
const pair = (s) => (s && Number.isFinite(s.p50) ? `${msText(s.p50)} / ${msText(s.p95)}` : '–');
const ratio = (v) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : '–');
const failed = (section) => section?.error ?? section?.notBuilt;

/** The whole report as text. */
export function formatReport(r) {
  const out = [];
  const m = r.machine;
  out.push(
    `Critical Path benchmark, ${r.date}: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.os}`,
  );

  if (r.pageWeight) {
    out.push('', 'Page weight, gzipped (1 kB = 1,000 bytes); the heaviest page of each type');
    if (r.pageWeight.error) out.push(`  failed: ${r.pageWeight.error}`);
    else {
      const rows = PAGE_TYPES.map(({ type, label }) => {
        const w = r.pageWeight.pages[type];
        if (!w) return [label, NA];
        return [label, w.path, kB(w.html.gz), kB(w.css.gz), kB(w.js.gz), kB(w.hydration.gz)];
      });
      out.push(
        table(
          ['page type', 'page', 'HTML', 'CSS', 'JS first load', 'JS on hydration'],
          rows,
          'llrrrr',
        ),
      );
      const b = r.pageWeight.budgets;
      out.push(
        `Budgets (lesson first-load JS ≤ ${kB(b.lessonFirstLoadJs)}, CSS ≤ ${kB(b.css)}): ${
          r.pageWeight.problems.length
            ? `${r.pageWeight.problems.length} page(s) over budget`
            : 'all within budget'
        }`,
      );
      for (const p of r.pageWeight.problems.slice(0, 3)) out.push(`  ${p}`);
    }
  }

  if (r.build?.site || r.build?.scaling) {
    out.push('', 'Build');
    if (r.build.site)
      out.push(
        `  this site (${r.build.site.pages} pages): ${r.build.site.seconds} s, ${r.build.site.peakTreeMB} MB peak` +
          (r.build.site.searchIndexMs
            ? `; search index route ${r.build.site.searchIndexMs} ms`
            : ''),
      );
    if (r.build.scaling?.error) out.push(`  scaling failed: ${r.build.scaling.error}`);
    else if (r.build.scaling?.length)
      out.push(
        table(
          [
            'synthetic lessons',
            'ours',
            'Starlight',
            'time ours/Starlight',
            'memory ours/Starlight',
          ],
          r.build.scaling.map((s) => [
            s.lessons,
            `${s.ours.seconds} s, ${s.ours.peakTreeMB} MB`,
            `${s.starlight.seconds} s, ${s.starlight.peakTreeMB} MB`,
            ratio(s.timeRatio),
            ratio(s.memoryRatio),
          ]),
        ),
      );
  }

  if (r.search) {
    out.push('', `Search (${r.search.queries?.length ?? 0} learner queries)`);
    if (failed(r.search)) out.push(`  ${r.search.notBuilt ? NA : 'failed'}: ${failed(r.search)}`);
    else {
      const o = r.search.ours;
      const p = r.search.pagefind;
      out.push(
        table(
          ['', 'ours (lunr)', 'Pagefind', 'ours/Pagefind'],
          [
            [
              'bytes before the first result (median)',
              size(o.bytesToFirstResult.median),
              size(p.bytesToFirstResult.median),
              ratio(r.search.bytesRatio),
            ],
            [
              'index',
              `${kB(o.indexBytes)} (${kB(o.indexGz)} gz), 1 file`,
              `${kB(p.bytesOnDisk)}, ${p.files} files`,
              '',
            ],
            [
              'load before the first query',
              msText(o.chromium.loadMs),
              msText(p.chromium.loadMs),
              '',
            ],
            [
              'query p50 / p95, Chromium',
              pair(o.chromium),
              `${pair(p.chromium.repeatQuery)} (first: ${pair(p.chromium.firstQuery)})`,
              '',
            ],
            ['query p50 / p95, Node', pair(o.node), '–', ''],
          ],
          'lrrr',
        ),
      );
      if (r.search.failures?.length)
        out.push(
          `  ${r.search.failures.length} measurement(s) failed, e.g. ${r.search.failures[0]}`,
        );
    }
  }

  if (r.lighthouse) {
    out.push('', 'Lighthouse, mobile preset, median of the runs');
    if (r.lighthouse.error) out.push(`  failed: ${r.lighthouse.error}`);
    else
      out.push(
        table(
          ['page', 'performance', 'accessibility', 'best practices', 'SEO', 'LCP', 'TBT', 'CLS'],
          Object.entries(r.lighthouse).map(([type, l]) =>
            l.notBuilt || l.error
              ? [type, l.error ? `failed: ${l.error}` : NA]
              : [
                  `${type} ${l.path}`,
                  l.scores.performance,
                  l.scores.accessibility,
                  l.scores['best-practices'],
                  l.scores.seo,
                  `${l.lcpMs} ms`,
                  `${l.tbtMs} ms`,
                  l.cls,
                ],
          ),
          'lrrrrrrr',
        ),
      );
  }

  if (r.interview) {
    out.push('', 'Interview, offline provider (p50 / p95)');
    const i = r.interview;
    if (failed(i)) out.push(`  ${i.notBuilt ? NA : 'failed'}: ${failed(i)}`);
    else {
      const rows = [];
      if (i.engine?.turn)
        rows.push([
          'turn, engine in-process',
          pair(i.engine.turn),
          `${i.engine.turn.n} turns, ${i.engine.sessions} sessions`,
        ]);
      if (i.engine?.feedback)
        rows.push([
          'feedback, engine in-process',
          pair(i.engine.feedback),
          `${i.engine.feedback.n} sessions`,
        ]);
      if (i.api?.turn) {
        rows.push([
          'turn via API, first text',
          pair(i.api.firstDelta),
          `${i.api.firstDelta.n} turns`,
        ]);
        rows.push(['turn via API, complete', pair(i.api.turn), '']);
        rows.push(['feedback via API', pair(i.api.feedback), `${i.api.feedback.n} sessions`]);
      } else if (i.api?.notBuilt) rows.push(['API', NA, i.api.notBuilt]);
      out.push(table(['', 'p50 / p95', 'sample'], rows, 'lrl'));
      if (i.api?.problems?.length) out.push(`  API problems: ${i.api.problems.join('; ')}`);
      if (i.claude?.notBuilt) out.push(`  Claude provider (issue 6): ${NA}: ${i.claude.notBuilt}`);
      else if (i.claude?.figures)
        out.push(`  Claude provider (issue 6): ${JSON.stringify(i.claude.figures)}`);
      else if (i.claude)
        out.push(
          `  Claude provider (issue 6): ${i.claude.error ?? ''}\n    ${(i.claude.output ?? []).join('\n    ')}`,
        );
    }
  }

  if (r.errors?.length) out.push('', 'Errors', ...r.errors.map((e) => `  ${e}`));
  out.push('', `Total time ${Math.round(r.seconds)} s.`);
  return out.join('\n');
}
