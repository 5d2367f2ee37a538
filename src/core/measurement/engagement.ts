import { drawBinomial } from '../distributions/binomial.js';
import type { Rng } from '../rng/rng.js';

/**
 * Engagement, person form: which treated people take up the support (the effect applies to them
 * only, so the intention-to-treat effect is diluted) — each treated person of group g
 * independently with probability `engagement[g]`. Engagement of 1 (or 0) is certain: no random
 * number is spent on it.
 * Reference: Angrist, Imbens & Rubin (1996), JASA 91 (compliance and intention to treat).
 *
 * @example treated [1, 1, 0], groups [0, 1, 1], engagement [1, 0] → engaged [1, 0, 0]
 */
export function drawEngagement(
  treated: Uint8Array,
  group: Uint16Array,
  engagement: Float64Array,
  rng: Rng,
): Uint8Array {
  // Everyone engages: the treated are the engaged (a copy, without a branch per person).
  if (engagement.every((probability) => probability >= 1)) return treated.slice();
  const engaged = new Uint8Array(treated.length);
  for (let i = 0; i < treated.length; i++) {
    if (treated[i] !== 1) continue;
    const probability = engagement[group[i]];
    if (probability >= 1 || (probability > 0 && rng.next() < probability)) engaged[i] = 1;
  }
  return engaged;
}

/**
 * Engagement, cell form: how many of `treated` exchangeable treated people of one group engage —
 * Binomial(treated, engagement), the sum of the person form's draws (certain engagement spends
 * no random number).
 *
 * @example drawEngagedCount(rng, 45, 0.7) → e.g. 31
 */
export function drawEngagedCount(rng: Rng, treated: number, engagement: number): number {
  return drawBinomial(rng, treated, engagement);
}
