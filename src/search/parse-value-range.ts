/**
 * `--vary PATH=FROM:TO:STEP` of the `curve` command.
 */
import { PlanningOptionError } from './planning-option-error.js';

/** A parameter path and the values to try. */
export interface ValueRange {
  readonly path: string;
  readonly values: readonly number[];
}

/** Most values a curve may have (each is a full simulation). */
export const MAX_CURVE_VALUES = 200;

/**
 * Parses PATH=FROM:TO:STEP into the values FROM, FROM + STEP, … up to TO (TO included when it
 * falls on the grid, within rounding); a bare PATH=V1,V2,V3 list is accepted too. Throws a
 * `PlanningOptionError` saying what is wrong.
 *
 * Example: "design.size.treated=50:200:50" → { path: 'design.size.treated', values: [50, 100, 150, 200] }.
 */
export function parseValueRange(text: string): ValueRange {
  const equals = text.indexOf('=');
  if (equals <= 0)
    throw new PlanningOptionError(`--vary ${text}: expected PATH=FROM:TO:STEP, e.g. design.size.total=100:1000:100`);
  const path = text.slice(0, equals).trim();
  const spec = text.slice(equals + 1).trim();
  const numbers = (parts: string[]) =>
    parts.map((part) => {
      const value = Number(part.trim());
      if (part.trim() === '' || !Number.isFinite(value))
        throw new PlanningOptionError(`--vary ${text}: "${part}" is not a number`);
      return value;
    });
  if (!spec.includes(':')) {
    const values = numbers(spec.split(','));
    return { path, values: [...new Set(values)].sort((a, b) => a - b) };
  }
  const parts = spec.split(':');
  if (parts.length !== 3) throw new PlanningOptionError(`--vary ${text}: expected FROM:TO:STEP with three numbers`);
  const [from, to, step] = numbers(parts);
  if (!(step > 0)) throw new PlanningOptionError(`--vary ${text}: STEP must be above 0`);
  if (to < from) throw new PlanningOptionError(`--vary ${text}: TO must be at least FROM`);
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > MAX_CURVE_VALUES)
    throw new PlanningOptionError(`--vary ${text}: ${count} values; at most ${MAX_CURVE_VALUES} (use a larger STEP)`);
  const decimals = Math.max(decimalsOf(parts[0]), decimalsOf(parts[2]));
  return { path, values: Array.from({ length: count }, (_, i) => Number((from + i * step).toFixed(decimals))) };
}

function decimalsOf(text: string): number {
  const dot = text.trim().indexOf('.');
  return dot === -1 ? 0 : text.trim().length - dot - 1;
}
