/**
 * A problem found in a scenario's data, before it is given a file position: the path of the bad
 * value, what is wrong and how to fix it.
 */
/** Keys and list positions from the top of the document down to a value. */
export type DataPath = readonly (string | number)[];

/** One problem at one path of the data. */
export interface PathProblem {
  readonly path: DataPath;
  readonly message: string;
  readonly hint: string;
  /** Point at the key itself rather than its value (unknown keys). */
  readonly atKey?: boolean;
}

/**
 * Writes a path the way a user would: `outcomes[1].ratePerYear.youth`.
 * Example: `formatPath(['outcomes', 1, 'ratePerYear', 'youth'])` is 'outcomes[1].ratePerYear.youth'.
 */
export function formatPath(path: DataPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}
