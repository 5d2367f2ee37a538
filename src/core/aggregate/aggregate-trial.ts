/**
 * One simulated trial drawn cell by cell instead of person by person: the exact aggregated path.
 * Same contract as `simulateTrial` (src/core/trial.ts): trial i is a pure function of (design,
 * seed, i), with the same stream derivation, and the same `TrialRecord` for the same tallies.
 */
import { analyse } from '../analysis/analyse.js';
import type { AnalysisResult } from '../analysis/analysis-result.js';
import { drawTreatedCounts } from '../assignment/assign.js';
import { drawBinomial } from '../distributions/binomial.js';
import { drawLognormal } from '../distributions/lognormal.js';
import { drawTrialRatios } from '../inquiry/draw-trial-ratios.js';
import { computeLogEstimands } from '../inquiry/inquiry.js';
import { MAX_SELECTION_ATTEMPTS } from '../model/cohort.js';
import type { Histogram } from '../model/histogram.js';
import { drawMeanOneGamma } from '../model/mean-one-gamma.js';
import type { PreparedDesign } from '../prepare-design.js';
import type { Rng } from '../rng/rng.js';
import { subStream, trialStream } from '../rng/trial-stream.js';
import type { TrialRecord } from '../trial-record.js';
import type { AggregateTrialContext, Source } from './aggregate-context.js';
import { drawBinomialStep } from './binomial-step.js';
import { CountHazards } from './count-hazards.js';
import { dealCaseloads, forEachCaseworker } from './deal-caseloads.js';
import { drawCountHistogram } from './draw-count-histogram.js';
import { drawJointHistograms, type JointPart } from './draw-joint-histograms.js';
import { ownBinaryProbability } from './own-binary-probability.js';
import { SelectedTotals } from './selected-prior-law.js';
import { cellAnalysisInput } from './summarise-cells.js';

// The same sub-stream purposes as `simulateTrial`, so both paths use a trial's streams alike.
const PERMUTATION_STREAM = 1;
const NULL_PERMUTATION_STREAM = 2;
// Hazard tables kept per source before the cache is emptied (means vary per trial with sites or drawn effects).
const CACHE_LIMIT = 512;

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
 * (`ownBinaryProbability`). Treated people are split further by caseworker (`dealCaseloads`; each
 * caseload's gamma multiplier drawn per trial, 1 in the null run). Where the propensity ties the
 * results to several sources at once — primary outcomes on different sources, or selection on the
 * prior window — the sources are drawn jointly instead (`drawJointHistograms`), starting, with
 * selection, from the selected people's prior totals (`SelectedTotals`). People in such a part
 * are independent and identically distributed given the drawn multipliers — which is why this is
 * exact, not an approximation. Derived binaries read "count > 0" off their count's histogram;
 * `within` outcomes use their group's cells only; permutation tests re-randomise histograms
 * (`testByHistogramPermutation`).
 * Reference: DeclareDesign's MIDA (Blair, Cooper, Coppock & Humphreys 2019, APSR 113:838); the
 * multinomial sufficiency of counts-of-counts for exchangeable people (Fisher 1922).
 *
 * @example simulateAggregateTrial(prepareDesign(REF), 0, false).results.length → 2
 */
export function simulateAggregateTrial(prepared: PreparedDesign, trialIndex: number, nullRun: boolean): TrialRecord {
  const context = prepared.cells!;
  const { layout, histograms } = context;
  const design = prepared.design;
  const seed = design.simulation.seed;
  const rng = trialStream(seed, trialIndex);
  let ratios = nullRun ? prepared.nullRatios : prepared.statedRatios;
  let logEstimands = nullRun ? prepared.nullLogEstimands : prepared.statedLogEstimands;
  if (!nullRun && prepared.drawsEffects) {
    ratios = drawTrialRatios(design, prepared.statedRatios, trialIndex);
    logEstimands = computeLogEstimands(prepared.inquiry, ratios);
  }
  const siteMultiplier = context.siteMultiplier;
  if (context.siteVariance > 0)
    for (let s = 0; s < siteMultiplier.length; s++) siteMultiplier[s] = drawMeanOneGamma(rng, context.siteVariance);
  drawTreatedCounts(prepared.assignment, layout, rng, context.treated);
  for (let j = 0; j < histograms.length; j++)
    for (let slot = 0; slot < histograms[j].length; slot++) histograms[j][slot].clear();
  for (const plan of context.harm) for (const list of plan.values) list.clear();
  // As the per-person model, the paired null run is the sharp null: caseworkers change nothing.
  const caseloads =
    context.caseworkerVariance > 0 && !nullRun
      ? dealCaseloads(layout, context.treated, design.plan.caseworkers!.caseload)
      : null;
  let caseworkerMultiplier: Float64Array | null = null;
  if (caseloads !== null) {
    caseworkerMultiplier = new Float64Array(caseloads.caseworkers);
    for (let w = 0; w < caseloads.caseworkers; w++)
      caseworkerMultiplier[w] = drawMeanOneGamma(rng, context.caseworkerVariance);
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
      drawPeople(
        context,
        rng,
        c,
        1,
        people,
        multiplier * caseworkerMultiplier![caseworker],
        ratios,
        nullRun,
        multiplier,
      ),
    );
  }
  // Seeding a stream costs about as much as drawing a cell, so only permutation tests get one.
  const analysisRng = prepared.permutes
    ? subStream(seed, trialIndex, nullRun ? NULL_PERMUTATION_STREAM : PERMUTATION_STREAM)
    : null;
  const results: AnalysisResult[] = design.outcomes.map((outcome, k) =>
    analyse(outcome.analysis, cellAnalysisInput(context, prepared.assignment, k), design.analysis, analysisRng),
  );
  return { results, logEstimands };
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
  siteMultiplier: number = multiplier,
): void {
  if (people === 0) return;
  const { layout, sources, histograms } = context;
  const attrition = context.design.plan.attrition;
  const g = layout.cellGroup[c];
  const engaged = arm === 1 ? drawBinomial(rng, people, context.engagement[g]) : 0;
  const slot = (arm * layout.groupCount + g) * layout.unitCount + layout.cellUnit[c];
  for (let part = 0; part < 2; part++) {
    const drawn = part === 1 ? engaged : people - engaged;
    const observed = attrition > 0 ? drawBinomial(rng, drawn, 1 - attrition) : drawn;
    if (observed === 0) continue;
    if (context.joint !== null) {
      drawJointPart(context, rng, g, slot, observed, multiplier, part === 1 ? ratios : null, siteMultiplier);
      continue;
    }
    for (let j = 0; j < sources.length; j++) {
      const source = sources[j];
      const ratio = part === 1 ? ratios[source.outcome][g] : 1;
      const into = histograms[j][slot];
      if (source.kind === 'count') {
        const fixed = source.fixed.length > 0 ? source.fixed[2 * g + (nullRun ? 0 : part)] : null;
        const hazards = fixed ?? hazardsFor(source, source.base[g] * multiplier * ratio);
        if (source.harms.length === 0) {
          drawCountHistogram(rng, observed, hazards, into);
        } else {
          source.part.clear();
          drawCountHistogram(rng, observed, hazards, source.part);
          into.addHistogram(source.part);
          drawHarm(context, rng, source, g, slot, part === 1 ? ratios : null);
        }
      } else {
        const positives = drawBinomial(
          rng,
          observed,
          ownBinaryProbability(source.base[g], source.dispersion, multiplier, ratio),
        );
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
  siteMultiplier: number,
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
    if (source.harms.length > 0) source.part.clear();
    into.push(source.harms.length > 0 ? source.part : context.histograms[j][slot]);
  }
  const dispersion = context.design.propensityDispersion;
  let prior: { totals: Histogram; mean: number } | null = null;
  if (context.selection !== null) {
    // Selected people's prior-window totals first (the prior window has the site's multiplier, not the caseworker's).
    const law = selectedTotalsFor(context.selection, g, siteMultiplier, dispersion);
    const totals = context.selection.totals;
    totals.clear();
    let left = observed;
    for (let t = 0; left > 0; t++) {
      const here = drawBinomialStep(rng, left, law.step(t));
      if (here > 0) totals.add(t, here);
      left -= here;
    }
    prior = { totals, mean: law.priorMean };
  }
  drawJointHistograms(rng, observed, dispersion, parts, into, joint.hazards, joint.scratch, prior);
  for (const j of joint.order) {
    const source = context.sources[j];
    if (source.harms.length === 0) continue;
    context.histograms[j][slot].addHistogram(source.part);
    drawHarm(context, rng, source, g, slot, ratios);
  }
}

/**
 * The harm of the people just drawn (`source.part`: their counts) for each harm outcome on this
 * count, as the per-person model: each person with y events gets the sum of y lognormal
 * severities (median, sdLog), × the severity ratio when engaged (`ratios` null when not); the
 * values go to the slot's list (people without events have harm 0 and are not listed).
 */
function drawHarm(
  context: AggregateTrialContext,
  rng: Rng,
  source: Source,
  g: number,
  slot: number,
  ratios: readonly (readonly number[])[] | null,
): void {
  const counts = source.part;
  for (const h of source.harms) {
    const plan = context.harm[h];
    const ratio = ratios === null ? 1 : ratios[plan.outcome][g];
    const list = plan.values[slot];
    for (let y = 1; y < counts.length; y++) {
      for (let person = 0; person < counts.counts[y]; person++) {
        let sum = 0;
        for (let event = 0; event < y; event++) sum += drawLognormal(rng, plan.median, plan.sdLog);
        list.push(ratios === null ? sum : sum * ratio);
      }
    }
  }
}

/** The law of selected people's prior totals in group g at a site with this multiplier (cached). */
function selectedTotalsFor(
  selection: NonNullable<AggregateTrialContext['selection']>,
  g: number,
  siteMultiplier: number,
  dispersion: number,
): SelectedTotals {
  const laws = selection.laws[g];
  let law = laws.get(siteMultiplier);
  if (law === undefined) {
    if (laws.size >= CACHE_LIMIT) laws.clear();
    law = new SelectedTotals(selection.priorMean[g] * siteMultiplier, dispersion, selection.eligibility[g]);
    // As the per-person engine, a population with (practically) nobody eligible cannot be simulated.
    if (!(law.eligibleShare >= 1 / MAX_SELECTION_ATTEMPTS)) {
      throw new RangeError(
        `selection: the eligible share of group ${g} at this site is ${law.eligibleShare.toPrecision(3)}, too small to simulate`,
      );
    }
    laws.set(siteMultiplier, law);
  }
  return law;
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
