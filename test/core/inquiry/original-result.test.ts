import { describe, expect, test } from 'vitest';
import { readOriginalResult, type ReportedResult } from '../../../src/core/inquiry/original-result.js';

function read(reported: ReportedResult, alpha?: number) {
  const reading = readOriginalResult(reported, alpha);
  if (!reading.ok) throw new Error(`unexpected problems: ${JSON.stringify(reading.problems)}`);
  return reading;
}

function fields(reported: unknown): string[] {
  const reading = readOriginalResult(reported as ReportedResult);
  return reading.ok ? [] : reading.problems.map((problem) => problem.field);
}

describe('readOriginalResult', () => {
  test('a 95% interval of the ratio gives the SE of its log', () => {
    // R: log(0.602) = -0.507497833673316; (log(0.95) - log(0.38))/(2*qnorm(0.975)) = 0.233751930928767
    const reading = read({ estimate: 0.602, ci: [0.38, 0.95] });
    expect(reading.original.logEstimate).toBeCloseTo(-0.507497833673316, 15);
    expect(reading.original.standardError).toBeCloseTo(0.233751930928767, 15);
    expect(reading.assumedJustSignificant).toBe(false);
  });

  test('a standard error is taken as the SE of the log ratio', () => {
    expect(read({ estimate: 0.9, se: 0.05 }).original).toEqual({ logEstimate: Math.log(0.9), standardError: 0.05 });
  });

  test('a two-sided p-value gives σ_o = |log estimate| / Φ⁻¹(1 − p/2)', () => {
    // R: abs(log(0.602))/qnorm(1 - 0.03/2) = 0.233860229470346
    expect(read({ estimate: 0.602, p: 0.03 }).original.standardError).toBeCloseTo(0.233860229470346, 15);
  });

  test("'significant' is read as just significant at α, and says so", () => {
    // R: abs(log(0.602))/qnorm(0.975) = 0.258932224100236; abs(log(1.3))/qnorm(1 - 0.1/2) = 0.159506147032517
    const reading = read({ estimate: 0.602, p: 'significant' });
    expect(reading.original.standardError).toBeCloseTo(0.258932224100236, 15);
    expect(reading.assumedJustSignificant).toBe(true);
    expect(read({ estimate: 1.3, p: 'significant' }, 0.1).original.standardError).toBeCloseTo(0.159506147032517, 15);
  });

  test('refuses an interval that does not contain the estimate, or is not 0 < lower < upper', () => {
    expect(fields({ estimate: 0.3, ci: [0.38, 0.95] })).toEqual(['ci']);
    expect(fields({ estimate: 0.6, ci: [0.95, 0.38] })).toEqual(['ci']);
    expect(fields({ estimate: 0.6, ci: [0, 0.9] })).toEqual(['ci']);
    expect(fields({ estimate: 0.6, ci: [0.4] })).toEqual(['ci']);
  });

  test('refuses a standard error ≤ 0 and a p-value of 0, 1 or outside (0, 1)', () => {
    expect(fields({ estimate: 0.6, se: 0 })).toEqual(['se']);
    expect(fields({ estimate: 0.6, se: -0.1 })).toEqual(['se']);
    for (const p of [0, 1, -0.2, 1.5, Number.NaN]) expect(fields({ estimate: 0.6, p })).toEqual(['p']);
  });

  test('refuses an estimate ≤ 0, and an estimate of exactly 1 with a p-value; lists every problem at once', () => {
    expect(fields({ estimate: 0, se: 0.1 })).toEqual(['estimate']);
    expect(fields({ estimate: -0.4, ci: [0.3, 0.9] })).toEqual(['estimate']);
    expect(fields({ estimate: 1, p: 0.04 })).toEqual(['estimate']);
    expect(fields({ estimate: -1, se: -1 })).toEqual(['estimate', 'se']);
  });

  test('each problem names the bad value and a fix', () => {
    const reading = readOriginalResult({ estimate: 0.3, ci: [0.38, 0.95] });
    expect(reading.ok).toBe(false);
    if (!reading.ok) {
      expect(reading.problems[0].value).toEqual([0.38, 0.95]);
      expect(reading.problems[0].message).toMatch(/does not contain the estimate 0.3/);
      expect(reading.problems[0].hint.length).toBeGreaterThan(10);
    }
  });
});
