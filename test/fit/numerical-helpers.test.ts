/* eslint-disable no-loss-of-precision -- reference values are pasted with every digit mpmath or R printed */
/**
 * The fit's numerical helpers against published or independently computed values: digamma and
 * trigamma (mpmath), the chi-square quantile (R's qchisq), the exact binomial interval (R's
 * binom.test), the lognormal severity fit (R's t.test on the logs and the χ² interval for σ),
 * Brent-free root finding, Cholesky, and Gauss–Legendre nodes.
 */
import { describe, expect, test } from 'vitest';
import { normalQuantile } from '../../src/core/distributions/normal.js';
import { chiSquareQuantile } from '../../src/fit/chi-square-quantile.js';
import { invertPositiveDefinite } from '../../src/fit/cholesky.js';
import { shareEstimate } from '../../src/fit/clopper-pearson.js';
import { digamma, trigamma } from '../../src/fit/digamma.js';
import { boundaryLikelihoodRatioP } from '../../src/fit/fit-own-dispersion.js';
import { fitSeverity } from '../../src/fit/fit-severity.js';
import { gaussLegendreRule } from '../../src/core/numerics/gauss-legendre.js';

describe('digamma and trigamma', () => {
  // python3 -c "import mpmath as mp; mp.mp.dps=25; print(mp.digamma(x), mp.psi(1, x))"
  const reference: [number, number, number][] = [
    [0.05, -20.497844991299869257, 401.53235734211507489],
    [0.7, -1.2200235536979347406, 2.8340491566946109126],
    [3.3, 1.0348224890596216863, 0.35350154184106183225],
    [12.5, 2.4851956512749120482, 0.083285224601578370444],
    [150, 5.00729825707567927, 0.0066889382711659947299],
  ];
  test.each(reference)('at %f match mpmath to 1e-13 relative', (x, psi, psiPrime) => {
    expect(Math.abs(digamma(x) - psi)).toBeLessThan(1e-13 * Math.max(1, Math.abs(psi)));
    expect(Math.abs(trigamma(x) - psiPrime)).toBeLessThan(1e-13 * psiPrime);
  });
});

describe('chiSquareQuantile', () => {
  test('matches R qchisq', () => {
    // R: qchisq(0.95, 1) = 3.84145882069412; qchisq(0.025, 9) = 2.70038949998036
    expect(chiSquareQuantile(0.95, 1)).toBeCloseTo(3.84145882069412, 12);
    expect(chiSquareQuantile(0.025, 9)).toBeCloseTo(2.70038949998036, 12);
  });
});

describe('shareEstimate', () => {
  test('gives the Clopper–Pearson interval of R binom.test', () => {
    // R: binom.test(7, 20)$conf.int = 0.153909204784541 0.592188534532828
    const share = shareEstimate(7, 20);
    expect(share.value).toBe(0.35);
    expect(share.interval[0]).toBeCloseTo(0.153909204784541, 12);
    expect(share.interval[1]).toBeCloseTo(0.592188534532828, 12);
    expect(shareEstimate(0, 10).interval[0]).toBe(0);
    expect(shareEstimate(10, 10).interval[1]).toBe(1);
  });
});

describe('fitSeverity', () => {
  test('matches R: exp of the t interval of the mean log, and the χ² interval of the SD of logs', () => {
    // R: x <- c(12, 30.5, 7.25, 44, 18, 95, 3.5, 26); l <- log(x)
    //    exp(t.test(l)$conf.int) = 8.00870856291765 45.84213416122464; exp(mean(l)) = 19.16080093314
    //    exp(sd(l)) = 2.8389641867547; n <- 8
    //    exp(sd(l) * sqrt((n - 1) / qchisq(c(0.975, 0.025), n - 1))) = 1.99350633637966 8.36187604936889
    const fit = fitSeverity({
      from: 'crime',
      kind: 'events',
      values: Float64Array.of(12, 30.5, 7.25, 44, 18, 95, 3.5, 26),
    });
    expect(fit.median.value).toBeCloseTo(19.16080093314, 10);
    expect(fit.median.interval[0]).toBeCloseTo(8.00870856291765, 9);
    expect(fit.median.interval[1]).toBeCloseTo(45.84213416122464, 9);
    expect(fit.spread.value).toBeCloseTo(2.8389641867547, 10);
    expect(fit.spread.interval[0]).toBeCloseTo(1.99350633637966, 9);
    expect(fit.spread.interval[1]).toBeCloseTo(8.36187604936889, 9);
    expect(fit.tail.checked).toBe(false);
  });

  test('flags a tail heavier than lognormal and not a lognormal one', () => {
    // 2,000 severities whose logs are normal quantiles: no flag. The same with the top 2% of logs
    // doubled away from the mean: far more than 1% lie beyond the fitted 99th percentile.
    const n = 2000;
    const logs = Array.from({ length: n }, (_, i) => 3 + 0.7 * normalQuantile((i + 0.5) / n));
    const lognormal = fitSeverity({ from: 'x', kind: 'events', values: Float64Array.from(logs, Math.exp) });
    expect(lognormal.tail.heavier).toBe(false);
    const heavy = logs.map((value, i) => (i >= n * 0.98 ? 3 + 2 * (value - 3) : value));
    const fit = fitSeverity({ from: 'x', kind: 'events', values: Float64Array.from(heavy, Math.exp) });
    expect(fit.tail.heavier).toBe(true);
    expect(fit.tail.pValue).toBeLessThan(0.01);
  });
});

describe('boundaryLikelihoodRatioP', () => {
  test('halves the χ²₁ tail, and is 1 at a statistic of 0', () => {
    // R: qchisq(0.9, 1) = 2.705543454095404, so ½·P(χ²₁ > it) = 0.05
    expect(boundaryLikelihoodRatioP(2.705543454095404)).toBeCloseTo(0.05, 12);
    expect(boundaryLikelihoodRatioP(0)).toBe(1);
  });
});

describe('small linear algebra and roots', () => {
  test('invertPositiveDefinite inverts [4 2; 2 3] and refuses an indefinite matrix', () => {
    const inverse = invertPositiveDefinite([4, 2, 2, 3], 2)!;
    [0.375, -0.25, -0.25, 0.5].forEach((value, i) => expect(inverse[i]).toBeCloseTo(value, 15));
    expect(invertPositiveDefinite([1, 2, 2, 1], 2)).toBeNull();
  });

  test('Gauss–Legendre with 12 nodes integrates x^22 exactly', () => {
    const { nodes, weights } = gaussLegendreRule(12);
    let sum = 0;
    for (let i = 0; i < 12; i++) sum += weights[i] * nodes[i] ** 22;
    expect(sum).toBeCloseTo(2 / 23, 14);
  });
});
