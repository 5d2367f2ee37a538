/**
 * Rounds `value` to `decimals` decimal places (half away from zero for positive values, as
 * `Math.round`): multiply by 10^decimals, round to a whole number, divide back. For numbers in
 * JSON documents, such as a run's seconds, where more digits would only be noise.
 *
 * @example roundTo(2.34567, 3) → 2.346
 */
export function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}
