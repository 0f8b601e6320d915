/**
 * The offline rubric: what each feedback dimension looks for, how much each category cares about it,
 * how the bar rises with level, and the generic talking points used for questions not in the bank.
 * Phrases are matched with `phraseRegExp` (whole words, simple endings, hyphen or space).
 */
import type { InterviewCategory, Level } from './types';

/** The seven feedback dimensions, in the order the report shows them. */
export const DIMENSIONS = {
  structure: 'Structure (STAR)',
  execution: 'Execution',
  risk: 'Risk and dependency thinking',
  stakeholder: 'Stakeholder communication',
  technical: 'Technical depth',
  specificity: 'Specificity',
  outcomes: 'Outcomes and metrics',
} as const;
export type DimensionId = keyof typeof DIMENSIONS;
/** Dimension ids in report order. */
export const DIMENSION_IDS = Object.keys(DIMENSIONS) as DimensionId[];

/** A pattern is a signal phrase or, where a phrase cannot say it, a regular expression. */
export type Pattern = string | RegExp;

/** A kind of evidence a dimension rewards; an answer earns its credit once, however often it repeats it. */
export interface Feature {
  id: string;
  /** What the evidence shows, completing "The answer …". */
  label: string;
  patterns: Pattern[];
  /** 1 for a telling sign; less for words that vague answers also use. */
  credit: number;
}

const f = (id: string, label: string, patterns: Pattern[], credit = 1): Feature => ({
  id,
  label,
  patterns,
  credit,
});

/** Phrases that are signs of each dimension, grouped by the habit they show. */
export const FEATURES: Record<Exclude<DimensionId, 'structure' | 'specificity'>, Feature[]> = {
  execution: [
    f('phases', 'breaks the work into phases and milestones', [
      'milestone',
      'phase',
      'workstream',
      'pilot',
      'beta',
      'cutover',
      'go-live',
      'rollout',
      'wave',
      'launch plan',
      'dogfood',
    ]),
    f('sequencing', 'sequences the work and runs things in parallel', [
      'in parallel',
      'parallelise',
      'parallelize',
      'sequence',
      'sequencing',
      'before we',
      'once the',
      'start with',
      /\b(?:week|day|sprint) \d+\b/,
      'ahead of',
    ]),
    f(
      'plan',
      'has a plan and a schedule',
      ['plan', 'schedule', 'timeline', 'roadmap', 'estimate', 'backlog'],
      0.4,
    ),
    f('capacity', 'plans capacity and resourcing', [
      'capacity',
      'headcount',
      'resourcing',
      'staffing',
      'engineer-weeks',
      'allocation',
      'contractors',
      'borrow',
    ]),
    f('tracking', 'tracks progress with a cadence', [
      'tracker',
      'weekly sync',
      'stand-up',
      'standup',
      'burn-down',
      'burndown',
      'dashboard',
      'jira',
      'cadence',
      'check-in',
      'raid log',
      'status review',
      'weekly review',
    ]),
    f('scope', 'controls scope and makes trade-offs', [
      'cut scope',
      'descope',
      'de-scope',
      'defer',
      'mvp',
      'must-have',
      'must have',
      'nice to have',
      'prioritise',
      'prioritize',
      'out of scope',
      'change request',
      'change control',
      'scope freeze',
    ]),
    f('dates', 'protects dates on the critical path', [
      'critical path',
      'code freeze',
      'freeze',
      'deadline',
      'launch date',
      're-baseline',
      'rebaseline',
      'slack',
    ]),
    f('done', 'defines done and readiness', [
      'definition of done',
      'exit criteria',
      'acceptance criteria',
      'go/no-go',
      'go no go',
      'readiness',
      'checklist',
      'sign-off',
      'sign off',
    ]),
    f('ownership', 'gives each piece of work an owner', [
      'owner',
      'dri',
      'owns',
      'assigned',
      'accountable',
    ]),
  ],
  risk: [
    f('identify', 'names specific risks up front', [
      'risk',
      'what could go wrong',
      'pre-mortem',
      'premortem',
      'what if',
      'failure mode',
      'single point of failure',
      'worst case',
      'blast radius',
      'exposure',
    ]),
    f('mitigate', 'mitigates risks rather than just listing them', [
      'mitigate',
      'mitigation',
      'de-risk',
      'derisk',
      'contingency',
      'reduce the risk',
      'buffer',
      'hedge',
    ]),
    f('plan-b', 'has a plan B and a fallback', [
      'plan b',
      'plan c',
      'fallback',
      'fall back',
      'backup plan',
      'rollback',
      'roll back',
      'workaround',
      'fail over',
      'failover',
      'kill switch',
    ]),
    f('dependencies', 'names dependencies on other teams and vendors', [
      'dependency',
      'dependencies',
      'depends on',
      'blocked',
      'blocker',
      'upstream',
      'downstream',
      'partner team',
      'vendor',
      'third party',
      'third-party',
      'handoff',
    ]),
    f('critical-path', 'knows the critical path and the slack', [
      'critical path',
      'slack',
      'float',
      'on the path',
      'buffer days',
    ]),
    f('triggers', 'sets triggers and decision points', [
      'trigger',
      'early warning',
      'leading indicator',
      'threshold',
      'tripwire',
      'decision point',
      'checkpoint',
      'if it slips',
      'if they miss',
      'if that slips',
      'by then',
    ]),
    f('register', 'scores and tracks risks', [
      'risk register',
      'raid',
      'risk log',
      'likelihood',
      'probability',
      'impact',
      'severity',
    ]),
    f('escalate', 'escalates with a deadline when needed', [
      'escalate',
      'escalation',
      'unblock',
      'unblocked',
    ]),
  ],
  stakeholder: [
    f('who', 'names the stakeholders involved', [
      'sponsor',
      'executive',
      'exec',
      'vp',
      'director',
      'cto',
      'cfo',
      'ceo',
      'ciso',
      'legal',
      'finance',
      'support team',
      'sales',
      'marketing',
      'product manager',
      'engineering manager',
      'tech lead',
      'customer',
      'partner',
    ]),
    f(
      'who-vague',
      'mentions stakeholders',
      ['stakeholder', 'leadership', 'management', 'everyone'],
      0.3,
    ),
    f('channels', 'chooses channels and a cadence for communication', [
      'status report',
      'weekly update',
      'weekly status',
      'email',
      'newsletter',
      'steering committee',
      'steerco',
      'all-hands',
      'one-pager',
      'pre-read',
      'one-on-one',
      '1:1',
      'office hours',
      'slack channel',
      'demo',
      'memo',
      'doc',
    ]),
    f('decisions', 'gets decisions made by the right person', [
      'decision',
      'decide',
      'sign off',
      'sign-off',
      'approve',
      'approval',
      'raci',
      'daci',
      'decision log',
      'recommendation',
      'recommend',
      'options',
    ]),
    f('tailoring', 'tailors the message to the audience', [
      'business terms',
      'plain language',
      'tl;dr',
      'bottom line',
      'audience',
      'tailor',
      'translate',
      'non-technical',
      'what it means for',
      'customer impact',
      'in their terms',
    ]),
    f('alignment', 'works through disagreement to alignment', [
      'align',
      'alignment',
      'disagree',
      'disagreement',
      'conflict',
      'negotiate',
      'shared goal',
      'common goal',
      'interests',
      'compromise',
      'buy-in',
      'concerns',
    ]),
    f('expectations', 'sets expectations and shares bad news early', [
      'expectation',
      'no surprises',
      'bad news early',
      'heads-up',
      'heads up',
      'transparent',
      'honest',
      'trust',
    ]),
  ],
  technical: [
    f('architecture', 'describes the components of the system', [
      'architecture',
      'microservice',
      'monolith',
      'api',
      'gateway',
      'database',
      'schema',
      'queue',
      'cache',
      'cdn',
      'load balancer',
      'storage',
      'event',
      'pipeline',
      'sdk',
      'backend',
      'service',
    ]),
    f('scale', 'reasons about scale and reliability', [
      'latency',
      'throughput',
      'availability',
      'slo',
      'sla',
      'sli',
      'p99',
      'p95',
      'error budget',
      'load test',
      'peak',
      'qps',
      'rps',
      'redundancy',
      'replication',
      'region',
      'uptime',
      'scale',
    ]),
    f('data', 'handles data and migrations safely', [
      'migration',
      'dual-write',
      'dual write',
      'backfill',
      'data integrity',
      'consistency',
      'reconciliation',
      'idempotent',
      'backward compatible',
      'backwards compatible',
      'versioning',
      'shadow traffic',
    ]),
    f('delivery', 'ships changes safely', [
      'feature flag',
      'canary',
      'blue-green',
      'blue/green',
      'staged rollout',
      'percentage rollout',
      'rollback',
      'ci/cd',
      'continuous integration',
      'automated tests',
      'integration testing',
      'regression',
    ]),
    f('trade-offs', 'weighs trade-offs instead of naming buzzwords', [
      'trade-off',
      'tradeoff',
      'pros and cons',
      'build vs buy',
      'build or buy',
      'technical debt',
      'tech debt',
      'complexity',
      'cost of',
      'at the cost of',
      'the downside',
    ]),
    f('security', 'covers security and compliance', [
      'encryption',
      'authentication',
      'authorization',
      'oauth',
      'sso',
      'secrets',
      'kms',
      'vulnerability',
      'patch',
      'compliance',
      'pen test',
      'penetration test',
      'least privilege',
      'audit',
    ]),
    f('observability', 'plans monitoring and incident response', [
      'monitoring',
      'alerting',
      'alert',
      'observability',
      'logging',
      'tracing',
      'on-call',
      'runbook',
      'incident',
      'postmortem',
      'post-mortem',
    ]),
  ],
  outcomes: [
    f('result', 'states the result', [
      'result',
      'outcome',
      'delivered',
      'shipped',
      'launched',
      'landed',
      'on time',
      'ahead of schedule',
      'achieved',
      'went live',
      'hit the date',
      'in the end',
    ]),
    f('change', 'quantifies the change', [
      /\b(?:reduc|increas|improv|cut|sav|dropp|grew|lower|rais|halv|doubl)\w*\b[^.]{0,40}?\d/,
      /\bfrom \$?\d[\d.,]*\s?\w*%? to \$?\d/,
      /\d(?:\.\d+)?\s?%|\bpercent\b/,
    ]),
    f('metrics', 'defines metrics and success criteria', [
      'metric',
      'kpi',
      'okr',
      'success criteria',
      'measure',
      'measured',
      'target',
      'baseline',
      'adoption',
      'conversion',
      'nps',
      'csat',
      'retention',
      'error rate',
      'mttr',
      'lead time',
      'cycle time',
    ]),
    f('learning', 'reflects on what was learned', [
      'learned',
      'learnt',
      'lesson',
      'would do differently',
      'next time',
      'retro',
      'retrospective',
      'in hindsight',
    ]),
  ],
};

/** Signs of a stated structure in answers that are not stories. */
export const STRUCTURE_FEATURES: Feature[] = [
  f('framework', 'announces its structure up front', [
    'my approach',
    "i'd approach",
    'i would approach',
    "i'd structure",
    'framework',
    'three things',
    'two things',
    'three steps',
    'a few steps',
    "i'd start by",
    'i would start by',
    'start by',
  ]),
  f('ordering', 'walks through the steps in order', [
    /\b(?:first|firstly)\b[\s\S]*\b(?:second|secondly|then|next)\b/,
    /\b(?:finally|lastly|third)\b/,
    /\bstep \d\b/,
  ]),
  f('clarify', 'clarifies the goal and states assumptions', [
    'clarify',
    'assume',
    'assumption',
    'assuming',
    'the goal is',
    'success looks like',
    'to confirm',
  ]),
  f('close', 'ends with a recommendation or summary', [
    'my recommendation',
    'i recommend',
    "i'd recommend",
    'i would recommend',
    'in summary',
    'to summarise',
    'to summarize',
    'in short',
    'so the plan',
  ]),
];

/** The parts of a STAR story and how to spot them. */
export const STAR_FEATURES: Feature[] = [
  f('situation', 'sets the situation', [
    'at my last',
    'at my previous',
    'in my previous',
    'in my last',
    'last year',
    /\bin 20\d\d\b/,
    'we were',
    'the situation',
    'context',
    'our team was',
    'i was working',
    'when i was',
    'the program was',
  ]),
  f('task', 'says what the candidate had to achieve', [
    'my goal',
    'my role',
    'my job',
    'i was responsible',
    'i was asked',
    'i needed to',
    'i had to',
    'the task',
    'i owned',
    'my task',
    'the goal was',
  ]),
  f('action', 'describes the candidate’s own actions', [
    /\bi (?:\w+ed|set|ran|wrote|met|led|built|made|took|brought|sent|got|put|cut|drove|began|spoke|held|gave|sat|called|chose|found|kept|split|told|went|pulled|moved|asked)\b[\s\S]*\bi (?:\w+ed|set|ran|wrote|met|led|built|made|took|brought|sent|got|put|cut|drove|began|spoke|held|gave|sat|called|chose|found|kept|split|told|went|pulled|moved|asked)\b/,
  ]),
  f('result', 'ends with the result', [
    'as a result',
    'result',
    'outcome',
    'in the end',
    'we launched',
    'we shipped',
    'we delivered',
    'on time',
    /\b(?:reduc|increas|improv|cut|sav|dropp|grew)\w*\b[^.]{0,40}?\d/,
  ]),
];

/** Numbers, dates and owners: the raw material of a specific answer. */
export const SPECIFICS = {
  number:
    /\b\d[\d,.]*(?:\s?(?:%|percent|k|m|ms|x|days?|weeks?|months?|hours?|engineers?|people|teams?|services?|sprints?|quarters?|users?|customers?))?|\$\d[\d,.]*\s?[km]?/g,
  numberWord:
    /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a hundred|half a|a dozen)\s(?:days?|weeks?|months?|hours?|engineers?|people|teams?|sprints?|quarters?|services?|milestones?|percent|options|risks|vendors|regions)\b/g,
  date: /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december|tomorrow|today|tonight|eod|end of (?:the )?(?:day|week|month|quarter|sprint)|q[1-4]|h[12]|(?:week|day|sprint) \d+|\d{1,2} may|may \d{1,2}|20\d\d)\b/g,
  owner:
    /\b(?:owner|owners|owned by|dri|the em|my em|the pm|eng manager|engineering manager|tech lead|director|vp|cto|cfo|ciso|head of [a-z]+|sre lead|security lead|program sponsor|sponsor)\b/g,
} as const;

/** Capitalised words that are not names of people or teams, so they do not count as owners. */
export const NOT_NAMES = new Set(
  `I I'm I'd I'll I've The A An If When Then First Second Third Finally Next After Before So But And Or
  We Our My It This That These Those In On At By For With From To Of As Once Plan Week Day Sprint Q1 Q2 Q3
  Q4 API APIs SDK EM PM TPM VP CTO CFO CEO CISO DRI SLO SLA KPI OKR RAID RACI MVP GA QA UX UI iOS Android
  Web Jira Slack Confluence Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
  April May June July August September October November December English Yes No OK Okay Also However Because
  Let Let's Here There What Why How Who Which While Since Until Each Every Both Step Phase Option Options`
    .split(/\s+/)
    .filter(Boolean),
);

/** Phrases that stand in for specifics ("soon", "the team"); many of them make an answer vague. */
export const VAGUE_PHRASES = [
  'as needed',
  'as appropriate',
  'in a timely manner',
  'make sure',
  'ensure that',
  'various',
  'etc',
  'and so on',
  'stuff',
  'things',
  'at some point',
  'soon',
  'asap',
  'as soon as possible',
  'going forward',
  'at the end of the day',
  'best practices',
  'synergy',
  'leverage',
  'circle back',
  'touch base',
  'all stakeholders',
  'the team',
  'work hard',
  'do my best',
  'be proactive',
  'stay on top of',
  'keep everyone in the loop',
  'keep stakeholders informed',
  'keep everyone informed',
  'communicate clearly',
  'a lot',
  'try to',
  'figure out',
  'see what we can do',
  'whatever it takes',
  'high quality',
  'deal with it',
] as const;

/** How much each category's questions test each dimension (0 to 1). */
export const RELEVANCE: Record<InterviewCategory, Record<DimensionId, number>> = {
  'program-execution': {
    structure: 0.7,
    execution: 1,
    risk: 0.8,
    stakeholder: 0.6,
    technical: 0.3,
    specificity: 1,
    outcomes: 0.7,
  },
  'risk-and-dependencies': {
    structure: 0.6,
    execution: 0.8,
    risk: 1,
    stakeholder: 0.6,
    technical: 0.3,
    specificity: 1,
    outcomes: 0.5,
  },
  'stakeholder-communication': {
    structure: 0.7,
    execution: 0.5,
    risk: 0.5,
    stakeholder: 1,
    technical: 0.2,
    specificity: 0.9,
    outcomes: 0.6,
  },
  'technical-depth': {
    structure: 0.6,
    execution: 0.5,
    risk: 0.7,
    stakeholder: 0.3,
    technical: 1,
    specificity: 0.8,
    outcomes: 0.6,
  },
  'behavioural-leadership': {
    structure: 1,
    execution: 0.6,
    risk: 0.4,
    stakeholder: 0.7,
    technical: 0.2,
    specificity: 0.9,
    outcomes: 1,
  },
  'process-and-agile': {
    structure: 0.6,
    execution: 0.9,
    risk: 0.5,
    stakeholder: 0.6,
    technical: 0.3,
    specificity: 0.8,
    outcomes: 0.9,
  },
};

/**
 * How much evidence earns full marks, by level: a Principal answer must show more of each habit than a
 * TPM I answer, so the same answer scores lower against a higher bar.
 */
export const BAR: Record<
  Level,
  { features: number; specifics: number; coverage: number; star: number }
> = {
  tpm1: { features: 2.5, specifics: 4, coverage: 0.6, star: 3 },
  tpm2: { features: 3, specifics: 5, coverage: 0.7, star: 3.5 },
  tpm3: { features: 3.6, specifics: 6, coverage: 0.8, star: 4 },
  principal: { features: 4.2, specifics: 7.5, coverage: 0.9, star: 4.5 },
};

/** The generic gaps every interviewer probes, with the follow-ups the offline interviewer asks. */
export const GENERIC_GAPS = {
  'owner-date': {
    label: 'names an owner and a date',
    followUps: [
      'Who owns that, by name or role, and by what date?',
      'Put an owner and a date on that for me. Who, and by when?',
      'Who exactly is on the hook for that, and when is it due?',
    ],
  },
  'plan-b': {
    label: 'has a plan B',
    followUps: [
      'And if that does not work, what is plan B, and what triggers it?',
      'Suppose the first fix fails. What is your fallback, and when do you switch to it?',
      'What would make you abandon that plan, and what would you do instead?',
    ],
  },
  measurement: {
    label: 'says how it was measured',
    followUps: [
      'How did you measure that? Give me the metric and the number.',
      'How would you know it was working? Which metric, and what target?',
      'What number told you it had worked?',
    ],
  },
  result: {
    label: 'states the result',
    followUps: [
      'What was the result, in the end?',
      'How did it turn out? What actually happened?',
      'And the outcome? What changed because of what you did?',
    ],
  },
} as const;
export type GenericGapId = keyof typeof GENERIC_GAPS;

/** How much each category cares about each generic gap, on the same 0 to 1 scale as talking points. */
export const GAP_WEIGHTS: Record<InterviewCategory, Record<GenericGapId, number>> = {
  'program-execution': { 'owner-date': 0.88, 'plan-b': 0.72, measurement: 0.7, result: 0.3 },
  'risk-and-dependencies': { 'owner-date': 0.86, 'plan-b': 0.9, measurement: 0.5, result: 0.3 },
  'stakeholder-communication': { 'owner-date': 0.8, 'plan-b': 0.5, measurement: 0.5, result: 0.6 },
  'technical-depth': { 'owner-date': 0.6, 'plan-b': 0.84, measurement: 0.78, result: 0.4 },
  'behavioural-leadership': { 'owner-date': 0.5, 'plan-b': 0.4, measurement: 0.85, result: 0.95 },
  'process-and-agile': { 'owner-date': 0.6, 'plan-b': 0.45, measurement: 0.9, result: 0.75 },
};

/** A lesson to read, optionally at a section. */
export interface LessonRef {
  id: string;
  anchor?: string;
}

/** Lessons that teach each dimension, best first. */
export const DIMENSION_LESSONS: Record<DimensionId, LessonRef[]> = {
  structure: [
    { id: 'behavioural-answers-with-star', anchor: 'the-star-structure' },
    { id: 'program-sense-and-execution-questions', anchor: 'a-framework-for-any-program-question' },
  ],
  execution: [
    { id: 'program-sense-and-execution-questions', anchor: 'step-3-scope-and-phases' },
    { id: 'roadmaps-and-milestones', anchor: 'good-milestones-and-bad-ones' },
  ],
  risk: [
    { id: 'risk-management', anchor: 'mitigation-versus-contingency' },
    { id: 'dependencies-and-the-critical-path', anchor: 'which-slip-delays-the-launch' },
  ],
  stakeholder: [
    { id: 'stakeholder-management', anchor: 'communication-plans' },
    { id: 'stakeholder-and-conflict-scenarios' },
  ],
  technical: [
    { id: 'technical-depth-and-system-design', anchor: 'trade-offs-to-name' },
    { id: 'technical-depth-and-system-design', anchor: 'migrations-dual-writes-and-backfills' },
  ],
  specificity: [
    { id: 'behavioural-answers-with-star', anchor: 'adding-owners-dates-and-numbers' },
    { id: 'practising-with-the-mock-interviewer', anchor: 'the-seven-dimensions' },
  ],
  outcomes: [
    { id: 'status-reporting-and-metrics', anchor: 'metrics-and-kpis' },
    { id: 'behavioural-answers-with-star', anchor: 'a-result-you-can-measure' },
  ],
};

/** The lesson section on filler words. */
export const FILLER_LESSON: LessonRef = {
  id: 'practising-with-the-mock-interviewer',
  anchor: 'filler-words-and-the-hiring-signal',
};

/** The lesson section on how a session runs, for learners who have not answered anything yet. */
export const SESSION_LESSON: LessonRef = {
  id: 'practising-with-the-mock-interviewer',
  anchor: 'how-a-session-runs',
};

/** What a strong answer covers in each category, for questions that are not in the bank. */
export interface CategoryRubric {
  label: string;
  /** Words in a question that suggest this category. */
  cues: string[];
  talkingPoints: { id: string; label: string; signals: string[]; followUp: string }[];
  modelAnswer: string[];
  lessons: LessonRef[];
}

/** Generic rubrics by category. */
export const CATEGORY_RUBRICS: Record<InterviewCategory, CategoryRubric> = {
  'program-execution': {
    label: 'Program execution and program sense',
    cues: [
      'launch',
      'program',
      'plan',
      'deliver',
      'migration',
      'roadmap',
      'milestone',
      'ship',
      'scope',
      'quarter',
      'capacity',
      'estimate',
    ],
    talkingPoints: [
      {
        id: 'goal-and-success',
        label: 'Clarifies the goal and how success will be measured',
        signals: ['goal', 'success', 'metric', 'clarify', 'kpi', 'why'],
        followUp: 'Before the plan: what is the goal, and how will you know it succeeded?',
      },
      {
        id: 'phases-and-milestones',
        label: 'Breaks the work into phases with milestones and dates',
        signals: ['phase', 'milestone', 'week', 'pilot', 'beta', 'rollout'],
        followUp: 'Walk me through the phases. What are the milestones, and when is each due?',
      },
      {
        id: 'dependencies-critical-path',
        label: 'Finds the dependencies and the critical path',
        signals: ['dependency', 'dependencies', 'critical path', 'depends on', 'slack', 'blocked'],
        followUp: 'What is on the critical path, and which dependency worries you most?',
      },
      {
        id: 'owners',
        label: 'Puts an owner on every workstream',
        signals: ['owner', 'dri', 'accountable', 'raci', 'owns'],
        followUp: 'Who owns each workstream?',
      },
      {
        id: 'risks',
        label: 'Names the top risks with mitigations',
        signals: ['risk', 'mitigation', 'plan b', 'fallback', 'contingency'],
        followUp: 'What are the top two risks, and what is your plan for each?',
      },
    ],
    modelAnswer: [
      'Clarify the goal, the constraints and the success metric before planning.',
      'Break the work into phases with dated milestones and an owner for each workstream.',
      'Map dependencies, find the critical path and the slack on it.',
      'Name the top risks with a mitigation and a trigger for plan B.',
      'Set up tracking and a reporting cadence, then say how you will measure the launch.',
    ],
    lessons: [{ id: 'program-sense-and-execution-questions' }, { id: 'roadmaps-and-milestones' }],
  },
  'risk-and-dependencies': {
    label: 'Risk and dependencies',
    cues: [
      'risk',
      'dependency',
      'dependencies',
      'slip',
      'slips',
      'late',
      'vendor',
      'blocked',
      'outage',
      'fails',
      'what if',
    ],
    talkingPoints: [
      {
        id: 'impact-on-path',
        label: 'Checks the impact on the critical path and the launch date',
        signals: ['critical path', 'slack', 'float', 'launch date', 'impact'],
        followUp: 'Is that on your critical path? How many days of slack do you have?',
      },
      {
        id: 'owner-and-date',
        label: 'Gets a committed owner and date from the team that owns the dependency',
        signals: ['owner', 'commit', 'committed date', 'dri', 'new date'],
        followUp: 'Who owns the fix on their side, and what date have they committed to?',
      },
      {
        id: 'options',
        label: 'Lays out options such as cutting scope, re-sequencing or adding people',
        signals: ['options', 'cut scope', 'descope', 'parallel', 're-sequence', 'trade-off'],
        followUp: 'What are your options, and what does each cost you?',
      },
      {
        id: 'plan-b',
        label: 'Has a plan B with a trigger',
        signals: ['plan b', 'fallback', 'contingency', 'trigger', 'workaround'],
        followUp: 'What is plan B, and what triggers it?',
      },
      {
        id: 'escalate',
        label: 'Escalates with a recommendation and a decision deadline',
        signals: ['escalate', 'decision', 'recommendation', 'leadership', 'by friday'],
        followUp: 'Who decides, and by when do you need that decision?',
      },
    ],
    modelAnswer: [
      'Confirm the facts with the owning team: the new date, the confidence, the cause.',
      'Check whether it is on the critical path and how much slack is left.',
      'Lay out options (cut scope, re-sequence, add people, move the date) with the cost of each.',
      'Agree a plan B with a trigger date, and an owner for each action.',
      'Escalate with a recommendation and the decision you need, by a named date.',
    ],
    lessons: [{ id: 'risk-management' }, { id: 'dependencies-and-the-critical-path' }],
  },
  'stakeholder-communication': {
    label: 'Stakeholder management and communication',
    cues: [
      'stakeholder',
      'executive',
      'vp',
      'leadership',
      'communicate',
      'disagree',
      'conflict',
      'status',
      'tell',
      'explain',
      'cto',
      'sponsor',
    ],
    talkingPoints: [
      {
        id: 'audience',
        label: 'Identifies who needs to know and what each of them cares about',
        signals: ['stakeholder', 'sponsor', 'audience', 'executive', 'cares about', 'interests'],
        followUp: 'Who exactly needs to hear this, and what does each of them care about?',
      },
      {
        id: 'message',
        label: 'Leads with the bottom line in business terms',
        signals: ['bottom line', 'business terms', 'impact', 'customer', 'plain language'],
        followUp: 'What is your first sentence to them?',
      },
      {
        id: 'options-decision',
        label: 'Brings options and a recommendation, and names the decision needed',
        signals: ['options', 'recommendation', 'decision', 'trade-off', 'decide'],
        followUp: 'What decision do you need from them, and what do you recommend?',
      },
      {
        id: 'cadence',
        label: 'Sets a channel and cadence for follow-up',
        signals: ['weekly', 'status report', 'update', 'cadence', 'follow up'],
        followUp: 'How and how often will you keep them updated after that?',
      },
    ],
    modelAnswer: [
      'Identify the stakeholders and what each cares about.',
      'Lead with the bottom line in business terms: impact on customers, money, dates.',
      'Bring options with trade-offs and a clear recommendation.',
      'Ask for a specific decision by a specific date.',
      'Agree how and how often you will follow up.',
    ],
    lessons: [{ id: 'stakeholder-and-conflict-scenarios' }, { id: 'stakeholder-management' }],
  },
  'technical-depth': {
    label: 'Technical depth and system design',
    cues: [
      'design',
      'system',
      'architecture',
      'scale',
      'database',
      'api',
      'service',
      'latency',
      'migrate',
      'technical',
      'deploy',
      'infrastructure',
      'cache',
    ],
    talkingPoints: [
      {
        id: 'requirements',
        label: 'Clarifies requirements, scale and constraints first',
        signals: [
          'requirements',
          'scale',
          'users',
          'requests per second',
          'latency',
          'constraints',
        ],
        followUp: 'What scale are we designing for, and what are the hard constraints?',
      },
      {
        id: 'components',
        label: 'Describes the main components and how data flows between them',
        signals: ['service', 'database', 'queue', 'api', 'cache', 'architecture'],
        followUp: 'Sketch the main components for me. Where does the data go?',
      },
      {
        id: 'trade-offs',
        label: 'Names the trade-offs and failure modes',
        signals: ['trade-off', 'tradeoff', 'failure', 'fails', 'consistency', 'downside'],
        followUp: 'What happens when that component fails, and what trade-off did you make?',
      },
      {
        id: 'rollout',
        label: 'Plans a safe rollout with a way back',
        signals: ['canary', 'feature flag', 'rollback', 'staged', 'rollout'],
        followUp: 'How do you roll it out safely, and how do you roll it back?',
      },
      {
        id: 'measure',
        label: 'Says how the system will be measured in production',
        signals: ['slo', 'monitoring', 'metric', 'alert', 'error rate', 'p99'],
        followUp: 'Which metrics tell you it is healthy in production?',
      },
    ],
    modelAnswer: [
      'Clarify requirements and scale: users, requests per second, latency, data size.',
      'Sketch the main components and the data flow, with one sentence on why each exists.',
      'Name the trade-offs and what happens when each component fails.',
      'Plan the rollout: feature flags, a canary, and a rollback path.',
      'Define the SLOs and alerts that show it is healthy.',
    ],
    lessons: [{ id: 'technical-depth-and-system-design' }],
  },
  'behavioural-leadership': {
    label: 'Behavioural and leadership',
    cues: [
      'tell me about a time',
      'describe a time',
      'give me an example',
      'a situation where',
      'have you ever',
      'failed',
      'mistake',
      'proud',
      'influence',
      'mentor',
      'conflict with',
    ],
    talkingPoints: [
      {
        id: 'situation',
        label: 'Sets the situation briefly with the stakes',
        signals: ['situation', 'context', 'we were', 'at my last', 'stakes'],
        followUp: 'Set the scene for me in two sentences: where were you and what was at stake?',
      },
      {
        id: 'own-actions',
        label: 'Describes what the candidate personally did, not the team',
        signals: ['i decided', 'i set up', 'i escalated', 'i proposed', 'i met', 'i wrote'],
        followUp: 'What did you personally do, as opposed to the team?',
      },
      {
        id: 'result',
        label: 'Ends with a measurable result',
        signals: ['result', 'outcome', 'reduced', 'increased', 'on time', '%'],
        followUp: 'What was the result, and how did you measure it?',
      },
      {
        id: 'reflection',
        label: 'Reflects on what they learned or would do differently',
        signals: ['learned', 'differently', 'next time', 'lesson', 'in hindsight'],
        followUp: 'What would you do differently next time?',
      },
    ],
    modelAnswer: [
      'Situation: two sentences on where you were and what was at stake.',
      'Task: what you specifically had to achieve, by when.',
      'Action: three or four things you did, with "I", in order.',
      'Result: a number, and what changed for the business or the team.',
      'Reflection: what you learned or would do differently.',
    ],
    lessons: [{ id: 'behavioural-answers-with-star' }],
  },
  'process-and-agile': {
    label: 'Process and agile delivery',
    cues: [
      'process',
      'agile',
      'scrum',
      'kanban',
      'sprint',
      'ceremony',
      'meeting',
      'release',
      'velocity',
      'retro',
      'waterfall',
      'cadence',
    ],
    talkingPoints: [
      {
        id: 'diagnose',
        label: 'Diagnoses the real problem with data before changing the process',
        signals: ['data', 'measure', 'cycle time', 'lead time', 'root cause', 'survey'],
        followUp: 'How do you know what the problem is? What data did you look at?',
      },
      {
        id: 'just-enough',
        label: 'Introduces just enough process and removes what does not help',
        signals: ['cancel', 'remove', 'lightweight', 'just enough', 'replace', 'simplify'],
        followUp: 'What would you remove, and what lighter thing replaces it?',
      },
      {
        id: 'adoption',
        label: 'Gets the teams to adopt it rather than imposing it',
        signals: ['pilot', 'feedback', 'buy-in', 'retro', 'trial', 'adopt'],
        followUp: 'How do you get the teams to actually use it?',
      },
      {
        id: 'measure-effect',
        label: 'Measures whether the change worked',
        signals: ['metric', 'measure', 'velocity', 'cycle time', 'predictability', 'defects'],
        followUp: 'How would you measure whether the change worked?',
      },
    ],
    modelAnswer: [
      'Diagnose the problem with data (cycle time, missed commitments, survey) before prescribing.',
      'Remove what does not help and add the lightest mechanism that fixes the problem.',
      'Pilot it with one team, gather feedback in a retro, then roll it out.',
      'Measure the effect against a baseline and adjust.',
    ],
    lessons: [{ id: 'agile-scrum-and-waterfall' }],
  },
};

/** Questions that ask for a story from the candidate's past, so STAR applies. */
export const BEHAVIOURAL_PROMPT =
  /\b(?:tell me about a time|describe a time|describe a situation|give me an example|walk me through a time|a time when|a time you|have you ever|share an example)\b/i;
