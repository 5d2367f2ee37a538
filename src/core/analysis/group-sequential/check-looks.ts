/** The most looks the boundaries are offered for: beyond it the grid and the user's plan both strain. */
export const MOST_LOOKS = 10;
/** The smallest gain in information fraction between looks. */
export const SMALLEST_LOOK_GAP = 0.01;

/** One way a list of looks breaks what the boundary computation assumes. */
export interface LookProblem {
  /** Index of the offending look, or null when the problem is with the list as a whole. */
  readonly look: number | null;
  readonly kind: 'empty' | 'not-a-fraction' | 'not-increasing' | 'last-not-one' | 'too-many' | 'too-close';
  /** What is wrong and why, in words a user can act on. */
  readonly message: string;
}

/**
 * The problems, if any, with looks given as information fractions t_1 < … < t_K = 1: every
 * problem at once, each saying why it matters. An empty list means the boundaries can be
 * computed as documented.
 *
 * Formula in words: each t_k must be a number in (0, 1] — information accrued so far as a share
 * of the maximum; they must strictly increase (a look cannot come before the one it follows); the
 * last must be 1 (the final analysis uses all the information; the spending functions spend the
 * whole α there); at most 10 looks (no trial in this field would monitor more often, and each
 * extra look adds grid work and error); and consecutive looks at least 0.01 apart (a closer look
 * adds under 1% of the information, so it can hardly change the decision, and shrinks the kernel
 * the grid must resolve below what docs/sequential-and-stepped-wedge.md's error budget covers).
 * Reference: Jennison & Turnbull (2000) ch. 7 (spending functions need t_K = 1 for the full α).
 *
 * @example checkLooks([0.5, 0.75, 1]) // []
 * @example checkLooks([0.6, 0.5]) // not-increasing at look 1 and last-not-one
 */
export function checkLooks(fractions: readonly number[]): LookProblem[] {
  if (fractions.length === 0) {
    return [{ look: null, kind: 'empty', message: 'there must be at least one look (the final analysis, at 1)' }];
  }
  const problems: LookProblem[] = [];
  fractions.forEach((t, k) => {
    if (!(Number.isFinite(t) && t > 0 && t <= 1)) {
      problems.push({
        look: k,
        kind: 'not-a-fraction',
        message: `look ${k + 1} is at ${t}: a look is an information fraction, a number above 0 and at most 1`,
      });
    }
  });
  for (let k = 1; k < fractions.length; k++) {
    const gap = fractions[k] - fractions[k - 1];
    if (!(gap > 0)) {
      problems.push({
        look: k,
        kind: 'not-increasing',
        message: `look ${k + 1} (${fractions[k]}) does not come after look ${k} (${fractions[k - 1]}): looks must increase`,
      });
    } else if (gap < SMALLEST_LOOK_GAP) {
      problems.push({
        look: k,
        kind: 'too-close',
        message:
          `looks ${k} and ${k + 1} (${fractions[k - 1]}, ${fractions[k]}) are less than ${SMALLEST_LOOK_GAP} apart: ` +
          'a look that adds so little information adds nothing to the decision; drop one or space them out',
      });
    }
  }
  const last = fractions[fractions.length - 1];
  if (last !== 1) {
    problems.push({
      look: fractions.length - 1,
      kind: 'last-not-one',
      message: `the last look is at ${last}, not 1: the final analysis uses all the information, so it must be at 1`,
    });
  }
  if (fractions.length > MOST_LOOKS) {
    problems.push({
      look: null,
      kind: 'too-many',
      message: `${fractions.length} looks are more than the ${MOST_LOOKS} the boundaries are computed for: plan fewer interim analyses`,
    });
  }
  return problems;
}
