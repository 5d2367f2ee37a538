/**
 * Wilson score interval for a binomial proportion: the set of p for which the score test of
 * successes / n does not reject, with z the normal quantile for the level.
 *
 * centre = (p̂ + z²/2n) / (1 + z²/n),  half-width = z·√(p̂(1 − p̂)/n + z²/4n²) / (1 + z²/n).
 * Reference: Wilson (1927), JASA 22:209–212; Brown, Cai & DasGupta (2001), Stat Sci 16:101–133.
 *
 * Example: 41 successes in 100 trials, z = 1.959964 → [0.3187, 0.5080].
 */
export function wilsonInterval(successes: number, n: number, z = 1.959963984540054): [number, number] {
  if (n <= 0) return [0, 1];
  const proportion = successes / n;
  const zSquaredOverN = (z * z) / n;
  const centre = (proportion + zSquaredOverN / 2) / (1 + zSquaredOverN);
  const halfWidth =
    (z * Math.sqrt((proportion * (1 - proportion)) / n + zSquaredOverN / (4 * n))) / (1 + zSquaredOverN);
  return [Math.max(0, centre - halfWidth), Math.min(1, centre + halfWidth)];
}
