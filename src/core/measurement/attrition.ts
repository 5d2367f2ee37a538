import { drawBinomial } from '../distributions/binomial.js';
import type { Rng } from '../rng/rng.js';

/**
 * Attrition, person form: which of `size` people have their outcomes observed — each lost
 * independently with probability `attrition` (the same person is missing for every outcome).
 * Without attrition no random number is spent and `everyone` (all ones, shared by every trial,
 * read only) is returned.
 *
 * Formula in words: person i is observed when a uniform draw is at least the attrition rate.
 *
 * @example drawObserved(1000, 0.03, rng, ones) → about 970 ones
 */
export function drawObserved(size: number, attrition: number, rng: Rng, everyone: Uint8Array): Uint8Array {
  if (!(attrition > 0)) return everyone;
  const observed = new Uint8Array(size);
  for (let i = 0; i < size; i++) if (rng.next() >= attrition) observed[i] = 1;
  return observed;
}

/**
 * Attrition, cell form: how many of `people` exchangeable people are observed —
 * Binomial(people, 1 − attrition), the sum of the person form's draws; all of them, with no
 * random number spent, without attrition.
 *
 * @example drawObservedCount(rng, 100, 0.03) → e.g. 97
 */
export function drawObservedCount(rng: Rng, people: number, attrition: number): number {
  return attrition > 0 ? drawBinomial(rng, people, 1 - attrition) : people;
}
