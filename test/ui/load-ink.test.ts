import { afterEach, describe, expect, it } from 'vitest';
import { colorAllowed, inkOptions } from '../../src/ui/load-ink.js';

describe('colorAllowed', () => {
  const saved = process.env.NO_COLOR;
  afterEach(() => {
    if (saved === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = saved;
  });

  it('follows the caller, else NO_COLOR', () => {
    process.env.NO_COLOR = '1';
    expect(colorAllowed({})).toBe(false);
    expect(colorAllowed({ color: true })).toBe(true);
    delete process.env.NO_COLOR;
    expect(colorAllowed({})).toBe(true);
    process.env.NO_COLOR = '';
    expect(colorAllowed({})).toBe(true);
  });
});

describe('inkOptions', () => {
  it('leaves Ctrl-C to the command and the console alone', () => {
    expect(inkOptions({})).toEqual({ exitOnCtrlC: false, patchConsole: false });
  });
});
