import type { Rng } from './rng.js';

// 2^-32: alea's state words and outputs are multiples of it.
const TWO_TO_MINUS_32 = 2.3283064365386963e-10;
// Mash's starting state and its multiplier (Baagøe 2010).
const MASH_START = 0xefc8249d;
const MASH_MULTIPLIER = 0.02519603282416938;

/**
 * Baagøe's alea generator, seeded from a text, written as a class: the very same numbers as
 * seedrandom 3.0.5's `alea(text)` called repeatedly, for any text (a test compares the two over
 * thousands of seeds), without the five closures and the function-object properties seedrandom
 * builds per stream — one object of four numbers instead, so seeding a trial's stream and drawing
 * from it allocate almost nothing.
 *
 * The generator: a multiply-with-carry of lag 3, t = 2091639·s₀ + c·2^-32; the state moves down one
 * word (s₀ ← s₁, s₁ ← s₂), the new carry c is t's whole part and the output (and new s₂) its
 * fractional part, a multiple of 2^-32 in [0, 1). Seeding: s₀, s₁, s₂ start as three mashes of a
 * space, then each has a mash of the seed text subtracted (wrapped into [0, 1)), c = 1. Mash runs
 * one state n over every character code: n += code; h = 0.02519603282416938·n; n = ⌊h⌋ mod 2^32;
 * h = (h − n)·n; n = ⌊h⌋ mod 2^32 + (h − ⌊h⌋)·2^32; it returns (n mod 2^32)·2^-32. Its state
 * carries from one call to the next, so the three mashes of the seed differ.
 *
 * Reference: J. Baagøe, "Better random numbers for JavaScript" (2010); seedrandom 3.0.5
 * (lib/alea.js), whose outputs these are.
 *
 * @example
 * new AleaStream('2024:0').next() // 0.9443821089807898, as seedrandom's alea('2024:0')()
 */
export class AleaStream implements Rng {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private carry = 1;
  private mashState = MASH_START;

  constructor(seedText: string) {
    this.reseed(seedText);
  }

  /** Restarts the stream as if newly made from `seedText` (no allocation). */
  reseed(seedText: string): void {
    // The three mashes of a space are the same for every seed: computed once, below the class.
    this.mashState = SPACES.mashState;
    this.carry = 1;
    this.s0 = SPACES.s0;
    this.s1 = SPACES.s1;
    this.s2 = SPACES.s2;
    this.s0 -= this.mash(seedText);
    if (this.s0 < 0) this.s0 += 1;
    this.s1 -= this.mash(seedText);
    if (this.s1 < 0) this.s1 += 1;
    this.s2 -= this.mash(seedText);
    if (this.s2 < 0) this.s2 += 1;
  }

  /** The next uniform number in [0, 1), a multiple of 2^-32. */
  next(): number {
    const t = 2091639 * this.s0 + this.carry * TWO_TO_MINUS_32;
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.carry = t | 0;
    return (this.s2 = t - this.carry);
  }

  /** The state after seeding's three mashes of a space, before the seed text (the same for all). */
  static spaces(): { s0: number; s1: number; s2: number; mashState: number } {
    const stream = Object.create(AleaStream.prototype) as AleaStream;
    stream.mashState = MASH_START;
    const s0 = stream.mash(' ');
    const s1 = stream.mash(' ');
    const s2 = stream.mash(' ');
    return { s0, s1, s2, mashState: stream.mashState };
  }

  // Mash over the text's UTF-16 code units, carrying its state across calls (see the class note).
  private mash(text: string): number {
    let n = this.mashState;
    for (let i = 0; i < text.length; i++) {
      n += text.charCodeAt(i);
      let h = MASH_MULTIPLIER * n;
      n = h >>> 0;
      h -= n;
      h *= n;
      n = h >>> 0;
      h -= n;
      n += h * 0x100000000;
    }
    this.mashState = n;
    return (n >>> 0) * TWO_TO_MINUS_32;
  }
}

const SPACES = AleaStream.spaces();
