/**
 * One person's log-likelihood under the shared propensity alone, from the total Y of their events
 * over every outcome and window, their years at risk T, their group's summed rate Λ (events per
 * person-year over all outcomes) and the dispersion α (Var = μ + αμ², α = 1/θ of R's glm.nb).
 *
 * Given the gamma propensity u (mean 1, variance α), every count is Poisson with mean u × rate ×
 * years, so the total is negative binomial with mean μ = TΛ and dispersion α, and how the total
 * splits over outcomes and windows is multinomial, free of α (the negative multinomial's
 * factorisation). The fits therefore need only these per-person totals.
 *
 * Formula in words: with μ = TΛ,
 * ℓ = Y·log Λ + Σ_{i<Y} log(1 + αi) − (Y + 1/α)·log(1 + αμ), which is the negative binomial log
 * probability log Γ(Y + 1/α) − log Γ(1/α) − log Y! + Y·log(αμ/(1 + αμ)) − (1/α)·log(1 + αμ) less the
 * terms that do not involve Λ or α (−log Y! and Y·log T); at α = 0, the Poisson Y·log Λ − μ.
 * Reference: W. F. Bliss & R. A. Fisher, Biometrics 9 (1953) 176–200; J. F. Lawless, Can. J. Stat.
 * 15 (1987) 209–225 (the Σ log(1 + αi) form, with no gamma functions).
 */

// Below this αμ the expressions in 1/α² and 1/α³ lose digits to cancellation, so their series
// in x = αμ are used instead (16 terms: the first omitted is below 1e-21 of the sum).
const SERIES_BELOW = 0.05;
const SERIES_TERMS = 16;

/**
 * The sums over i < Y that the formulas need, tabulated for every Y at one α: Σ log(1 + αi),
 * Σ i/(1 + αi) and Σ (i/(1 + αi))² (index Y holds the sum over i < Y).
 */
export interface CountSums {
  readonly logSum: Float64Array;
  readonly inverseSum: Float64Array;
  readonly inverseSquareSum: Float64Array;
}

/**
 * Tabulates `CountSums` at α = `dispersion` for totals 0 … maxTotal, so each person's sums are a
 * look-up rather than a loop over their events.
 *
 * @example countSums(0.5, 3).logSum // [0, 0, log 1.5, log 1.5 + log 2] = [0, 0, 0.4055, 1.0986]
 */
export function countSums(dispersion: number, maxTotal: number): CountSums {
  const logSum = new Float64Array(maxTotal + 1);
  const inverseSum = new Float64Array(maxTotal + 1);
  const inverseSquareSum = new Float64Array(maxTotal + 1);
  for (let y = 1; y <= maxTotal; y++) {
    const i = y - 1;
    const term = i / (1 + dispersion * i);
    logSum[y] = logSum[y - 1] + Math.log1p(dispersion * i);
    inverseSum[y] = inverseSum[y - 1] + term;
    inverseSquareSum[y] = inverseSquareSum[y - 1] + term * term;
  }
  return { logSum, inverseSum, inverseSquareSum };
}

/**
 * ℓ for one person (see the file's formula); `sums` (from `countSums` at the same α) saves the loop.
 *
 * @example negativeBinomialTotalLogLikelihood(3, 2, 0.5, 1.5) // 3·log 0.5 + log 2.5 + log 4 − (3 + ⅔)·log 2.5 ≈ −3.1366
 */
export function negativeBinomialTotalLogLikelihood(
  total: number,
  years: number,
  ratePerYear: number,
  dispersion: number,
  sums?: CountSums,
): number {
  const mean = years * ratePerYear;
  const rateTerm = total > 0 ? total * Math.log(ratePerYear) : 0;
  if (dispersion === 0) return rateTerm - mean;
  let sum = 0;
  if (sums !== undefined) sum = sums.logSum[total];
  else for (let i = 1; i < total; i++) sum += Math.log1p(dispersion * i);
  return rateTerm + sum - (total + 1 / dispersion) * Math.log1p(dispersion * mean);
}

/**
 * ∂ℓ/∂α for one person at mean μ = TΛ: Σ_{i<Y} i/(1 + αi) − Yμ/(1 + αμ) + (log(1 + x) − x/(1 + x))/α²
 * with x = αμ; at α = 0 its limit ½·((Y − μ)² − Y).
 *
 * @example dispersionScore(3, 1, 0) // ½·((3 − 1)² − 3) = 0.5
 */
export function dispersionScore(total: number, mean: number, dispersion: number, sums?: CountSums): number {
  if (dispersion === 0) return 0.5 * ((total - mean) * (total - mean) - total);
  let sum = 0;
  if (sums !== undefined) sum = sums.inverseSum[total];
  else for (let i = 1; i < total; i++) sum += i / (1 + dispersion * i);
  return sum - (total * mean) / (1 + dispersion * mean) + mean * mean * scoreRemainder(dispersion * mean);
}

/**
 * The second derivatives of ℓ in (ζ = log Λ, α) for one person at mean μ = TΛ:
 * ∂²ℓ/∂ζ² = −μ(1 + αY)/(1 + αμ)², ∂²ℓ/∂ζ∂α = −μ(Y − μ)/(1 + αμ)²,
 * ∂²ℓ/∂α² = −Σ_{i<Y} i²/(1 + αi)² + Yμ²/(1 + αμ)² + (−2·log(1 + x) + 2x/(1 + x) + x²/(1 + x)²)/α³;
 * and the score in ζ, (Y − μ)/(1 + αμ).
 *
 * @example totalsCurvature(3, 1, 0).zetaZeta // −1 (Poisson: −μ)
 */
export function totalsCurvature(
  total: number,
  mean: number,
  dispersion: number,
  sums?: CountSums,
): { zeta: number; zetaZeta: number; zetaAlpha: number; alphaAlpha: number } {
  const denominator = 1 + dispersion * mean;
  const squared = denominator * denominator;
  let sum = 0;
  if (sums !== undefined) sum = sums.inverseSquareSum[total];
  else
    for (let i = 1; i < total; i++) {
      const term = i / (1 + dispersion * i);
      sum += term * term;
    }
  const alphaAlpha =
    -sum + (total * mean * mean) / squared + mean * mean * mean * curvatureRemainder(dispersion * mean);
  return {
    zeta: (total - mean) / denominator,
    zetaZeta: (-mean * (1 + dispersion * total)) / squared,
    zetaAlpha: (-mean * (total - mean)) / squared,
    alphaAlpha,
  };
}

// (log(1 + x) − x/(1 + x))/x² = Σ_{n≥2} (−1)^(n+1)·(1/n − 1)·x^(n−2).
function scoreRemainder(x: number): number {
  if (x >= SERIES_BELOW) return (Math.log1p(x) - x / (1 + x)) / (x * x);
  let sum = 0;
  let power = 1;
  for (let n = 2; n < 2 + SERIES_TERMS; n++) {
    sum += (n % 2 === 0 ? -1 : 1) * (1 / n - 1) * power;
    power *= x;
  }
  return sum;
}

// (−2·log(1 + x) + 2x/(1 + x) + x²/(1 + x)²)/x³ = Σ_{n≥3} (−1)^(n+1)·(3 − n − 2/n)·x^(n−3).
function curvatureRemainder(x: number): number {
  if (x >= SERIES_BELOW) {
    const ratio = x / (1 + x);
    return (-2 * Math.log1p(x) + 2 * ratio + ratio * ratio) / (x * x * x);
  }
  let sum = 0;
  let power = 1;
  for (let n = 3; n < 3 + SERIES_TERMS; n++) {
    sum += (n % 2 === 0 ? -1 : 1) * (3 - n - 2 / n) * power;
    power *= x;
  }
  return sum;
}
