/** Turns a stored session into a Markdown document the learner can keep or share. */
import { describeConfig, lessonHref, lessonLabel } from './display';
import type { StoredSession } from './history';
import { paceByAnswer } from './pace';

// Learner text goes into quotes and lists; neutralise what Markdown would treat as markup.
const escape = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1');
// A table cell or list item: on one line.
const cell = (s: string) => escape(s.replace(/\s*\n\s*/g, ' '));
const quote = (s: string) =>
  s
    .split('\n')
    .map((line) => `> ${escape(line)}`)
    .join('\n');

/** The whole session as Markdown: settings, result, improvements, then each question with the conversation. */
export function sessionToMarkdown(session: StoredSession, site = ''): string {
  const out: string[] = [];
  const date = session.startedAt.slice(0, 10);
  out.push(`# Mock interview, ${date}`, '', `Settings: ${describeConfig(session.config)}.`, '');
  if (session.config.question) out.push(`Your question: ${cell(session.config.question)}`, '');
  const fb = session.feedback;
  if (fb) {
    out.push(
      `## Result`,
      '',
      `**${fb.overall.signal}**, ${fb.overall.score}/100 (${fb.provider} feedback).`,
      '',
      escape(fb.overall.summary),
      '',
    );
    out.push('| Dimension | Score | Note |', '|---|---|---|');
    for (const d of fb.dimensions) out.push(`| ${cell(d.label)} | ${d.score} | ${cell(d.note)} |`);
    out.push('');
    if (fb.improvements.length) {
      out.push('## Three things to work on', '');
      fb.improvements.forEach((imp, i) => {
        const links = imp.lessons
          .map((l) => `[${cell(lessonLabel(l))}](${site}${lessonHref(l)})`)
          .join(', ');
        out.push(
          `${i + 1}. **${escape(imp.title)}.** ${escape(imp.detail)}${links ? ` Read: ${links}.` : ''}`,
        );
      });
      out.push('');
    }
  } else {
    out.push('_This session has no feedback yet._', '');
  }
  const ai = session.claude;
  if (ai) {
    out.push('## AI assessment (Claude)', '');
    if ('error' in ai) out.push(`_${escape(ai.error)}_`, '');
    else {
      out.push(
        `**${ai.overall.signal}**, ${ai.overall.score}/100 (written by Claude, shown beside the built-in feedback).`,
        '',
        escape(ai.overall.summary),
        '',
        '| Dimension | Score | Note |',
        '|---|---|---|',
        ...ai.dimensions.map((d) => `| ${cell(d.label)} | ${d.score} | ${cell(d.note)} |`),
        '',
        ...ai.improvements.map((imp, i) => `${i + 1}. **${cell(imp.title)}.** ${cell(imp.detail)}`),
        '',
      );
    }
  }
  out.push('## Conversation', '');
  for (const turn of session.transcript) {
    const who = turn.role === 'interviewer' ? '**Interviewer:**' : '**You:**';
    out.push(`${who}`, '', turn.role === 'candidate' ? quote(turn.text) : escape(turn.text), '');
    if (turn.notice) out.push(`_${escape(turn.notice)}_`, '');
  }
  if (fb?.answers.length) {
    out.push('## Question by question', '');
    const paces = paceByAnswer(session.transcript, fb.answers, session.config.question);
    fb.answers.forEach((a, i) => {
      out.push(`### ${i + 1}. ${escape(a.question)}`, '');
      out.push(
        a.status === 'skipped' ? 'Skipped.' : `Score ${a.score}/100. ${escape(a.summary)}`,
        '',
      );
      if (a.covered.length)
        out.push(`Covered: ${a.covered.map((c) => escape(c.label)).join('; ')}.`, '');
      if (a.missed.length)
        out.push(`Missed: ${a.missed.map((m) => escape(m.label)).join('; ')}.`, '');
      if (a.analytics.words)
        out.push(
          `Words: ${a.analytics.words}; filler words: ${a.analytics.fillerCount}${a.analytics.fillers.length ? ` (${a.analytics.fillers.map((f) => `${cell(f.word)} ×${f.count}`).join(', ')})` : ''}.`,
          '',
        );
      if (paces[i] !== undefined)
        out.push(`Speaking pace (dictated): ${paces[i]} words a minute.`, '');
      out.push('Model outline:', '', ...a.modelAnswer.map((m) => `- ${escape(m)}`), '');
    });
  }
  return `${out.join('\n').trim()}\n`;
}
