import type { AnalysisInput } from './analysis/analysis-input.js';
import type { Rng } from './rng/rng.js';

/** Per outcome and group index: the ratio applied to engaged treated people in one trial. */
export type Ratios = readonly (readonly number[])[];

/**
 * One representation of a trial, walked by the one spine (`simulateTrial`): the person form
 * draws every person, the cell form each cell's counts-of-counts (`PersonForm`, `CellForm`). Each
 * method is one step of the trial, in the form's own representation; both forms give every
 * analysis the same kind of input, with the same law.
 */
export interface TrialForm<Cohort = unknown, Assignment = unknown, Measured = unknown> {
  readonly kind: 'person' | 'cell';
  /** Model: the trial's cohort (people and their multipliers; or the sites' multipliers of the cells). */
  drawCohort(rng: Rng): Cohort;
  /** Assignment: who is treated (person by person; or how many in each cell). */
  assign(cohort: Cohort, rng: Rng): Assignment;
  /**
   * Model and measurement: every outcome drawn and measured — engagement, attrition, caseworkers,
   * counts, binaries and harm — with `ratios` for engaged treated people; caseworkers vary only
   * when `treatmentVaries` (false in the paired null run).
   */
  measure(cohort: Cohort, assignment: Assignment, ratios: Ratios, rng: Rng, treatmentVaries: boolean): Measured;
  /** Measurement: what outcome k's analysis reads (its `within` group's observed people). */
  analysisInput(measured: Measured, k: number): AnalysisInput;
}
