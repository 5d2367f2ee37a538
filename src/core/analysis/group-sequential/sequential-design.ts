/**
 * The vocabulary of a group-sequential design: looks at information fractions, the rule that sets
 * the efficacy boundaries, optional futility boundaries, and the boundaries that result. See
 * docs/sequential-and-stepped-wedge.md for the mathematics.
 */

/**
 * A spending function f(t) on information fraction t ∈ [0, 1]: the cumulative probability spent
 * by look t, rising from 0 to the total at t = 1. Lan & DeMets (1983) O'Brien–Fleming type and
 * Pocock type; Hwang, Shih & DeCani (1990) with shape γ (γ = −4 is close to O'Brien–Fleming,
 * γ = 1 to Pocock).
 */
export type SpendingFunction =
  | { readonly family: 'obrien-fleming' }
  | { readonly family: 'pocock' }
  | { readonly family: 'hwang-shih-decani'; readonly gamma: number };

/**
 * How the efficacy boundaries are set: the classic boundaries, whose shape over the looks is fixed
 * (O'Brien–Fleming c/√t_k, Pocock c) and whose constant c makes the total type I error α, or
 * Lan–DeMets α-spending, where each look spends the increase of a spending function.
 */
export type EfficacyRule =
  | { readonly kind: 'classic'; readonly shape: 'obrien-fleming' | 'pocock' }
  | { readonly kind: 'spending'; readonly spending: SpendingFunction };

/**
 * Non-binding futility boundaries by β-spending: under the planned drift the probability of
 * stopping for futility by look k is the β-spending function at t_k, and the planned drift is the
 * one at which the last futility boundary meets the last efficacy boundary. Non-binding: the
 * efficacy boundaries are computed ignoring futility, so the type I error stays at most α whether
 * or not a monitoring committee obeys the futility boundary.
 */
export interface FutilityRule {
  /** Type II error β of the design: its power is 1 − β at the planned drift. */
  readonly beta: number;
  readonly spending: SpendingFunction;
}

/** What a group-sequential design is computed from. */
export interface SequentialDesignInput {
  /** Information fractions t_1 < … < t_K = 1 of the looks (check them with `checkLooks`). */
  readonly informationFractions: readonly number[];
  /**
   * Total type I error: one-sided α for a one-sided design; for a two-sided design the total of
   * both sides, each side getting α/2.
   */
  readonly alpha: number;
  /** 1: reject for large Z only; 2: reject for large |Z| with symmetric boundaries ±b_k. */
  readonly sides: 1 | 2;
  readonly efficacy: EfficacyRule;
  readonly futility?: FutilityRule;
}

/** Non-binding futility boundaries and the drift they were computed under. */
export interface FutilityBoundaries {
  /**
   * z at each look. One-sided: stop for futility when Z_k ≤ a_k (−Infinity: no futility stop at
   * that look). Two-sided: stop when |Z_k| < a_k (0: no futility stop at that look). The last
   * equals the last efficacy boundary.
   */
  readonly z: readonly number[];
  /** Cumulative β spent by each look under the planned drift (for two-sided, after adjustment). */
  readonly betaSpent: readonly number[];
  /** The planned drift E[Z_K] at which the last futility and efficacy boundaries meet. */
  readonly drift: number;
  /** The design's type II error: its power, with futility obeyed, is 1 − β at `drift`. */
  readonly beta: number;
}

/** The boundaries of a group-sequential design, in z for each look. */
export interface SequentialBoundaries {
  readonly informationFractions: readonly number[];
  readonly alpha: number;
  readonly sides: 1 | 2;
  /** Efficacy boundary b_k: reject H0 at look k when Z_k ≥ b_k (two-sided: |Z_k| ≥ b_k). */
  readonly efficacyZ: readonly number[];
  /** Cumulative type I error spent by each look, ignoring futility (the non-binding convention). */
  readonly alphaSpent: readonly number[];
  readonly futility: FutilityBoundaries | null;
}
