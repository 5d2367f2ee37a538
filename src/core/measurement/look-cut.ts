/**
 * What an outcome's analysis sees at each interim look of a group-sequential design: the people
 * with complete follow-up by then. docs/sequential-and-stepped-wedge.md ("Interim looks in the
 * simulation") states the rule; this file draws it, in both forms, from the input of the final
 * analysis.
 */
import type { AnalysisInput } from '../analysis/analysis-input.js';
import { summariseArms, type ArmSummary, type OutcomeData } from '../analysis/outcome-data.js';
import { drawHypergeometric } from '../distributions/hypergeometric.js';
import { drawMultivariateHypergeometric } from '../distributions/multivariate-hypergeometric.js';
import type { Rng } from '../rng/rng.js';

/**
 * The number of people recruited with complete follow-up at each look: ⌈t_k·N⌉ of the N people
 * recruited (the last look, t = 1, is everyone).
 *
 * Formula in words: under uniform recruitment over R months and follow-up F, the people whose
 * follow-up is complete at month F + t·R are the first t·N recruited; rounding up keeps a look at
 * t from seeing less than t of the information. (A tiny tolerance stops 0.3·1000 = 300.00000000000006
 * from rounding up to 301.)
 * Reference: docs/sequential-and-stepped-wedge.md, "Looks and calendar time".
 *
 * @example peopleAtLooks([0.5, 0.75, 1], 165) → [83, 124, 165]
 */
export function peopleAtLooks(looks: readonly number[], cohortSize: number): number[] {
  return looks.map((t) => Math.min(cohortSize, Math.ceil(t * cohortSize - 1e-9)));
}

/**
 * The analysis inputs of every look, from the final analysis's input: entry K − 1 is `input`
 * itself, entry k the analysed people among the first `peopleAtLook[k]` of the `cohortSize`
 * recruited. Nested, as real looks are: everyone analysed at look k is analysed at look k + 1.
 *
 * Formula in words: people are recruited in an order independent of their arm and outcome, so
 * the first m_k of the m_{k+1} recruited by look k + 1 are a simple random sample of them. Walking
 * back from the end, the analysed treated people among them are Hypergeometric(a₁ analysed
 * treated, m_{k+1} − a₁ others, m_k drawn), the analysed controls Hypergeometric(a₀,
 * m_{k+1} − a₁ − a₀, m_k − x₁); which of them, uniformly at random: in the person form a
 * selection sample of the people in order (Knuth's algorithm S), in the cell form a multivariate
 * hypergeometric draw from each arm's counts-of-counts — the same law, since people with the same
 * value are interchangeable to every analysis that reads only sums and counts-of-counts. Unobserved
 * people (attrition) and people outside the outcome's `within` group are recruited and followed
 * but not analysed, which is why the cohort, not the analysed count, sets the draw.
 * Reference: Jennison & Turnbull (2000) §1.3 (group-sequential data as nested cumulative samples).
 *
 * @example cutAtLooks(input with 83 + 82 analysed of 165, 165, [83, 124, 165], rng) →
 *   three inputs, analysing about 41 + 41, 62 + 62 and 83 + 82 people
 * @throws RangeError when the input has neither people nor counts-of-counts to cut
 */
export function cutAtLooks(
  input: AnalysisInput,
  cohortSize: number,
  peopleAtLook: readonly number[],
  rng: Rng,
): AnalysisInput[] {
  const inputs = new Array<AnalysisInput>(peopleAtLook.length);
  let current = input;
  let recruited = cohortSize;
  inputs[peopleAtLook.length - 1] = input;
  for (let k = peopleAtLook.length - 2; k >= 0; k--) {
    current = cutOnce(current, recruited, peopleAtLook[k], rng);
    recruited = peopleAtLook[k];
    inputs[k] = current;
  }
  return inputs;
}

/** The analysed people among a simple random sample of `keep` of the `recruited` people behind `input`. */
function cutOnce(input: AnalysisInput, recruited: number, keep: number, rng: Rng): AnalysisInput {
  const treatedCount = input.summaries.treated.n;
  const controlCount = input.summaries.control.n;
  const keptTreated = drawHypergeometric(rng, treatedCount, recruited - treatedCount, keep);
  const keptControl = drawHypergeometric(
    rng,
    controlCount,
    recruited - treatedCount - controlCount,
    keep - keptTreated,
  );
  if (input.people !== null) {
    const people = selectPeople(input.people, keptTreated, keptControl, rng);
    const withHistogram = input.summaries.treated.histogram !== null;
    return {
      summaries: summariseArms(people, withHistogram),
      people,
      clusters: null,
      caseworkerClusters: null,
      rerandomiser: null,
    };
  }
  const treated = input.summaries.treated.histogram;
  const control = input.summaries.control.histogram;
  if (treated === null || control === null) {
    throw new RangeError('an interim look needs the people or the counts-of-counts of the final analysis');
  }
  const treatedKept = drawMultivariateHypergeometric(rng, treated, keptTreated, new Float64Array(treated.length));
  const controlKept = drawMultivariateHypergeometric(rng, control, keptControl, new Float64Array(control.length));
  // As `summariseArms`: both histograms of length (largest value in either arm) + 1.
  let length = Math.max(treatedKept.length, controlKept.length);
  while (length > 1 && !(treatedKept[length - 1] > 0) && !(controlKept[length - 1] > 0)) length--;
  return {
    summaries: {
      treated: summariseHistogram(treatedKept.subarray(0, Math.min(length, treatedKept.length)), length),
      control: summariseHistogram(controlKept.subarray(0, Math.min(length, controlKept.length)), length),
    },
    people: null,
    clusters: null,
    caseworkerClusters: null,
    rerandomiser: null,
  };
}

/** `keptTreated` of the treated and `keptControl` of the controls, chosen uniformly, in their order. */
function selectPeople(people: OutcomeData, keptTreated: number, keptControl: number, rng: Rng): OutcomeData {
  let treatedLeft = 0;
  for (let i = 0; i < people.treated.length; i++) treatedLeft += people.treated[i];
  let controlLeft = people.treated.length - treatedLeft;
  let needTreated = keptTreated;
  let needControl = keptControl;
  const size = keptTreated + keptControl;
  const values = new Float64Array(size);
  const treated = new Uint8Array(size);
  const prior = people.prior === null ? null : new Float64Array(size);
  let j = 0;
  for (let i = 0; i < people.treated.length && j < size; i++) {
    const isTreated = people.treated[i] === 1;
    // Algorithm S: keep this person with probability (still needed)/(still left) in their arm.
    const keep = isTreated ? rng.next() * treatedLeft < needTreated : rng.next() * controlLeft < needControl;
    if (isTreated) treatedLeft--;
    else controlLeft--;
    if (!keep) continue;
    if (isTreated) needTreated--;
    else needControl--;
    values[j] = people.values[i];
    treated[j] = people.treated[i];
    if (prior !== null) prior[j] = people.prior![i];
    j++;
  }
  return { values, treated, prior, integerValued: people.integerValued };
}

/** One arm's sufficient statistics from its counts-of-counts, the histogram padded to `length`. */
function summariseHistogram(counts: Float64Array, length: number): ArmSummary {
  const histogram = new Float64Array(length);
  let n = 0;
  let sum = 0;
  let sumSquares = 0;
  for (let v = 0; v < counts.length; v++) {
    const c = counts[v];
    histogram[v] = c;
    n += c;
    sum += v * c;
    sumSquares += v * v * c;
  }
  return { n, sum, sumSquares, positives: n - (histogram[0] ?? 0), histogram };
}
