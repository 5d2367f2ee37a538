/**
 * Individual simulated trials, for what a tally cannot show: the "dance of the intervals" (each
 * trial's estimate and interval) and the histogram of p-values. Trial i here is trial i of the
 * run — the same prepared design and spine as `simulateBlock` (`simulateTrial`), the same stream (seed, i) — so the
 * twenty trials on screen are twenty of the trials behind the power shown beside them.
 */
import type { PreparedDesign } from '../../core/prepare-design.js';
import { simulateTrial } from '../../core/trial.js';

/** One outcome's analysis in one trial, on the log-ratio scale (NaN where the analysis failed). */
export interface OutcomeSample {
  readonly failed: boolean;
  readonly logEstimate: number;
  /** Confidence interval at level 1 − alpha. */
  readonly lower: number;
  readonly upper: number;
  readonly pValue: number;
  /** The truth this trial is judged against (the intention-to-treat log ratio). */
  readonly logTruth: number;
}

/** One trial: its index and one sample per outcome, in `design.outcomes` order. */
export interface TrialSample {
  readonly trial: number;
  readonly outcomes: readonly OutcomeSample[];
}

/**
 * Trials [fromTrial, toTrial) of the design's effect run (not the paired null run), one sample
 * each.
 *
 * Example: sampleTrials(prepareDesign(teachingDesign), 0, 2) → [{ trial: 0, outcomes: [{ logEstimate: −0.2…,
 * lower: …, upper: …, pValue: …, … }] }, { trial: 1, … }].
 */
export function sampleTrials(prepared: PreparedDesign, fromTrial: number, toTrial: number): TrialSample[] {
  const samples: TrialSample[] = [];
  for (let trial = fromTrial; trial < toTrial; trial++) {
    const record = simulateTrial(prepared, trial, false);
    samples.push({
      trial,
      outcomes: record.results.map((result, k) => ({
        failed: result.failed,
        logEstimate: result.logEstimate,
        lower: result.lower,
        upper: result.upper,
        pValue: result.pValue,
        logTruth: record.logEstimands[k],
      })),
    });
  }
  return samples;
}
