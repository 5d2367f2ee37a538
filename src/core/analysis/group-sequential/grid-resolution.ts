/** Jennison & Turnbull's resolution r = 16: probabilities to a few 1e-7 when looks are well apart. */
const BASE_RESOLUTION = 16;
/** Enough for looks as close as `checkLooks` allows (see docs/sequential-and-stepped-wedge.md). */
const MOST_RESOLUTION = 80;

/**
 * Resolution r of the grid at a look whose density is carried on to a look at `nextFraction`.
 *
 * Formula in words: seen from the earlier look, the normal kernel that carries Z_k to Z_{k+1}
 * has standard deviation σ = √((t_{k+1} − t_k)/t_k), which is small when looks are close; the
 * grid must resolve it as well as it resolves the unit-width density itself, so
 * r = max(16, ⌈16/σ⌉), capped at 80. Simpson's error falls like (spacing/σ)⁴, so this keeps the
 * error of every probability near that of Jennison & Turnbull's r = 16 on well-spaced looks.
 * Reference: Jennison & Turnbull (2000) ch. 19.
 *
 * @example gridResolution(0.5, 1) // 16 (σ = 1); gridResolution(0.9, 1) // 48 (σ = 1/3)
 */
export function gridResolution(fraction: number, nextFraction: number | null): number {
  if (nextFraction === null) return BASE_RESOLUTION;
  const kernelSd = Math.sqrt((nextFraction - fraction) / fraction);
  return Math.min(MOST_RESOLUTION, Math.max(BASE_RESOLUTION, Math.ceil(BASE_RESOLUTION / kernelSd)));
}
