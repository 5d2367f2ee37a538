import type { Design } from '../design.js';
import { drawGamma } from '../distributions/gamma.js';
import { drawPoisson } from '../distributions/poisson.js';
import type { Rng } from '../rng/rng.js';
import { drawMeanOneGamma } from './mean-one-gamma.js';
import type { ModelConstants } from './model-constants.js';
import { drawPriorSplit, drawSelectedTotal } from './selected-person-law.js';

/** The randomised people of one trial, as parallel typed arrays (person i at index i). */
export interface Cohort {
  readonly size: number;
  /** Index into `design.groups`. Shared by every trial of a design (as are `site` and arrays of ones): read only. */
  readonly group: Uint16Array;
  /** Index of the person's site (all 0 without sites). */
  readonly site: Uint16Array;
  /**
   * Shared gamma frailty: mean 1, variance `design.propensityDispersion` (1 when that is 0).
   * Empty (never drawn) when it varies and the counts are drawn from their marginal law
   * (`ModelConstants.marginalCounts`): then it feeds nothing but that law.
   */
  readonly propensity: Float64Array;
  /**
   * Per design outcome: for count outcomes the person's persistent own noise (gamma, mean 1,
   * variance `outcome.dispersion`; all 1 when 0); an empty array for other outcomes, and for
   * every outcome when the counts are drawn from their marginal law (which holds the noise).
   */
  readonly outcomeNoise: Float64Array[];
  /** Per site: gamma rate multiplier with mean 1 and coefficient of variation `sites.rateCV`. */
  readonly siteMultiplier: Float64Array;
  /**
   * Per design outcome: for count outcomes each person's total count over the prior window
   * (empty for other outcomes); null without selection.
   */
  readonly priorCounts: Float64Array[] | null;
}

/** Attempts per person before a selection is declared (practically) impossible. */
export const MAX_SELECTION_ATTEMPTS = 200_000;

/**
 * Draws the cohort of one trial: group sizes fixed by the shares (largest remainder of share × N,
 * N = the design's total), people spread over sites round-robin in group order, each site's rate
 * multiplier, and each person's propensity and own outcome noise. With a selection, every person
 * is drawn from their group's population until eligible: propensity and noise first, then Poisson
 * prior-window counts per selection outcome and window segment (mean ratePerYear × propensity ×
 * noise × site multiplier × months/12); the person is kept when every rule holds. The prior
 * totals become the covariate.
 *
 * Where the selection cells' means are fixed for a group (`constants.selectedLaws`: no own noise
 * on a selection outcome, no site variation), each person is instead drawn directly from the
 * selected law: the prior total by inversion, its split over the cells (redrawn alone until the
 * rules hold), then the propensity from its gamma posterior given the total (`SelectedPersonLaw`).
 *
 * Formula in words: rejection sampling from the population conditioned on eligibility, which is
 * exactly the selected cohort's distribution (and produces regression to the mean); the direct
 * draw has the same law.
 * Reference: Maltz, Gordon, McDowall & McCleary (1980), Evaluation Review 4(2).
 *
 * `constants` are the design's (`prepareModel`).
 *
 * @example MK (165 people, shares 0.44/0.56, no sites) → groups [0 × 73, 1 × 92], site all 0
 * @throws RangeError naming the rule most often failed when a person needs more than
 *   MAX_SELECTION_ATTEMPTS draws (eligible share below about 1 in 10,000 at this site)
 */
export function drawCohort(design: Design, constants: ModelConstants, rng: Rng): Cohort {
  const size = constants.total;
  const { group, site, ones, empty } = constants.shared;
  const siteMultiplier = new Float64Array(constants.siteCount);
  for (let s = 0; s < siteMultiplier.length; s++) siteMultiplier[s] = drawMeanOneGamma(rng, constants.siteVariance);
  if (constants.marginalCounts !== null) {
    // The counts' gamma multipliers are folded into their laws (`planMarginalCounts`): nothing to draw.
    const propensity = design.propensityDispersion > 0 ? empty : ones;
    const outcomeNoise = design.outcomes.map(() => empty);
    return { size, group, site, propensity, outcomeNoise, siteMultiplier, priorCounts: null };
  }
  const propensity = new Float64Array(size);
  // Counts without own dispersion share one array of ones (see ModelConstants.shared).
  const outcomeNoise = design.outcomes.map((o, k) =>
    o.kind !== 'count'
      ? empty
      : constants.noiseVariance[k] > 0 || constants.selection !== null
        ? new Float64Array(size)
        : ones,
  );
  const cohort = { size, group, site, propensity, outcomeNoise, siteMultiplier, priorCounts: null };
  if (constants.selection === null) {
    fillMeanOneGamma(propensity, design.propensityDispersion, rng);
    constants.noiseVariance.forEach((variance, k) => variance > 0 && fillMeanOneGamma(outcomeNoise[k], variance, rng));
    return cohort;
  }
  return { ...cohort, priorCounts: drawSelectedPeople(design, constants, cohort, rng) };
}

/** Fills propensity and noise of selected people (directly or by rejection) and returns the prior-window totals. */
function drawSelectedPeople(
  design: Design,
  constants: ModelConstants,
  cohort: Omit<Cohort, 'priorCounts'>,
  rng: Rng,
): Float64Array[] {
  const plan = constants.selection!;
  const { size, group, site, propensity, outcomeNoise, siteMultiplier } = cohort;
  const outcomes = plan.outcomeIndices;
  const segments = plan.segmentMonths.length;
  const rules = plan.thresholds.length;
  const ruleCells = Array.from(plan.thresholds, (_, r) => Int32Array.from(cellsOf(plan.cellRules, r)));
  const isSelectionOutcome = new Uint8Array(design.outcomes.length);
  for (const k of outcomes) isSelectionOutcome[k] = 1;
  const cells = new Float64Array(outcomes.length * segments);
  const cellMeans = new Float64Array(cells.length);
  const drawn = new Uint8Array(cells.length);
  // Rules with fewer cells first: cheaper to check, so failing attempts stop early.
  const ruleOrder = Array.from(ruleCells, (_, r) => r).sort(
    (a, b) => ruleCells[a].length - ruleCells[b].length || a - b,
  );
  const failures = new Float64Array(rules);
  const priorCounts = design.outcomes.map((o) =>
    o.kind === 'count' ? new Float64Array(size) : constants.shared.empty,
  );
  const dispersion = design.propensityDispersion;
  const priorYears = plan.priorMonths / 12;
  const laws = constants.selectedLaws;

  for (let i = 0; i < size; i++) {
    const g = group[i];
    const multiplier = siteMultiplier[site[i]];
    if (laws !== null) {
      // Directly from the selected law (`SelectedPersonLaw`): the prior total, its split over the
      // cells redrawn until every rule holds, then the propensity given the total.
      const law = laws[g];
      const total = drawSelectedTotal(law, rng);
      for (let attempt = 0; ; attempt++) {
        if (attempt === MAX_SELECTION_ATTEMPTS) throw selectionFailure(design, plan.ruleIndices, failures, g);
        drawPriorSplit(law, total, rng, cells);
        let eligible = true;
        for (let o = 0; o < rules && eligible; o++) {
          const r = ruleOrder[o];
          const list = ruleCells[r];
          let sum = 0;
          for (let c = 0; c < list.length; c++) sum += cells[list[c]];
          if (sum < plan.thresholds[r]) {
            eligible = false;
            failures[r] += 1;
          }
        }
        if (eligible) break;
      }
      propensity[i] = drawGamma(rng, law.shape + total, law.scale);
      for (let j = 0; j < outcomes.length; j++) {
        let sum = 0;
        for (let s = 0; s < segments; s++) sum += cells[j * segments + s];
        priorCounts[outcomes[j]][i] = sum;
        outcomeNoise[outcomes[j]][i] = 1;
      }
    }
    for (let attempt = 0; laws === null; attempt++) {
      if (attempt === MAX_SELECTION_ATTEMPTS) throw selectionFailure(design, plan.ruleIndices, failures, g);
      const x = drawMeanOneGamma(rng, dispersion);
      for (let j = 0; j < outcomes.length; j++) {
        const k = outcomes[j];
        const noise = drawMeanOneGamma(rng, constants.noiseVariance[k]);
        outcomeNoise[k][i] = noise;
        const perMonth = (constants.groupRates[k][g] * x * noise * multiplier) / 12;
        for (let s = 0; s < segments; s++) cellMeans[j * segments + s] = perMonth * plan.segmentMonths[s];
      }
      // Cells are drawn only when a rule needs them, so a failed rule skips the rest (cells are
      // independent Poisson counts, so the order of drawing does not change their distribution).
      drawn.fill(0);
      let eligible = true;
      for (let o = 0; o < rules && eligible; o++) {
        const r = ruleOrder[o];
        const list = ruleCells[r];
        let sum = 0;
        for (let c = 0; c < list.length; c++) {
          const cell = list[c];
          if (drawn[cell] === 0) {
            cells[cell] = drawPoisson(rng, cellMeans[cell]);
            drawn[cell] = 1;
          }
          sum += cells[cell];
        }
        if (sum < plan.thresholds[r]) {
          eligible = false;
          failures[r] += 1;
        }
      }
      if (!eligible) continue;
      for (let cell = 0; cell < cells.length; cell++)
        if (drawn[cell] === 0) cells[cell] = drawPoisson(rng, cellMeans[cell]);
      propensity[i] = x;
      for (let j = 0; j < outcomes.length; j++) {
        let total = 0;
        for (let s = 0; s < segments; s++) total += cells[j * segments + s];
        priorCounts[outcomes[j]][i] = total;
      }
      break;
    }
    // Outcomes outside the rules are independent of eligibility given the multipliers.
    for (let k = 0; k < design.outcomes.length; k++) {
      if (isSelectionOutcome[k] || design.outcomes[k].kind !== 'count') continue;
      const noise = drawMeanOneGamma(rng, constants.noiseVariance[k]);
      outcomeNoise[k][i] = noise;
      priorCounts[k][i] = drawPoisson(
        rng,
        constants.groupRates[k][g] * propensity[i] * noise * multiplier * priorYears,
      );
    }
  }
  return priorCounts;
}

function fillMeanOneGamma(values: Float64Array, variance: number, rng: Rng): void {
  if (!(variance > 0)) {
    values.fill(1);
    return;
  }
  const shape = 1 / variance;
  for (let i = 0; i < values.length; i++) values[i] = drawGamma(rng, shape, variance);
}

function cellsOf(cellRules: Int32Array, rule: number): number[] {
  const cells: number[] = [];
  for (let c = 0; c < cellRules.length; c++) if ((cellRules[c] >> rule) & 1) cells.push(c);
  return cells;
}

function selectionFailure(design: Design, ruleIndices: Int32Array, failures: Float64Array, g: number): RangeError {
  let worst = 0;
  for (let r = 1; r < failures.length; r++) if (failures[r] > failures[worst]) worst = r;
  const rule = design.selection!.require[ruleIndices[worst]];
  return new RangeError(
    `selection: no eligible person of group "${design.groups[g].id}" in ${MAX_SELECTION_ATTEMPTS} draws; ` +
      `the rule most often failed is selection.require[${ruleIndices[worst]}] ` +
      `(${rule.outcomes.join(' + ')} at least ${rule.atLeast} within ${rule.withinMonths} months) — ` +
      `the eligible share of this population is too small to simulate`,
  );
}
