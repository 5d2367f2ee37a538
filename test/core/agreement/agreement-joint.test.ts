/**
 * The aggregated engine agrees in distribution with the per-person engine on a grid of designs
 * ({@link checkAgreement}: power, type I error, mean estimate within Monte Carlo error; KS tests
 * on the sampling distributions that do not reject at 0.001).
 * This file: primary outcomes on different sources that share the propensity, drawn jointly — the
 * family-wise rates (any primary, all primary, error under the null) depend on their correlation.
 */
import { describe, test } from 'vitest';
import { checkAgreement, type AgreementCase } from './compare-engines.js';

const CASES: AgreementCase[] = [
  {
    name: 'two-counts-and-a-binary-sharing-the-propensity',
    trials: 2000,
    yaml: `
cohort:
  groups: [{ id: youth, share: 0.44 }, { id: adult, share: 0.56 }]
  propensity: { dispersion: 1.5 }
outcomes:
  - { id: crime, kind: count, ratePerYear: { youth: 2.2, adult: 1.8 }, effect: { rateRatio: 0.7 }, analysis: negative-binomial, primary: true }
  - { id: knife, kind: count, ratePerYear: 0.6, effect: { rateRatio: 0.6 }, analysis: quasi-poisson, primary: true }
  - { id: reoffend, kind: binary, prevalence: 0.5, effect: { riskRatio: 0.8 }, analysis: two-proportion-z, primary: true }
  - { id: any-knife, kind: binary, from: knife, analysis: fisher-exact }
design: { followUpMonths: 12, size: { treated: 90, control: 110 }, randomisation: stratified, engagement: 0.8, attrition: 0.05 }
analysis: { multiplicity: none }
`,
  },
  {
    name: 'joint-draw-with-sites-caseworkers-strata-and-a-drawn-effect',
    trials: 1500,
    yaml: `
cohort:
  groups: [{ id: youth, share: 0.44 }, { id: adult, share: 0.56 }]
  propensity: { dispersion: 1.2 }
outcomes:
  - { id: crime, kind: count, ratePerYear: { youth: 2.2, adult: 1.8 }, effect: { rateRatio: { from: 0.6, to: 0.9 } }, analysis: negative-binomial, primary: true }
  - { id: knife, kind: count, ratePerYear: 0.6, effect: { rateRatio: 0.6 }, analysis: quasi-poisson, primary: true }
  - { id: any-knife, kind: binary, from: knife, analysis: fisher-exact, within: youth }
design: { followUpMonths: 12, size: { treated: 50, control: 70 }, randomisation: stratified, strata: [group, site], sites: { count: 3, rateCV: 0.3 }, caseworkers: { caseload: 8, icc: 0.1 }, engagement: 0.8, attrition: 0.05 }
`,
  },
];

describe('the aggregated engine agrees with the per-person engine in distribution', () => {
  for (const testCase of CASES) {
    test(`${testCase.name}: power, type I error, mean estimate and sampling distributions`, () =>
      checkAgreement(testCase));
  }
});
