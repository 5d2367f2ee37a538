/**
 * One outcome's analysed people in one trial, person by person (people with unobserved outcomes,
 * and outside the outcome's `within` group, already removed).
 */
export interface OutcomeData {
  /** Counts (integers), binaries (0/1) or harm (≥ 0), one per person. */
  readonly values: Float64Array;
  /** 1 treated, 0 control, aligned with `values`. */
  readonly treated: Uint8Array;
  /** Prior-window count covariate, aligned with `values`, or null when there is none. */
  readonly prior: Float64Array | null;
  /** True when every value is a whole number ≥ 0 (counts and binaries); enables counts-of-counts. */
  readonly integerValued: boolean;
}

/**
 * Sufficient statistics of one arm: size, total, total of squares, number of people with a
 * value above zero, and (integer outcomes only, else null) the counts-of-counts
 * `histogram[v]` = number of people with value v.
 */
export interface ArmSummary {
  readonly n: number;
  readonly sum: number;
  readonly sumSquares: number;
  readonly positives: number;
  readonly histogram: Float64Array | null;
}

/** The two arms' sufficient statistics. */
export interface ArmSummaries {
  readonly treated: ArmSummary;
  readonly control: ArmSummary;
}

/**
 * Reduces person arrays to each arm's sufficient statistics — the one place where person-level
 * data become sums, sums of squares, positives and counts-of-counts, so the person and the cell
 * forms feed the analyses identical numbers.
 *
 * Both histograms have length (largest value in either arm) + 1 here; the analyses also accept
 * histograms of different lengths (the cell form's). `integerValued` is trusted, not
 * checked. `withHistogram` false skips the counts-of-counts (histograms null) for analyses that
 * need only sums, sums of squares and positives — a saving in the per-person engine's hot loop.
 *
 * @example values [0, 2, 1, 0], treated [1, 1, 0, 0] →
 *   treated { n 2, sum 2, sumSquares 4, positives 1, histogram [1, 0, 1] },
 *   control { n 2, sum 1, sumSquares 1, positives 1, histogram [1, 1, 0] }
 */
export function summariseArms(
  data: Pick<OutcomeData, 'values' | 'treated' | 'integerValued'>,
  withHistogram = true,
): ArmSummaries {
  const { values, treated } = data;
  if (data.integerValued) {
    let largest = 0;
    for (let i = 0; i < values.length; i++) if (values[i] > largest) largest = values[i];
    // Counts-of-counts asked for are built whatever their length (as they always were).
    if (withHistogram || largest <= values.length + HISTOGRAM_SLACK) {
      return summariseByHistogram(values, treated, largest, withHistogram);
    }
  }
  return summariseBySums(values, treated);
}

// Without counts-of-counts asked for, whole values up to (people + this) are still summarised
// through them; larger values person by person.
const HISTOGRAM_SLACK = 1024;

// Whole values: each person adds one to their arm's counts-of-counts (one step, no arithmetic
// per person and no branch on the random arm), and the sums come from the counts-of-counts —
// the very same numbers as summing person by person, since sums of whole numbers below 2^53
// are exact in any order.
function summariseByHistogram(
  values: Float64Array,
  treated: Uint8Array,
  largest: number,
  withHistogram: boolean,
): ArmSummaries {
  const width = largest + 1;
  // Control's counts-of-counts first, then the treated arm's: person i adds to t·width + value.
  const both = new Float64Array(2 * width);
  for (let i = 0; i < values.length; i++) both[treated[i] * width + values[i]]++;
  const control = both.subarray(0, width);
  const treatedArm = both.subarray(width);
  return {
    treated: summariseHistogram(treatedArm, withHistogram),
    control: summariseHistogram(control, withHistogram),
  };
}

function summariseHistogram(histogram: Float64Array, withHistogram: boolean): ArmSummary {
  let n = 0,
    sum = 0,
    sumSquares = 0;
  for (let v = 0; v < histogram.length; v++) {
    const people = histogram[v];
    n += people;
    sum += people * v;
    sumSquares += people * v * v;
  }
  return { n, sum, sumSquares, positives: n - histogram[0], histogram: withHistogram ? histogram : null };
}

// Any values: sums by arm without branching on the (random) arm — each person adds t·value to
// the treated sums and (1 − t)·value to the control sums, t = 1 or 0, the very same sums as
// adding to one arm only, since adding an exact 0 changes nothing (values are finite).
function summariseBySums(values: Float64Array, treated: Uint8Array): ArmSummaries {
  let n1 = 0,
    sum1 = 0,
    squares1 = 0,
    positives1 = 0;
  let sum0 = 0,
    squares0 = 0,
    positives0 = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    const t = treated[i];
    const c = 1 - t;
    const square = value * value;
    const positive = value > 0 ? 1 : 0;
    n1 += t;
    sum1 += t * value;
    sum0 += c * value;
    squares1 += t * square;
    squares0 += c * square;
    positives1 += t & positive;
    positives0 += c & positive;
  }
  return {
    treated: { n: n1, sum: sum1, sumSquares: squares1, positives: positives1, histogram: null },
    control: { n: values.length - n1, sum: sum0, sumSquares: squares0, positives: positives0, histogram: null },
  };
}
