/**
 * Group-sequential boundaries: median CPU milliseconds of one design's boundary computation (and of
 * its inflation factor, which repeats the exit probabilities in a root search), and the largest
 * absolute difference from rpact over the reference designs the tests use.
 *
 * Usage: npm run build && node dist/bench/group-sequential.js [--reps R]
 */
import { designGroupSequential } from '../src/core/analysis/group-sequential/design-group-sequential.js';
import { computeExitProbabilities } from '../src/core/analysis/group-sequential/exit-probabilities.js';
import { maximumInformationInflation } from '../src/core/analysis/group-sequential/maximum-information-inflation.js';
import type {
  SequentialDesignInput,
  SpendingFunction,
} from '../src/core/analysis/group-sequential/sequential-design.js';
import { rpactDesigns, rpactPower } from '../test/core/analysis/group-sequential/rpact-reference.js';
import { argument } from './measure.js';

const REPS = argument('reps', 7);

/** Median CPU milliseconds (user + system) of `body`, after one warm-up call. */
function cpuMilliseconds(body: () => void): number {
  body();
  const samples: number[] = [];
  for (let r = 0; r < REPS; r++) {
    const start = process.cpuUsage();
    body();
    const used = process.cpuUsage(start);
    samples.push((used.user + used.system) / 1000);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const equal = (looks: number): number[] => Array.from({ length: looks }, (_, k) => (k + 1) / looks);
const designs: [string, SequentialDesignInput][] = [
  [
    "classic O'Brien–Fleming, 3 looks, one-sided",
    { informationFractions: equal(3), alpha: 0.025, sides: 1, efficacy: { kind: 'classic', shape: 'obrien-fleming' } },
  ],
  [
    'classic Pocock, 5 looks, two-sided',
    { informationFractions: equal(5), alpha: 0.05, sides: 2, efficacy: { kind: 'classic', shape: 'pocock' } },
  ],
  [
    "O'Brien–Fleming spending, 5 looks, one-sided",
    {
      informationFractions: equal(5),
      alpha: 0.025,
      sides: 1,
      efficacy: { kind: 'spending', spending: { family: 'obrien-fleming' } },
    },
  ],
  [
    'HSD(−4) spending + β-spending futility, 5 looks, one-sided',
    {
      informationFractions: equal(5),
      alpha: 0.025,
      sides: 1,
      efficacy: { kind: 'spending', spending: { family: 'hwang-shih-decani', gamma: -4 } },
      futility: { beta: 0.2, spending: { family: 'hwang-shih-decani', gamma: -2 } },
    },
  ],
  [
    'Pocock spending + futility, 5 looks, two-sided',
    {
      informationFractions: equal(5),
      alpha: 0.05,
      sides: 2,
      efficacy: { kind: 'spending', spending: { family: 'pocock' } },
      futility: { beta: 0.2, spending: { family: 'pocock' } },
    },
  ],
  [
    "classic O'Brien–Fleming, 10 looks, one-sided",
    { informationFractions: equal(10), alpha: 0.025, sides: 1, efficacy: { kind: 'classic', shape: 'obrien-fleming' } },
  ],
];

process.stdout.write(`Group-sequential boundaries — median CPU ms of ${REPS}\n`);
for (const [label, input] of designs) {
  const boundaries = designGroupSequential(input);
  const design = cpuMilliseconds(() => designGroupSequential(input));
  const inflation = cpuMilliseconds(() => maximumInformationInflation(boundaries, 0.8));
  process.stdout.write(`  ${label}: boundaries ${design.toFixed(1)} ms, inflation factor ${inflation.toFixed(1)} ms\n`);
}

function spendingOf(type: string, gamma: number | null): SpendingFunction {
  if (type.endsWith('OF')) return { family: 'obrien-fleming' };
  if (type.endsWith('P')) return { family: 'pocock' };
  return { family: 'hwang-shih-decani', gamma: gamma! };
}

function inputOf(reference: (typeof rpactDesigns)[number]): SequentialDesignInput {
  const type = reference.typeOfDesign;
  return {
    informationFractions: reference.informationRates,
    alpha: reference.alpha,
    sides: reference.sided as 1 | 2,
    efficacy:
      type === 'OF' || type === 'P'
        ? { kind: 'classic', shape: type === 'OF' ? 'obrien-fleming' : 'pocock' }
        : { kind: 'spending', spending: spendingOf(type, reference.gammaA) },
    ...(reference.typeBetaSpending === null
      ? {}
      : { futility: { beta: reference.beta, spending: spendingOf(reference.typeBetaSpending, reference.gammaB) } }),
  };
}

const largest = { z: 0, probability: 0, drift: 0 };
const note = (key: keyof typeof largest, actual: number, expected: number | null): void => {
  largest[key] = Math.max(largest[key], Math.abs(actual - (expected ?? 0)));
};
for (const reference of rpactDesigns) {
  const design = designGroupSequential(inputOf(reference));
  design.efficacyZ.forEach((z, k) => note('z', z, reference.criticalValues[k]));
  reference.futilityBounds.forEach((a, k) => note('z', design.futility!.z[k], a));
  const inflation = maximumInformationInflation(design, 1 - reference.beta);
  note('drift', inflation.drift, Math.sqrt(reference.shift[0]));
  const exits = computeExitProbabilities(design, inflation.drift);
  exits.looks.forEach((look, k) => note('probability', look.efficacyUpper, reference.rejectionProbabilities[k]));
  exits.looks.slice(0, -1).forEach((look, k) => note('probability', look.futility, reference.futilityProbabilities[k]));
}
for (const reference of rpactPower) {
  const exits = computeExitProbabilities(
    designGroupSequential(inputOf(rpactDesigns[reference.design])),
    reference.drift,
  );
  exits.looks.forEach((look, k) =>
    note('probability', look.efficacyUpper + look.efficacyLower, reference.rejectPerStage[k]),
  );
  note('probability', exits.expectedInformationFraction, reference.averageSampleNumber[0] / reference.nMax);
}
process.stdout.write(
  `Largest |difference| from rpact over ${rpactDesigns.length} designs and ${rpactPower.length} power points: ` +
    `boundaries ${largest.z.toExponential(1)} (z), drift ${largest.drift.toExponential(1)}, ` +
    `probabilities ${largest.probability.toExponential(1)}\n`,
);
