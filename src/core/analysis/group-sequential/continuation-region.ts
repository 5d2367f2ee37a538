import type { Interval } from './integration-grid.js';

/**
 * Where a trial goes on after an interim look: the z values between the futility and efficacy
 * boundaries.
 *
 * Formula in words: one-sided, (a, b) for futility boundary a (−Infinity: none) and efficacy
 * boundary b; two-sided, (−b, b) without futility (a ≤ 0), else (−b, −a) ∪ (a, b), since the trial
 * stops for futility when |Z| < a and for efficacy when |Z| ≥ b. Empty when a ≥ b.
 * Reference: Jennison & Turnbull (2000) ch. 4 (one-sided) and ch. 5 (two-sided, inner wedge).
 *
 * @example continuationRegion(2, 2.5, 0.4) // [(−2.5, −0.4), (0.4, 2.5)]
 */
export function continuationRegion(sides: 1 | 2, efficacyZ: number, futilityZ: number): Interval[] {
  if (sides === 1) return futilityZ < efficacyZ ? [{ lower: futilityZ, upper: efficacyZ }] : [];
  if (futilityZ <= 0) return [{ lower: -efficacyZ, upper: efficacyZ }];
  if (futilityZ >= efficacyZ) return [];
  return [
    { lower: -efficacyZ, upper: -futilityZ },
    { lower: futilityZ, upper: efficacyZ },
  ];
}
