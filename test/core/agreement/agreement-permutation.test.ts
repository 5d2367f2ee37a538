/**
 * The aggregated engine agrees in distribution with the per-person engine on a grid of designs
 * ({@link checkAgreement}: power, type I error, mean estimate within Monte Carlo error; KS tests
 * on the sampling distributions that do not reject at 0.001).
 * This file: randomisation inference from histograms, stratified by site, with a drawn effect.
 */
import { describe, test } from 'vitest';
import { checkAgreement, type AgreementCase } from './compare-engines.js';

const CASES: AgreementCase[] = [
  {
    name: 'permutation-stratified-by-site-drawn-effect',
    trials: 700,
    yaml: `
cohort: { propensity: { dispersion: 0.8 } }
outcomes:
  - { id: crime, kind: count, ratePerYear: 1.8, effect: { rateRatio: { from: 0.5, to: 0.9 } }, analysis: permutation, primary: true }
  - { id: any-crime, kind: binary, from: crime, analysis: permutation }
design: { followUpMonths: 12, size: { treated: 30, control: 50 }, randomisation: stratified, strata: [site], sites: { count: 3, rateCV: 0.25 } }
analysis: { permutations: 99 }
`,
  },
];

describe('the aggregated engine agrees with the per-person engine in distribution', () => {
  for (const testCase of CASES) {
    test(`${testCase.name}: power, type I error, mean estimate and sampling distributions`, () =>
      checkAgreement(testCase));
  }
});
