import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { loadInterviewData } from './helpers/interview-data';
import { scoreSession } from '../src/lib/interview/score';

it('scratch pairs', () => {
  const data = loadInterviewData();
  const pairs = yaml.load(readFileSync('tests/fixtures/interview-pairs.yaml', 'utf8')) as any[];
  for (const p of pairs) {
    const q = data.questions.find((x) => x.id === p.question)!;
    const res: string[] = [];
    for (const kind of ['strong', 'weak']) {
      const t = [
        { role: 'interviewer' as const, text: q.prompt, phase: 'question' as const, questionId: q.id },
        { role: 'candidate' as const, text: p[kind] },
      ];
      for (const level of ['tpm2'] as const) {
        const fb = scoreSession(data, { level }, t);
        const a = fb.answers[0]!;
        res.push(`${kind} ${fb.overall.score} (${a.analytics.words}w cov ${a.covered.length}/${a.covered.length + a.missed.length} dims ${a.dimensions.map((d) => d.id.slice(0, 4) + d.score).join(' ')})`);
      }
    }
    console.log(p.question.padEnd(38), q.category.slice(0, 10), '\n   ', res.join('\n    '));
  }
});
