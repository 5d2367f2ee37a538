import { describe, expect, it } from 'vitest';
import { wrapLines, wrapText } from '../../src/report/wrap-text.js';

describe('wrapText', () => {
  it('breaks at spaces within the width and indents continuation lines', () => {
    expect(wrapText('one two three', 7, '  ')).toEqual(['one two', '  three']);
    expect(wrapText('short', 80)).toEqual(['short']);
  });

  it('keeps a word longer than the width whole, on its own line', () => {
    expect(wrapText('a extraordinarily b', 5)).toEqual(['a', 'extraordinarily', 'b']);
  });

  it('measures characters, not bytes', () => {
    expect(wrapText('αβγ δεζ', 7)).toEqual(['αβγ δεζ']);
  });
});

describe('wrapText keeps numbers whole', () => {
  it('never splits an interval in square brackets (it was cut as "[45.5" / ", 51.5]")', () => {
    expect(wrapText('power 49.1% [45.5, 51.5] at 2,000 people', 18)).toEqual([
      'power 49.1%',
      '[45.5, 51.5] at',
      '2,000 people',
    ]);
  });

  it('keeps a step or product with the numbers on both sides', () => {
    expect(wrapText('knife 1.53 → 1.23 and 2 areas × 25.0 years', 12)).toEqual([
      'knife',
      '1.53 → 1.23',
      'and 2',
      'areas × 25.0',
      'years',
    ]);
  });
});

describe('wrapLines', () => {
  it('wraps each line on its own and keeps a list indented', () => {
    expect(wrapLines(['Head', '  a b c'], 5)).toEqual(['Head', '  a b', '    c']);
  });
});
