/**
 * The aggregated engine agrees in distribution with the per-person engine on a grid of designs
 * ({@link checkAgreement}: power, type I error, mean estimate within Monte Carlo error; KS tests
 * on the sampling distributions that do not reject at 0.001).
 * This file: harm outcomes (lognormal severities drawn for people with events only) and the
 * cluster-level summary analysis (one mean per site).
 */
import { describe, test } from 'vitest';
import { checkAgreement, type AgreementCase } from './compare-engines.js';

const CASES: AgreementCase[] = [
  {
    name: 'harm-with-severity-effect-mann-whitney-and-welch-within',
    trials: 1500,
    yaml: `
cohort:
  groups: [{ id: youth, share: 0.44 }, { id: adult, share: 0.56 }]
  propensity: { dispersion: 1.5 }
outcomes:
  - { id: crime, kind: count, ratePerYear: { youth: 2.2, adult: 1.8 }, effect: { rateRatio: 0.7 }, analysis: negative-binomial, primary: true }
  - { id: harm, kind: harm, from: crime, severity: { distribution: lognormal, median: 30, spread: 2 }, effect: { severityRatio: 0.8 }, analysis: mann-whitney }
  - { id: harm-q, kind: harm, from: crime, severity: { distribution: lognormal, median: 30, spread: 2 }, effect: { severityRatio: 0.8 }, analysis: welch-t, within: youth }
design: { followUpMonths: 12, size: { treated: 60, control: 100 }, engagement: 0.7, attrition: 0.05 }
`,
  },
  {
    name: 'cluster-summary-on-counts-binaries-and-harm',
    trials: 1500,
    yaml: `
cohort: { propensity: { dispersion: 1 } }
outcomes:
  - { id: crime, kind: count, ratePerYear: 1.8, effect: { rateRatio: 0.7 }, analysis: cluster-summary, primary: true }
  - { id: any, kind: binary, from: crime, analysis: cluster-summary }
  - { id: harm, kind: harm, from: crime, severity: { distribution: lognormal, median: 30, spread: 2 }, analysis: cluster-summary }
design: { followUpMonths: 12, size: { total: 240 }, randomisation: cluster, sites: { count: 8, rateCV: 0.3 }, caseworkers: { caseload: 10, icc: 0.05 } }
`,
  },
];

describe('the aggregated engine agrees with the per-person engine in distribution', () => {
  for (const testCase of CASES) {
    test(`${testCase.name}: power, type I error, mean estimate and sampling distributions`, () =>
      checkAgreement(testCase));
  }
});
