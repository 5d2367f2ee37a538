/**
 * Individual simulated trials, for what a tally cannot show: the "dance of the intervals" (each
 * trial's estimate and interval) and the histogram of p-values. Trial i here is trial i of the
 * run — the same engine as `simulateBlock` (`chosenEngine`), the same stream (seed, i) — so the
 * twenty trials on screen are twenty of the trials behind the power shown beside them.
 */
import { prepareAggregateTrial, simulateAggregateTrial } from '../../core/aggregate/aggregate-trial.js';
import { chosenEngine } from '../../core/aggregate/chosen-engine.js';
import type { Design } from '../../core/design.js';
import { contextFor } from '../../core/simulate-block.js';
import { simulateTrial } from '../../core/trial.js';
import type { TrialRecord } from '../../core/trial-record.js';

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

const simulators = new WeakMap<Design, (trialIndex: number) => TrialRecord>();

/**
 * Trials [fromTrial, toTrial) of the design's effect run (not the paired null run), one sample
 * each.
 *
 * Example: sampleTrials(teachingDesign, 0, 2) → [{ trial: 0, outcomes: [{ logEstimate: −0.2…,
 * lower: …, upper: …, pValue: …, … }] }, { trial: 1, … }].
 */
export function sampleTrials(design: Design, fromTrial: number, toTrial: number): TrialSample[] {
  const simulate = simulatorFor(design);
  const samples: TrialSample[] = [];
  for (let trial = fromTrial; trial < toTrial; trial++) {
    const record = simulate(trial);
    samples.push({
      trial,
      outcomes: record.results.map((result, k) => ({
        failed: result.failed,
        logEstimate: result.logEstimate,
        lower: result.lower,
        upper: result.upper,
        pValue: result.pValue,
        logTruth: record.logTruth[k],
      })),
    });
  }
  return samples;
}

function simulatorFor(design: Design): (trialIndex: number) => TrialRecord {
  let simulate = simulators.get(design);
  if (!simulate) {
    if (chosenEngine(design) === 'aggregate') {
      const context = prepareAggregateTrial(design);
      simulate = (trialIndex) => simulateAggregateTrial(context, trialIndex, false);
    } else {
      const context = contextFor(design);
      simulate = (trialIndex) => simulateTrial(context, trialIndex, false);
    }
    simulators.set(design, simulate);
  }
  return simulate;
}
