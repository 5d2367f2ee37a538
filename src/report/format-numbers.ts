/**
 * Number formatting shared by the human-readable outputs (table, Markdown, dashboard, progress
 * lines), so every view writes the same quantity the same way.
 */

/**
 * Writes a share (0–1) as a percentage with `decimals` decimals.
 *
 * Example: `formatPercent(0.4123)` → `"41.2%"`; `formatPercent(0.05, 0)` → `"5%"`.
 */
export function formatPercent(share: number, decimals = 1): string {
  if (!Number.isFinite(share)) return '—';
  return `${(share * 100).toFixed(decimals)}%`;
}

/**
 * Writes a share with its 95% interval, the interval in percentage points without repeating the
 * unit, so the reader sees one quantity.
 *
 * Example: `formatPercentWithInterval(0.412, [0.398, 0.426])` → `"41.2% [39.8, 42.6]"`.
 */
export function formatPercentWithInterval(share: number, interval: readonly [number, number], decimals = 1): string {
  const low = (interval[0] * 100).toFixed(decimals);
  const high = (interval[1] * 100).toFixed(decimals);
  return `${formatPercent(share, decimals)} [${low}, ${high}]`;
}

/**
 * Writes a ratio (rate, risk or harm ratio) with two decimals, or three when the third is not
 * zero, so stated effects such as 0.602 survive and 0.46 is not padded to 0.460.
 *
 * Example: `formatRatio(0.602)` → `"0.602"`; `formatRatio(0.46)` → `"0.46"`; `formatRatio(1)` → `"1.00"`.
 */
export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return '—';
  const three = ratio.toFixed(3);
  return three.endsWith('0') ? ratio.toFixed(2) : three;
}

/**
 * Writes a signed quantity on the log scale (bias) with three decimals and an explicit sign.
 *
 * Example: `formatSigned(0.0123)` → `"+0.012"`; `formatSigned(-0.01)` → `"-0.010"`.
 */
export function formatSigned(value: number, decimals = 3): string {
  if (!Number.isFinite(value)) return '—';
  const text = value.toFixed(decimals);
  // toFixed keeps a "-0.000" for tiny negatives; a zero has no sign.
  if (Number(text) === 0) return (0).toFixed(decimals);
  return value > 0 ? `+${text}` : text;
}

/**
 * Writes a whole number with thousands separators (comma, as in English).
 *
 * Example: `formatCount(12345)` → `"12,345"`.
 */
export function formatCount(count: number): string {
  if (!Number.isFinite(count)) return '—';
  return Math.round(count)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Writes a duration in seconds the way people read it: seconds below a minute, then minutes and
 * seconds, then hours and minutes.
 *
 * Example: `formatDuration(4.2)` → `"4s"`; `formatDuration(125)` → `"2m 05s"`; `formatDuration(3720)` → `"1h 02m"`.
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole}s`;
  if (whole < 3600) return `${Math.floor(whole / 60)}m ${String(whole % 60).padStart(2, '0')}s`;
  return `${Math.floor(whole / 3600)}h ${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')}m`;
}

/**
 * Writes an amount of money in pounds to four significant figures, never finer than a pound, with
 * thousands separators: precise enough to check against its inputs (91 caseworkers × £45,000 +
 * £1,000,000 = £5,095,000), without the false precision of pence or of derived per-unit costs.
 *
 * Example: `formatMoney(5095000)` → `"£5,095,000"`; `formatMoney(763636.4)` → `"£763,600"`;
 * `formatMoney(37879.2)` → `"£37,880"`; `formatMoney(302.3)` → `"£302"`.
 */
export function formatMoney(pounds: number): string {
  if (!Number.isFinite(pounds)) return '—';
  const digits = Math.floor(Math.log10(Math.max(1, Math.abs(pounds)))) + 1;
  const step = 10 ** Math.max(0, digits - 4);
  return `£${formatCount(Math.round(pounds / step) * step)}`;
}
