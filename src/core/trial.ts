/**
 * One simulated trial, as DeclareDesign's MIDA chain: model (draw the eligible cohort), inquiry
 * (the true effect), data strategy (randomise, then measure outcomes), answer strategy (analyse
 * each outcome). A trial is a pure function of (design, seed, trial index): its random stream is
 * derived from those alone, so results never depend on threads, chunks or shards.
 */
import { simulateAggregateTrial } from './aggregate/aggregate-trial.js';
import { analyse } from './analysis/analyse.js';
import type { AnalysisResult } from './analysis/analysis-result.js';
import { drawAssignment } from './assignment/assign.js';
import { drawTrialRatios } from './inquiry/draw-trial-ratios.js';
import { computeLogEstimands } from './inquiry/inquiry.js';
import { OutcomeViews } from './measurement/outcome-views.js';
import { drawCohort } from './model/cohort.js';
import { drawOutcomes } from './model/outcomes.js';
import type { PreparedDesign } from './prepare-design.js';
import { subStream, trialStream } from './rng/trial-stream.js';
import type { TrialRecord } from './trial-record.js';

/** Sub-stream purposes: separate, reproducible random streams within one trial. */
const PERMUTATION_STREAM = 1;
const NULL_PERMUTATION_STREAM = 2;
// Stream 3 holds the effects drawn under assurance (inquiry/draw-trial-ratios.ts).

/**
 * Simulates trial `trialIndex` with the scenario's effects, or with none (`nullRun`, on the same
 * random stream so the two runs share cohort and assignment), and analyses every outcome.
 */
export function simulateTrial(prepared: PreparedDesign, trialIndex: number, nullRun: boolean): TrialRecord {
  if (prepared.cells !== null) return simulateAggregateTrial(prepared, trialIndex, nullRun);
  const { design, model } = prepared;
  const seed = design.simulation.seed;
  const rng = trialStream(seed, trialIndex);
  const cohort = drawCohort(design, model, rng);
  const treated = drawAssignment(prepared.assignment, rng);
  let ratios = nullRun ? prepared.nullRatios : prepared.statedRatios;
  let logEstimands = nullRun ? prepared.nullLogEstimands : prepared.statedLogEstimands;
  if (!nullRun && prepared.drawsEffects) {
    ratios = drawTrialRatios(design, prepared.statedRatios, trialIndex);
    logEstimands = computeLogEstimands(prepared.inquiry, ratios);
  }
  const data = drawOutcomes(design, model, cohort, treated, ratios, rng, !nullRun);
  // Seeding a stream costs about as much as drawing a cell, so only permutation tests get one.
  const analysisRng = prepared.permutes
    ? subStream(seed, trialIndex, nullRun ? NULL_PERMUTATION_STREAM : PERMUTATION_STREAM)
    : null;
  const views = new OutcomeViews(prepared.views, prepared.assignment, cohort, treated, data);
  const results: AnalysisResult[] = design.outcomes.map((outcome, k) =>
    analyse(outcome.analysis, views.input(k), design.analysis, analysisRng),
  );
  return { results, logEstimands };
}
