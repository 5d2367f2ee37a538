/**
 * What the pilot (the original small trial) tells a planner, by Gelman & Carlin's design
 * analysis: how much a significant result at the pilot's size exaggerates, and a deflated
 * effect to plan with instead of the pilot's estimate.
 */
import { retrodesign } from './analytic/retrodesign.js';

/** One outcome the pilot reported, with its uncertainty at the pilot's size. */
export interface PilotInsightInput {
  readonly outcome: string;
  /** The pilot's reported ratio (treated over control). */
  readonly pilotEstimate: number;
  /** Standard error of the log ratio at the pilot's size (e.g. the simulated spread of estimates). */
  readonly standardError: number;
  /** The scenario's planning ratio (intention to treat) for this outcome. */
  readonly planningRatio: number;
  readonly alpha: number;
}

/** What the pilot's result means for planning one outcome. */
export interface PilotInsight {
  readonly outcome: string;
  readonly pilotEstimate: number;
  readonly standardError: number;
  /** If the planning ratio were true: the pilot's power, type S and exaggeration of significant results. */
  readonly ifPlanningTrue: {
    readonly planningRatio: number;
    readonly power: number;
    readonly typeS: number;
    readonly exaggeration: number;
  };
  /**
   * The true ratio whose significant estimates at the pilot's size average the pilot's estimate
   * (on the log scale); 1 when significant estimates would average at least the pilot's even
   * with no effect.
   */
  readonly deflatedRatio: number;
  /** The pilot's log estimate divided by the deflated one: how much it overstates. */
  readonly deflationFactor: number;
}

/**
 * Computes the pilot insight.
 *
 * Exaggeration if the planning effect is true: `retrodesign(ln planningRatio, se)`. Deflated
 * effect: the A > 0 solving A·exaggeration(A, se) = |ln pilotEstimate| — the effect for which
 * the expected |estimate| among significant results equals the pilot's — found by bisection
 * (the left side grows with A). This is a method-of-moments correction for the winner's curse; it
 * assumes the pilot was noticed because it was significant, a normal log-ratio estimate, and the
 * same design and population as the scenario's, so it is a planning aid, not an estimate of the
 * truth.
 * Reference: Gelman & Carlin (2014), Perspect Psychol Sci 9:641–651; van Zwet & Cator (2021) on
 * shrinking significant estimates.
 *
 * Example: pilot ratio 0.46 with se 0.27 (α 0.05), planning ratio 0.84 → power 0.099,
 * exaggeration 3.75; deflated ratio 0.544 (the pilot's log ratio overstates it 1.27 times). With
 * se 0.35 significant estimates average |ln ratio| 0.82 even with no effect, more than the pilot's
 * 0.78, so the deflated ratio is 1.
 */
export function pilotInsight(input: PilotInsightInput): PilotInsight {
  const se = input.standardError;
  const planning = retrodesign({ effect: Math.log(input.planningRatio), standardError: se, alpha: input.alpha });
  const observed = Math.abs(Math.log(input.pilotEstimate));
  const meanSignificant = (effect: number) =>
    effect * retrodesign({ effect, standardError: se, alpha: input.alpha }).exaggeration;
  let deflatedLog = 0;
  if (observed > meanSignificant(1e-9 * se)) {
    let low = 1e-9 * se;
    let high = Math.max(observed, se);
    while (meanSignificant(high) < observed) high *= 2;
    for (let step = 0; step < 100; step++) {
      const mid = (low + high) / 2;
      if (meanSignificant(mid) < observed) low = mid;
      else high = mid;
    }
    deflatedLog = (low + high) / 2;
  }
  const sign = Math.sign(Math.log(input.pilotEstimate));
  return {
    outcome: input.outcome,
    pilotEstimate: input.pilotEstimate,
    standardError: se,
    ifPlanningTrue: { planningRatio: input.planningRatio, ...planning },
    deflatedRatio: Math.exp(sign * deflatedLog),
    deflationFactor: deflatedLog > 0 ? observed / deflatedLog : Infinity,
  };
}
