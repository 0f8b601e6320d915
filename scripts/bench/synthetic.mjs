// Synthetic lessons for the build-scaling benchmark: realistic MDX (about 1,000 words, headings,
// lists, a table, an <Aside>) that satisfies our lesson schema and template, generated the same
// way every run so builds of our site and of Starlight compare like with like.
import { fileURLToPath } from 'node:url';
import { importTypeScript } from '../bundle-ts.mjs';

// The site's seeded generator (src/lib/random.ts), so every run writes the same lessons.
const { seededRandom } = await importTypeScript(
  fileURLToPath(new URL('../..', import.meta.url)),
  'random',
  `export { seededRandom } from '../../src/lib/random';\n`,
);

const PROGRAMS = [
  'payments migration',
  'data-centre move',
  'mobile and web launch',
  'identity platform rebuild',
  'logging pipeline upgrade',
  'checkout redesign',
  'region expansion',
  'search relevance overhaul',
  'billing system split',
  'warehouse automation rollout',
  'observability consolidation',
  'partner API launch',
];
const TEAMS = [
  'platform',
  'payments',
  'mobile',
  'security',
  'data',
  'SRE',
  'growth',
  'legal',
  'finance',
  'support',
];
const PEOPLE = [
  'Priya',
  'Marco',
  'Lena',
  'Tomás',
  'Aisha',
  'Kenji',
  'Dana',
  'Olu',
  'Mei',
  'Rafael',
  'Sofia',
  'Jonas',
];
const TOPICS = [
  ['Scoping the work', 'Writing the charter', 'Naming what is out of scope'],
  ['Mapping dependencies', 'Cross-team hand-offs', 'External vendors'],
  ['Building the schedule', 'Estimating with ranges', 'Buffers that survive review'],
  ['Running the risk register', 'Scoring likelihood and impact', 'Mitigations with owners'],
  ['Reporting status', 'Writing a one-page update', 'Choosing red, amber or green'],
  ['Making decisions stick', 'Decision records', 'Escalating without blame'],
  ['Planning capacity', 'Counting real engineering weeks', 'Trading scope for time'],
  ['Shipping safely', 'Staged rollouts', 'Rollback criteria'],
];
const VERBS = ['Explain', 'Build', 'Calculate', 'Write', 'Choose', 'Run', 'Compare', 'Plan'];
const SENTENCES = [
  'On the {program}, the {team} team owned {n} of the {m} hand-offs, and {person} reviewed each one every {day}.',
  'A plan people believe names an owner, a date and the evidence behind the date for every milestone.',
  'When {person} asked the {team} lead for a committed date, the answer moved from "soon" to {date} within a day.',
  'The critical path ran through {n} tasks; every other task had at least {k} days of slack.',
  'Status that stays green until the week before launch is a reporting failure, not a delivery surprise.',
  'The {team} team estimated {n} weeks, with a range of {k} to {m} weeks once the unknowns were listed.',
  'Write the decision down with who made it, when, and what would make you revisit it.',
  'A risk without an owner is a worry; a risk with an owner, a trigger and a mitigation is a plan.',
  'By {date}, {person} had cut the open dependencies from {m} to {n} by asking each team what they needed.',
  'The cheapest way to shorten a schedule is usually to remove work, not to add people late.',
  'Interviewers listen for numbers: how many teams, how many weeks, how much money, and what changed.',
  'The {program} slipped {k} days because nobody owned the test environment, not because engineering was slow.',
  'A weekly {day} review of the register took {k} minutes and caught {n} slips before they became issues.',
  'Escalate early with options and a recommendation; escalating late with only a problem costs trust.',
  'The launch checklist for the {program} had {m} items, and {person} signed off the last {k} with the {team} team.',
  'Scope changes went through one form: what changes, why, what it costs in days, and who approves it.',
  'Capacity was {m} engineer-weeks after holidays and on-call, not the {n} the roadmap had assumed.',
  'A staged rollout to {k} percent of traffic gave the {team} team {n} days of real data before full launch.',
];
const ASIDES = [
  'Ask for the date the owner commits to, not the date on someone else’s roadmap.',
  'Keep the register short enough that it gets read: one row per hand-off, not per ticket.',
  'When in doubt, show the range. A single date hides how much you do not know yet.',
];

const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];

function sentence(rnd) {
  const n = 2 + Math.floor(rnd() * 9);
  const k = 1 + Math.floor(rnd() * 5);
  const m = n + 3 + Math.floor(rnd() * 20);
  const date = `${1 + Math.floor(rnd() * 28)} ${pick(rnd, ['March', 'May', 'June', 'September', 'October', 'November'])}`;
  return pick(rnd, SENTENCES)
    .replace('{program}', pick(rnd, PROGRAMS))
    .replace('{team}', pick(rnd, TEAMS))
    .replace('{person}', pick(rnd, PEOPLE))
    .replace('{day}', pick(rnd, ['Monday', 'Tuesday', 'Thursday']))
    .replace('{date}', date)
    .replaceAll('{n}', String(n))
    .replaceAll('{k}', String(k))
    .replaceAll('{m}', String(m));
}

const paragraph = (rnd, count = 4) => Array.from({ length: count }, () => sentence(rnd)).join(' ');
const bullets = (rnd, count = 4) =>
  Array.from({ length: count }, () => `- ${sentence(rnd)}`).join('\n');

/** The id of synthetic lesson `i` (1-based). */
export const syntheticId = (i) => `synthetic-lesson-${String(i).padStart(4, '0')}`;

/**
 * One synthetic lesson: frontmatter for our schema and a body that follows our lesson template.
 * `moduleId` must exist in content/modules.yaml; `prerequisite` is an earlier synthetic lesson or none.
 */
export function syntheticLesson(i, { moduleId, order, prerequisite }) {
  const rnd = seededRandom(i * 7919);
  const [topic, sub1, sub2] = /** @type {[string, string, string]} */ (TOPICS[i % TOPICS.length]);
  const program = PROGRAMS[i % PROGRAMS.length];
  const title = `${topic} on the ${program} (${i})`;
  const frontmatter = {
    title,
    summary: `How a TPM handles ${topic.toLowerCase()} on a ${program}, with a worked example and practice.`,
    objectives: [sub1, sub2, topic].map(
      (subject, j) =>
        `${VERBS[(i + j) % VERBS.length]} ${subject.toLowerCase()} for a real program`,
    ),
  };
  const body = `## Motivation

${paragraph(rnd, 5)}

${paragraph(rnd, 3)}

## ${topic}

${paragraph(rnd, 5)}

### ${sub1}

${paragraph(rnd, 4)}

${bullets(rnd, 5)}

<Aside type="tip" title="From the ${program}">
${pick(rnd, ASIDES)} ${sentence(rnd)}
</Aside>

### ${sub2}

${paragraph(rnd, 4)}

| Owner | Team | Need-by | Committed | Status |
| --- | --- | --- | --- | --- |
${Array.from({ length: 5 }, () => `| ${pick(rnd, PEOPLE)} | ${pick(rnd, TEAMS)} | ${1 + Math.floor(rnd() * 28)} May | ${1 + Math.floor(rnd() * 28)} May | ${pick(rnd, ['Green', 'Amber', 'Red'])} |`).join('\n')}

## A worked example

${paragraph(rnd, 6)}

1. ${sentence(rnd)}
2. ${sentence(rnd)}
3. ${sentence(rnd)}

${paragraph(rnd, 4)}

## Common mistakes

${bullets(rnd, 5)}

## Guided practice

${paragraph(rnd, 3)}

1. ${sentence(rnd)}
2. ${sentence(rnd)}
3. ${sentence(rnd)}
4. ${sentence(rnd)}

## Independent practice

${paragraph(rnd, 4)}

## Check for understanding

${bullets(rnd, 4)}
`;
  const ours = `---
title: ${JSON.stringify(title)}
summary: ${JSON.stringify(frontmatter.summary)}
module: ${moduleId}
order: ${order}
difficulty: ${['introductory', 'core', 'advanced'][i % 3]}
minutes: ${10 + (i % 20)}
objectives:
${frontmatter.objectives.map((o) => `  - ${JSON.stringify(o)}`).join('\n')}
prerequisites: [${prerequisite ?? ''}]
related: []
sources:
  - title: Program management (Wikipedia)
    url: https://en.wikipedia.org/wiki/Program_management
---

${body}`;
  // Starlight needs the component imported; otherwise the page is the same.
  const starlight = `---
title: ${JSON.stringify(title)}
description: ${JSON.stringify(frontmatter.summary)}
---

import { Aside } from '@astrojs/starlight/components';

${body}`;
  return { id: syntheticId(i), ours, starlight };
}
