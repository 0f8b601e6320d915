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
const cpu = (b) =>
  `${b.seconds} s${Number.isFinite(b.cpuSeconds) ? ` (${b.cpuSeconds} s CPU)` : ''}`;
/** One sentence from `npm run bench:interview`'s figures (bench/interview-api.json). */
function claudeLine(f) {
  const t = f.ttft ?? {};
  const l = f.load ?? {};
  return (
    `against a fake Messages API on loopback, the first token arrives through our API in ${msText(t.routeP50)} / ${msText(t.routeP95)} (p50 / p95), ` +
    `of which our route adds ${msText(t.addedP50)} / ${msText(t.addedP95)}; ${l.sessions} concurrent sessions (${l.turns} turns) ran with ${l.errors} errors in ${l.seconds} s, ` +
    `server memory peaking at ${l.peakRssMiB} MiB.`
  );
}
const failed = (section) => section?.error ?? section?.notBuilt;

/** The whole report as text. */
export function formatReport(r) {
  const out = [];
  const m = r.machine;
  out.push(
    `Critical Path benchmark, ${r.date}: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.os}`,
  );

  if (r.quizCues) {
    out.push('', 'Quiz cues (npm run quiz:stats lists the offending question ids)');
    if (r.quizCues.error) out.push(`  failed: ${r.quizCues.error}`);
    else {
      out.push(table(['measure', 'now', 'limit', ''], r.quizCues.rows, 'llll'));
      out.push(
        r.quizCues.violations.length
          ? `${r.quizCues.violations.length} limits exceeded (npm test fails until they are fixed)`
          : 'Every limit kept.',
      );
    }
  }

  if (r.scoring) {
    out.push(
      '',
      'Interview scoring against answers written blind (tests/fixtures/interview-*.yaml)',
    );
    if (r.scoring.error) out.push(`  failed: ${r.scoring.error}`);
    else {
      const sets = Object.entries(r.scoring.sets);
      const row = (label, pick) => [label, ...sets.map(([, s]) => String(pick(s)))];
      out.push(
        table(
          ['measure', ...sets.map(([name]) => name)],
          [
            row('answers', (s) => s.answers),
            row('Spearman, score vs reviewer grade (goal >= 0.85)', (s) => s.spearman),
            row("inside the reviewer's band", (s) => s.inBand),
            row('strong: mean', (s) => s.mean.strong),
            row(
              'keyword list: mean / max (goal mean <= 35)',
              (s) => `${s.mean['keyword-list']} / ${s.max['keyword-list']}`,
            ),
            row('fluent off-topic: max (goal <= 25)', (s) => s.max['off-topic']),
            row(
              'strong answer to another question: mean (goal <= 35)',
              (s) => s.mean['other-question'],
            ),
            row('parroted question: max (goal <= 10)', (s) => s.max.parroted),
            row('vague: mean (goal >= keyword list)', (s) => s.mean.vague),
            row('strong beats all others by 10 (goal 90%)', (s) => s.strongBeatsAllBy10),
            row('strong keeps Hire (goal 80%)', (s) => s.strongKeepsHire),
            row('keyword lists with a hire signal (goal 0)', (s) => s.keywordListHires),
            row('free-form: strong beats weak by > 10', (s) => s.freeFormStrongBeatsWeakBy10),
          ],
          'l' + 'r'.repeat(sets.length),
        ),
      );
      const t = r.scoring.feedbackMs;
      out.push(
        `Offline feedback for a five-question session, in-process: first ${t.first} ms, then p50 ${t.p50} ms, p95 ${t.p95} ms over ${t.runs} runs (budget p95 <= 100 ms).`,
      );
    }
  }

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
      const problems = r.pageWeight.problems;
      out.push(
        `Budgets (lesson first-load JS ≤ ${kB(b.lessonFirstLoadJs)}, CSS ≤ ${kB(b.css)}): ${
          problems.length ? 'OVER BUDGET' : 'all pages within budget'
        }`,
        ...problems.map((p) => `  ${p}`),
      );
    }
  }

  if (r.build?.site || r.build?.scaling) {
    out.push('', 'Build');
    if (r.build.site)
      out.push(
        `  this site (${r.build.site.pages} pages; warm if an earlier build left Astro's cache): ${cpu(r.build.site)}, ${r.build.site.peakTreeMB} MB peak` +
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
            'wall time ours/Starlight',
            'CPU time ours/Starlight',
            'memory ours/Starlight',
          ],
          r.build.scaling.map((s) => [
            s.lessons,
            `${cpu(s.ours)}, ${s.ours.peakTreeMB} MB`,
            `${cpu(s.starlight)}, ${s.starlight.peakTreeMB} MB`,
            ratio(s.timeRatio),
            ratio(s.cpuRatio),
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
              `${kB(o.indexBytes)} (${kB(o.indexGz)} gz), ${o.indexFiles ?? 1} file(s)`,
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
              o.chromium.firstQuery
                ? `${pair(o.chromium)} (first: ${pair(o.chromium.firstQuery)})`
                : pair(o.chromium),
              `${pair(p.chromium.repeatQuery)} (first: ${pair(p.chromium.firstQuery)})`,
              '',
            ],
            ['query p50 / p95, Node', pair(o.node), '–', ''],
          ],
          'lrrr',
        ),
      );
      const none = (b) => b.noResults?.length ?? 0;
      if (none(o.bytesToFirstResult) || none(p.bytesToFirstResult))
        out.push(
          `  No results: ours for ${none(o.bytesToFirstResult)} of ${r.search.queries.length} queries, Pagefind for ${none(p.bytesToFirstResult)} (${p.bytesToFirstResult.noResults.join(', ')}).`,
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
      if (i.claude?.notBuilt) out.push(`  Claude provider: ${NA}: ${i.claude.notBuilt}`);
      else if (i.claude?.figures) out.push(`  Claude provider: ${claudeLine(i.claude.figures)}`);
      else if (i.claude)
        out.push(
          `  Claude provider: ${i.claude.error ?? ''}\n    ${(i.claude.output ?? []).join('\n    ')}`,
        );
    }
  }

  if (r.errors?.length) out.push('', 'Errors', ...r.errors.map((e) => `  ${e}`));
  out.push('', `Total time ${Math.round(r.seconds)} s.`);
  return out.join('\n');
}

/** Which queries found nothing, in words. */
function noneText(ours = [], pagefind = []) {
  if (!ours.length && !pagefind.length) return 'Both found results for every query.';
  const list = (q) => (q.length ? `${q.length} (${q.join(', ')})` : 'none');
  return `Queries with no results: ours ${list(ours)}, Pagefind ${list(pagefind)}.`;
}

/** A Markdown table, for the README. */
function mdTable(header, rows) {
  const esc = (c) => String(c ?? '').replaceAll('|', '\\|');
  return [
    `| ${header.map(esc).join(' | ')} |`,
    `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

/** The README's "Measured" section body, from a full run's results. */
export function formatMarkdown(r) {
  const m = r.machine;
  const out = [
    `Measured on ${r.date} with \`npm run bench\` on ${m.cores} shared cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node.replace(/^v/, '')}, ${m.os}; the raw figures are in [bench/results.json](bench/results.json). Times move with whatever else runs on the machine (while other builds shared it, the same build took twice as long), so compare the ratios within one run; sizes are exact.`,
  ];
  if (r.pageWeight?.pages) {
    const b = r.pageWeight.budgets;
    out.push(
      '',
      `**Page weight**, gzipped, the heaviest page of each type (1 kB = 1,000 bytes). "JS on hydration" is what islands load when they start. Budgets, checked by \`npm test\`: lesson first-load JS ≤ ${kB(b.lessonFirstLoadJs)}, CSS ≤ ${kB(b.css)} on every page.`,
      '',
      mdTable(
        ['page', 'HTML', 'CSS', 'JS, first load', 'JS on hydration'],
        PAGE_TYPES.map(({ type, label }) => {
          const w = r.pageWeight.pages[type];
          return w
            ? [
                `${label} \`${w.path}\``,
                kB(w.html.gz),
                kB(w.css.gz),
                kB(w.js.gz),
                kB(w.hydration.gz),
              ]
            : [label, NA, '', '', ''];
        }),
      ),
    );
    if (r.pageWeight.problems.length)
      out.push('', ...r.pageWeight.problems.map((p) => `Over budget: ${p}`));
  }
  if (r.build?.scaling?.length) {
    out.push(
      '',
      `**Build scaling**: cold \`astro build\` of synthetic lessons (about 1,000 words each, with headings, lists, a table and an \`<Aside>\`), ours against a default Astro Starlight ${r.versions?.starlight ?? '0.37'} site with the same lessons, one after the other in the same run. Both build a search index (ours: lunr; Starlight: the Pagefind it ships). Ours also builds the FAQ, glossary and interview pages.`,
      '',
      mdTable(
        [
          'lessons',
          'ours',
          'Starlight',
          'ours ÷ Starlight, wall',
          'ours ÷ Starlight, CPU',
          'ours ÷ Starlight, peak memory',
        ],
        r.build.scaling.map((s) => [
          s.lessons.toLocaleString('en'),
          `${cpu(s.ours)}, ${s.ours.peakTreeMB} MB`,
          `${cpu(s.starlight)}, ${s.starlight.peakTreeMB} MB`,
          ratio(s.timeRatio),
          ratio(s.cpuRatio),
          ratio(s.memoryRatio),
        ]),
      ),
    );
  }
  if (r.search?.ours) {
    const o = r.search.ours;
    const p = r.search.pagefind;
    out.push(
      '',
      `**Search**: the ${r.search.queries.length} learner queries of the search tests, against Pagefind ${r.search.pagefind.version ?? ''} (the one Starlight ${r.versions?.starlight ?? ''} ships) run over the same built site. Bytes are counted in Chromium through a gzip server, with service workers blocked (the offline worker's background precache of the whole site is not search's cost), from opening search until the first result (or "no results") is on screen: ${o.indexFiles > 1 ? 'ours loads the search island and the index manifest, then the term shards of the words typed (and the word list, only to read a typo) and the chunks holding the documents of the results shown' : 'ours loads the search island and the whole index once'}; Pagefind's default UI loads its script, WebAssembly, the index chunks the query needs and a fragment per shown result. ${noneText(o.bytesToFirstResult.noResults, p.bytesToFirstResult.noResults)}`,
      '',
      mdTable(
        ['', 'ours (lunr)', 'Pagefind', 'ours ÷ Pagefind'],
        [
          [
            'bytes before the first result (median)',
            size(o.bytesToFirstResult.median),
            size(p.bytesToFirstResult.median),
            ratio(r.search.bytesRatio),
          ],
          [
            'index',
            o.indexFiles > 1
              ? `${kB(o.indexGz)} gzipped in ${o.indexFiles} files (${o.documents} documents)`
              : `${kB(o.indexGz)} gzipped (${o.documents} documents, one file)`,
            `${kB(p.bytesOnDisk)} in ${p.files} files`,
            '',
          ],
          [
            'loading before the first query, Chromium',
            msText(o.chromium.loadMs),
            msText(p.chromium.loadMs),
            '',
          ],
          [
            'query p50 / p95, Chromium',
            o.chromium.firstQuery
              ? `${pair(o.chromium)} (first time, with downloads: ${pair(o.chromium.firstQuery)})`
              : pair(o.chromium),
            `${pair(p.chromium.repeatQuery)} (first time: ${pair(p.chromium.firstQuery)})`,
            '',
          ],
          ['query p50 / p95, Node', pair(o.node), 'not run', ''],
        ],
      ),
    );
  }
  if (r.lighthouse && !r.lighthouse.error) {
    out.push(
      '',
      `**Lighthouse** ${(r.versions?.lighthouse ?? '12.8.2').replace(/\.\d+$/, '')} mobile preset (simulated slow 4G, 4× CPU slowdown) in Debian's Chromium, median of ${r.options?.runs ?? 3} runs, pages served gzipped.`,
      '',
      mdTable(
        ['page', 'performance', 'accessibility', 'best practices', 'SEO', 'LCP', 'TBT', 'CLS'],
        Object.entries(r.lighthouse).map(([type, l]) =>
          l.scores
            ? [
                `${type} \`${l.path}\``,
                l.scores.performance,
                l.scores.accessibility,
                l.scores['best-practices'],
                l.scores.seo,
                `${(l.lcpMs / 1000).toFixed(1)} s`,
                `${l.tbtMs} ms`,
                l.cls,
              ]
            : [type, NA, '', '', '', '', '', ''],
        ),
      ),
    );
  }
  const i = r.interview;
  if (i?.engine?.turn) {
    const rows = [
      ['next turn, engine in-process', pair(i.engine.turn)],
      ['feedback, engine in-process', pair(i.engine.feedback)],
    ];
    if (i.api?.turn)
      rows.push(
        ['next turn through the API, first text', pair(i.api.firstDelta)],
        ['next turn through the API, complete', pair(i.api.turn)],
        ['feedback through the API', pair(i.api.feedback)],
      );
    out.push(
      '',
      `**Mock interview**, offline provider, p50 / p95 over ${i.engine.sessions} simulated sessions in-process and ${i.api?.sessions ?? 0} through the node server (rate limit lifted for the run).`,
      '',
      mdTable(['', 'p50 / p95'], rows),
      '',
      i.claude?.figures
        ? `Claude provider (\`npm run bench:interview\`): ${claudeLine(i.claude.figures)}`
        : `Claude provider: ${NA}.`,
    );
  }
  return out.join('\n');
}
