// A hand-written compiled Design close to scenarios/milton-keynes.yaml (docs/scenario-language.md), for the
// Markdown report's assumptions section.
import type { Design } from '../../src/core/design.js';

export const sampleDesign: Design = {
  name: 'milton-keynes',
  title: 'Focused deterrence in Milton Keynes — replication planner',
  source: 'Thames Valley focused deterrence RCT summary (seed document)',
  groups: [
    { id: 'youth', label: 'Aged 11-17', share: 0.44 },
    { id: 'adult', label: 'Aged 18-25', share: 0.56 },
  ],
  propensityDispersion: 1.5,
  selection: {
    priorMonths: 24,
    require: [
      { outcomes: ['knife'], atLeast: 1, withinMonths: 12 },
      { outcomes: ['knife', 'crime'], atLeast: 2, withinMonths: 24 },
    ],
  },
  outcomes: [
    {
      id: 'crime',
      label: 'Crime as a suspect',
      kind: 'count',
      analysis: 'negative-binomial',
      primary: true,
      within: null,
      ratePerYear: { youth: 2.2, adult: 1.8 },
      dispersion: 0,
      rateRatio: { youth: 0.46, adult: 0.46 },
      effectDistribution: null,
    },
    {
      id: 'any-crime',
      label: 'Any crime',
      kind: 'binary',
      analysis: 'two-proportion-z',
      primary: false,
      within: null,
      prevalence: null,
      from: 'crime',
      riskRatio: { youth: 1, adult: 1 },
      effectDistribution: null,
    },
    {
      id: 'harm',
      label: 'Crime harm (CCHI days)',
      kind: 'harm',
      analysis: 'mann-whitney',
      primary: false,
      within: 'youth',
      from: 'crime',
      severity: { distribution: 'lognormal', median: 30, sdLog: Math.log(2) },
      severityRatio: { youth: 0.9, adult: 0.9 },
      effectDistribution: null,
    },
  ],
  plan: {
    followUpMonths: 12,
    size: { kind: 'fixed', treated: 45, control: 120 },
    randomisation: 'stratified',
    strata: ['group'],
    blockSize: 0,
    engagement: { youth: 0.9, adult: 0.6 },
    attrition: 0.03,
    caseworkers: { caseload: 22, icc: 0.02 },
    sites: null,
  },
  analysis: { alpha: 0.05, sides: 'two', multiplicity: 'holm', adjustForPrior: true, permutations: 999 },
  simulation: { trials: 5000, seed: 2023 },
};
