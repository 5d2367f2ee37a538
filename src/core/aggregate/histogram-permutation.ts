import { failedResult, type AnalysisResult } from '../analysis/analysis-result.js';
import { logRatioOfMeansResult } from '../analysis/log-ratio-of-means.js';
import type { ArmSummaries } from '../analysis/outcome-data.js';
import { allocateTreated } from '../assignment/allocate-treated.js';
import { treatedSiteCount } from '../assignment/cluster.js';
import { assignComplete } from '../assignment/complete.js';
import { armSizes, type AnalysisPlan, type Design } from '../design.js';
import { drawBinomial } from '../distributions/binomial.js';
import { drawHypergeometric } from '../distributions/hypergeometric.js';
import { drawUniformIndex } from '../distributions/uniform-index.js';
import type { Rng } from '../rng/rng.js';
import type { CellLayout } from './cell-layout.js';
import { assignmentShare } from './draw-treated-counts.js';
import type { Histogram } from './histogram.js';

/** Ties between a re-randomised and the observed statistic are decided with this slack (as `testByPermutation`). */
const TOLERANCE = 1e-12;
// Taking s people one by one costs about as much as 1/20 of a hypergeometric draw per histogram value.
const PEOPLE_PER_VALUE = 20;

/**
 * Randomisation inference for the difference in arm means from counts-of-counts: the same test as
 * `testByPermutation` (same statistic, same p-value (1 + #{|T*| ≥ |T|})/(R + 1), same slack for
 * ties, an empty re-drawn arm counted as extreme, the log ratio of means as estimate), with each
 * re-randomisation drawn from the analysed people's pooled histograms instead of person arrays.
 *
 * Formula in words: the per-person test redraws the whole cohort's assignment by the design's
 * mechanism and keeps the analysed people (observed, of the outcome's group). In a unit of N
 * people of whom m are analysed and T are treated, the treated analysed number is then
 * Hypergeometric(m, N − m, T), and which analysed people they are is a uniform subset — so their
 * counts-of-counts are a multivariate hypergeometric draw from the unit's pooled histogram.
 * Units: the whole cohort (complete), each block with `allocateTreated`'s tie-breaking
 * (stratified), whole sites (cluster: the treated units' histograms add up); under simple
 * randomisation each analysed person is treated independently, so Binomial(count, share) of each
 * value. Only the treated size and total are needed: T* = S₁/n₁ − (S − S₁)/(n − n₁).
 * Reference: Fisher (1935); Gerber & Green, Field Experiments (2012) ch. 3; Phipson & Smyth
 * (2010) for the p-value.
 *
 * @example treated [5, 6] and control [0, 1, 2, 3] under complete randomisation of 2 of 6: the
 *   pooled histogram [1, 1, 1, 1, 0, 1, 1]; exact p = 1/15; with R = 9999 re-draws p ≈ 0.067
 */
export function testByHistogramPermutation(
  design: Design,
  layout: CellLayout,
  unitHistograms: readonly Histogram[],
  summaries: ArmSummaries,
  plan: AnalysisPlan,
  rng: Rng,
): AnalysisResult {
  const { treated, control } = summaries;
  if (treated.n === 0 || control.n === 0) return failedResult('an arm is empty');
  const analysed = treated.n + control.n;
  const grandTotal = treated.sum + control.sum;
  const observed = treated.sum / treated.n - (grandTotal - treated.sum) / control.n;
  const slack = TOLERANCE * Math.max(1, Math.abs(observed));
  const oneSided = plan.sides === 'one';
  const redraw = redrawer(design, layout, unitHistograms, rng);
  const drawn = { n: 0, total: 0 };
  let extreme = 0;
  for (let r = 0; r < plan.permutations; r++) {
    redraw(drawn);
    const n0 = analysed - drawn.n;
    if (drawn.n === 0 || n0 === 0) {
      extreme++;
      continue;
    }
    const statistic = drawn.total / drawn.n - (grandTotal - drawn.total) / n0;
    if (oneSided ? statistic <= observed + slack : Math.abs(statistic) >= Math.abs(observed) - slack) extreme++;
  }
  return logRatioOfMeansResult(summaries, plan.alpha, (1 + extreme) / (plan.permutations + 1));
}

type Redraw = (drawn: { n: number; total: number }) => void;

function redrawer(design: Design, layout: CellLayout, histograms: readonly Histogram[], rng: Rng): Redraw {
  const sizes = armSizes(design.plan.size);
  const share = assignmentShare(design);
  const analysed = Float64Array.from(histograms, people);
  const samplers = histograms.map((histogram) => new TotalSampler(histogram));
  switch (design.plan.randomisation) {
    case 'simple':
      return (drawn) => {
        drawn.n = 0;
        drawn.total = 0;
        for (const histogram of histograms) {
          for (let v = 0; v < histogram.length; v++) {
            const count = histogram.counts[v];
            if (count === 0) continue;
            const here = drawBinomial(rng, count, share);
            drawn.n += here;
            drawn.total += v * here;
          }
        }
      };
    case 'complete':
      return (drawn) => {
        const k = drawHypergeometric(rng, analysed[0], layout.unitSize[0] - analysed[0], sizes.treated);
        drawn.n = k;
        drawn.total = samplers[0].draw(k, rng);
      };
    case 'stratified': {
      const strata = layout.strata!;
      const unitSizes = Int32Array.from(layout.unitSize);
      return (drawn) => {
        drawn.n = 0;
        drawn.total = 0;
        const stratumTreated = allocateTreated(strata.stratumSizes, sizes.treated, rng);
        for (let start = 0; start < layout.unitCount;) {
          const stratum = strata.unitStratum[start];
          let end = start;
          while (end < layout.unitCount && strata.unitStratum[end] === stratum) end++;
          const blockTreated = allocateTreated(unitSizes.subarray(start, end), stratumTreated[stratum], rng);
          for (let u = start; u < end; u++) {
            const k = drawHypergeometric(rng, analysed[u], layout.unitSize[u] - analysed[u], blockTreated[u - start]);
            drawn.n += k;
            drawn.total += samplers[u].draw(k, rng);
          }
          start = end;
        }
      };
    }
    case 'cluster': {
      const treatedSites = treatedSiteCount(layout.siteCount, share);
      const totals = Float64Array.from(histograms, total);
      return (drawn) => {
        const siteTreated = assignComplete(layout.siteCount, treatedSites, rng);
        drawn.n = 0;
        drawn.total = 0;
        for (let u = 0; u < layout.unitCount; u++) {
          if (siteTreated[u] !== 1) continue;
          drawn.n += analysed[u];
          drawn.total += totals[u];
        }
      };
    }
  }
}

/**
 * Σ value over people taken without replacement from one histogram: by the multivariate
 * hypergeometric chain (one draw per value), or, when fewer people are taken (or left) than the
 * chain would cost, by taking them one at a time from the listed values (a partial Fisher–Yates
 * shuffle) — the same law either way.
 */
class TotalSampler {
  private readonly population: number;
  private readonly total: number;
  private values: Float64Array | null = null;

  constructor(private readonly histogram: Histogram) {
    this.population = people(histogram);
    this.total = total(histogram);
  }

  draw(draws: number, rng: Rng): number {
    const fewer = Math.min(draws, this.population - draws);
    if (fewer > PEOPLE_PER_VALUE * this.histogram.length) return this.byChain(draws, rng);
    const sum = this.oneByOne(fewer, rng);
    return fewer === draws ? sum : this.total - sum;
  }

  private byChain(draws: number, rng: Rng): number {
    const { counts, length } = this.histogram;
    let left = draws;
    let rest = this.population;
    let sum = 0;
    for (let v = 0; v < length && left > 0; v++) {
      const count = counts[v];
      rest -= count;
      const here = count === 0 ? 0 : rest === 0 ? left : drawHypergeometric(rng, count, rest, left);
      sum += v * here;
      left -= here;
    }
    return sum;
  }

  private oneByOne(draws: number, rng: Rng): number {
    if (this.values === null) {
      this.values = new Float64Array(this.population);
      for (let v = 0, i = 0; v < this.histogram.length; v++)
        for (let c = 0; c < this.histogram.counts[v]; c++) this.values[i++] = v;
    }
    const values = this.values;
    let sum = 0;
    // The first `draws` places of a partial shuffle are a uniform sample; the order left behind does not matter.
    for (let i = 0; i < draws; i++) {
      const j = i + drawUniformIndex(rng, this.population - i);
      const picked = values[j];
      values[j] = values[i];
      values[i] = picked;
      sum += picked;
    }
    return sum;
  }
}

function people(histogram: Histogram): number {
  let n = 0;
  for (let v = 0; v < histogram.length; v++) n += histogram.counts[v];
  return n;
}

function total(histogram: Histogram): number {
  let sum = 0;
  for (let v = 0; v < histogram.length; v++) sum += v * histogram.counts[v];
  return sum;
}
