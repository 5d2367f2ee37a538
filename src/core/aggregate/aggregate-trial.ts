/**
 * One simulated trial drawn cell by cell instead of person by person: the exact aggregated path.
 * Same contract as `simulateTrial` (src/core/trial.ts): trial i is a pure function of (design,
 * seed, i), with the same stream derivation, and the same `TrialRecord` for the same tallies.
 */
import type { AnalysisResult } from '../analysis/analysis-result.js';
import { analyseSummaries } from '../analysis/analyse.js';
import type { ArmSummaries, ArmSummary } from '../analysis/outcome-data.js';
import type { Design, EffectDistribution } from '../design.js';
import { drawBinomial } from '../distributions/binomial.js';
import { drawLognormal } from '../distributions/lognormal.js';
import { logEstimands } from '../inquiry/inquiry.js';
import { drawMeanOneGamma } from '../model/mean-one-gamma.js';
import { modelConstants } from '../model/model-constants.js';
import type { Rng } from '../rng/rng.js';
import { subStream, trialStream } from '../rng/trial-stream.js';
import type { TrialRecord } from '../trial-record.js';
import { prepareTrial, type TrialContext } from '../trial.js';
import { aggregateSupport } from './aggregate-support.js';
import { layOutCells, type CellLayout } from './cell-layout.js';
import { CountHazards, eagerHazards } from './count-hazards.js';
import { drawCountHistogram } from './draw-count-histogram.js';
import { drawTreatedCounts } from './draw-treated-counts.js';
import { Histogram } from './histogram.js';
import { testByHistogramPermutation } from './histogram-permutation.js';
import { ownBinaryProbability } from './own-binary-probability.js';

// The same sub-stream purposes as `simulateTrial`, so both paths use a trial's streams alike.
const PERMUTATION_STREAM = 1;
const NULL_PERMUTATION_STREAM = 2;
const EFFECT_DRAW_STREAM = 3;
// Hazard tables kept per source before the cache is emptied (means vary per trial with sites or drawn effects).
const CACHE_LIMIT = 512;

/** A random quantity drawn per cell: a count outcome's counts, or an own-prevalence binary's events. */
interface Source {
  readonly kind: 'count' | 'binary';
  /** The design outcome it is (counts: the count itself; binaries: the own-prevalence binary). */
  readonly outcome: number;
  /** Per group: the mean count over follow-up (counts) or the base hazard (binaries), before multipliers. */
  readonly base: Float64Array;
  /** NB dispersion of a count given the site multiplier; the propensity's dispersion for a binary. */
  readonly dispersion: number;
  readonly cache: Map<number, CountHazards>;
}

/** What the aggregated path needs about a design, computed once (see `prepareAggregateTrial`). */
export interface AggregateTrialContext {
  readonly trial: TrialContext;
  readonly layout: CellLayout;
  readonly sources: readonly Source[];
  /** Per design outcome: its source, and whether it is "any event" of a count source. */
  readonly outcomeSource: Int32Array;
  readonly anyEvent: Uint8Array;
  /** Per design outcome: the groups it analyses (all, or its `within` group). */
  readonly outcomeGroups: readonly Int32Array[];
  readonly siteVariance: number;
  readonly engagement: Float64Array;
  /** Scratch, reused across trials: treated per cell, site multipliers, histograms per source and slot. */
  readonly treated: Float64Array;
  readonly siteMultiplier: Float64Array;
  readonly histograms: readonly Histogram[][];
  /** Scratch: one outcome's control and treated histograms while its summaries are formed. */
  readonly armScratch: readonly [Histogram, Histogram];
  /** Per outcome and arm, reusable summary histograms by length (each trial's arrays are read, never kept, by the analyses). */
  readonly summaryArrays: readonly (readonly [Float64Array[], Float64Array[]])[];
  /** True when some outcome is analysed by permutation (which needs the trial's analysis stream). */
  readonly permutes: boolean;
}

/**
 * Prepares the per-design constants of `simulateAggregateTrial`, after checking that the design is
 * one the aggregated path simulates exactly (`aggregateSupport`).
 *
 * @example prepareAggregateTrial(REF).layout.cellSize → [2000]
 * @throws Error naming the reason when the design needs the per-person engine
 */
export function prepareAggregateTrial(design: Design): AggregateTrialContext {
  const support = aggregateSupport(design);
  if (!support.ok) throw new Error(`the aggregate engine cannot simulate this design exactly: ${support.reason}`);
  const constants = modelConstants(design);
  const layout = layOutCells(design);
  const years = design.design.followUpMonths / 12;
  const sources: Source[] = [];
  const sourceOf = new Map<number, number>();
  const addSource = (k: number): number => {
    const existing = sourceOf.get(k);
    if (existing !== undefined) return existing;
    const outcome = design.outcomes[k];
    const kind = outcome.kind === 'count' ? 'count' : 'binary';
    const base = kind === 'count' ? Float64Array.from(constants.groupRates[k], (rate) => rate * years) : Float64Array.from(constants.groupRates[k]);
    const dispersion = kind === 'count' ? Math.max(design.propensityDispersion, constants.noiseVariance[k]) : design.propensityDispersion;
    sources.push({ kind, outcome: k, base, dispersion, cache: new Map() });
    sourceOf.set(k, sources.length - 1);
    return sources.length - 1;
  };
  const outcomeSource = new Int32Array(design.outcomes.length);
  const anyEvent = new Uint8Array(design.outcomes.length);
  design.outcomes.forEach((outcome, k) => {
    const derived = outcome.kind === 'binary' && outcome.from !== null;
    outcomeSource[k] = addSource(derived ? constants.source[k] : k);
    anyEvent[k] = derived ? 1 : 0;
  });
  const outcomeGroups = design.outcomes.map((outcome) =>
    outcome.within === null ? Int32Array.from(design.groups, (_, g) => g) : Int32Array.of(design.groups.findIndex((g) => g.id === outcome.within)),
  );
  const slots = 2 * layout.groupCount * layout.unitCount;
  const context: AggregateTrialContext = {
    trial: prepareTrial(design),
    layout,
    sources,
    outcomeSource,
    anyEvent,
    outcomeGroups,
    siteVariance: constants.siteVariance,
    engagement: constants.engagement,
    treated: new Float64Array(layout.cellSize.length),
    siteMultiplier: new Float64Array(layout.siteCount).fill(1),
    histograms: sources.map(() => Array.from({ length: slots }, () => new Histogram())),
    armScratch: [new Histogram(), new Histogram()],
    summaryArrays: design.outcomes.map(() => [[], []] as [Float64Array[], Float64Array[]]),
    permutes: design.outcomes.some((o) => o.analysis === 'permutation'),
  };
  warmHazards(context);
  return context;
}

/**
 * Simulates trial `trialIndex` (with the scenario's effects, or none when `nullRun`, on the same
 * random stream) by drawing every cell's counts-of-counts exactly, and analyses every outcome from
 * its arms' sufficient statistics.
 *
 * Formula in words: site multipliers (gamma, mean 1) per site; treated counts per population cell
 * by the design's mechanism (`drawTreatedCounts`); in each cell and arm, engaged ~ Binomial(treated,
 * engagement) and observed ~ Binomial(·, 1 − attrition) for the engaged and not-engaged parts; in
 * each such part of m people, every count source's histogram is Multinomial(m, NB pmf) with mean
 * rate × years × site multiplier × (engaged: rate ratio) and the source's dispersion
 * (`drawCountHistogram`), and every own-prevalence binary's positives Binomial(m, chance)
 * (`ownBinaryProbability`). People in such a part are independent and identically distributed
 * given the site multiplier — which is why this is exact, not an approximation. Derived binaries
 * read "count > 0" off their count's histogram; `within` outcomes use their group's cells only.
 * Reference: DeclareDesign's MIDA (Blair, Cooper, Coppock & Humphreys 2019, APSR 113:838); the
 * multinomial sufficiency of counts-of-counts for exchangeable people (Fisher 1922).
 *
 * @example simulateAggregateTrial(prepareAggregateTrial(REF), 0, false).results.length → 2
 */
export function simulateAggregateTrial(context: AggregateTrialContext, trialIndex: number, nullRun: boolean): TrialRecord {
  const { trial, layout, sources, histograms } = context;
  const design = trial.design;
  const seed = design.simulation.seed;
  const rng = trialStream(seed, trialIndex);
  let ratios = nullRun ? trial.nullRatios : trial.statedRatios;
  let logTruth = nullRun ? trial.nullLogTruth : trial.statedLogTruth;
  if (!nullRun && trial.drawsEffects) {
    ratios = drawRatios(trial, trialIndex);
    logTruth = logEstimands(trial.inquiry, ratios);
  }
  const siteMultiplier = context.siteMultiplier;
  if (context.siteVariance > 0) for (let s = 0; s < siteMultiplier.length; s++) siteMultiplier[s] = drawMeanOneGamma(rng, context.siteVariance);
  drawTreatedCounts(design, layout, rng, context.treated);
  for (const perSlot of histograms) for (const histogram of perSlot) histogram.clear();
  const attrition = design.design.attrition;
  const groupCount = layout.groupCount;
  for (let c = 0; c < layout.cellSize.length; c++) {
    const g = layout.cellGroup[c];
    const multiplier = siteMultiplier[layout.cellSite[c]];
    for (let arm = 0; arm < 2; arm++) {
      const people = arm === 1 ? context.treated[c] : layout.cellSize[c] - context.treated[c];
      if (people === 0) continue;
      const engaged = arm === 1 ? drawBinomial(rng, people, context.engagement[g]) : 0;
      const slot = (arm * groupCount + g) * layout.unitCount + layout.cellUnit[c];
      for (let part = 0; part < 2; part++) {
        const drawn = part === 1 ? engaged : people - engaged;
        const observed = attrition > 0 ? drawBinomial(rng, drawn, 1 - attrition) : drawn;
        if (observed === 0) continue;
        for (let j = 0; j < sources.length; j++) {
          const source = sources[j];
          const ratio = part === 1 ? ratios[source.outcome][g] : 1;
          const into = histograms[j][slot];
          if (source.kind === 'count') {
            drawCountHistogram(rng, observed, hazardsFor(source, source.base[g] * multiplier * ratio), into);
          } else {
            const positives = drawBinomial(rng, observed, ownBinaryProbability(source.base[g], source.dispersion, multiplier, ratio));
            into.add(0, observed - positives);
            into.add(1, positives);
          }
        }
      }
    }
  }
  // Seeding a stream costs about as much as drawing a cell, so only permutation tests get one.
  const analysisRng = context.permutes ? subStream(seed, trialIndex, nullRun ? NULL_PERMUTATION_STREAM : PERMUTATION_STREAM) : null;
  const results: AnalysisResult[] = design.outcomes.map((outcome, k) => {
    const summaries = summariseOutcome(context, k);
    if (outcome.analysis === 'permutation') {
      return testByHistogramPermutation(design, layout, unitHistograms(context, k), summaries, design.analysis, analysisRng!);
    }
    return analyseSummaries(outcome.analysis, summaries, design.analysis)!;
  });
  return { results, logTruth };
}

/** The hazards of a count with this mean, from the source's cache (built lazily, kept up to a limit). */
function hazardsFor(source: Source, mean: number): CountHazards {
  let hazards = source.cache.get(mean);
  if (hazards === undefined) {
    if (source.cache.size >= CACHE_LIMIT) source.cache.clear();
    hazards = new CountHazards(mean, source.dispersion);
    source.cache.set(mean, hazards);
  }
  return hazards;
}

/** Without site variation or drawn effects, every trial uses the same few means: build their tables in full once. */
function warmHazards(context: AggregateTrialContext): void {
  if (context.siteVariance > 0) return;
  const { trial } = context;
  for (const source of context.sources) {
    if (source.kind !== 'count') continue;
    source.base.forEach((mean, g) => {
      for (const ratio of [1, trial.statedRatios[source.outcome][g]]) {
        if (!source.cache.has(mean * ratio)) source.cache.set(mean * ratio, eagerHazards(mean * ratio, source.dispersion));
      }
    });
  }
}

/** Both arms' sufficient statistics of outcome k, from its source's histograms over its groups and all units. */
function summariseOutcome(context: AggregateTrialContext, k: number): ArmSummaries {
  const scratch = context.armScratch;
  scratch[0].clear();
  scratch[1].clear();
  const perSlot = context.histograms[context.outcomeSource[k]];
  const { groupCount, unitCount } = context.layout;
  for (let arm = 0; arm < 2; arm++) {
    for (const g of context.outcomeGroups[k]) {
      for (let u = 0; u < unitCount; u++) scratch[arm].addHistogram(perSlot[(arm * groupCount + g) * unitCount + u]);
    }
  }
  if (context.anyEvent[k] === 1) for (const histogram of scratch) toAnyEvent(histogram);
  const length = Math.max(scratch[0].length, scratch[1].length);
  const arrays = context.summaryArrays[k];
  return {
    treated: armSummary(scratch[1], (arrays[1][length] ??= new Float64Array(length))),
    control: armSummary(scratch[0], (arrays[0][length] ??= new Float64Array(length))),
  };
}

/** Per randomisation unit: outcome k's analysed people of both arms, pooled. */
function unitHistograms(context: AggregateTrialContext, k: number): Histogram[] {
  const perSlot = context.histograms[context.outcomeSource[k]];
  const { groupCount, unitCount } = context.layout;
  return Array.from({ length: unitCount }, (_, u) => {
    const pooled = new Histogram();
    for (let arm = 0; arm < 2; arm++) {
      for (const g of context.outcomeGroups[k]) pooled.addHistogram(perSlot[(arm * groupCount + g) * unitCount + u]);
    }
    if (context.anyEvent[k] === 1) toAnyEvent(pooled);
    return pooled;
  });
}

/** Turns a count histogram into the 0/1 histogram of "any event". */
function toAnyEvent(histogram: Histogram): void {
  let positives = 0;
  for (let v = 1; v < histogram.length; v++) positives += histogram.counts[v];
  const zeros = histogram.counts[0];
  histogram.clear();
  histogram.add(0, zeros);
  histogram.add(1, positives);
}

/** An arm's summary; `counts` (of the shared length) is overwritten with the histogram. */
function armSummary(histogram: Histogram, counts: Float64Array): ArmSummary {
  const length = counts.length;
  counts.fill(0, histogram.length);
  let n = 0;
  let sum = 0;
  let sumSquares = 0;
  for (let v = 0; v < histogram.length; v++) {
    const people = histogram.counts[v];
    counts[v] = people;
    n += people;
    sum += v * people;
    sumSquares += v * v * people;
  }
  return { n, sum, sumSquares, positives: n - (length > 0 ? counts[0] : 0), histogram: counts };
}

/** Under assurance, each trial draws a multiplier of every group's stated ratio (as `simulateTrial`). */
function drawRatios(trial: TrialContext, trialIndex: number): number[][] {
  const rng = subStream(trial.design.simulation.seed, trialIndex, EFFECT_DRAW_STREAM);
  return trial.design.outcomes.map((outcome, k) => {
    const stated = trial.statedRatios[k];
    const distribution = outcome.effectDistribution;
    if (distribution === null) return [...stated];
    const factor = drawEffectFactor(distribution, rng);
    return stated.map((ratio) => ratio * factor);
  });
}

function drawEffectFactor(distribution: EffectDistribution, rng: Rng): number {
  if (distribution.kind === 'lognormal') return drawLognormal(rng, 1, distribution.sdLog);
  const midpoint = (distribution.from + distribution.to) / 2;
  return (distribution.from + (distribution.to - distribution.from) * rng.next()) / midpoint;
}
