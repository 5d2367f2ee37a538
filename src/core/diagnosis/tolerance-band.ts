import { wilsonInterval } from './wilson-interval.js';

/**
 * Where a simulated rate stands against its tolerance band: 'within' unless its Monte Carlo
 * interval lies wholly outside the band, then 'above' or 'below' it.
 */
export type ToleranceVerdict = 'within' | 'above' | 'below';

/**
 * z of the two-sided 99% Wilson interval the verdicts use. 99% rather than 95% because the rule is
 * applied to every outcome of every run, three times (type I error, coverage, family-wise error):
 * a valid analysis whose true rate sits exactly on a band edge is called outside it in at most
 * 0.5% of runs, one well inside the band almost never, whatever the trial count.
 */
export const TOLERANCE_Z = 2.5758293035489004;

/**
 * Bradley's (1978) liberal criterion for a rejection rate at level α: [0.5α, 1.5α], the tolerance
 * band used in simulation studies of test validity (SimDesign's `bradley1978()`): a test whose real
 * rejection rate is inside it is taken as valid, so [2.5%, 7.5%] at α = 0.05.
 *
 * Formula in words: lower = α/2, upper = 3α/2.
 * Reference: Bradley JV (1978), Br. J. Math. Stat. Psychol. 31:144–152; Chalmers & Adkins (2020),
 * Quant. Methods Psychol. 16:248–280 (SimDesign).
 *
 * @example rejectionBand(0.05) → [0.025, 0.075]; rejectionBand(0.01) → [0.005, 0.015]
 */
export function rejectionBand(alpha: number): [number, number] {
  return [0.5 * alpha, 1.5 * alpha];
}

/**
 * The matching band for the coverage of a 1 − α interval: Bradley's band applied to its
 * non-coverage, which is the rejection rate of the test the interval inverts, so coverage in
 * [1 − 1.5α, 1 − 0.5α].
 *
 * Formula in words: lower = 1 − 3α/2, upper = 1 − α/2.
 * Reference: Bradley (1978), as `rejectionBand`; `docs/json-output.md#tolerance`.
 *
 * @example coverageBand(0.05) → [0.925, 0.975]; coverageBand(0.1) → [0.85, 0.95]
 */
export function coverageBand(alpha: number): [number, number] {
  return [1 - 1.5 * alpha, 1 - 0.5 * alpha];
}

/**
 * Judges a simulated rate (`successes` of `trials`) against a tolerance band: 'above' when its 99%
 * Wilson interval lies wholly above the band, 'below' when wholly below, 'within' otherwise (and
 * without trials). As trials grow the interval shrinks around the true rate, so a rate inside the
 * band is called 'within' ever more surely and one outside it is called outside ever more surely:
 * more trials never add alarms about a rate the band tolerates.
 *
 * Formula in words: [L, U] = Wilson 99% interval; above ⇔ L > band upper; below ⇔ U < band lower.
 * Reference: Wilson (1927) JASA 22:209–212; Bradley (1978).
 *
 * @example 126 of 2,000 (6.3%) against [0.025, 0.075] → 'within'; 2,700 of 50,000 (5.4%) → 'within';
 *   440 of 2,000 (22%) → 'above'; 1,680 of 2,000 coverage (84%) against [0.925, 0.975] → 'below'
 */
export function judgeRate(successes: number, trials: number, band: readonly [number, number]): ToleranceVerdict {
  if (!(trials > 0)) return 'within';
  const [lower, upper] = wilsonInterval(successes, trials, TOLERANCE_Z);
  if (lower > band[1]) return 'above';
  if (upper < band[0]) return 'below';
  return 'within';
}

/**
 * True when a rejection rate is above α beyond Monte Carlo error: its 99% Wilson interval lies
 * wholly above α. Reported beside the verdict ("within tolerance but above α"), never as an alarm:
 * with enough trials any rate a little above α is, and the band says whether that matters.
 *
 * Example: 126 of 2,000 null trials (6.3%) at alpha 0.05 → true (99% interval from 5.04%);
 * 111 of 2,000 (5.55%) → false; 2,674 of 50,000 (5.35%) → true; 3 of 10 → false.
 */
export function excessOverAlpha(rejections: number, trials: number, alpha: number): boolean {
  return trials > 0 && wilsonInterval(rejections, trials, TOLERANCE_Z)[0] > alpha;
}
