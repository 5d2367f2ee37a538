import { normalCdf } from '../distributions/normal.js';
import { studentTCdf } from '../distributions/student-t.js';

/** Which alternative a test answers: 'two' (any difference) or 'one' (a reduction, ratio < 1). */
export type Sides = 'two' | 'one';

/**
 * P-value of a standard-normal test statistic z (oriented treated minus control, so a reduction
 * gives z < 0): two-sided 2·Φ(−|z|); one-sided (alternative: a reduction) Φ(z).
 *
 * @example normalPValue(-1.959964, 'two') ≈ 0.05; normalPValue(-1.644854, 'one') ≈ 0.05
 */
export function normalPValue(z: number, sides: Sides): number {
  return sides === 'two' ? 2 * normalCdf(-Math.abs(z)) : normalCdf(z);
}

/**
 * P-value of a Student t statistic with `df` degrees of freedom, oriented as in
 * {@link normalPValue}: two-sided 2·T_df(−|t|); one-sided T_df(t).
 *
 * @example studentPValue(-2.228139, 10, 'two') ≈ 0.05 (R: 2 * pt(-2.228139, 10))
 */
export function studentPValue(t: number, df: number, sides: Sides): number {
  return sides === 'two' ? 2 * studentTCdf(-Math.abs(t), df) : studentTCdf(t, df);
}
