/**
 * One simulated trial, as DeclareDesign's MIDA chain: model (draw the eligible cohort), inquiry
 * (the true effect), data strategy (randomise, then measure outcomes), answer strategy (analyse
 * each outcome). A trial is a pure function of (design, seed, trial index): its random stream is
 * derived from those alone, so results never depend on threads, chunks or shards.
 */
import { analyse } from './analysis/analyse.js';
import type { AnalysisResult } from './analysis/analysis-result.js';
import type { OutcomeData } from './analysis/outcome-data.js';
import { assign, rerandomiser } from './assignment/assign.js';
import { simulateAggregateTrial } from './aggregate/aggregate-trial.js';
import type { Design, Outcome } from './design.js';
import { drawTrialRatios } from './inquiry/draw-trial-ratios.js';
import { computeLogEstimands } from './inquiry/inquiry.js';
import { drawCohort, type Cohort } from './model/cohort.js';
import { drawOutcomes, type TrialData } from './model/outcomes.js';
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
  const treated = assign(design, cohort, rng);
  let ratios = nullRun ? prepared.nullRatios : prepared.statedRatios;
  let logEstimands = nullRun ? prepared.nullLogEstimands : prepared.statedLogEstimands;
  if (!nullRun && prepared.drawsEffects) {
    ratios = drawTrialRatios(design, prepared.statedRatios, trialIndex);
    logEstimands = computeLogEstimands(prepared.inquiry, ratios);
  }
  const data = drawOutcomes(design, model, cohort, treated, ratios, rng, !nullRun);
  const analysisRng = subStream(seed, trialIndex, nullRun ? NULL_PERMUTATION_STREAM : PERMUTATION_STREAM);
  const views = new OutcomeViews(design, cohort, treated, data);
  const results: AnalysisResult[] = design.outcomes.map((outcome, k) =>
    analyse(outcome.analysis, views.forOutcome(k), design.analysis, analysisRng),
  );
  return { results, logEstimands };
}

/**
 * The analysed people of each outcome: observed people, of the outcome's `within` group if any,
 * with the prior-window covariate of the count the outcome is built on and, under cluster
 * randomisation, each person's cluster. Views sharing the same `within` share their index set,
 * and without attrition or `within` the arrays are used as drawn.
 */
class OutcomeViews {
  private readonly indexSets = new Map<string, Int32Array | null>();
  private readonly clusterSets = new Map<string, Int32Array>();
  private readonly countIndex: Map<string, number>;

  constructor(
    private readonly design: Design,
    private readonly cohort: Cohort,
    private readonly treated: Uint8Array,
    private readonly data: TrialData,
  ) {
    this.countIndex = new Map(design.outcomes.map((o, k) => [o.id, k]));
  }

  forOutcome(k: number): OutcomeData {
    const outcome = this.design.outcomes[k];
    const indices = this.indicesFor(outcome.within);
    const priorSource = this.priorSourceOf(outcome);
    const prior =
      this.design.analysis.adjustForPrior && this.cohort.priorCounts && priorSource !== null
        ? this.cohort.priorCounts[priorSource]
        : null;
    const rerandomise = rerandomiser(this.design, this.cohort, indices);
    const cluster = this.clustersFor(outcome.within, indices);
    if (indices === null) {
      return {
        values: this.data.values[k],
        treated: this.treated,
        cluster,
        prior,
        integerValued: outcome.kind !== 'harm',
        rerandomise,
      };
    }
    return {
      values: pick(this.data.values[k], indices),
      treated: pickBytes(this.treated, indices),
      cluster,
      prior: prior === null ? null : pick(prior, indices),
      integerValued: outcome.kind !== 'harm',
      rerandomise,
    };
  }

  private priorSourceOf(outcome: Outcome): number | null {
    if (outcome.kind === 'count') return this.countIndex.get(outcome.id) ?? null;
    if (outcome.from !== null) return this.countIndex.get(outcome.from) ?? null;
    return null;
  }

  /**
   * Under cluster randomisation, the site (the cluster) of each analysed person, aligned with the
   * values picked by `indices`; null otherwise. Shared by the views with the same `within`.
   */
  private clustersFor(within: string | null, indices: Int32Array | null): Int32Array | null {
    if (this.design.plan.randomisation !== 'cluster') return null;
    const key = within ?? '';
    const known = this.clusterSets.get(key);
    if (known !== undefined) return known;
    const { site } = this.cohort;
    const clusters = indices === null ? Int32Array.from(site) : Int32Array.from(indices, (i) => site[i]);
    this.clusterSets.set(key, clusters);
    return clusters;
  }

  /** Indices of analysed people, or null for "everyone, in order". */
  private indicesFor(within: string | null): Int32Array | null {
    const key = within ?? '';
    if (this.indexSets.has(key)) return this.indexSets.get(key)!;
    const groupIndex = within === null ? -1 : this.design.groups.findIndex((g) => g.id === within);
    const { observed } = this.data;
    const { group } = this.cohort;
    let count = 0;
    for (let i = 0; i < observed.length; i++)
      if (observed[i] && (groupIndex < 0 || group[i] === groupIndex)) count += 1;
    let indices: Int32Array | null = null;
    if (count < observed.length) {
      indices = new Int32Array(count);
      for (let i = 0, j = 0; i < observed.length; i++)
        if (observed[i] && (groupIndex < 0 || group[i] === groupIndex)) indices[j++] = i;
    }
    this.indexSets.set(key, indices);
    return indices;
  }
}

function pick(values: Float64Array, indices: Int32Array): Float64Array {
  const out = new Float64Array(indices.length);
  for (let j = 0; j < indices.length; j++) out[j] = values[indices[j]];
  return out;
}

function pickBytes(values: Uint8Array, indices: Int32Array): Uint8Array {
  const out = new Uint8Array(indices.length);
  for (let j = 0; j < indices.length; j++) out[j] = values[indices[j]];
  return out;
}
