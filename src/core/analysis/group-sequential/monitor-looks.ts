import type { AnalysisName, AnalysisPlan } from '../../design.js';
import { normalQuantile } from '../../distributions/normal.js';
import { cutAtLooks } from '../../measurement/look-cut.js';
import type { Rng } from '../../rng/rng.js';
import { analyse } from '../analyse.js';
import type { AnalysisInput } from '../analysis-input.js';
import type { AnalysisResult } from '../analysis-result.js';
import type { InterimPlan } from './interim-plan.js';
import type { SequentialBoundaries } from './sequential-design.js';

/** How one trial of a group-sequential design ended. */
export interface InterimRecord {
  /** The look (0-based) at which the trial stopped, futility obeyed. */
  readonly stopLook: number;
  /** Why: crossing the efficacy boundary, the futility boundary, or reaching the last look without crossing. */
  readonly stopReason: 'efficacy' | 'futility' | 'final';
  /** For an efficacy stop, true when the crossing is towards benefit (Z ≥ b_k); false towards harm. */
  readonly towardsBenefit: boolean;
  /** The monitored outcome's analysis at the stopping look (its estimate is the one a report would give). */
  readonly result: AnalysisResult;
  /** Futility ignored (it is non-binding): the look of the first efficacy crossing, or −1 for none. */
  readonly efficacyLookIgnoringFutility: number;
  /** Futility ignored: the analysis at that crossing, or at the last look when there was none. */
  readonly resultIgnoringFutility: AnalysisResult;
}

/**
 * The standardised statistic of an analysis, oriented so that benefit (a reduction, ratio < 1) is
 * positive: the z whose normal tail matches the analysis's own p-value, so a t test, an exact test
 * or a rank test enters the boundaries at its own level. NaN for a failed analysis.
 *
 * Formula in words: one-sided (alternative a reduction), p = P(as extreme towards benefit), so
 * Z = Φ⁻¹(1 − p) = −Φ⁻¹(p); two-sided, the one-sided p towards benefit is p/2 when the estimate
 * is a reduction and 1 − p/2 otherwise, so Z = −Φ⁻¹(p/2) or Φ⁻¹(p/2).
 * Reference: Jennison & Turnbull (2000) §3.1 (Z_k from the analysis at look k).
 *
 * @example benefitZ({ logEstimate: −0.3, pValue: 0.05, … }, 'two') ≈ 1.96
 */
export function benefitZ(result: AnalysisResult, sides: 'one' | 'two'): number {
  if (result.failed || !Number.isFinite(result.pValue)) return Number.NaN;
  const p = Math.min(1, Math.max(0, result.pValue));
  if (sides === 'one') return -normalQuantile(p);
  const tail = normalQuantile(p / 2);
  return result.logEstimate < 0 ? -tail : tail;
}

/**
 * Walks one trial's looks: analyses the people with complete follow-up at each look (`cutAtLooks`)
 * with the monitored outcome's own analysis, and stops at the first crossing. Futility is
 * non-binding, so the record gives both endings: futility obeyed (the trial stops at the first
 * efficacy or futility crossing) and ignored (it stops only for efficacy).
 *
 * Formula in words: at look k, Z_k = `benefitZ`; efficacy when Z_k ≥ b_k (two-sided |Z_k| ≥ b_k);
 * futility at an interim look when Z_k ≤ a_k (two-sided |Z_k| < a_k), a_k held at most b_k as in
 * `computeExitProbabilities`; a failed analysis crosses neither. The final look's result is the
 * trial's ordinary analysis (`finalResult`), so a sequential design's last look is its fixed design.
 * Reference: Jennison & Turnbull (2000) ch. 2 and 7; docs/sequential-and-stepped-wedge.md.
 *
 * @example a trial whose Z runs 3.2, … under O'Brien–Fleming boundaries [2.96, 2.36, 2.01]
 *   → { stopLook: 0, stopReason: 'efficacy', towardsBenefit: true, efficacyLookIgnoringFutility: 0 }
 */
export function monitorLooks(
  plan: InterimPlan,
  analysis: AnalysisName,
  analysisPlan: AnalysisPlan,
  input: AnalysisInput,
  finalResult: AnalysisResult,
  lookRng: Rng,
  analysisRng: Rng | null,
): InterimRecord {
  const inputs = cutAtLooks(input, plan.cohortSize, plan.peopleAtLook, lookRng);
  const last = inputs.length - 1;
  const resultAt = (k: number): AnalysisResult =>
    k === last ? finalResult : analyse(analysis, inputs[k], analysisPlan, analysisRng);
  let obeyed: Pick<InterimRecord, 'stopLook' | 'stopReason' | 'towardsBenefit' | 'result'> | null = null;
  for (let k = 0; k <= last; k++) {
    const result = resultAt(k);
    const crossing = crossingAt(plan.boundaries, k, benefitZ(result, analysisPlan.sides));
    if (crossing === 'benefit' || crossing === 'harm') {
      const towardsBenefit = crossing === 'benefit';
      obeyed ??= { stopLook: k, stopReason: 'efficacy', towardsBenefit, result };
      return { ...obeyed, efficacyLookIgnoringFutility: k, resultIgnoringFutility: result };
    }
    if (k === last) {
      obeyed ??= { stopLook: k, stopReason: 'final', towardsBenefit: false, result };
      return { ...obeyed, efficacyLookIgnoringFutility: -1, resultIgnoringFutility: result };
    }
    if (crossing === 'futility') obeyed ??= { stopLook: k, stopReason: 'futility', towardsBenefit: false, result };
  }
  throw new RangeError('a group-sequential design has at least one look');
}

/** Which boundary Z crosses at look k, if any. */
function crossingAt(boundaries: SequentialBoundaries, k: number, z: number): 'benefit' | 'harm' | 'futility' | null {
  if (Number.isNaN(z)) return null;
  const b = boundaries.efficacyZ[k];
  if (z >= b) return 'benefit';
  if (boundaries.sides === 2 && z <= -b) return 'harm';
  const last = k === boundaries.efficacyZ.length - 1;
  const futility = boundaries.futility;
  if (last || futility === null) return null;
  const a = Math.min(futility.z[k], b);
  if (boundaries.sides === 1 ? z <= a : Math.abs(z) < a) return 'futility';
  return null;
}
