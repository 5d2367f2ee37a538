/**
 * The aggregated engine agrees in distribution with the per-person engine on a grid of designs
 * ({@link checkAgreement}: power, type I error, mean estimate within Monte Carlo error; KS tests
 * on the sampling distributions that do not reject at 0.001).
 * This file: groups, sites, caseworkers, cluster and blocked stratified randomisation, own-prevalence
 * binaries.
 */
import { describe, test } from 'vitest';
import { checkAgreement, type AgreementCase } from './compare-engines.js';

const CASES: AgreementCase[] = [
  {
    name: 'sites-cluster-groups-within',
    trials: 1500,
    yaml: `
cohort:
  groups: [{ id: youth, share: 0.4 }, { id: adult, share: 0.6 }]
  propensity: { dispersion: 1 }
outcomes:
  - { id: crime, kind: count, ratePerYear: { youth: 2.2, adult: 1.6 }, effect: { rateRatio: 0.7, byGroup: { youth: { rateRatio: 0.5 } } }, analysis: quasi-poisson, primary: true }
  - { id: crime-youth, kind: count, ratePerYear: { youth: 2.2, adult: 1.6 }, effect: { rateRatio: 0.7, byGroup: { youth: { rateRatio: 0.5 } } }, analysis: quasi-poisson, within: youth }
design: { followUpMonths: 12, size: { total: 240 }, randomisation: cluster, sites: { count: 8, rateCV: 0.3 }, engagement: { youth: 0.9, adult: 0.6 }, attrition: 0.1 }
`,
  },
  {
    name: 'own-binary-stratified-blocks',
    trials: 2500,
    yaml: `
cohort:
  groups: [{ id: youth, share: 0.45 }, { id: adult, share: 0.55 }]
  propensity: { dispersion: 1 }
outcomes:
  - { id: reoffend, kind: binary, prevalence: { youth: 0.6, adult: 0.4 }, effect: { riskRatio: 1.3 }, analysis: two-proportion-z, primary: true }
  - { id: reoffend-adult, kind: binary, prevalence: { youth: 0.6, adult: 0.4 }, effect: { riskRatio: 0.7 }, analysis: risk-ratio, within: adult }
design: { followUpMonths: 12, size: { total: 150, treated: 60 }, randomisation: stratified, strata: [group], blockSize: 10, engagement: 0.8 }
`,
  },
  {
    name: 'caseworkers-over-sites-and-groups',
    trials: 1500,
    yaml: `
cohort:
  groups: [{ id: youth, share: 0.44 }, { id: adult, share: 0.56 }]
outcomes:
  - { id: crime, kind: count, ratePerYear: { youth: 2.2, adult: 1.8 }, effect: { rateRatio: 0.7 }, analysis: quasi-poisson, primary: true }
  - { id: reoffend, kind: binary, prevalence: 0.5, effect: { riskRatio: 0.8 }, analysis: two-proportion-z, primary: true }
design: { followUpMonths: 12, size: { treated: 70, control: 90 }, sites: { count: 2, rateCV: 0.2 }, caseworkers: { caseload: 9, icc: 0.15 }, engagement: 0.8 }
analysis: { multiplicity: holm }
`,
  },
];

describe('the aggregated engine agrees with the per-person engine in distribution', () => {
  for (const testCase of CASES) {
    test(`${testCase.name}: power, type I error, mean estimate and sampling distributions`, () =>
      checkAgreement(testCase));
  }
});
