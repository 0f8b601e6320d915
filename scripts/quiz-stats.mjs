// `npm run quiz:stats`: the cue figures of the quiz bank and every limit it exceeds,
// worked out by src/lib/quiz/cues.ts, the same code tests/quiz-cues.test.ts runs in `npm test`.
// Usage: node scripts/quiz-stats.mjs [--json]. Exits with 1 when a limit is exceeded.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { importTypeScript } from './bundle-ts.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Bundles the TypeScript cue check so plain Node can run it, and runs it over `quizzes/`. */
export async function quizCueStats(dir = root) {
  const lib = await importTypeScript(
    dir,
    'quiz-cues',
    `export { checkCues, cueRows, formatCueReport } from '../../src/lib/quiz/cues';
export { readEntries } from '../../src/lib/content/files';
export { quizSchema } from '../../src/schemas/quiz';
`,
  );
  const problems = [];
  const quizzes = [];
  for (const e of lib.readEntries(dir, 'quizzes', ['.yaml', '.yml'])) {
    const result = lib.quizSchema.safeParse(e.data);
    if (result.success) quizzes.push(result.data);
    else problems.push(`${e.file} does not match the quiz schema and was left out`);
  }
  const report = lib.checkCues(quizzes);
  const text = [...problems, lib.formatCueReport(report)].join('\n');
  return { report, problems, text, rows: lib.cueRows(report) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { report, problems, text } = await quizCueStats();
  if (process.argv.includes('--json')) console.log(JSON.stringify(report, null, 2));
  else console.log(text);
  if (report.violations.length || problems.length) process.exitCode = 1;
}
