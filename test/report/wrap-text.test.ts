import { describe, expect, it } from 'vitest';
import { wrapText } from '../../src/report/wrap-text.js';

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
