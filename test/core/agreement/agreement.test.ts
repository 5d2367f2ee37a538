/**
 * The aggregated engine agrees in distribution with the per-person engine on a grid of designs
 * ({@link checkAgreement}: power, type I error, mean estimate within Monte Carlo error; KS tests
 * on the sampling distributions that do not reject at 0.001).
 * This file: complete and simple randomisation of one group.
 */
import { describe, test } from 'vitest';
import { checkAgreement, type AgreementCase } from './compare-engines.js';

const CASES: AgreementCase[] = [
  {
    name: 'ref-like',
    trials: 1500,
    yaml: `
cohort: { propensity: { dispersion: 1.25 } }
outcomes:
  - { id: offences, kind: count, ratePerYear: 1.2, effect: { rateRatio: 0.8 }, analysis: quasi-poisson, primary: true }
  - { id: any, kind: binary, from: offences, analysis: two-proportion-z }
design: { followUpMonths: 12, size: { treated: 200, control: 200 }, randomisation: complete }
analysis: { multiplicity: none }
`,
  },
  {
    name: 'small-unequal-arms',
    trials: 2500,
    yaml: `
cohort: { propensity: { dispersion: 1.5 } }
outcomes:
  - { id: knife, kind: count, ratePerYear: 0.6, effect: { rateRatio: 0.6 }, analysis: negative-binomial, primary: true }
  - { id: knife-t, kind: count, ratePerYear: 0.6, effect: { rateRatio: 0.6 }, analysis: welch-t }
  - { id: any-knife, kind: binary, from: knife, analysis: fisher-exact }
design: { followUpMonths: 12, size: { treated: 45, control: 120 }, randomisation: complete, attrition: 0.05, engagement: 0.7 }
`,
  },
  {
    name: 'poisson-two-primaries',
    trials: 1500,
    yaml: `
outcomes:
  - { id: crime, kind: count, ratePerYear: 1.5, effect: { rateRatio: 0.75 }, analysis: poisson-wald, primary: true }
  - { id: knife, kind: count, ratePerYear: 0.4, effect: { rateRatio: 0.7 }, analysis: mann-whitney, primary: true }
design: { followUpMonths: 6, size: { treated: 80, control: 100 }, randomisation: complete }
analysis: { multiplicity: holm }
`,
  },
  {
    name: 'high-dispersion',
    trials: 2000,
    yaml: `
cohort: { propensity: { dispersion: 5 } }
outcomes:
  - { id: crime, kind: count, ratePerYear: 2.5, effect: { rateRatio: 0.7 }, analysis: negative-binomial, primary: true }
  - { id: any-crime, kind: binary, from: crime, analysis: risk-ratio }
design: { followUpMonths: 12, size: { treated: 100, control: 100 }, randomisation: simple }
`,
  },
];

describe('the aggregated engine agrees with the per-person engine in distribution', () => {
  for (const testCase of CASES) {
    test(`${testCase.name}: power, type I error, mean estimate and sampling distributions`, () =>
      checkAgreement(testCase));
  }
});
