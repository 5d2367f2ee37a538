/* eslint-disable no-loss-of-precision -- reference values are pasted with every digit mpmath or R printed */
/**
 * The likelihoods the fit maximises, against independent numerical integration (mpmath), and the
 * single-outcome fit against R's MASS::glm.nb on a fixed extract read by the real reader.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { logFactorial } from '../../src/core/distributions/log-gamma.js';
import { collectCountPatterns, type CountPatterns } from '../../src/fit/count-patterns.js';
import { fitSharedDispersion } from '../../src/fit/fit-shared-dispersion.js';
import { createLogScaleRule, integrateOnLogScale } from '../../src/fit/log-scale-quadrature.js';
import { negativeBinomialTotalLogLikelihood } from '../../src/fit/negative-binomial-totals.js';
import { ownDispersionLogLikelihood, parameterCount } from '../../src/fit/own-dispersion-likelihood.js';
import { parseExtractText } from '../../src/scenario/parse-extract.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/extracts/glm-nb.csv', import.meta.url));

// One person: outcome 1 has 3 prior and 1 follow-up events, outcome 2 has 0 and 2; rates 1.8 and
// 0.6 per year; 2 years at risk before, 0.75 after; shared α = 1.3; outcome 2's own α = 0.7.
const COUNTS = [
  [3, 1],
  [0, 2],
];
const RATES = [1.8, 0.6];
const YEARS = [2, 0.75];
// Σ over outcomes and windows of y·log t − log y!: the terms the fit leaves out.
const CONSTANT = COUNTS.flat().reduce((sum, y, i) => sum + y * Math.log(YEARS[i % 2]) - logFactorial(y), 0);

describe('the joint likelihood of one person', () => {
  test('shared propensity alone: the closed form matches mpmath integration to 1e-12', () => {
    // python3 (mpmath, dps 30): gpdf = gamma density with mean 1, variance α; pois = Poisson pmf;
    //   log(quad(lambda u: gpdf(u, 1.3) * Π_k,w pois(y_kw, u·λ_k·t_w), [0, …, 100]))
    //   = -7.6927645114710055065
    const total = 6;
    const rate = RATES[0] + RATES[1];
    const split = 4 * Math.log(RATES[0] / rate) + 2 * Math.log(RATES[1] / rate);
    const value = negativeBinomialTotalLogLikelihood(total, 2.75, rate, 1.3) + split + CONSTANT;
    expect(Math.abs(value - -7.6927645114710055065)).toBeLessThan(1e-12);
  });

  test('with own dispersion on outcome 2: the quadrature matches mpmath double integration to 1e-9', () => {
    // python3 (mpmath, dps 30): log(quad(lambda u: gpdf(u, 1.3)·Π_w pois(y_1w, u·1.8·t_w)
    //   · quad(lambda v: gpdf(v, 0.7)·Π_w pois(y_2w, u·v·0.6·t_w), [0, …, 100]), [0, …, 100]))
    //   = -8.0547930365927423586
    const patterns: CountPatterns = {
      blocks: 2,
      count: 1,
      group: Uint16Array.of(0),
      years: Float64Array.of(2.75),
      weight: Float64Array.of(1),
      totals: Float64Array.of(4, 2),
    };
    const layout = { groupCount: 1, ownCount: 1, hasBase: true };
    const parameters = Float64Array.of(Math.log(1.8), Math.log(0.6), Math.log(1.3), Math.log(0.7));
    const value = ownDispersionLogLikelihood(patterns, layout, parameters).value + CONSTANT;
    expect(Math.abs(value - -8.0547930365927423586)).toBeLessThan(1e-9);
  });

  test('without own dispersion the quadrature path equals the closed form', () => {
    const patterns: CountPatterns = {
      blocks: 1,
      count: 3,
      group: Uint16Array.of(0, 1, 1),
      years: Float64Array.of(1, 2, 3),
      weight: Float64Array.of(1, 1, 2),
      totals: Float64Array.of(0, 4, 11),
    };
    const parameters = Float64Array.of(Math.log(0.7), Math.log(1.9), Math.log(1.4));
    const quadrature = ownDispersionLogLikelihood(patterns, { groupCount: 2, ownCount: 0, hasBase: true }, parameters);
    const closed =
      negativeBinomialTotalLogLikelihood(0, 1, 0.7, 1.4) +
      negativeBinomialTotalLogLikelihood(4, 2, 1.9, 1.4) +
      2 * negativeBinomialTotalLogLikelihood(11, 3, 1.9, 1.4);
    expect(Math.abs(quadrature.value - closed)).toBeLessThan(1e-9);
  });

  test("the own-dispersion likelihood's gradient and Hessian agree with finite differences", () => {
    const patterns: CountPatterns = {
      blocks: 3,
      count: 5,
      group: Uint16Array.of(0, 0, 1, 1, 1),
      years: Float64Array.of(1.5, 2, 0.7, 3, 3),
      weight: Float64Array.of(1, 2, 1, 3, 1),
      totals: Float64Array.of(0, 1, 0, 3, 2, 5, 1, 0, 0, 7, 1, 2, 2, 0, 9),
    };
    const layout = { groupCount: 2, ownCount: 2, hasBase: true };
    const n = parameterCount(layout);
    const x = Float64Array.of(0.1, -0.5, 0.3, -0.2, 0.4, -1, Math.log(1.3), Math.log(0.4), Math.log(0.8));
    const at = ownDispersionLogLikelihood(patterns, layout, x);
    const step = 1e-5;
    for (let i = 0; i < n; i++) {
      const up = Float64Array.from(x);
      const down = Float64Array.from(x);
      up[i] += step;
      down[i] -= step;
      const above = ownDispersionLogLikelihood(patterns, layout, up);
      const below = ownDispersionLogLikelihood(patterns, layout, down);
      // Central differences are accurate to about step² ≈ 1e-10 times the third derivative.
      expect(Math.abs((above.value - below.value) / (2 * step) - at.gradient[i])).toBeLessThan(1e-6);
      for (let j = 0; j < n; j++)
        expect(Math.abs((above.gradient[j] - below.gradient[j]) / (2 * step) - at.hessian[i * n + j])).toBeLessThan(
          1e-6,
        );
    }
  });
});

describe('integrateOnLogScale', () => {
  // python3 (mpmath, dps 30–40): log(quad(lambda s: exp(c·s − r·eˢ − Σ q·log(b + eˢ·m)), breakpoints))
  const cases: [number, number, [number, number, number][], number][] = [
    [0.05, 0.3, [], 3.0290778412680275733], // = log Γ(0.05) − 0.05·log 0.3 exactly
    [0.2, 1.0, [[1.2, 1.0, 0.5]], 1.441324470763740502],
    [0.7, 2.5, [[3.4, 0.4, 2.0]], 1.4310660081399357032],
    [
      3.7,
      1.8,
      [
        [2.5, 0.5, 1.5],
        [1.25, 0.25, 0.8],
      ],
      -2.8441651662978053537,
    ],
    [25.0, 12.0, [[8.0, 2.0, 3.0]], -23.38551722060073894],
    [1e4 + 3, 1e4 + 2.2, [[1.5, 0.5, 0.7]], -10006.159829840660413],
    [0.3, 0.3, [[2.01, 0.01, 5.0]], 8.3896139799235103922],
    [12.5, 3.0, [[50.2, 0.2, 9.0]], 4.8201303887572765221],
  ];
  test.each(cases)('c = %f, r = %f matches mpmath to 1e-9', (c, r, terms, expected) => {
    const rule = integrateOnLogScale(
      {
        c,
        r,
        terms: terms.length,
        q: Float64Array.from(terms, (t) => t[0]),
        b: Float64Array.from(terms, (t) => t[1]),
        m: Float64Array.from(terms, (t) => t[2]),
      },
      createLogScaleRule(),
    );
    expect(Math.abs(rule.logIntegral - expected)).toBeLessThan(1e-9);
  });
});

describe('fitSharedDispersion against R', () => {
  test("recovers MASS::glm.nb's θ and coefficients on a fixed single-outcome extract to 1e-8", () => {
    // R 4 with MASS 7.3-58.2:
    //   d <- read.csv("test/fixtures/extracts/glm-nb.csv")
    //   d$group <- factor(d$group, levels = c("youth", "adult"))
    //   m <- glm.nb(knife_followup ~ 0 + group + offset(log(exposure_followup_days / 365.25)), data = d,
    //               control = glm.control(epsilon = 1e-12, maxit = 100))
    //   m$theta = 0.9687536345; coef(m) = 1.1563570353 -0.4198661465; m$twologlik / 2 = -68.4985151529
    const text = readFileSync(FIXTURE, 'utf8');
    const { extract } = parseExtractText(text, FIXTURE, {
      groupColumn: null,
      outcomes: null,
      priorMonths: null,
      followUpMonths: 12,
      harmFrom: null,
    });
    expect(extract.groups.map((group) => group.id)).toEqual(['youth', 'adult']);
    const fit = fitSharedDispersion(collectCountPatterns(extract), 2);
    expect(Math.abs(1 / fit.dispersion - 0.9687536345)).toBeLessThan(1e-8);
    expect(Math.abs(Math.log(fit.groupRates[0]) - 1.1563570353)).toBeLessThan(1e-8);
    expect(Math.abs(Math.log(fit.groupRates[1]) - -0.4198661465)).toBeLessThan(1e-8);
    // The log-likelihood leaves out Σ(y·log t − log y!), which R's includes.
    let constant = 0;
    for (let i = 0; i < extract.people; i++) {
      const y = extract.followUpCounts[0][i];
      constant += y * Math.log(extract.followUpYears[i]) - logFactorial(y);
    }
    expect(Math.abs(fit.logLikelihood + constant - -68.4985151529)).toBeLessThan(1e-8);
  });

  test('puts α at the Poisson boundary when counts are underdispersed, with the interval starting at 0', () => {
    const text = 'group,knife_followup\n' + Array.from({ length: 40 }, (_, i) => `a,${i % 2}`).join('\n');
    const { extract } = parseExtractText(text, 'x.csv', {
      groupColumn: null,
      outcomes: null,
      priorMonths: null,
      followUpMonths: 12,
      harmFrom: null,
    });
    const fit = fitSharedDispersion(collectCountPatterns(extract), 1);
    expect(fit.dispersion).toBe(0);
    expect(fit.dispersionInterval[0]).toBe(0);
    expect(fit.dispersionInterval[1]).toBeGreaterThan(0);
    expect(fit.groupRates[0]).toBeCloseTo(0.5, 14);
  });
});
