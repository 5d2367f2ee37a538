import type { Rng } from '../rng/rng.js';
import { drawBinomialOnce, drawBinomialStep } from '../distributions/binomial-step.js';
import type { CountHazardWalk } from './count-hazard-walk.js';
import type { CountHazards } from './count-hazards.js';
import type { Histogram } from './histogram.js';

/**
 * Draws the counts-of-counts of `people` independent people whose counts all follow one law (the
 * hazards' negative binomial), exactly, and adds them to `into`: a multinomial over the law's
 * whole infinite support, drawn as a chain of binomials that stops when nobody is left.
 *
 * Formula in words: of the n₀ = n people, Binomial(n₀, h(0)) have 0; of the n₁ left,
 * Binomial(n₁, h(1)) have 1; and so on, with h(y) = P(Y = y)/P(Y ≥ y) — by the chain rule the
 * joint law of the cell counts is exactly Multinomial(n; P(0), P(1), …), with no last cell
 * absorbing a truncated tail. About (largest value + 1) binomial draws per call.
 * Reference: Devroye (1986) §XI.1; C. S. Davis (1993), Comput. Stat. Data Anal. 16:205.
 *
 * @example drawCountHistogram(rng, 1000, new CountHazards(1.2, 1.25), histogram) adds about
 *   [499, 173, 110, …] (1000 × the NB pmf) to the histogram
 */
export function drawCountHistogram(rng: Rng, people: number, hazards: CountHazards, into: Histogram): void {
  let left = people;
  for (let y = 0; left > 0; y++) {
    const here = drawBinomialStep(rng, left, hazards.step(y));
    if (here > 0) into.add(y, here);
    left -= here;
  }
}

/**
 * `drawCountHistogram` for a count law drawn from once: the hazards come from `walk` (started on
 * the law) as the chain reaches them, and are not kept. The same uniforms and the same histogram as
 * `drawCountHistogram` with a table of that law (`CountHazards` computes its values with the same
 * walk, and `drawBinomialOnce` is `drawBinomialStep` on a fresh step); only nothing is allocated.
 *
 * @example walk.start(1.2, 1.25); drawCountHistogramWalking(rng, 1000, walk, histogram) adds about
 *   [499, 173, 110, …], as the example above
 */
export function drawCountHistogramWalking(rng: Rng, people: number, walk: CountHazardWalk, into: Histogram): void {
  let left = people;
  for (let y = 0; left > 0; y++) {
    const here = drawBinomialOnce(rng, left, walk.next());
    if (here > 0) into.add(y, here);
    left -= here;
  }
}
