// A hand-written run summary used by the report and ui tests: plausible values for the
// milton-keynes scenario, with one of each awkward case (a null type S, a within-group outcome,
// a label with a comma and quotes, failures, warnings).
import type { OutcomeDiagnosis, RunSummary } from '../../src/core/diagnosis/run-summary.js';

const knife: OutcomeDiagnosis = {
  outcome: 'knife',
  label: 'Knife offending as a suspect',
  kind: 'count',
  analysis: 'negative-binomial',
  primary: true,
  within: null,
  estimand: 0.62,
  power: 0.41,
  powerCI: [0.3964, 0.4237],
  mcse: 0.007,
  adjustedPower: 0.33,
  typeIError: 0.052,
  typeIErrorCI: [0.046, 0.059],
  typeIErrorAboveAlpha: false,
  bias: -0.0123,
  biasMcse: 0.004,
  rmse: 0.31,
  coverage: 0.948,
  coverageMcse: 0.003,
  typeS: 0.004,
  exaggeration: 1.6,
  meanEstimate: 0.61,
  failures: 3,
  nullFailures: 2,
  warnings: ['3 trials could not be analysed (no events in an arm)'],
  meanSignificantRatio: 0.47,
};

const crime: OutcomeDiagnosis = {
  ...knife,
  outcome: 'crime',
  label: 'Crime as a suspect, "recorded"',
  estimand: 0.46,
  power: 0.832,
  powerCI: [0.8213, 0.8422],
  adjustedPower: 0.79,
  typeIError: 0.049,
  bias: 0.0004,
  exaggeration: 1.21,
  typeS: 0,
  failures: 0,
  nullFailures: 0,
  warnings: [],
  meanSignificantRatio: 0.39,
};

const youthKnife: OutcomeDiagnosis = {
  ...knife,
  outcome: 'knife-youth',
  label: 'Knife offending, under-18s',
  analysis: 'mann-whitney',
  primary: false,
  within: 'youth',
  estimand: 0.41,
  power: 0.095,
  powerCI: [0.087, 0.104],
  typeS: null,
  exaggeration: null,
  failures: 0,
  warnings: [],
  meanSignificantRatio: null,
};

/** A complete run with three outcomes, a family-wise line and a run-wide warning. */
export const sampleSummary: RunSummary = {
  tool: { name: 'trialsim', version: '0.1.0' },
  command: 'run',
  scenario: {
    name: 'milton-keynes',
    title: 'Focused deterrence in Milton Keynes — replication planner',
    sha256: 'ab12cd',
  },
  seed: 2023,
  trials: 5000,
  complete: true,
  design: { treated: 45, control: 120, total: 165 },
  results: [crime, knife, youthKnife],
  familywise: { anyPrimary: 0.55, allPrimary: 0.3, errorUnderNull: 0.049, multiplicity: 'holm' },
  warnings: ['poisson-wald ignores overdispersion'],
  timing: { seconds: 1.2, trialsPerSecond: 4100, threads: 2 },
};
