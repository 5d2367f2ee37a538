/**
 * Parsers for option values, shared by every command so a flag is read and refused the same way
 * wherever it appears. Each throws a `UserError` naming the flag and the value.
 */
import { UserError } from '../errors/user-error.js';

/**
 * A whole number ≥ `atLeast`: ≥ 1 for --trials and --threads, ≥ 0 for --seed.
 *
 * Example: `wholeNumber('--trials', 1)('0')` throws `--trials must be a whole number ≥ 1 (got "0")`.
 */
export function wholeNumber(flag: string, atLeast: number): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (!Number.isSafeInteger(number) || number < atLeast)
      throw new UserError(`${flag} must be a whole number ≥ ${atLeast} (got "${value}")`);
    return number;
  };
}

/**
 * A number strictly between 0 and 1, e.g. for --target.
 *
 * Example: `probability('--target')('1.2')` throws `--target must be between 0 and 1 (got "1.2")`.
 */
export function probability(flag: string): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (value.trim() === '' || !(number > 0 && number < 1))
      throw new UserError(`${flag} must be between 0 and 1 (got "${value}")`);
    return number;
  };
}

/**
 * A finite number above 0, e.g. for --max.
 *
 * Example: `positiveNumber('--max')('0')` throws `--max must be a number above 0 (got "0")`.
 */
export function positiveNumber(flag: string): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (value.trim() === '' || !(number > 0) || !Number.isFinite(number))
      throw new UserError(`${flag} must be a number above 0 (got "${value}")`);
    return number;
  };
}

/**
 * --engine: person, aggregate or auto.
 *
 * Example: `engineName('nope')` throws `--engine must be person, aggregate or auto (got "nope")`.
 */
export function engineName(value: string): string {
  if (value === 'auto' || value === 'person' || value === 'aggregate') return value;
  throw new UserError(`--engine must be person, aggregate or auto (got "${value}")`);
}

/** A repeatable option's values in order. Example: `--set a=1 --set b=2` → ['a=1', 'b=2']. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** A comma-separated list, blanks dropped. Example: `'knife, crime,'` → ['knife', 'crime']. */
export function commaList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
