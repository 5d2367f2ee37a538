import type { Rng } from '../rng/rng.js';
import { logNegativeBinomialPmf } from './negative-binomial-probability.js';

// The table stops at the first k past the mean whose probability is below this: the mass beyond
// is then far below a uniform's resolution (2^-32), and the draw walks on past the table anyway.
const TABLE_TAIL_PROBABILITY = 1e-20;
/** Longest table built; a law that needs more (μ·α in the thousands) gets none (null). */
export const MAX_TABLE_LENGTH = 1 << 14;

/**
 * A negative-binomial law laid out for drawing by inversion with a guide table: its cumulative
 * probabilities from 0 up to far into the tail, and the guide that sends a uniform straight to
 * (or just before) its value.
 */
export interface NegativeBinomialTable {
  readonly mean: number;
  /** α in Var = μ + αμ² (α = 1/θ of R's glm.nb; 0 is the Poisson). */
  readonly dispersion: number;
  /** The last value the table holds. */
  readonly last: number;
  /** cumulative[k] = P(X ≤ k) for k = 0 … last, then +∞ (a sentinel that ends every search). */
  readonly cumulative: Float64Array;
  /** guide[j] = the smallest k with P(X ≤ k) > j/m, m = guide.length (= last + 1). */
  readonly guide: Int32Array;
  /** P(X = last), where the walk beyond the table resumes. */
  readonly lastProbability: number;
}

/**
 * Lays out the negative-binomial law with mean μ and dispersion α (Var = μ + αμ², α = 1/θ of
 * R's glm.nb, α = 0 the Poisson) for `drawFromTable`; null when the table would need more than
 * MAX_TABLE_LENGTH values.
 *
 * Formula in words: f(0) = (1 + αμ)^(−1/α) (e^(−μ) for α = 0) and
 * f(k+1) = f(k) · (1 + αk)·μ / ((k+1)(1 + αμ)), summed into the cumulative probabilities up to
 * the first k ≥ μ with f(k) < 10⁻²⁰; the guide table of size m = last + 1 holds, for each
 * j < m, the first k whose cumulative probability exceeds j/m (Chen & Asau's guide table), so a
 * draw starts its search at most a step or two from its value.
 * Reference: H.-C. Chen & Y. Asau, "On generating random variates from an empirical
 * distribution", AIIE Transactions 6 (1974) 163–166; L. Devroye, Non-Uniform Random Variate
 * Generation (1986), §III.2.4; Hilbe, Negative Binomial Regression (2011), §8.2 (NB2).
 *
 * @example negativeBinomialTable(1.2, 1.25).cumulative[0] → 0.48044977359257…
 *   (R: dnbinom(0, size = 0.8, mu = 1.2))
 */
export function negativeBinomialTable(mean: number, dispersion: number): NegativeBinomialTable | null {
  if (!(mean >= 0 && mean < Infinity && dispersion >= 0 && dispersion < Infinity)) {
    throw new RangeError(
      `a negative-binomial table needs a finite mean ≥ 0 and dispersion ≥ 0 (got ${mean}, ${dispersion})`,
    );
  }
  const values: number[] = [];
  const scale = mean / (1 + dispersion * mean);
  let probability = Math.exp(logNegativeBinomialPmf(0, mean, dispersion));
  let total = 0;
  for (let k = 0; ; k++) {
    total += probability;
    values.push(total);
    if ((k >= mean && probability < TABLE_TAIL_PROBABILITY) || total >= 1) break;
    if (values.length === MAX_TABLE_LENGTH) return null;
    probability *= ((1 + dispersion * k) * scale) / (k + 1);
  }
  const last = values.length - 1;
  const cumulative = new Float64Array(last + 2);
  cumulative.set(values);
  cumulative[last + 1] = Infinity;
  const size = last + 1;
  const guide = new Int32Array(size);
  for (let j = 0, k = 0; j < size; j++) {
    while (cumulative[k] <= j / size) k++;
    guide[j] = k;
  }
  return { mean, dispersion, last, cumulative, guide, lastProbability: probability };
}

/**
 * Draws one value from a tabled negative-binomial law by inversion: the smallest k with
 * U < P(X ≤ k), for one uniform U. Beyond the table the probabilities are walked on by the same
 * recurrence (and, in the vanishing case that they underflow first, U is drawn again) — so the
 * draw is exact up to the rounding of the cumulative sums (relative error about k·10⁻¹⁶), as
 * Poisson inversion is.
 *
 * Formula in words: j = ⌊U·m⌋; k = guide[j]; step k up while U ≥ cumulative[k].
 * Reference: Chen & Asau (1974); Devroye (1986), §III.2.4.
 *
 * @example drawFromTable(negativeBinomialTable(1.2, 1.25)!, { next: () => 0.3 }) → 0
 *   (P(X = 0) = 0.4804 > 0.3)
 */
export function drawFromTable(table: NegativeBinomialTable, rng: Rng): number {
  const { cumulative, guide, last } = table;
  for (;;) {
    const u = rng.next();
    let k = guide[Math.floor(u * guide.length)];
    while (u >= cumulative[k]) k++;
    if (k <= last) return k;
    const beyond = walkBeyond(table, u);
    if (beyond >= 0) return beyond;
  }
}

// The value of u past the table by the pmf recurrence, or −1 when the probabilities underflow first.
function walkBeyond(table: NegativeBinomialTable, u: number): number {
  const { mean, dispersion } = table;
  const scale = mean / (1 + dispersion * mean);
  let k = table.last;
  let total = table.cumulative[k];
  let probability = table.lastProbability;
  while (probability > 0) {
    probability *= ((1 + dispersion * k) * scale) / (k + 1);
    k++;
    total += probability;
    if (u < total) return k;
  }
  return -1;
}
