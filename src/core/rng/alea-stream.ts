import type { Rng } from './rng.js';

// 2^-32: alea's state words and outputs are multiples of it.
const TWO_TO_MINUS_32 = 2.3283064365386963e-10;
// Mash's starting state and its multiplier (Baagøe 2010).
const MASH_START = 0xefc8249d;
const MASH_MULTIPLIER = 0.02519603282416938;
const COLON = 58;
const DIGIT_ZERO = 48;
// Scratch for a whole number's decimal digits, least significant first (2^53 has 16 digits).
const DIGITS = 20;
const digits = new Uint8Array(DIGITS);
// The same for the four indices of `indexedFour`, one row of DIGITS each.
const laneDigits = new Uint8Array(4 * DIGITS);

// A state word after a mash is subtracted, back into [0, 1).
function wrap(word: number): number {
  return word < 0 ? word + 1 : word;
}

// One step of mash: the state after the character code `code` (see the class note).
function mashCode(state: number, code: number): number {
  let n = state + code;
  let h = MASH_MULTIPLIER * n;
  n = h >>> 0;
  h -= n;
  h *= n;
  n = h >>> 0;
  h -= n;
  return n + h * 0x100000000;
}

// Mash over the decimal digits of the whole number `value` ≥ 0, as String(value) writes them.
function mashDigits(state: number, value: number): number {
  let n = state;
  const count = splitDigits(value);
  for (let i = count - 1; i >= 0; i--) n = mashCode(n, DIGIT_ZERO + digits[i]);
  return n;
}

// Writes the decimal digits of the whole number `value` ≥ 0 into `digits`, least significant
// first, and returns how many there are (small numbers in 32-bit integer arithmetic).
function splitDigits(value: number): number {
  let count = 0;
  if (value <= 0x7fffffff) {
    let rest = value | 0;
    do {
      const tenth = (rest / 10) | 0;
      digits[count++] = rest - 10 * tenth;
      rest = tenth;
    } while (rest > 0);
    return count;
  }
  let rest = value;
  do {
    const digit = rest % 10;
    digits[count++] = digit;
    rest = (rest - digit) / 10;
  } while (rest > 0);
  return count;
}

/**
 * The first of a stream's three mashes starts from the same state for every seed, so its run over
 * "<seedText>:" and over the index's leading digits (all but the last) is the same for the ten
 * indices that share them: a trial's stream is seeded once per trial, in index order, and this
 * one-entry memory spares most of that first mash. It only remembers the last answer of a pure
 * function, so the numbers cannot depend on it.
 */
const firstMash = { seedText: '', leading: -1, purpose: -1, state: 0, prefixState: 0 };

// The first mash's state after "<seedText>:<index without its last digit>" (see `firstMash`).
function firstMashBeforeLastDigit(seedText: string, leading: number): number {
  if (firstMash.seedText !== seedText) {
    let n = SPACES.mashState;
    for (let i = 0; i < seedText.length; i++) n = mashCode(n, seedText.charCodeAt(i));
    firstMash.prefixState = mashCode(n, COLON);
    firstMash.seedText = seedText;
    firstMash.leading = -1;
  }
  if (firstMash.leading !== leading) {
    // An index below 10 has no leading digits (not even a 0).
    firstMash.state = leading === 0 ? firstMash.prefixState : mashDigits(firstMash.prefixState, leading);
    firstMash.leading = leading;
  }
  return firstMash.state;
}

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

  /** The stream seeded with `seedText`; without one, an unseeded shell for `indexed` to fill. */
  constructor(seedText?: string) {
    if (seedText !== undefined) this.reseed(seedText);
  }

  /**
   * The stream seeded with the text `"<seedText>:<index>"`, or `"<seedText>:<index>:<purpose>"`
   * when `purpose` ≥ 0 — the same numbers as `new AleaStream` of that text, without building the
   * text: the index and purpose (whole numbers ≥ 0) are mashed digit by digit. A trial's stream is
   * made this way once per trial, so the text and its flattening were a measurable part of a
   * cell-form trial.
   *
   * @example AleaStream.indexed('2024', 0, -1).next() // 0.9443821089807898, as new AleaStream('2024:0')
   */
  static indexed(seedText: string, index: number, purpose: number): AleaStream {
    const stream = new AleaStream();
    stream.carry = 1;
    // The first mash, from its remembered start (see `firstMash`): the last digit, then the purpose.
    const lastDigit = index % 10;
    let n = mashCode(firstMashBeforeLastDigit(seedText, (index - lastDigit) / 10), DIGIT_ZERO + lastDigit);
    if (purpose >= 0) n = mashDigits(mashCode(n, COLON), purpose);
    stream.mashState = n;
    stream.s0 = SPACES.s0 - (n >>> 0) * TWO_TO_MINUS_32;
    if (stream.s0 < 0) stream.s0 += 1;
    stream.s1 = SPACES.s1 - stream.mashIndexed(seedText, index, purpose);
    if (stream.s1 < 0) stream.s1 += 1;
    stream.s2 = SPACES.s2 - stream.mashIndexed(seedText, index, purpose);
    if (stream.s2 < 0) stream.s2 += 1;
    return stream;
  }

  /**
   * The streams of the four indices from … from + 3 (no purpose), as `indexed` would make them one
   * by one, written as their state words into `out` (s₀, s₁, s₂ and the mash state, four per
   * stream) for `fromWords`; false, with nothing written, when the four indices do not all have
   * the same number of digits (the caller then seeds them one by one). Each mash is a chain of
   * dependent multiplications, so one stream's seeding waits on itself; four independent chains
   * stepped side by side keep the processor busy for about the time of one or two.
   *
   * @example AleaStream.indexedFour('2024', 0, words) → true; AleaStream.fromWords(words, 0).next() is 0.9443821089807898
   */
  static indexedFour(seedText: string, from: number, out: Float64Array): boolean {
    const count = splitDigits(from + 3);
    for (let i = 0; i < count; i++) laneDigits[3 * DIGITS + i] = digits[i];
    if (splitDigits(from) !== count) return false;
    for (let lane = 0; lane < 3; lane++) {
      splitDigits(from + lane);
      for (let i = 0; i < count; i++) laneDigits[lane * DIGITS + i] = digits[i];
    }
    // First mash: from the remembered state before each index's last digit (see `firstMash`).
    let n0 = mashCode(firstMashBeforeLastDigit(seedText, (from - laneDigits[0]) / 10), DIGIT_ZERO + laneDigits[0]);
    let n1 = mashCode(
      firstMashBeforeLastDigit(seedText, (from + 1 - laneDigits[DIGITS]) / 10),
      DIGIT_ZERO + laneDigits[DIGITS],
    );
    let n2 = mashCode(
      firstMashBeforeLastDigit(seedText, (from + 2 - laneDigits[2 * DIGITS]) / 10),
      DIGIT_ZERO + laneDigits[2 * DIGITS],
    );
    let n3 = mashCode(
      firstMashBeforeLastDigit(seedText, (from + 3 - laneDigits[3 * DIGITS]) / 10),
      DIGIT_ZERO + laneDigits[3 * DIGITS],
    );
    out[0] = n0;
    out[4] = n1;
    out[8] = n2;
    out[12] = n3;
    // Second and third mashes over "<seedText>:<index>", the four chains side by side.
    for (let word = 1; word < 3; word++) {
      for (let i = 0; i < seedText.length; i++) {
        const code = seedText.charCodeAt(i);
        n0 = mashCode(n0, code);
        n1 = mashCode(n1, code);
        n2 = mashCode(n2, code);
        n3 = mashCode(n3, code);
      }
      n0 = mashCode(n0, COLON);
      n1 = mashCode(n1, COLON);
      n2 = mashCode(n2, COLON);
      n3 = mashCode(n3, COLON);
      for (let i = count - 1; i >= 0; i--) {
        n0 = mashCode(n0, DIGIT_ZERO + laneDigits[i]);
        n1 = mashCode(n1, DIGIT_ZERO + laneDigits[DIGITS + i]);
        n2 = mashCode(n2, DIGIT_ZERO + laneDigits[2 * DIGITS + i]);
        n3 = mashCode(n3, DIGIT_ZERO + laneDigits[3 * DIGITS + i]);
      }
      out[word] = n0;
      out[4 + word] = n1;
      out[8 + word] = n2;
      out[12 + word] = n3;
    }
    for (let lane = 0; lane < 4; lane++) {
      const at = 4 * lane;
      out[at + 3] = out[at + 2];
      out[at] = wrap(SPACES.s0 - (out[at] >>> 0) * TWO_TO_MINUS_32);
      out[at + 1] = wrap(SPACES.s1 - (out[at + 1] >>> 0) * TWO_TO_MINUS_32);
      out[at + 2] = wrap(SPACES.s2 - (out[at + 2] >>> 0) * TWO_TO_MINUS_32);
    }
    return true;
  }

  /** The stream whose state words `indexedFour` wrote at position `lane` (0…3) of `words`. */
  static fromWords(words: Float64Array, lane: number): AleaStream {
    const stream = new AleaStream();
    const at = 4 * lane;
    stream.carry = 1;
    stream.s0 = words[at];
    stream.s1 = words[at + 1];
    stream.s2 = words[at + 2];
    stream.mashState = words[at + 3];
    return stream;
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

  /**
   * A second stream at this one's current state: the two then give the same numbers, each
   * independently of the other (a trial's paired null run resumes its effect run's stream this way).
   *
   * @example const a = new AleaStream('2024:0'); a.next(); const b = a.copy(); a.next() === b.next() // true
   */
  copy(): AleaStream {
    const stream = new AleaStream();
    stream.s0 = this.s0;
    stream.s1 = this.s1;
    stream.s2 = this.s2;
    stream.carry = this.carry;
    stream.mashState = this.mashState;
    return stream;
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
    const stream = new AleaStream();
    stream.mashState = MASH_START;
    const s0 = stream.mash(' ');
    const s1 = stream.mash(' ');
    const s2 = stream.mash(' ');
    return { s0, s1, s2, mashState: stream.mashState };
  }

  // Mash over the text's UTF-16 code units, carrying its state across calls (see the class note).
  private mash(text: string): number {
    let n = this.mashState;
    for (let i = 0; i < text.length; i++) n = mashCode(n, text.charCodeAt(i));
    this.mashState = n;
    return (n >>> 0) * TWO_TO_MINUS_32;
  }

  // Mash over "<seedText>:<index>[:<purpose>]" without the text (see `indexed`).
  private mashIndexed(seedText: string, index: number, purpose: number): number {
    let n = this.mashState;
    for (let i = 0; i < seedText.length; i++) n = mashCode(n, seedText.charCodeAt(i));
    n = mashDigits(mashCode(n, COLON), index);
    if (purpose >= 0) n = mashDigits(mashCode(n, COLON), purpose);
    this.mashState = n;
    return (n >>> 0) * TWO_TO_MINUS_32;
  }
}

const SPACES = AleaStream.spaces();
