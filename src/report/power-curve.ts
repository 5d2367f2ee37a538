/**
 * A power curve: estimated power at several values of one design parameter (e.g.
 * `design.size.treated`), one series per outcome. Produced by the planning commands
 * (`curve`, `sample-size`), drawn by `renderCurveSvg`, `formatCurveCsv` and the `CurveDashboard`.
 */

/** Power of one outcome's analysis at one value of the varied parameter. */
export interface PowerCurvePoint {
  /** The varied parameter's value at this point (e.g. 200 treated people). */
  readonly value: number;
  /** Outcome id the power refers to. */
  readonly outcome: string;
  /** Share of simulated trials that rejected the null. */
  readonly power: number;
  /** Wilson 95% interval for power. */
  readonly powerCI: readonly [number, number];
}

/** Power against one varied parameter, optionally with the power the plan aims for. */
export interface PowerCurve {
  /** Scenario path of the varied parameter, e.g. `design.size.treated`. */
  readonly parameter: string;
  /** Points in the order they were computed (any order of values and outcomes). */
  readonly points: readonly PowerCurvePoint[];
  /** Target power (e.g. 0.8), drawn as a horizontal line; absent when there is none. */
  readonly target?: number;
}
