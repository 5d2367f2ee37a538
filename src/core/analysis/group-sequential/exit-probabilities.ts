import { continuationRegion } from './continuation-region.js';
import { gridResolution } from './grid-resolution.js';
import { probabilityInInterval } from './interval-probability.js';
import { advanceLookDensity, type LookDensity } from './look-density.js';
import type { SequentialBoundaries } from './sequential-design.js';

/** What happens at one look, as probabilities of reaching it and stopping there. */
export interface LookExit {
  readonly informationFraction: number;
  /** P(stop here rejecting H0 with Z_k ≥ b_k). */
  readonly efficacyUpper: number;
  /** P(stop here rejecting H0 with Z_k ≤ −b_k); 0 for a one-sided design. */
  readonly efficacyLower: number;
  /** P(stop here for futility); 0 at the last look, where not rejecting is not a stop "for futility". */
  readonly futility: number;
  /** P(reach this look and go on to the next); 0 at the last look. */
  readonly continuing: number;
}

/** Operating characteristics of a design under one drift. */
export interface ExitProbabilities {
  /** The drift θ = E[Z_K], the expected z at full information. */
  readonly drift: number;
  readonly looks: readonly LookExit[];
  /** P(reject H0 with an upper crossing): the power when the drift is positive. */
  readonly rejectUpper: number;
  /** P(reject H0 with a lower crossing); 0 for a one-sided design. */
  readonly rejectLower: number;
  /** P(stop early for futility). */
  readonly futility: number;
  /** Expected information at stopping as a fraction of the maximum: Σ t_k·P(stop at look k). */
  readonly expectedInformationFraction: number;
}

/**
 * Exit probabilities of a group-sequential design under drift θ: at each look the probability of
 * stopping for efficacy (each side), for futility (obeyed, although non-binding), or going on; the
 * power; and the expected information at stopping.
 *
 * Formula in words: walk the looks; at look k the stop probabilities are integrals of the
 * previous look's sub-density against normal interval probabilities (`probabilityInInterval`)
 * over the efficacy region Z_k ≥ b_k (and Z_k ≤ −b_k) and the futility region Z_k ≤ a_k (two-sided
 * |Z_k| < a_k); the density carried on is on the continuation region between them. Everything
 * still going at the last look stops there, so E[t] = Σ t_k·P(stop at k) with t_K = 1; as a share
 * of the maximum number of people it is the expected sample size when people accrue in
 * proportion to information.
 * Reference: Jennison & Turnbull (2000) ch. 19; rpact's getPowerAndAverageSampleNumber.
 *
 * @example computeExitProbabilities(asOF 3 looks α 0.025, drift 2.9441): rejectUpper ≈ 0.8
 *   with futility from bsOF β 0.2 (rpact getDesignCharacteristics: power 0.8)
 */
export function computeExitProbabilities(boundaries: SequentialBoundaries, drift: number): ExitProbabilities {
  const { informationFractions: fractions, sides, efficacyZ } = boundaries;
  const none = sides === 1 ? -Infinity : 0;
  const looks: LookExit[] = [];
  let previous: LookDensity | null = null;
  let reachProbability = 1;
  let expectedInformationFraction = 0;
  for (let k = 0; k < fractions.length; k++) {
    const t = fractions[k];
    const last = k + 1 === fractions.length;
    const b = efficacyZ[k];
    const a = last ? none : Math.min(boundaries.futility?.z[k] ?? none, b);
    const efficacyUpper = probabilityInInterval(previous, t, drift, b, Infinity);
    const efficacyLower = sides === 2 ? probabilityInInterval(previous, t, drift, -Infinity, -b) : 0;
    const futility =
      sides === 1
        ? probabilityInInterval(previous, t, drift, -Infinity, a)
        : probabilityInInterval(previous, t, drift, -a, a);
    const continuing = last ? 0 : Math.max(0, reachProbability - efficacyUpper - efficacyLower - futility);
    expectedInformationFraction += t * (reachProbability - continuing);
    looks.push({ informationFraction: t, efficacyUpper, efficacyLower, futility, continuing });
    reachProbability = continuing;
    if (!last) {
      const region = continuationRegion(sides, b, a);
      previous = advanceLookDensity(previous, t, drift, region, gridResolution(t, fractions[k + 1]));
    }
  }
  const sum = (pick: (look: LookExit) => number): number => looks.reduce((total, look) => total + pick(look), 0);
  return {
    drift,
    looks,
    rejectUpper: sum((look) => look.efficacyUpper),
    rejectLower: sum((look) => look.efficacyLower),
    futility: sum((look) => look.futility),
    expectedInformationFraction,
  };
}
