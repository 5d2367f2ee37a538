import { describe, expect, it } from 'vitest';
import { axisLabelFormat } from '../../../src/report/svg/axis-label-format.js';

describe('axisLabelFormat', () => {
  it.each([
    [[0.7, 0.84, 0.95], ',.2f'],
    [[600, 1200, 2400], ',.0f'],
    [[0.5, 2.25, 3], ',.2f'],
    [[0.001, 0.0015], ',.4f'],
    [[1e-9, 1], ',.6f'],
  ])('gives %j the format %s', (values, format) => {
    expect(axisLabelFormat(values)).toBe(format);
  });
});
