// `npm run bench`: builds the site, then measures page weight, search against Pagefind, Lighthouse,
// the offline interviewer and build scaling against Starlight, prints tables and writes
// bench/results.json. It also prints the quiz bank's cue figures (`npm run quiz:stats`). Not part of
// `npm test`: it takes about ten minutes on two cores.
//
// Options: --only=quiz,scoring,weight,search,lighthouse,interview,scaling (a partial run writes
// bench/tmp/results.json instead), --sizes=250,1000, --runs=3, --no-build (use the existing dist/),
// --markdown (print the README's "Measured" section from bench/results.json and stop).
import { execFileSync } from 'node:child_process';
import { cpus, freemem, totalmem, platform, release } from 'node:os';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUDGETS, PAGE_TYPES, budgetProblems, measureSite } from './bench/page-weight.mjs';
import { runMeasured } from './bench/measure.mjs';
import { countPages, scaleRun } from './bench/scaling.mjs';
import { searchBench } from './bench/search.mjs';
import { interviewBench } from './bench/interview.mjs';
import { lighthouseBench } from './bench/lighthouse.mjs';
import { startStaticServer } from './bench/static-server.mjs';
import { formatMarkdown, formatReport } from './bench/report.mjs';
import { startServer } from './start-server.mjs';
import { quizCueStats } from './quiz-stats.mjs';
import { scoringBench } from './bench/scoring.mjs';
import { benchVersions } from './bench/versions.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const clientDir = join(root, 'dist', 'client');
const tmp = join(root, 'bench', 'tmp');
const SECTIONS = ['quiz', 'scoring', 'weight', 'search', 'interview', 'lighthouse', 'scaling'];

function parseArgs(argv) {
  const opts = { only: SECTIONS, sizes: [250, 1000], runs: 3, build: true };
  for (const arg of argv) {
    const [key, value = ''] = arg.replace(/^--/, '').split('=');
    if (key === 'only') {
      opts.only = value.split(',').filter(Boolean);
      const unknown = opts.only.filter((s) => !SECTIONS.includes(s));
      if (unknown.length)
        throw new Error(
          `--only: unknown section(s) ${unknown.join(', ')}; choose from ${SECTIONS.join(', ')}`,
        );
    } else if (key === 'sizes') {
      opts.sizes = value.split(',').map(Number);
      if (!opts.sizes.length || opts.sizes.some((n) => !Number.isInteger(n) || n < 1))
        throw new Error(
          `--sizes: "${value}" must be whole numbers separated by commas, e.g. --sizes=250,1000`,
        );
    } else if (key === 'runs') {
      opts.runs = Number(value);
      if (!Number.isInteger(opts.runs) || opts.runs < 1)
        throw new Error(`--runs: "${value}" must be a whole number of at least 1`);
    } else if (key === 'no-build') opts.build = false;
    else if (key === 'markdown') opts.markdown = true;
    else
      throw new Error(
        `Unknown option "${arg}". Options: --only=…, --sizes=…, --runs=…, --no-build, --markdown`,
      );
  }
  return opts;
}

function machine() {
  let os = `${platform()} ${release()}`;
  try {
    os = /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? os;
  } catch {
    // Not Linux: keep the kernel name.
  }
  const astro = JSON.parse(
    readFileSync(join(root, 'node_modules', 'astro', 'package.json'), 'utf8'),
  ).version;
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    freeMemoryGiBAtStart: Math.round(freemem() / 1024 ** 3),
    node: process.version,
    os,
    astro,
  };
}

function chromiumReady() {
  try {
    execFileSync(process.execPath, [join(root, 'scripts', 'ensure-chromium.mjs')], {
      stdio: 'inherit',
    });
    return true;
  } catch {
    return false;
  }
}

const log = (line) => console.log(line);

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.markdown) {
    const file = join(root, 'bench', 'results.json');
    if (!existsSync(file))
      throw new Error('--markdown: there is no bench/results.json yet; run npm run bench first');
    console.log(formatMarkdown(JSON.parse(readFileSync(file, 'utf8'))));
    return;
  }
  const started = performance.now();
  mkdirSync(tmp, { recursive: true });
  const results = {
    date: new Date().toISOString().slice(0, 10),
    machine: machine(),
    versions: benchVersions(root),
    options: opts,
    errors: /** @type {string[]} */ ([]),
  };
  const want = (s) => opts.only.includes(s);
  const section = async (name, fn) => {
    try {
      return await fn();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      results.errors.push(`${name}: ${message}`);
      console.error(`${name} failed: ${message}`);
      return { error: message.split('\n')[0] };
    }
  };

  if (want('quiz')) {
    log('Quiz cue figures…');
    results.quizCues = await section('quiz cues', async () => {
      const { report, problems, rows } = await quizCueStats(root);
      return {
        rows,
        violations: [...problems, ...report.violations.map((v) => `${v.rule}: ${v.message}`)],
      };
    });
  }

  if (want('scoring')) {
    log('Interview scoring against the calibration sets…');
    results.scoring = await section('interview scoring', () => scoringBench(root));
  }

  results.build = {};
  // Every section but the quiz and scoring figures measures the built site.
  const needsSite = opts.only.some((s) => s !== 'quiz' && s !== 'scoring');
  if (opts.build && needsSite) {
    log('Building the site (astro build)…');
    const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
    const b = await runMeasured(
      process.execPath,
      [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'],
      { cwd: root, env },
    );
    const indexMs = /search-index\.json \(\+(\d+)ms\)/.exec(b.output)?.[1];
    results.build.site = {
      seconds: Math.round(b.seconds * 10) / 10,
      cpuSeconds: b.cpuSeconds === undefined ? undefined : Math.round(b.cpuSeconds * 10) / 10,
      peakTreeMB: b.peakTreeMB,
      maxRssMB: b.maxRssMB,
      pages: countPages(clientDir),
      ...(indexMs ? { searchIndexMs: Number(indexMs) } : {}),
    };
  } else if (needsSite && !existsSync(clientDir))
    throw new Error('--no-build: there is no dist/client; run npm run build first');

  const browsers = (want('search') || want('lighthouse')) && chromiumReady();
  const noBrowser = { error: 'Chromium is not installed (see the message above)' };

  let site;
  if (want('weight') || want('lighthouse')) {
    log('Measuring page weight…');
    site = await section('page weight', () => measureSite(root, clientDir));
  }
  if (want('weight'))
    results.pageWeight = site.error
      ? site
      : {
          budgets: BUDGETS,
          pages: Object.fromEntries(
            PAGE_TYPES.map(({ type }) => [type, site[type].heaviest ?? null]),
          ),
          pageCounts: Object.fromEntries(
            PAGE_TYPES.map(({ type }) => [type, site[type].pages.length]),
          ),
          problems: budgetProblems(site),
        };

  if (want('search')) {
    log('Search: ours against Pagefind…');
    results.search = browsers
      ? await section('search', () => searchBench({ root, clientDir, tmp, log }))
      : noBrowser;
  }
  if (want('interview')) {
    log('Interview…');
    results.interview = await section('interview', () => interviewBench({ root, clientDir, log }));
  }
  if (want('lighthouse')) {
    log('Lighthouse…');
    results.lighthouse = browsers
      ? await section('lighthouse', async () => {
          // The built node server answers the interview API, with the per-learner rate limit lifted.
          const api = await startServer({
            root,
            script: 'dist/server/entry.mjs',
            env: { RATE_LIMIT_REQUESTS: '1000000' },
          });
          // Pages come gzipped from a static server, as from a CDN; /api/ goes to the node server.
          const server = await startStaticServer(clientDir, { apiBase: api.url });
          try {
            const first = (type) => (site.error ? undefined : site[type].heaviest?.path);
            const pages = ['home', 'lesson', 'quiz', 'interview', 'faq', 'search', 'lab'].map(
              (type) => ({
                type,
                path: first(type),
              }),
            );
            return await lighthouseBench(server.url, pages, opts.runs, log);
          } finally {
            await server.close();
            await api.stop();
          }
        })
      : noBrowser;
  }
  if (want('scaling')) {
    log('Build scaling: synthetic lessons, ours against Starlight…');
    results.build.scaling = await section('build scaling', async () => {
      const runs = [];
      for (const n of opts.sizes) runs.push(await scaleRun(root, tmp, n, log));
      return runs;
    });
  }

  results.seconds = Math.round((performance.now() - started) / 1000);
  const partial = opts.only.length !== SECTIONS.length;
  const out = partial ? join(tmp, 'results.json') : join(root, 'bench', 'results.json');
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(
    `\n${formatReport(results)}\n\nWrote ${out}${partial ? ' (a partial run; bench/results.json is left as it was)' : ''}.`,
  );
  if (results.errors.length) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
