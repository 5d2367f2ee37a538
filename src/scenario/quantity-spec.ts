/**
 * What a number of the scenario language means and the range it must lie in, and the plain-number
 * schema that checks it ("must be <means>" with the fix).
 */
import * as z from 'zod';
import { withHint } from './issue-text.js';

/** What a number means and the range it must lie in. */
export interface QuantitySpec {
  /** "a rate per person-year ≥ 0": completes "must be …" and documents the field. */
  readonly means: string;
  /** How to fix a bad value. */
  readonly hint: string;
  readonly min?: number;
  /** True when `min` itself is not allowed. */
  readonly minExclusive?: boolean;
  readonly max?: number;
  readonly maxExclusive?: boolean;
  readonly integer?: boolean;
  /**
   * True for the numbers that say how to simulate rather than what the world is like (seed,
   * trials, permutations): these are never uncertain, so they take a plain number only.
   */
  readonly certain?: boolean;
}

/**
 * `build` made to run once per spec: later calls with the same spec get the schema built the
 * first time. zod schemas are immutable, so one can serve every field of that spec; the scenario
 * schema asks for the same spec many times, and building it is part of every command's start-up.
 *
 * @example const plain = oncePerSpec(buildPlainNumber); plain(RATE) === plain(RATE) → true
 */
export function oncePerSpec<T>(build: (spec: QuantitySpec) => T): (spec: QuantitySpec) => T {
  const built = new Map<QuantitySpec, T>();
  return (spec) => {
    let schema = built.get(spec);
    if (schema === undefined) {
      schema = build(spec);
      built.set(spec, schema);
    }
    return schema;
  };
}

/** A finite number in the spec's range; every failure says "must be <means>" with the fix (built once per spec). */
export const plainNumber = oncePerSpec(buildPlainNumber);

function buildPlainNumber(spec: QuantitySpec) {
  const error = withHint(`must be ${spec.means}`, spec.hint);
  let schema = z.number({ error });
  if (spec.integer) schema = schema.int({ error });
  if (spec.min !== undefined)
    schema = spec.minExclusive ? schema.gt(spec.min, { error }) : schema.gte(spec.min, { error });
  if (spec.max !== undefined)
    schema = spec.maxExclusive ? schema.lt(spec.max, { error }) : schema.lte(spec.max, { error });
  return schema.meta({ description: `${capitalise(spec.means)}. ${capitalise(spec.hint)}.` });
}

function capitalise(text: string): string {
  return `${text[0].toUpperCase()}${text.slice(1)}`;
}
