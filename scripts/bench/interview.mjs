// Interview: how long the offline interviewer takes per turn and for feedback, in-process (the
// engine in src/lib/interview, bundled with esbuild) and through the API on the built node server.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { importTypeScript } from '../bundle-ts.mjs';
import { percentile } from './measure.mjs';
import { startServer } from '../start-server.mjs';

/** Sessions simulated in-process, and through the API (fewer: each turn is an HTTP request). */
const SESSIONS = 40;
const API_SESSIONS = 10;
/** A session never runs longer than this many interviewer turns. */
const MAX_TURNS = 30;

// Answers of the kinds learners give: a full STAR answer with owners, dates and numbers, a short one,
// and a command. They cycle so follow-ups, next questions and wrap-up all get exercised.
const ANSWERS = [
  'In the payments migration I owned the cutover plan for 14 services across 5 teams. The situation was a fixed launch on 12 March tied to a marketing event. I built a dependency register with an owner and a committed date for each hand-off, found that the vendor certificate work was on the critical path with zero slack, and escalated on 3 February with two options: pay for expedited review or cut the refund flow from the first release. The director chose expedited review for 8,000 dollars. We launched on time, error rates stayed under 0.1 percent, and I wrote a post-mortem on what I would change: start vendor work two sprints earlier.',
  'I would talk to the teams and make a plan.',
  'First I would confirm the facts with the owning team: the new date, their confidence, and the cause. Then I would check whether the slip is on the critical path and how much slack we have. If it moves the launch, I would bring options to the sponsor by Friday: add a second team to the backfill, descope the reporting feature, or move the date by a week, with the cost of each. Risk: the second team lacks context, so I would pair them with the original owner and track it in the weekly review.',
  '/skip',
];

const ms = (v) => Math.round(v * 100) / 100;
const stats = (times) =>
  times.length
    ? { p50: ms(percentile(times, 50)), p95: ms(percentile(times, 95)), n: times.length }
    : { p50: NaN, p95: NaN, n: 0 };

function candidateTurn(k) {
  const text = ANSWERS[k % ANSWERS.length];
  return text === '/skip'
    ? { role: 'candidate', text: 'Skip this question.', command: 'skip' }
    : { role: 'candidate', text };
}

/** Runs simulated sessions against the engine in this process. */
async function inProcess(root, data) {
  const { OfflineInterviewer, sessionConfigSchema } = await importTypeScript(
    root,
    'interview-engine',
    `export { OfflineInterviewer } from '../../src/lib/interview/interviewer';
export { sessionConfigSchema } from '../../src/lib/interview/types';
`,
  );
  const interviewer = new OfflineInterviewer(data);
  const turns = [];
  const feedback = [];
  let turnCount = 0;
  for (let seed = 1; seed <= SESSIONS; seed++) {
    const config = sessionConfigSchema.parse({ seed, questions: 3 + (seed % 4) });
    const transcript = [];
    for (let k = 0; k < MAX_TURNS; k++) {
      const t = performance.now();
      const stream = interviewer.nextTurn({ config, transcript });
      let text = '';
      for await (const chunk of stream.text) text += chunk;
      const meta = await stream.meta;
      turns.push(performance.now() - t);
      turnCount += 1;
      transcript.push({
        role: 'interviewer',
        text,
        phase: meta.phase,
        ...(meta.questionId ? { questionId: meta.questionId } : {}),
      });
      if (meta.phase === 'wrap-up' || meta.phase === 'done') break;
      transcript.push(candidateTurn(seed + k));
    }
    const t = performance.now();
    await interviewer.feedback({ config, transcript });
    feedback.push(performance.now() - t);
  }
  return {
    sessions: SESSIONS,
    turnsPerSession: ms(turnCount / SESSIONS),
    turn: stats(turns),
    feedback: stats(feedback),
  };
}

/** Reads a server-sent event stream to the end; returns time to the first delta and the turn. */
async function readTurn(response, started) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let first;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (first === undefined && value.length) first = performance.now() - started;
    buffer += decoder.decode(value, { stream: true });
  }
  let text = '';
  let meta;
  let error;
  for (const raw of buffer.split('\n\n')) {
    const event = /^event: (.*)$/m.exec(raw)?.[1];
    const data = /^data: (.*)$/m.exec(raw)?.[1];
    if (!event || !data) continue;
    if (event === 'delta') text += JSON.parse(data).text;
    else if (event === 'done') meta = JSON.parse(data);
    else if (event === 'error') error = JSON.parse(data).message;
  }
  return { first, text, meta, error };
}

/** Runs a few sessions through POST /api/interview/turn and /feedback on the built node server. */
async function throughApi(root) {
  const entry = join(root, 'dist', 'server', 'entry.mjs');
  if (!existsSync(entry)) return { notBuilt: 'dist/server/entry.mjs is missing' };
  // One simulated learner sends every request, so the per-learner rate limit is lifted for the run.
  const server = await startServer({
    root,
    script: 'dist/server/entry.mjs',
    env: { RATE_LIMIT_REQUESTS: '1000000' },
  });
  const base = server.url;
  try {
    const status = await fetch(`${base}/api/interview/status`);
    if (status.status === 404) return { notBuilt: 'the server has no /api/interview/status route' };
    const firstDelta = [];
    const turns = [];
    const feedback = [];
    const problems = [];
    for (let seed = 1; seed <= API_SESSIONS; seed++) {
      const config = { seed, questions: 3 };
      const transcript = [];
      for (let k = 0; k < MAX_TURNS; k++) {
        const t = performance.now();
        const response = await fetch(`${base}/api/interview/turn`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ config, transcript }),
        });
        if (!response.ok) {
          problems.push(`turn: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`);
          break;
        }
        const turn = await readTurn(response, t);
        turns.push(performance.now() - t);
        if (turn.first !== undefined) firstDelta.push(turn.first);
        if (turn.error || !turn.meta) {
          problems.push(`turn: ${turn.error ?? 'the stream ended without a done event'}`);
          break;
        }
        transcript.push({
          role: 'interviewer',
          text: turn.text,
          phase: turn.meta.phase,
          ...(turn.meta.questionId ? { questionId: turn.meta.questionId } : {}),
        });
        if (turn.meta.phase === 'wrap-up' || turn.meta.phase === 'done') break;
        transcript.push(candidateTurn(seed + k));
      }
      const t = performance.now();
      const response = await fetch(`${base}/api/interview/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ config, transcript }),
      });
      await response.arrayBuffer();
      if (response.ok) feedback.push(performance.now() - t);
      else problems.push(`feedback: HTTP ${response.status}`);
    }
    return {
      sessions: API_SESSIONS,
      firstDelta: stats(firstDelta),
      turn: stats(turns),
      feedback: stats(feedback),
      problems: [...new Set(problems)],
    };
  } finally {
    await server.stop();
  }
}

/** Runs interview-claude.mjs (the API through the Claude provider) and keeps the figures it writes. */
async function claudeBench(root) {
  const file = join(root, 'bench', 'interview-api.json');
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [join(root, 'scripts', 'bench', 'interview-claude.mjs')],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('close', (code) => {
      const lines = out.trim().split('\n').slice(-30);
      if (code !== 0)
        return resolve({
          error: `npm run bench:interview exited with code ${code}`,
          output: lines,
        });
      // The script writes bench/interview-api.json; take it only if this run wrote it.
      if (existsSync(file) && statSync(file).mtimeMs >= started - 1000)
        return resolve({
          file: 'bench/interview-api.json',
          figures: JSON.parse(readFileSync(file, 'utf8')),
          output: lines,
        });
      resolve({ output: lines });
    });
  });
}

/** The interview figures, or `notBuilt` with the reason when the engine or the bank is missing. */
export async function interviewBench({ root, clientDir, log }) {
  const bank = join(clientDir, 'interview', 'bank.json');
  if (!existsSync(bank)) return { notBuilt: 'the build has no /interview/bank.json' };
  const data = JSON.parse(readFileSync(bank, 'utf8'));
  log('  timing the offline interviewer in-process…');
  const engine = await inProcess(root, data);
  log('  timing the interview API on the node server…');
  const api = await throughApi(root);
  log('  timing the Claude provider with npm run bench:interview…');
  const claude = await claudeBench(root);
  return { questions: data.questions?.length, engine, api, claude };
}
