import { AleaStream } from './alea-stream.js';
import type { Rng } from './rng.js';

/**
 * Gives the random stream of one trial: Baagøe's alea generator (`AleaStream`, the same numbers
 * as seedrandom's `alea`) seeded with the text
 * `"<seed>:<trialIndex>"`, and nothing else. A trial's draws therefore depend only on the scenario
 * seed and the trial's index — never on thread count, chunk size or the order trials run in.
 *
 * Why alea: it passes BigCrush (Baagøe 2010), seeds in a few microseconds and draws about 5×
 * faster than seedrandom's default ARC4 generator (docs/benchmark.md, "What prototyping REF taught"). Why its
 * plain call for `next()`: alea's state words are multiples of 2^-32, so each call returns a
 * double in [0, 1) carrying 32 random bits (`quick()` is the very same function; `double()` spends
 * two calls for 53 bits, which would double the generator's share of a trial's time). 32 bits are
 * enough for every use here: the distribution code guards the one value that matters (an exact 0
 * before a logarithm), uniform integers are drawn by rejection from these 32 bits
 * (`drawUniformIndex`) so they are exactly uniform, and an inversion or `u < p` comparison resolves
 * a probability to 2^-32 ≈ 2.3e-10 — bias far below any Monte Carlo error this tool reports.
 *
 * Reference: J. Baagøe, "Better random numbers for JavaScript" (2010); seedrandom 3.0.5.
 *
 * @param seed the run's seed (any finite number; integers in practice)
 * @param trialIndex the trial's index, 0, 1, 2, …
 * @example
 * trialStream(2024, 0).next() // 0.9443821089807898, on every machine, every time
 */
export function trialStream(seed: number, trialIndex: number): AleaStream {
  checkSeed(seed);
  checkIndex(trialIndex, 'trialIndex');
  const lane = trialIndex - batch.from;
  if (seed === batch.seed && lane >= 0 && lane < 4) return AleaStream.fromWords(batch.words, lane);
  // Trials run in index order, so the one after the previous trial starts a batch of four.
  if (trialIndex === batch.last + 1 && AleaStream.indexedFour(String(seed), trialIndex, batch.words)) {
    batch.seed = seed;
    batch.from = trialIndex;
    batch.last = trialIndex + 3;
    return AleaStream.fromWords(batch.words, 0);
  }
  batch.last = trialIndex;
  return AleaStream.indexed(String(seed), trialIndex, -1);
}

/**
 * The seeds of the four trials from `from` on, made together (`AleaStream.indexedFour`) when trials
 * are asked for in order; `last` is the last index seeded. It only remembers answers of a
 * pure function, so a trial's stream is the same however trials are asked for.
 */
const batch = { seed: Number.NaN, from: -8, last: -8, words: new Float64Array(16) };

/**
 * Gives an independent sub-stream of a trial, for draws that must not disturb the trial's main
 * stream — e.g. a permutation test's re-randomisations, or a trial's effect-size draw. Seeded with
 * `"<seed>:<trialIndex>:<purpose>"`, which can never equal a main stream's seed text (that has one
 * colon), so the sub-stream and the main stream are different alea streams.
 *
 * Reference: as `trialStream`.
 *
 * @param seed the run's seed
 * @param trialIndex the trial's index
 * @param purpose a small integer naming what the stream is for (each use picks its own constant)
 * @example
 * subStream(2024, 0, 1).next() !== trialStream(2024, 0).next() // true
 */
export function subStream(seed: number, trialIndex: number, purpose: number): Rng {
  return AleaStream.indexed(
    String(checkSeed(seed)),
    checkIndex(trialIndex, 'trialIndex'),
    checkIndex(purpose, 'purpose'),
  );
}

// A NaN or Infinity seed would silently give every run the same stream, so it is a bug to pass one.
function checkSeed(seed: number): number {
  if (!Number.isFinite(seed)) throw new RangeError(`a stream seed must be a finite number (got ${seed})`);
  return seed;
}

function checkIndex(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number ≥ 0 (got ${value})`);
  }
  return value;
}
