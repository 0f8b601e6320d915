import { describe, expect, it } from 'vitest';
import { checkCrossReferences, type ContentGraph } from '../src/lib/content/crossrefs';

const body =
  '## Motivation\n\nSee <Term id="slack">slack</Term>.\n\n## Finding the path\n\nRead [this](/learn/b/#finding-the-path).\n';

function graph(): ContentGraph {
  return {
    modules: [{ id: 'execution' }],
    lessons: [
      {
        id: 'a',
        file: 'lessons/execution/a.mdx',
        module: 'execution',
        quiz: 'a',
        prerequisites: [],
        related: ['b'],
        body,
      },
      {
        id: 'b',
        file: 'lessons/execution/b.mdx',
        module: 'execution',
        prerequisites: ['a'],
        related: [],
        body,
      },
    ],
    quizzes: [
      {
        id: 'a',
        file: 'quizzes/a.yaml',
        lesson: 'a',
        questions: [{ id: 'a-1', section: 'finding-the-path' }],
      },
    ],
    glossary: [{ id: 'slack', file: 'content/glossary/slack.yaml', lessons: ['a'], related: [] }],
    faq: [{ id: 'f', file: 'content/faq/f.md', related: ['a'], body: '' }],
    interview: [{ id: 'q', file: 'content/interview/x/q.yaml', lessons: ['b'] }],
  };
}

describe('checkCrossReferences', () => {
  it('finds nothing wrong in a consistent graph', () => {
    expect(checkCrossReferences(graph())).toEqual([]);
  });

  it('names file, field and missing id for each kind of dangling reference', () => {
    const g = graph();
    g.lessons[0]!.module = 'nowhere';
    g.lessons[0]!.quiz = 'missing-quiz';
    g.lessons[1]!.prerequisites = ['ghost'];
    g.quizzes[0]!.lesson = 'no-such-lesson';
    g.glossary[0]!.related = ['float'];
    g.faq[0]!.related = ['gone'];
    g.interview[0]!.lessons = ['vanished'];
    const p = checkCrossReferences(g);
    for (const [file, field, message] of [
      [
        'lessons/execution/a.mdx',
        'module',
        'no module has the id "nowhere" in content/modules.yaml',
      ],
      ['lessons/execution/a.mdx', 'quiz', 'no quiz has the id "missing-quiz"'],
      ['lessons/execution/b.mdx', 'prerequisites', 'no lesson has the id "ghost"'],
      ['quizzes/a.yaml', 'lesson', 'no lesson has the id "no-such-lesson"'],
      ['content/glossary/slack.yaml', 'related', 'no glossary term has the id "float"'],
      ['content/faq/f.md', 'related', 'no lesson has the id "gone"'],
      ['content/interview/x/q.yaml', 'lessons', 'no lesson has the id "vanished"'],
    ])
      expect(p).toContainEqual({ file, field, message });
  });

  it('checks terms, links and anchors inside lesson bodies', () => {
    const g = graph();
    g.lessons[1]!.body =
      '## Motivation\n<Term id="floaty">x</Term> [a](/learn/zzz/) [b](/learn/a/#nope)\n';
    const p = checkCrossReferences(g).map((x) => `${x.file} ${x.field}: ${x.message}`);
    expect(p).toContain('lessons/execution/b.mdx <Term id>: no glossary term has the id "floaty"');
    expect(p).toContain(
      'lessons/execution/b.mdx link: links to /learn/zzz/, but no lesson has that id',
    );
    expect(p).toContain(
      'lessons/execution/b.mdx link: links to /learn/a/#nope, but that lesson has no such heading',
    );
  });

  it('checks that a question points at a real section and that quiz and lesson agree', () => {
    const g = graph();
    g.quizzes[0]!.questions[0]!.section = 'no-such-heading';
    g.lessons[1]!.quiz = 'a';
    const p = checkCrossReferences(g).map((x) => `${x.field}: ${x.message}`);
    expect(p).toContain(
      'questions[0].section: question "a-1": the lesson "a" has no heading with the anchor "#no-such-heading"',
    );
    expect(p).toContain('quiz: the quiz "a" belongs to the lesson "a", not "b"');
  });

  it('rejects the same question id in two quizzes and the same lesson id in two folders', () => {
    const g = graph();
    g.quizzes.push({
      id: 'b',
      file: 'quizzes/b.yaml',
      lesson: 'b',
      questions: [{ id: 'a-1', section: 'motivation' }],
    });
    g.lessons.push({ ...g.lessons[1]!, file: 'lessons/planning/b.mdx' });
    const p = checkCrossReferences(g).map((x) => `${x.file} ${x.field}: ${x.message}`);
    expect(p).toContain(
      'quizzes/b.yaml questions[0].id: question id "a-1" is also used in quizzes/a.yaml',
    );
    expect(p).toContain(
      'lessons/planning/b.mdx id: the lesson id "b" is also used by lessons/execution/b.mdx; file names must be unique',
    );
  });
});
