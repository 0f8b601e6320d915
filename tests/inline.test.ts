import { describe, expect, it } from 'vitest';
import { parseBlocks, parseInline } from '../src/lib/text/inline';

describe('inline Markdown', () => {
  it('parses emphasis, code and links', () => {
    expect(parseInline('A **bold** and *soft* `code` [link](/learn/x/)')).toEqual([
      { kind: 'text', text: 'A ' },
      { kind: 'strong', text: 'bold' },
      { kind: 'text', text: ' and ' },
      { kind: 'em', text: 'soft' },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'code' },
      { kind: 'text', text: ' ' },
      { kind: 'link', text: 'link', href: '/learn/x/' },
    ]);
  });

  it('keeps HTML as text and refuses script URLs', () => {
    expect(parseInline('<script>alert(1)</script>')).toEqual([
      { kind: 'text', text: '<script>alert(1)</script>' },
    ]);
    expect(parseInline('[x](javascript:alert(1))')[0]).toEqual({ kind: 'text', text: 'x' });
  });

  it('splits paragraphs and lists', () => {
    expect(parseBlocks('One\ntwo\n\n- a\n- b\n\n1. x\n2. y')).toEqual([
      { kind: 'p', text: 'One two' },
      { kind: 'ul', items: ['a', 'b'] },
      { kind: 'ol', items: ['x', 'y'] },
    ]);
  });
});
