/**
 * Suggests the known word a misspelt one was probably meant to be, for "unknown key" and
 * "unknown outcome" messages.
 */

/**
 * Edit distance with adjacent transpositions (optimal string alignment): the fewest single-letter
 * insertions, deletions, substitutions or swaps of neighbours turning `a` into `b`.
 * Damerau 1964, Communications of the ACM 7(3). Example: `editDistance('raetPerYear', 'ratePerYear')` is 1.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[rows - 1][cols - 1];
}

/**
 * The closest known word within about a third of the word's length (case ignored), or null.
 * Example: `closestWord('ratePerYr', ['ratePerYear', 'label'])` is 'ratePerYear'.
 */
export function closestWord(word: string, known: readonly string[]): string | null {
  const lower = word.toLowerCase();
  const limit = Math.max(1, Math.round(word.length / 3));
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : null;
}

/** A fix for an unknown word: "did you mean X?" for a near miss, else the list of known words. */
export function suggestWord(word: string, known: readonly string[], what: string): string {
  const closest = closestWord(word, known);
  if (closest !== null) return `did you mean "${closest}"?`;
  if (known.length === 0) return `there are no ${what} here`;
  return `known ${what}: ${known.join(', ')}`;
}
