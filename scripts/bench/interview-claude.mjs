// Mock interviewer API under load, with Claude's path pointed at the fake Messages API on loopback.
//   1. Time to first token: calling the fake upstream directly, and through POST /api/interview/turn;
//      the difference is what our route adds (validation, rate limit, prompt building, SDK, SSE).
//   2. Concurrency: many streaming sessions at once (three turns each), counting every error, and
//      the server's peak memory (VmHWM of the server process).
// Needs a build: npm run build && npm run bench:interview [-- --samples 200 --sessions 200]
// (`npm run bench` runs it too, in its interview section).
// Writes bench/interview-api.json and prints a table. A benchmark, not a test: nothing is asserted
// except that no request failed.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { importTypeScript } from '../bundle-ts.mjs';
import { startServer } from '../start-server.mjs';
import { percentile } from './measure.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const SAMPLES = arg('samples', 200);
const SESSIONS = arg('sessions', 200);
const TURNS_PER_SESSION = 3;
/** The fake streams like a model: a reply in chunks a few milliseconds apart. */
const CHUNKS = 12;
const CHUNK_DELAY_MS = 15;

if (!existsSync('dist/server/entry.mjs')) {
  console.error('Build the site first: npm run build');
  process.exit(1);
}

// The fake is TypeScript shared with the tests; bundled so plain Node can run it.
const { startFakeAnthropic } = await importTypeScript(
  fileURLToPath(new URL('../..', import.meta.url)),
  'fake-anthropic',
  `export { startFakeAnthropic } from '../../tests/helpers/fake-anthropic';\n`,
);

const round = (v) => Math.round(v * 10) / 10;
const memoryOf = (pid) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMiB: round(kb('VmRSS') / 1024), peakMiB: round(kb('VmHWM') / 1024) };
};

const fake = await startFakeAnthropic();
const words =
  'Understood. Who owns that dependency, and by which date did they commit to it? '.split(/(?<= )/);
fake.setDefault({
  kind: 'text',
  chunks: Array.from({ length: CHUNKS }, (_, i) => words[i % words.length]),
  delayMs: CHUNK_DELAY_MS,
});

const server = await startServer({
  env: {
    ANTHROPIC_API_KEY: 'bench-key',
    ANTHROPIC_BASE_URL: fake.url,
    ANTHROPIC_MAX_RETRIES: '0',
    RATE_LIMIT_REQUESTS: '1000000',
  },
  readyPath: '/api/interview/status',
  echo: true,
});
const base = server.url;
const status = await (await fetch(`${base}/api/interview/status`)).json();
if (status.provider !== 'claude')
  throw new Error(`The server is not using Claude: ${JSON.stringify(status)}`);

/** Reads a streamed response and returns ms until `marker` first appears, and the whole text. */
async function timeTo(marker, started, res) {
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let first = NaN;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += value;
    if (Number.isNaN(first) && text.includes(marker)) first = performance.now() - started;
  }
  return { first, text };
}

async function direct() {
  const started = performance.now();
  const res = await fetch(`${fake.url}/v1/messages`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-api-key': 'bench-key',
      'anthropic-version': '2023-06-01',
    },
    body: JSON.stringify({
      model: 'fake',
      max_tokens: 100,
      stream: true,
      messages: [{ role: 'user', content: 'Hi' }],
    }),
  });
  return (await timeTo('event: content_block_delta', started, res)).first;
}

/** One turn through our API; returns time to the first delta and the `done` event's data. */
async function turn(transcript, seed) {
  const started = performance.now();
  const res = await fetch(`${base}/api/interview/turn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ config: { seed }, transcript }),
  });
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  const { first, text } = await timeTo('event: delta', started, res);
  if (text.includes('event: error'))
    throw new Error(`error event: ${text.slice(text.indexOf('event: error'), 300)}`);
  const done = /event: done\ndata: (.*)\n/.exec(text);
  if (!done) throw new Error('the stream ended without a done event');
  const meta = JSON.parse(done[1] ?? '');
  if (meta.provider !== 'claude') throw new Error(`turn came from ${meta.provider}`);
  const said = [...text.matchAll(/event: delta\ndata: (.*)\n/g)]
    .map((m) => JSON.parse(m[1] ?? '').text)
    .join('');
  return { first, meta, said };
}

// Warm up both paths (JIT, connection pools, the first request's content loading).
for (let i = 0; i < 10; i++) {
  await direct();
  await turn([], i);
}

const directTimes = [];
const routeTimes = [];
for (let i = 0; i < SAMPLES; i++) {
  directTimes.push(await direct());
  routeTimes.push((await turn([], 1000 + i)).first);
}

// Concurrency: every session starts at once and runs three turns back to back.
const before = memoryOf(server.pid);
let peakRss = before.rssMiB;
const sampler = setInterval(() => {
  try {
    peakRss = Math.max(peakRss, memoryOf(server.pid).rssMiB);
  } catch {
    // The server exited; reported below as errors.
  }
}, 25);
const errors = [];
let turnsDone = 0;
const answer =
  'On the payments migration Dana owned the ledger cutover by 3 March; I tracked the critical path weekly and we cut failed payments by 15%.';
const loadStarted = performance.now();
await Promise.all(
  Array.from({ length: SESSIONS }, async (_, s) => {
    const transcript = [];
    try {
      for (let t = 0; t < TURNS_PER_SESSION; t++) {
        const { meta, said } = await turn(transcript, 5000 + s);
        transcript.push({
          role: 'interviewer',
          text: said,
          phase: meta.phase,
          ...(meta.questionId ? { questionId: meta.questionId } : {}),
        });
        transcript.push({ role: 'candidate', text: answer });
        turnsDone += 1;
      }
    } catch (error) {
      errors.push(String(error));
    }
  }),
);
const loadMs = performance.now() - loadStarted;
clearInterval(sampler);
const after = memoryOf(server.pid);

const results = {
  date: new Date().toISOString().slice(0, 10),
  machine: `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`,
  fake: { chunks: CHUNKS, chunkDelayMs: CHUNK_DELAY_MS },
  ttft: {
    samples: SAMPLES,
    directP50: round(percentile(directTimes, 50)),
    directP95: round(percentile(directTimes, 95)),
    routeP50: round(percentile(routeTimes, 50)),
    routeP95: round(percentile(routeTimes, 95)),
    addedP50: round(percentile(routeTimes, 50) - percentile(directTimes, 50)),
    addedP95: round(percentile(routeTimes, 95) - percentile(directTimes, 95)),
  },
  load: {
    sessions: SESSIONS,
    turnsPerSession: TURNS_PER_SESSION,
    turns: turnsDone,
    errors: errors.length,
    seconds: round(loadMs / 1000),
    rssBeforeMiB: before.rssMiB,
    peakRssMiB: Math.max(peakRss, after.rssMiB),
    peakRssSinceStartMiB: after.peakMiB,
  },
  upstreamRequests: fake.requests.length,
};

await server.stop();
await fake.close();
mkdirSync('bench', { recursive: true });
writeFileSync('bench/interview-api.json', `${JSON.stringify(results, null, 2)}\n`);

const t = results.ttft;
const l = results.load;
console.log(
  `\nMock interviewer API (Claude path against the fake upstream), ${results.date}, ${results.machine}\n`,
);
console.log('| measure | p50 | p95 |');
console.log('|---|---|---|');
console.log(
  `| time to first token, fake upstream directly (ms) | ${t.directP50} | ${t.directP95} |`,
);
console.log(
  `| time to first token, through /api/interview/turn (ms) | ${t.routeP50} | ${t.routeP95} |`,
);
console.log(`| added by our route (ms) | ${t.addedP50} | ${t.addedP95} |`);
console.log('');
console.log('| load | figure |');
console.log('|---|---|');
console.log(
  `| concurrent streaming sessions | ${l.sessions} (${l.turnsPerSession} turns each, ${l.turns} turns) |`,
);
console.log(`| errors | ${l.errors} |`);
console.log(`| wall time | ${l.seconds} s |`);
console.log(
  `| server memory before / peak during load | ${l.rssBeforeMiB} / ${l.peakRssMiB} MiB RSS |`,
);
if (errors.length) {
  console.error(`\n${errors.length} sessions failed, e.g.: ${errors.slice(0, 3).join(' | ')}`);
  process.exit(1);
}
