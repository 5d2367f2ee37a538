import { describe, expect, it } from 'vitest';
import { describeChange } from '../../src/report/describe-change.js';
import {
  formatCount,
  formatDuration,
  formatMoney,
  formatPercent,
  formatPercentWithInterval,
  formatRatio,
  formatSigned,
} from '../../src/report/format-numbers.js';

describe('number formats', () => {
  it('writes shares as percentages, with intervals in points', () => {
    expect(formatPercent(0.4123)).toBe('41.2%');
    expect(formatPercent(0.05, 0)).toBe('5%');
    expect(formatPercentWithInterval(0.412, [0.398, 0.426])).toBe('41.2% [39.8, 42.6]');
    expect(formatPercent(Number.NaN)).toBe('—');
  });

  it('keeps a third decimal of a ratio only when it carries information', () => {
    expect(formatRatio(0.602)).toBe('0.602');
    expect(formatRatio(0.46)).toBe('0.46');
    expect(formatRatio(1)).toBe('1.00');
  });

  it('signs log-scale quantities and never writes a negative zero', () => {
    expect(formatSigned(0.0123)).toBe('+0.012');
    expect(formatSigned(-0.01)).toBe('-0.010');
    expect(formatSigned(-0.0001)).toBe('0.000');
  });

  it('groups thousands and writes durations as people read them', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(999)).toBe('999');
    expect(formatDuration(4.2)).toBe('4s');
    expect(formatDuration(125)).toBe('2m 05s');
    expect(formatDuration(3720)).toBe('1h 02m');
  });
});

describe('formatMoney', () => {
  it('agrees with its inputs: 91 caseworkers × £45,000 + £1,000,000 is £5,095,000', () => {
    expect(formatMoney(91 * 45000 + 1_000_000)).toBe('£5,095,000');
  });

  it('rounds to four significant figures and never to pence', () => {
    expect(formatMoney(763636.4)).toBe('£763,600');
    expect(formatMoney(37879.2)).toBe('£37,880');
    expect(formatMoney(302.3)).toBe('£302');
    expect(formatMoney(Number.NaN)).toBe('—');
  });
});

describe('describeChange', () => {
  it('writes a ratio as the percentage change it means, with the right article', () => {
    expect(describeChange(0.633)).toBe('a 37% reduction');
    expect(describeChange(1.3)).toBe('a 30% increase');
    expect(describeChange(0.955)).toBe('a 4.5% reduction');
    expect(describeChange(0.82)).toBe('an 18% reduction');
    expect(describeChange(0.92)).toBe('an 8.0% reduction');
    expect(describeChange(1)).toBe('no change');
  });
});
