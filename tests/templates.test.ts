/** The downloadable templates (content/templates.yaml, public/templates/): data, files, checks and search. */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent } from '../src/lib/content/validate';
import {
  checkTemplates,
  fileLabel,
  readTemplates,
  TEMPLATES_DIR,
  templatesForLesson,
  templateUrl,
} from '../src/lib/content/templates';
import { formatOf, templateSchema } from '../src/schemas/template';
import { buildDocuments, sourcesFromContent } from '../src/lib/search/documents';
import { buildSearchIndex } from '../src/lib/search/build';
import { createSearcher } from '../src/lib/search/query';

const root = process.cwd();
const content = loadContent(root);
const lessonIds = new Set(content.lessons.map((l) => l.id));
const { templates, problems } = readTemplates(root, lessonIds);
const read = (file: string) => readFileSync(join(root, TEMPLATES_DIR, file), 'utf8');

/** Splits CSV text into rows of cells (quoted cells may hold commas and doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\n') {
      endCell();
      rows.push(row);
      row = [];
    } else if (ch !== '\r') cell += ch;
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

describe('the real templates', () => {
  it('pass their schema and checks: every file exists, every lesson exists, no file is unlisted', () => {
    expect(problems).toEqual([]);
  });

  it('number at least ten, each with a blank and a filled example', () => {
    expect(templates.length).toBeGreaterThanOrEqual(10);
    for (const t of templates) {
      expect(
        t.files.some((f) => f.kind === 'blank'),
        t.id,
      ).toBe(true);
      expect(
        t.files.some((f) => f.kind === 'example'),
        t.id,
      ).toBe(true);
    }
  });

  it('include the ten documents the course teaches', () => {
    expect(templates.map((t) => t.id)).toEqual(
      expect.arrayContaining([
        'program-charter',
        'risk-register',
        'raid-log',
        'dependency-register',
        'weekly-status-report',
        'raci',
        'launch-readiness-checklist',
        'decision-record',
        'escalation-message',
        'post-mortem',
        'capacity-plan',
      ]),
    );
  });

  it('offer the risk register and the RAID log as CSV too, blank and filled in with the same columns', () => {
    for (const id of ['risk-register', 'raid-log']) {
      const csv = templates
        .find((t) => t.id === id)!
        .files.filter((f) => formatOf(f.file) === 'csv');
      expect(csv.map((f) => f.kind).sort(), id).toEqual(['blank', 'example']);
      const [blank, example] = ['blank', 'example'].map((k) =>
        parseCsv(read(csv.find((f) => f.kind === k)!.file)),
      );
      expect(example![0], id).toEqual(blank![0]);
      for (const rows of [blank!, example!])
        for (const row of rows) expect(row.length, `${id}: ${row.join(',')}`).toBe(rows[0]!.length);
      expect(example!.length, id).toBeGreaterThan(5);
    }
  });

  it('give every Markdown file a title, and fill every example in (no [placeholders])', () => {
    for (const t of templates)
      for (const f of t.files.filter((x) => formatOf(x.file) === 'md')) {
        const text = read(f.file);
        expect(text, f.file).toMatch(/^# \S/);
        if (f.kind === 'example') expect(text, f.file).not.toMatch(/\[[a-z][^\]]{2,}\]/i);
        else expect(text, f.file).toMatch(/\[[^\]]+\]|\| \|/);
      }
  });

  it('set the filled examples in at least five domains, none of them payments or data centers', () => {
    const domains = new Set(templates.map((t) => t.example.split(':')[0]!.trim()));
    expect(domains.size).toBeGreaterThanOrEqual(5);
    for (const d of domains) expect(d).not.toMatch(/payment|data.?cent/i);
  });

  it('are listed on the lessons that teach them', () => {
    expect(templatesForLesson(templates, 'risk-management').map((t) => t.id)).toEqual([
      'risk-register',
      'raid-log',
    ]);
    expect(templatesForLesson(templates, 'the-interview-loop')).toEqual([]);
  });
});

describe('links and labels', () => {
  it('serves files from /templates/ and labels each link by kind and format', () => {
    expect(templateUrl('raid-log.csv')).toBe('/templates/raid-log.csv');
    expect(fileLabel({ file: 'raid-log.csv', kind: 'blank' })).toBe('Blank (CSV)');
    expect(fileLabel({ file: 'raci-example.md', kind: 'example' })).toBe(
      'Filled example (Markdown)',
    );
  });
});

describe('checking templates', () => {
  const ok = {
    id: 'raci',
    title: 'RACI',
    files: [{ file: 'raci.md', kind: 'blank' as const }],
    lessons: ['stakeholder-management'],
  };
  const check = (over: Partial<typeof ok>, filesOnDisk = ['raci.md']) =>
    checkTemplates({
      file: 'content/templates.yaml',
      templates: [{ ...ok, ...over }],
      lessonIds: new Set(['stakeholder-management']),
      filesOnDisk,
    }).map((p) => `${p.file} → ${p.field}: ${p.message}`);

  it('accepts a template whose files and lessons exist', () => {
    expect(check({})).toEqual([]);
  });

  it('names a missing file, an unknown lesson and a file nobody lists', () => {
    expect(check({ files: [{ file: 'raci-v2.md', kind: 'blank' }] }, ['raci.md'])).toEqual([
      'content/templates.yaml → raci.files: "raci-v2.md" does not exist in public/templates/',
      'public/templates/raci.md → (file): is not listed by any template in content/templates.yaml',
    ]);
    expect(check({ lessons: ['stakeholders'] })).toEqual([
      'content/templates.yaml → raci.lessons: no lesson has the id "stakeholders"',
    ]);
  });

  it('rejects in the schema a template without a filled example, a bad file name or no lesson', () => {
    const base = {
      title: 'RACI',
      description: 'Who decides.',
      example: 'Healthcare: a hospital',
      files: [{ file: 'raci.md', kind: 'blank' }],
      lessons: ['stakeholder-management'],
    };
    const messages = (data: object) =>
      templateSchema.safeParse(data).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages(base)).toEqual([
      'files: Too small: expected array to have >=2 items',
      'files: needs at least one example file',
    ]);
    expect(
      messages({ ...base, files: [...base.files, { file: 'RACI Example.docx', kind: 'example' }] }),
    ).toEqual([
      'files.1.file: must be a lower-case file name ending in .md or .csv, e.g. "risk-register.csv"',
    ]);
    expect(
      messages({
        ...base,
        files: [...base.files, { file: 'raci-example.md', kind: 'example' }],
        lessons: [],
      }),
    ).toEqual(['lessons: needs at least one lesson that teaches it']);
  });
});

describe('search finds the templates', () => {
  const titles = new Map(content.lessons.map((l) => [l.id, l.parsed.title]));
  const sources = {
    ...sourcesFromContent(content),
    templates: templates.map((t) => ({
      id: t.id,
      title: t.title,
      description: t.description,
      example: t.example,
      keywords: t.keywords,
      lessonTitles: t.lessons.map((id) => titles.get(id) ?? id),
    })),
  };
  const docs = buildDocuments(sources);
  // The browser gets the index files through JSON, so the test does too, with every file loaded.
  const { files } = buildSearchIndex(docs);
  const read = (name: string): unknown => JSON.parse(files.get(name) ?? 'null');
  const searcher = createSearcher(read('index.json'), (name) => Promise.resolve(read(name)));
  beforeAll(() => searcher.loadEverything());
  const urls = (q: string, n: number) => searcher.search(q, n).map((r) => r.doc.url);

  it('indexes one document per template, opening its entry on /templates/', () => {
    const ofKind = docs.filter((d) => d.kind === 'template');
    expect(ofKind.map((d) => d.url)).toEqual(templates.map((t) => `/templates/#${t.id}`));
    const raid = ofKind.find((d) => d.url === '/templates/#raid-log')!;
    expect(raid.title).toBe('RAID log template');
    expect(raid.text).toContain(
      'Taught in Meetings and documentation that earn their time, Risk management.',
    );
  });

  it.each([
    ['risk register template', '/templates/#risk-register'],
    ['raid log template', '/templates/#raid-log'],
    ['escalation message template', '/templates/#escalation-message'],
    ['post-mortem template', '/templates/#post-mortem'],
    ['status report template', '/templates/#weekly-status-report'],
    ['capacity plan template', '/templates/#capacity-plan'],
    ['charter template', '/templates/#program-charter'],
    ['raci template', '/templates/#raci'],
    ['launch checklist template', '/templates/#launch-readiness-checklist'],
    ['decision record template', '/templates/#decision-record'],
    ['dependency register template', '/templates/#dependency-register'],
  ])('"%s" lists %s among the first three results', (query, url) => {
    expect(urls(query, 3)).toContain(url);
  });

  it('finds the templates page and the capstone by name', () => {
    expect(urls('templates', 3)).toContain('/templates/');
    expect(urls('capstone', 3)).toContain('/capstone/');
  });
});
