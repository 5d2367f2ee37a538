/**
 * Times the model and data strategy alone on the REF workload (2 × 1,000 people, NB counts with
 * propensity dispersion 1.25, mean 1.2, rate ratio 0.8, complete randomisation): the person
 * form's cohort, assignment and measurement per trial, plus the same with MK-like selection, caseworkers and
 * attrition. Prints microseconds per trial (median of repetitions).
 *
 * Usage: npm run build && node dist/bench/engine-model.js [--trials N] [--reps R]
 */
import { planAssignment } from '../src/core/assignment/assign.js';
import type { CountOutcome, Design } from '../src/core/design.js';
import { prepareModel } from '../src/core/model/model-constants.js';
import { PersonForm } from '../src/core/person-form.js';
import { trialStream } from '../src/core/rng/trial-stream.js';
import { argument } from './measure.js';

function count(id: string, rate: number, ratio: number): CountOutcome {
  return {
    id,
    label: id,
    kind: 'count',
    analysis: 'quasi-poisson',
    primary: true,
    within: null,
    ratePerYear: { all: rate },
    dispersion: 0,
    rateRatio: { all: ratio },
    effectDistribution: null,
  };
}

const ref: Design = {
  name: 'ref',
  title: 'REF',
  source: 'shared/bench/README.md',
  groups: [{ id: 'all', label: 'all', share: 1 }],
  propensityDispersion: 1.25,
  selection: null,
  outcomes: [count('y', 1.2, 0.8)],
  plan: {
    followUpMonths: 12,
    size: { kind: 'fixed', treated: 1000, control: 1000 },
    randomisation: 'complete',
    strata: [],
    blockSize: 0,
    engagement: { all: 1 },
    attrition: 0,
    caseworkers: null,
    sites: null,
  },
  analysis: { alpha: 0.05, sides: 'two', multiplicity: 'none', adjustForPrior: false, permutations: 0 },
  simulation: { trials: 1, seed: 1 },
};

const selected: Design = {
  ...ref,
  name: 'selected',
  selection: {
    priorMonths: 24,
    require: [
      { outcomes: ['knife'], atLeast: 1, withinMonths: 12 },
      { outcomes: ['knife', 'y'], atLeast: 2, withinMonths: 24 },
    ],
  },
  outcomes: [count('y', 1.2, 0.8), count('knife', 0.6, 0.7)],
  plan: { ...ref.plan, attrition: 0.03, caseworkers: { caseload: 22, icc: 0.02 }, engagement: { all: 0.7 } },
};

function time(design: Design, trials: number, reps: number): number {
  const ratios = design.outcomes.map((o) => [(o as CountOutcome).rateRatio.all]);
  const model = prepareModel(design);
  const form = new PersonForm(design, model, planAssignment(design, model));
  const perTrial: number[] = [];
  for (let rep = 0; rep < reps; rep++) {
    const start = process.hrtime.bigint();
    for (let t = 0; t < trials; t++) {
      const rng = trialStream(rep, t);
      const cohort = form.drawCohort(rng);
      const treated = form.assign(cohort, rng);
      form.measure(cohort, treated, ratios, rng, true);
    }
    perTrial.push(Number(process.hrtime.bigint() - start) / 1000 / trials);
  }
  perTrial.sort((a, b) => a - b);
  return perTrial[Math.floor(perTrial.length / 2)];
}

const trials = argument('trials', 2000);
const reps = argument('reps', 5);
time(ref, 200, 1); // warm-up
console.log(`REF model (2000 people, 1 count): ${time(ref, trials, reps).toFixed(1)} µs/trial`);
console.log(
  `REF + selection, caseworkers, attrition (2000 people, 2 counts): ${time(selected, Math.ceil(trials / 4), reps).toFixed(1)} µs/trial`,
);
