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
import { aggregateSupport, needsJointDraw } from './aggregate-support.js';
import { layOutCells, type CellLayout } from './cell-layout.js';
import { CountHazards, eagerHazards } from './count-hazards.js';
import { drawCountHistogram } from './draw-count-histogram.js';
import { dealCaseloads, forEachCaseworker } from './deal-caseloads.js';
import { ConditionalHazards, drawJointHistograms, jointScratch, type JointPart } from './draw-joint-histograms.js';
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
  /**
   * Counts whose means are the same in every trial (no site variation, no drawn effect): per group
   * g, the hazards not engaged (2g) and engaged (2g + 1) under the stated effects; else empty.
   */
  fixed: CountHazards[];
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
  /** Variance of the caseworker multiplier of treated people (0 without caseworkers). */
  readonly caseworkerVariance: number;
  readonly engagement: Float64Array;
  /** Scratch, reused across trials: treated per cell, site multipliers, histograms per source and slot. */
  readonly treated: Float64Array;
  readonly siteMultiplier: Float64Array;
  readonly histograms: readonly Histogram[][];
  /** Per outcome and arm, reusable summary histograms by length (each trial's arrays are read, never kept, by the analyses). */
  readonly summaryArrays: readonly (readonly [Float64Array[], Float64Array[]])[];
  /**
   * When primary outcomes on different sources share the propensity: the sources in drawing
   * order (counts, then the own-prevalence binary) and what the joint draw reuses; else null.
   */
  readonly joint: { readonly order: Int32Array; readonly hazards: ConditionalHazards; readonly scratch: [Histogram, Histogram] } | null;
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
    sources.push({ kind, outcome: k, base, dispersion, cache: new Map(), fixed: [] });
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
    caseworkerVariance: constants.caseworkerVariance,
    engagement: constants.engagement,
    treated: new Float64Array(layout.cellSize.length),
    siteMultiplier: new Float64Array(layout.siteCount).fill(1),
    histograms: sources.map(() => Array.from({ length: slots }, () => new Histogram())),
    summaryArrays: design.outcomes.map(() => [[], []] as [Float64Array[], Float64Array[]]),
    permutes: design.outcomes.some((o) => o.analysis === 'permutation'),
    joint: needsJointDraw(design)
      ? {
          order: Int32Array.from([...sources.keys()].sort((a, b) => Number(sources[a].kind === 'binary') - Number(sources[b].kind === 'binary') || a - b)),
          hazards: new ConditionalHazards(),
          scratch: jointScratch(),
        }
      : null,
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
  const { trial, layout, histograms } = context;
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
  for (let j = 0; j < histograms.length; j++) for (let slot = 0; slot < histograms[j].length; slot++) histograms[j][slot].clear();
  // As the per-person model, the paired null run is the sharp null: caseworkers change nothing.
  const caseloads = context.caseworkerVariance > 0 && !nullRun ? dealCaseloads(layout, context.treated, design.design.caseworkers!.caseload) : null;
  let caseworkerMultiplier: Float64Array | null = null;
  if (caseloads !== null) {
    caseworkerMultiplier = new Float64Array(caseloads.caseworkers);
    for (let w = 0; w < caseloads.caseworkers; w++) caseworkerMultiplier[w] = drawMeanOneGamma(rng, context.caseworkerVariance);
  }
  for (let c = 0; c < layout.cellSize.length; c++) {
    const multiplier = siteMultiplier[layout.cellSite[c]];
    const treated = context.treated[c];
    drawPeople(context, rng, c, 0, layout.cellSize[c] - treated, multiplier, ratios, nullRun);
    if (caseloads === null) {
      drawPeople(context, rng, c, 1, treated, multiplier, ratios, nullRun);
      continue;
    }
    forEachCaseworker(caseloads, layout, c, treated, (caseworker, people) =>
      drawPeople(context, rng, c, 1, people, multiplier * caseworkerMultiplier![caseworker], ratios, nullRun),
    );
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

/**
 * Draws `people` people of cell c in one arm, all with the same rate multiplier (site, and
 * caseworker when treated): engaged ~ Binomial(people, engagement) among the treated, observed
 * ~ Binomial(·, 1 − attrition) in each part, then every source's histogram of the observed.
 */
function drawPeople(
  context: AggregateTrialContext,
  rng: Rng,
  c: number,
  arm: number,
  people: number,
  multiplier: number,
  ratios: readonly (readonly number[])[],
  nullRun: boolean,
): void {
  if (people === 0) return;
  const { layout, sources, histograms } = context;
  const attrition = context.trial.design.design.attrition;
  const g = layout.cellGroup[c];
  const engaged = arm === 1 ? drawBinomial(rng, people, context.engagement[g]) : 0;
  const slot = (arm * layout.groupCount + g) * layout.unitCount + layout.cellUnit[c];
  for (let part = 0; part < 2; part++) {
    const drawn = part === 1 ? engaged : people - engaged;
    const observed = attrition > 0 ? drawBinomial(rng, drawn, 1 - attrition) : drawn;
    if (observed === 0) continue;
    if (context.joint !== null) {
      drawJointPart(context, rng, g, slot, observed, multiplier, part === 1 ? ratios : null);
      continue;
    }
    for (let j = 0; j < sources.length; j++) {
      const source = sources[j];
      const ratio = part === 1 ? ratios[source.outcome][g] : 1;
      const into = histograms[j][slot];
      if (source.kind === 'count') {
        const fixed = source.fixed.length > 0 ? source.fixed[2 * g + (nullRun ? 0 : part)] : null;
        drawCountHistogram(rng, observed, fixed ?? hazardsFor(source, source.base[g] * multiplier * ratio), into);
      } else {
        const positives = drawBinomial(rng, observed, ownBinaryProbability(source.base[g], source.dispersion, multiplier, ratio));
        into.add(0, observed - positives);
        into.add(1, positives);
      }
    }
  }
}

/** The sources of `observed` people drawn jointly (see `drawJointHistograms`); `ratios` null for people not engaged. */
function drawJointPart(
  context: AggregateTrialContext,
  rng: Rng,
  g: number,
  slot: number,
  observed: number,
  multiplier: number,
  ratios: readonly (readonly number[])[] | null,
): void {
  const joint = context.joint!;
  const parts: JointPart[] = [];
  const into: Histogram[] = [];
  for (const j of joint.order) {
    const source = context.sources[j];
    const ratio = ratios === null ? 1 : ratios[source.outcome][g];
    parts.push(
      source.kind === 'count'
        ? { kind: 'count', mean: source.base[g] * multiplier * ratio }
        : { kind: 'binary', hazard: source.base[g], multiplier, ratio },
    );
    into.push(context.histograms[j][slot]);
  }
  drawJointHistograms(rng, observed, context.trial.design.propensityDispersion, parts, into, joint.hazards, joint.scratch);
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
  const { trial } = context;
  if (context.siteVariance > 0 || context.caseworkerVariance > 0 || trial.drawsEffects) return;
  for (const source of context.sources) {
    if (source.kind !== 'count') continue;
    source.base.forEach((mean, g) => {
      source.fixed[2 * g] = eagerHazards(mean, source.dispersion);
      source.fixed[2 * g + 1] = eagerHazards(mean * trial.statedRatios[source.outcome][g], source.dispersion);
    });
  }
}

/** Both arms' sufficient statistics of outcome k, from its source's histograms over its groups and all units. */
function summariseOutcome(context: AggregateTrialContext, k: number): ArmSummaries {
  const perSlot = context.histograms[context.outcomeSource[k]];
  const groups = context.outcomeGroups[k];
  const { groupCount, unitCount } = context.layout;
  const anyEvent = context.anyEvent[k] === 1;
  // As `summariseArms`: both histograms have length (largest value in either arm) + 1.
  let length = 1;
  for (let arm = 0; arm < 2; arm++) {
    for (let i = 0; i < groups.length; i++) {
      for (let u = 0; u < unitCount; u++) length = Math.max(length, perSlot[(arm * groupCount + groups[i]) * unitCount + u].length);
    }
  }
  if (anyEvent) length = Math.min(length, 2);
  const arrays = context.summaryArrays[k];
  return {
    treated: armSummary(addSlots(context, k, 1, (arrays[1][length] ??= new Float64Array(length)))),
    control: armSummary(addSlots(context, k, 0, (arrays[0][length] ??= new Float64Array(length)))),
  };
}

/** One arm's counts-of-counts of outcome k, summed over its groups and all units into `counts` (of the shared length). */
function addSlots(context: AggregateTrialContext, k: number, arm: number, counts: Float64Array): Float64Array {
  const perSlot = context.histograms[context.outcomeSource[k]];
  const groups = context.outcomeGroups[k];
  const { groupCount, unitCount } = context.layout;
  const anyEvent = context.anyEvent[k] === 1;
  counts.fill(0);
  for (let i = 0; i < groups.length; i++) {
    for (let u = 0; u < unitCount; u++) {
      const histogram = perSlot[(arm * groupCount + groups[i]) * unitCount + u];
      if (anyEvent) {
        for (let v = 0; v < histogram.length; v++) counts[v > 0 ? 1 : 0] += histogram.counts[v];
      } else {
        for (let v = 0; v < histogram.length; v++) counts[v] += histogram.counts[v];
      }
    }
  }
  return counts;
}

/** Per randomisation unit: outcome k's analysed people of both arms, pooled. */
function unitHistograms(context: AggregateTrialContext, k: number): Histogram[] {
  const perSlot = context.histograms[context.outcomeSource[k]];
  const { groupCount, unitCount } = context.layout;
  return Array.from({ length: unitCount }, (_, u) => {
    const pooled = new Histogram();
    const groups = context.outcomeGroups[k];
    for (let arm = 0; arm < 2; arm++) {
      for (let i = 0; i < groups.length; i++) pooled.addHistogram(perSlot[(arm * groupCount + groups[i]) * unitCount + u]);
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

/** An arm's sufficient statistics from its counts-of-counts. */
function armSummary(counts: Float64Array): ArmSummary {
  let n = 0;
  let sum = 0;
  let sumSquares = 0;
  for (let v = 0; v < counts.length; v++) {
    const people = counts[v];
    n += people;
    sum += v * people;
    sumSquares += v * v * people;
  }
  return { n, sum, sumSquares, positives: n - counts[0], histogram: counts };
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
