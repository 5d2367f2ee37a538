/**
 * Uncertain values: any number of the scenario that describes the world (a rate, a dispersion, an
 * engagement share, an effect, a size) may be written as a range or a distribution instead
 * (docs/scenario-language.md, "Uncertain values"):
 *
 * * `{ from: 0.8, to: 3, central: 1.5 }` — somewhere between `from` and `to`, uniformly for
 *   assurance; `central` (default: the midpoint) is the value `run` uses;
 * * `{ lognormal: { median: 0.6, spread: 1.5 } }` — lognormal with that median and geometric
 *   standard deviation (sdLog = ln spread); the median is the central value, and its plausible
 *   range is the central 95%, median ÷ spread^1.96 to median × spread^1.96.
 *
 * The same two forms are the uncertain effects of assurance, so an effect and a dispersion are
 * written alike. Both ends of a range, its central value and a lognormal's median are checked
 * against the quantity's own range.
 */
import * as z from 'zod';
import { withHint } from './issue-text.js';
import { SPREAD } from './quantities.js';
import { oncePerSpec, plainNumber, type QuantitySpec } from './quantity-spec.js';

/** An uncertain value as written (after validation). */
export type UncertainInput =
  | { readonly from: number; readonly to: number; readonly central?: number }
  | { readonly lognormal: { readonly median: number; readonly spread: number } };

/** A number as written: plain, or uncertain. */
export type NumberInput = number | UncertainInput;

/** The standard normal's 97.5% point, Φ⁻¹(0.975): a lognormal's plausible range is its central 95%. */
export const Z_975 = 1.959963984540054;

/**
 * The schema of a number that may be uncertain: a plain number, `{ from, to, central? }` or
 * `{ lognormal: { median, spread } }`, every number in the spec's range (a spread ≥ 1), `from` ≤
 * `central` ≤ `to`. The output is the form as written; `quantity()` turns it into its central value.
 * Built once per spec (`oncePerSpec`).
 */
export const uncertainQuantity = oncePerSpec(buildUncertainQuantity);

function buildUncertainQuantity(spec: QuantitySpec) {
  const one = plainNumber(spec);
  const range = z
    .strictObject({ from: one, to: one, central: one.optional() }, { error: unknownKeys(['from', 'to', 'central']) })
    .meta({
      description:
        'An uncertain value between from and to (uniform for assurance); central is what run uses (default: the midpoint)',
    })
    .refine((value) => value.from <= value.to, {
      error: withHint('must not be below from', 'give the range low to high, e.g. { from: 0.8, to: 3 }'),
      path: ['to'],
    })
    .refine((value) => value.central === undefined || (value.central >= value.from && value.central <= value.to), {
      error: withHint(
        'must lie between from and to',
        'give a central value inside the range, or leave it out for the midpoint',
      ),
      path: ['central'],
    });
  const lognormal = z
    .strictObject(
      {
        lognormal: z
          .strictObject(
            {
              median: one,
              spread: plainNumber(SPREAD),
            },
            { error: unknownKeys(['median', 'spread']) },
          )
          .meta({ description: 'Lognormal: median and geometric SD (sdLog = ln spread)' }),
      },
      { error: unknownKeys(['lognormal']) },
    )
    .meta({ description: 'An uncertain value, lognormally distributed' });
  const plain = withHint(`must be ${spec.means}`, spec.hint);
  const either = withHint(
    `must be ${spec.means}, or an uncertain value { from, to, central } or { lognormal: { median, spread } }`,
    spec.hint,
  );
  // A number out of range (or not whole) gets the plain number's message; anything else lists both forms.
  return z.union([one, range, lognormal], {
    error: (issue) => (typeof issue.input === 'number' ? plain : either),
  });
}

// The allowed keys as JSON: the problem mapper reads them for did-you-mean (schema-parts.ts, strictObject).
function unknownKeys(keys: readonly string[]) {
  const known = JSON.stringify(keys);
  return (issue: { code?: string }) => (issue.code === 'unrecognized_keys' ? known : undefined);
}

/**
 * The value `run` uses: the number itself, the range's `central` (or its midpoint (from + to) / 2),
 * or the lognormal's median. Example: `centralValue({ from: 0.8, to: 3 })` is 1.9.
 */
export function centralValue(value: NumberInput): number {
  if (typeof value === 'number') return value;
  if ('lognormal' in value) return value.lognormal.median;
  return value.central ?? (value.from + value.to) / 2;
}

/** True when `value` has the shape of an uncertain value (used on validated documents only). */
export function isUncertainInput(value: unknown): value is UncertainInput {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  if ('lognormal' in record) return Object.keys(record).length === 1 && typeof record.lognormal === 'object';
  return (
    typeof record.from === 'number' &&
    typeof record.to === 'number' &&
    Object.keys(record).every((key) => key === 'from' || key === 'to' || key === 'central')
  );
}
