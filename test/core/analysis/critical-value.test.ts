import { describe, expect, test } from 'vitest';
import { normalCriticalValue, studentCriticalValue } from '../../../src/core/analysis/critical-value.js';

describe('critical values', () => {
  test('match R qnorm and qt whatever order they are asked in', () => {
    // R 4.2.2: qnorm(0.975) = 1.95996398454; qnorm(0.995) = 2.57582930355;
    // qt(0.975, 10) = 2.22813885199; qt(0.975, 6) = 2.44691185114; qt(0.95, 6) = 1.94318028052
    expect(normalCriticalValue(0.05)).toBeCloseTo(1.95996398454, 10);
    expect(normalCriticalValue(0.01)).toBeCloseTo(2.57582930355, 10);
    expect(normalCriticalValue(0.05)).toBeCloseTo(1.95996398454, 10);
    expect(studentCriticalValue(0.05, 10)).toBeCloseTo(2.22813885199, 10);
    expect(studentCriticalValue(0.05, 6)).toBeCloseTo(2.44691185114, 10);
    expect(studentCriticalValue(0.1, 6)).toBeCloseTo(1.94318028052, 10);
    expect(studentCriticalValue(0.05, 10)).toBeCloseTo(2.22813885199, 10);
  });
});
