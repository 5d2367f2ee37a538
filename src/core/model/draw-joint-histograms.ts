import type { Rng } from '../rng/rng.js';
import { drawBinomial } from '../distributions/binomial.js';
import { drawBinomialStep } from '../distributions/binomial-step.js';
import { CountHazards } from './count-hazards.js';
import { Histogram } from './histogram.js';
import { ownBinaryProbability } from './own-binary-probability.js';

// Hazard tables kept before the cache is emptied.
const CACHE_LIMIT = 2048;

/** One random source of a cell whose people share a gamma propensity across sources. */
export type JointPart =
  /** A count with this mean for the cell (rate × years × site and caseworker multipliers × ratio). */
  | { readonly kind: 'count'; readonly mean: number }
  /** An own-prevalence binary: group hazard, the cell's multiplier, and the risk ratio. */
  | { readonly kind: 'binary'; readonly hazard: number; readonly multiplier: number; readonly ratio: number };

/** Hazard tables of conditional negative binomials, by (dispersion, mean). */
export class ConditionalHazards {
  private readonly tables = new Map<number, Map<number, CountHazards>>();
  private size = 0;

  /** The hazards of a negative binomial with this mean and dispersion. */
  get(mean: number, dispersion: number): CountHazards {
    let byMean = this.tables.get(dispersion);
    if (byMean === undefined) {
      byMean = new Map();
      this.tables.set(dispersion, byMean);
    }
    let hazards = byMean.get(mean);
    if (hazards === undefined) {
      if (this.size >= CACHE_LIMIT) {
        this.tables.clear();
        this.size = 0;
        return this.get(mean, dispersion);
      }
      hazards = new CountHazards(mean, dispersion);
      byMean.set(mean, hazards);
      this.size += 1;
    }
    return hazards;
  }
}

/**
 * Draws the joint counts-of-counts of several sources for `people` people who each have one gamma
 * propensity X (mean 1, dispersion d = 1/r) multiplying all their sources, and adds each
 * source's marginal histogram to `into` (same order as `parts`). Counts come first, then at most
 * one own-prevalence binary. Exact: the joint law of (Y₁, Y₂, …) is negative multinomial, drawn by
 * conditioning one source at a time on the people's running total T of earlier counts. With
 * `prior`, the people start from their prior-window totals (histogram, and its total mean M₀):
 * selection on the prior window then carries over to follow-up through the same conditioning.
 *
 * Formula in words: given earlier counts with total T and total mean M, X ~ Gamma(shape r + T,
 * rate r + M) (gamma–Poisson conjugacy), so the next count is negative binomial with size r + T
 * (dispersion 1/(r + T)) and mean μ·(r + T)/(r + M); the people of each running total are split
 * by that law's histogram (`drawCountHistogram`'s hazard chain) and move to total T + y. A final
 * binary has chance E[min(1, ratio·(1 − e^(−c·X)))] under that gamma (`ownBinaryProbability` with
 * dispersion 1/(r + T) and multiplier × (r + T)/(r + M)).
 * Reference: Johnson, Kotz & Balakrishnan, Discrete Multivariate Distributions (1997) ch. 36
 * (negative multinomial); Bernardo & Smith (1994) for the gamma–Poisson posterior.
 *
 * @example d = 1, two counts with means 1 and 0.5: each person's second count has mean
 *   0.5 × (1 + y₁)/2 given their first, y₁ — correlated, as the per-person model
 */
export function drawJointHistograms(
  rng: Rng,
  people: number,
  dispersion: number,
  parts: readonly JointPart[],
  into: readonly Histogram[],
  hazards: ConditionalHazards,
  scratch: [Histogram, Histogram],
  prior: { readonly totals: Histogram; readonly mean: number } | null = null,
): void {
  const shape = 1 / dispersion;
  let [totals, next] = scratch;
  totals.clear();
  if (prior === null) totals.add(0, people);
  else totals.addHistogram(prior.totals);
  let meanSoFar = prior === null ? 0 : prior.mean;
  parts.forEach((part, j) => {
    if (part.kind === 'binary') {
      let positives = 0;
      for (let total = 0; total < totals.length; total++) {
        const n = totals.counts[total];
        if (n === 0) continue;
        const a = shape + total;
        const b = shape + meanSoFar;
        positives += drawBinomial(
          rng,
          n,
          ownBinaryProbability(part.hazard, 1 / a, (part.multiplier * a) / b, part.ratio),
        );
      }
      into[j].add(0, people - positives);
      into[j].add(1, positives);
      return;
    }
    next.clear();
    for (let total = 0; total < totals.length; total++) {
      let left = totals.counts[total];
      if (left === 0) continue;
      const law = hazards.get((part.mean * (shape + total)) / (shape + meanSoFar), 1 / (shape + total));
      for (let y = 0; left > 0; y++) {
        const here = drawBinomialStep(rng, left, law.step(y));
        if (here === 0) continue;
        into[j].add(y, here);
        next.add(total + y, here);
        left -= here;
      }
    }
    [totals, next] = [next, totals];
    meanSoFar += part.mean;
  });
}

/** Two scratch histograms for `drawJointHistograms`. */
export function jointScratch(): [Histogram, Histogram] {
  return [new Histogram(), new Histogram()];
}
