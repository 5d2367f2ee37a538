/**
 * Randomisation inference redraws the assignment by the design's own scheme, many times per test.
 * One re-randomiser for both forms: each redraw reports what the permutation statistic reads — how
 * many analysed people the redrawn assignment treats, and their total.
 */
import { drawMultivariateHypergeometric } from '../distributions/multivariate-hypergeometric.js';
import { drawUniformIndex } from '../distributions/uniform-index.js';
import type { CellLayout } from '../model/cell-layout.js';
import type { Histogram } from '../model/histogram.js';
import type { Rng } from '../rng/rng.js';
import { drawAssignment, type AssignmentPlan } from './assign.js';
import { drawTreatedSites } from './cluster.js';
import { drawCompleteCounts } from './complete.js';
import { drawSimpleCounts } from './simple.js';
import { walkBlocks } from './stratified.js';

/** One redrawn assignment, reduced to the analysed treated people: how many, and their total. */
export interface Redrawn {
  n: number;
  total: number;
}

/** Redraws the assignment by the design's scheme and writes the analysed treated people's count and total to `into`. */
export interface Rerandomiser {
  redraw(rng: Rng, into: Redrawn): void;
}

/**
 * Person form: each redraw draws the whole cohort's assignment by the plan (`drawAssignment`) and
 * sums the analysed people's `values` (person `indices[j]` has value `values[j]`; null indices =
 * everyone, in order). Under the sharp null of no effect, with attrition independent of
 * assignment, these redraws are the assignment's true reference distribution, arm sizes and
 * strata included.
 * Reference: Fisher (1935); Gerber & Green, Field Experiments (2012), ch. 3.
 *
 * @example complete 2 of 4, values [5, 6, 0, 1], redraw treats people 1 and 3 → { n 2, total 7 }
 */
export function rerandomisePeople(
  plan: AssignmentPlan,
  indices: Int32Array | null,
  values: Float64Array,
): Rerandomiser {
  return {
    redraw(rng: Rng, into: Redrawn): void {
      const full = drawAssignment(plan, rng);
      let n = 0;
      let total = 0;
      for (let j = 0; j < values.length; j++) {
        if (full[indices === null ? j : indices[j]] === 1) {
          n++;
          total += values[j];
        }
      }
      into.n = n;
      into.total = total;
    },
  };
}

/**
 * Cell form: each redraw is drawn from the analysed people's counts-of-counts per randomisation
 * unit (`unitHistograms[u]`: both arms pooled) instead of person arrays, with the law of the
 * person form.
 *
 * Formula in words: in a unit of N people of whom m are analysed and T are treated, the treated
 * analysed number is Hypergeometric(m, N − m, T) (complete randomisation of the unit's two
 * groups, analysed and not), and which analysed people they are is a uniform subset — so their
 * total is a multivariate hypergeometric draw from the unit's histogram (`TotalSampler`). Units:
 * the whole cohort (complete), each block with the block walk (stratified), whole sites (cluster:
 * the treated units' histograms add up); under simple randomisation each analysed person is
 * treated independently, so Binomial(count, share) of each value.
 * Reference: Fisher (1935); Gerber & Green (2012) ch. 3.
 *
 * @example complete 2 of 6, pooled histogram [1, 1, 1, 1, 0, 1, 1] → redraws whose total is that
 *   of a uniform pair of the values 0, 1, 2, 3, 5, 6
 */
export function rerandomiseCells(
  plan: AssignmentPlan,
  layout: CellLayout,
  unitHistograms: readonly Histogram[],
): Rerandomiser {
  const analysed = Float64Array.from(unitHistograms, people);
  const samplers = unitHistograms.map((histogram) => new TotalSampler(histogram));
  switch (plan.kind) {
    case 'simple': {
      let longest = 0;
      for (const histogram of unitHistograms) longest = Math.max(longest, histogram.length);
      const treatedPerValue = new Float64Array(longest);
      return {
        redraw(rng, into) {
          into.n = 0;
          into.total = 0;
          for (const histogram of unitHistograms) {
            drawSimpleCounts(rng, histogram.counts, plan.probability, treatedPerValue, histogram.length);
            for (let v = 0; v < histogram.length; v++) {
              into.n += treatedPerValue[v];
              into.total += v * treatedPerValue[v];
            }
          }
        },
      };
    }
    case 'complete':
    case 'stratified': {
      const groups = new Float64Array(2);
      const split = new Float64Array(2);
      let current: Redrawn = { n: 0, total: 0 };
      let stream: Rng | null = null;
      // The unit's places split between its analysed people and the rest; then which analysed ones.
      const visit = (unit: number, places: number) => {
        groups[0] = analysed[unit];
        groups[1] = layout.unitSize[unit] - analysed[unit];
        drawCompleteCounts(stream!, groups, places, split);
        current.n += split[0];
        current.total += samplers[unit].draw(split[0], stream!);
      };
      return {
        redraw(rng, into) {
          into.n = 0;
          into.total = 0;
          current = into;
          stream = rng;
          if (plan.kind === 'complete') visit(0, plan.treated);
          else walkBlocks(plan.blocks, plan.treated, rng, visit);
        },
      };
    }
    case 'cluster': {
      const totals = Float64Array.from(unitHistograms, total);
      return {
        redraw(rng, into) {
          const siteTreated = drawTreatedSites(plan.siteCount, plan.treatedSites, rng);
          into.n = 0;
          into.total = 0;
          for (let u = 0; u < unitHistograms.length; u++) {
            if (siteTreated[u] !== 1) continue;
            into.n += analysed[u];
            into.total += totals[u];
          }
        },
      };
    }
    case 'rollout':
      throw new Error('a rollout is re-randomised by permuting crossover times (drawCrossover), not by cells');
  }
}

// Taking s people one by one costs about as much as 1/20 of a hypergeometric draw per histogram value.
const PEOPLE_PER_VALUE = 20;

/**
 * Σ value over people taken without replacement from one histogram: by the multivariate
 * hypergeometric chain over its values, or, when fewer people are taken (or left) than the chain
 * would cost, by taking them one at a time from the listed values (a partial Fisher–Yates
 * shuffle) — the same law either way.
 */
class TotalSampler {
  private readonly population: number;
  private readonly total: number;
  private values: Float64Array | null = null;
  private counts: Float64Array | null = null;
  private taken: Float64Array | null = null;

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
    const { length } = this.histogram;
    this.counts ??= this.histogram.counts.subarray(0, length);
    this.taken ??= new Float64Array(length);
    drawMultivariateHypergeometric(rng, this.counts, draws, this.taken);
    let sum = 0;
    for (let v = 0; v < length; v++) sum += v * this.taken[v];
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
