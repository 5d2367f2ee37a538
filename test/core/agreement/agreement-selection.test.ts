/**
 * The aggregated engine agrees in distribution with the per-person engine on a grid of designs
 * ({@link checkAgreement}: power, type I error, mean estimate within Monte Carlo error; KS tests
 * on the sampling distributions that do not reject at 0.001).
 * This file: eligibility selection on a simulated prior window (regression to the mean), drawn as
 * the selected prior total and then follow-up given it.
 */
import { describe, test } from 'vitest';
import { checkAgreement, type AgreementCase } from './compare-engines.js';

const CASES: AgreementCase[] = [
  {
    name: 'milton-keynes-like-selection',
    trials: 1500,
    yaml: `
cohort:
  groups: [{ id: youth, share: 0.44 }, { id: adult, share: 0.56 }]
  propensity: { dispersion: 1.5 }
  selection:
    priorMonths: 24
    require:
      - { outcomes: [knife], atLeast: 1, withinMonths: 12 }
      - { outcomes: [knife, crime], atLeast: 2, withinMonths: 24 }
outcomes:
  - { id: crime, kind: count, ratePerYear: { youth: 2.2, adult: 1.8 }, effect: { rateRatio: 0.6 }, analysis: negative-binomial, primary: true }
  - { id: knife, kind: count, ratePerYear: 0.6, effect: { rateRatio: 0.6 }, analysis: quasi-poisson, primary: true }
  - { id: any-crime, kind: binary, from: crime, analysis: two-proportion-z }
design: { followUpMonths: 12, size: { treated: 45, control: 120 }, randomisation: stratified, engagement: 0.8 }
`,
  },
  {
    name: 'selection-with-sites-caseworkers-and-an-own-binary',
    trials: 1200,
    yaml: `
cohort:
  propensity: { dispersion: 1 }
  selection:
    priorMonths: 36
    require:
      - { outcomes: [crime], atLeast: 1, withinMonths: 6 }
      - { outcomes: [crime], atLeast: 3, withinMonths: 18 }
outcomes:
  - { id: crime, kind: count, ratePerYear: 1.5, effect: { rateRatio: 0.7 }, analysis: quasi-poisson, primary: true }
  - { id: victim, kind: count, ratePerYear: 0.4, effect: { rateRatio: 0.8 }, analysis: poisson-wald }
  - { id: reoffend, kind: binary, prevalence: 0.5, effect: { riskRatio: 0.8 }, analysis: risk-ratio, primary: true }
design: { followUpMonths: 12, size: { total: 160 }, randomisation: complete, sites: { count: 4, rateCV: 0.3 }, caseworkers: { caseload: 10, icc: 0.1 }, attrition: 0.05 }
`,
  },
];

describe('the aggregated engine agrees with the per-person engine in distribution', () => {
  for (const testCase of CASES) {
    test(`${testCase.name}: power, type I error, mean estimate and sampling distributions`, () =>
      checkAgreement(testCase));
  }
});
