/**
 * The number format of an axis whose ticks are the simulated values themselves, so that each tick
 * reads as the value simulated: vega's default format takes its precision from the spacing of the
 * ticks, which prints 0.84 between 0.7 and 0.95 as "0.8" (and 0.95 as "0.9").
 */

/**
 * A d3 format string with as many decimals as the values need to be written exactly (up to six
 * significant digits each), with thousands separators.
 *
 * Example: [0.7, 0.84, 0.95] → ",.2f" (0.70, 0.84, 0.95); [600, 1200] → ",.0f" (600, 1,200);
 * [0.5, 2.25, 3] → ",.2f".
 */
export function axisLabelFormat(values: readonly number[]): string {
  const decimals = Math.max(
    0,
    ...values.map((value) => {
      const text = String(Number(value.toPrecision(6)));
      if (text.includes('e')) return 6;
      const dot = text.indexOf('.');
      return dot === -1 ? 0 : text.length - dot - 1;
    }),
  );
  return `,.${Math.min(6, decimals)}f`;
}
