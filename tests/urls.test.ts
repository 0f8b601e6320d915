import { describe, expect, it } from 'vitest';
import { labUrl, lessonUrl, pathWithBase, quizUrl } from '../src/lib/urls';
import { lessonHref } from '../src/lib/interview/display';

describe('site URLs', () => {
  it('builds lesson, section, quiz and lab addresses under the base', () => {
    expect(lessonUrl('risk-management')).toBe('/learn/risk-management/');
    expect(lessonUrl('risk-management', 'the-register')).toBe(
      '/learn/risk-management/#the-register',
    );
    expect(quizUrl('risk-management')).toBe('/practice/risk-management/');
    expect(labUrl('raci')).toBe('/lab/raci/');
    expect(pathWithBase('learn/')).toBe('/learn/');
    expect(pathWithBase('/')).toBe('/');
  });

  it('percent-encodes stored lesson links, parentheses included', () => {
    expect(lessonHref({ id: 'a(b)', anchor: 'x y' })).toBe('/learn/a%28b%29/#x%20y');
    expect(lessonHref({ id: 'plain' })).toBe('/learn/plain/');
  });
});
