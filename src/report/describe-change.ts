/**
 * A ratio (treated over control) in the words a commissioner uses: a percentage reduction or
 * increase, so "0.63" reads as "a 37% reduction".
 */

/**
 * Writes `ratio` as the change it means: 100 × (1 − ratio)% "reduction" below 1, 100 × (ratio − 1)%
 * "increase" above 1, whole percents from 10% up and one decimal below (so small effects keep a
 * digit), and "no change" when the change rounds to zero. The article follows the spoken number
 * ("an 8%", "an 83%", "an 11%", "a 110%").
 *
 * Example: `describeChange(0.633)` → `"a 37% reduction"`; `describeChange(1.3)` → `"a 30% increase"`;
 * `describeChange(0.955)` → `"a 4.5% reduction"`; `describeChange(1)` → `"no change"`.
 */
export function describeChange(ratio: number): string {
  if (!Number.isFinite(ratio) || ratio <= 0) return 'no measurable change';
  const percent = Math.abs(1 - ratio) * 100;
  const text = percent >= 9.95 ? percent.toFixed(0) : percent.toFixed(1);
  if (Number(text) === 0) return 'no change';
  return `${/^(8|11(\.|$)|18(\.|$))/.test(text) ? 'an' : 'a'} ${text}% ${ratio < 1 ? 'reduction' : 'increase'}`;
}
