/**
 * What the `explain` teaching view shows for one outcome: the sampling distribution of the
 * estimated ratio over simulated trials at two sizes (the pilot's and the planned one), which of
 * those estimates were significant, the true effect, power and exaggeration. Plain data, filled
 * from two runs' tallies and summaries; drawn by `renderExplainText` and `renderExplainSvg`.
 */

/** One size's sampling distribution. */
export interface ExplainPanel {
  /** Short name of the size, e.g. `Pilot` or `Planned`. */
  readonly label: string;
  readonly treated: number;
  readonly control: number;
  /** `OutcomeTally.estimateHistogram`: counts of log estimates in `ESTIMATE_BINS` (under- and overflow first and last). */
  readonly estimateHistogram: readonly number[];
  /** `OutcomeTally.significantHistogram`: the same for significant results only. */
  readonly significantHistogram: readonly number[];
  /** True intention-to-treat effect on the ratio scale (the estimand). */
  readonly trueEffect: number;
  readonly power: number;
  /** Mean |log estimate| / |log truth| among significant results, or null when undefined. */
  readonly exaggeration: number | null;
  /** Share of significant results with the wrong sign, or null when undefined. */
  readonly typeS: number | null;
  /**
   * The plain reading of exaggeration: the arithmetic mean ratio of significant results in the
   * true direction (`OutcomeDiagnosis.meanSignificantRatio`), or null when there is none.
   */
  readonly meanSignificantRatio: number | null;
}

/** The teaching view of one outcome. */
export interface ExplainData {
  readonly outcome: string;
  readonly outcomeLabel: string;
  /** Name of the ratio for axis titles: `rate ratio`, `risk ratio` or `harm ratio`. */
  readonly ratioName: string;
  /** Usually two panels: pilot size, then planned size. */
  readonly panels: readonly ExplainPanel[];
}
