/**
 * Seeds for the designs a search evaluates. Each value of the varied parameter gets its own seed,
 * derived from the scenario's seed and the value, so the simulated points are independent: the
 * probit fit weighs them as independent binomial counts, and its interval for the answer is
 * honest. (With one seed for every value — common random numbers — neighbouring points share
 * their luck, the curve moves up or down as a whole, and an interval that treats them as
 * independent is too narrow.)
 */
import type { Design } from '../core/design.js';

/**
 * A 31-bit seed from (seed, value) by FNV-1a over their text, so it is the same on every platform.
 *
 * Example: searchSeed(2023, 330) is the same number on every run; searchSeed(2023, 331) differs.
 */
export function searchSeed(seed: number, value: number): number {
  let hash = 0x811c9dc5;
  for (const character of `${seed}:${value}`) {
    hash ^= character.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash & 0x7fffffff;
}

/** The design with its simulation seed replaced. */
export function withSeed(design: Design, seed: number): Design {
  return { ...design, simulation: { ...design.simulation, seed } };
}
