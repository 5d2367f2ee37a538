/**
 * Building blocks of the scenario schema: numbers that carry their unit, range, error message and
 * fix; "a scalar or a by-group map"; strict objects whose unknown keys are reported with the keys
 * that are allowed (for did-you-mean); and ids.
 */
import { z } from 'zod';
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
}

/** A finite number in the spec's range; every failure says "must be <means>" with the fix. */
export function quantity(spec: QuantitySpec) {
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

/** A value given once for everybody, or per group as `{ groupId: value }`. */
export function byGroup(spec: QuantitySpec) {
  const one = quantity(spec);
  const error = withHint(`must be ${spec.means}, or a map from group id to such a value`, spec.hint);
  return z
    .union([one, z.record(z.string(), one)], { error })
    .meta({ description: `${spec.means} — one value, or one per group id` });
}

/**
 * An object whose unknown keys are errors. The issue message carries the allowed keys (as JSON)
 * so the problem mapper can suggest the nearest one.
 */
export function strictObject<Shape extends z.ZodRawShape>(shape: Shape, description: string) {
  const known = JSON.stringify(Object.keys(shape));
  return z
    .strictObject(shape, { error: (issue) => (issue.code === 'unrecognized_keys' ? known : undefined) })
    .meta({ description });
}

const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;

/** An identifier used in paths and flags (`--outcome knife`, `outcomes.knife.effect`). */
export function identifier(what: string) {
  const error = withHint(
    `must be ${what} id: a letter, then letters, digits, "-" or "_" (at most 40)`,
    'use a short name such as "knife" or "youth"',
  );
  // Ids become keys of by-group maps; a name every object already has (toString, constructor…)
  // would be found on the prototype instead of in the map.
  const reserved = withHint(`must not be a name JavaScript objects already have`, 'choose another id');
  return z
    .string({ error })
    .regex(ID_PATTERN, { error })
    .refine((id) => !(id in Object.prototype), { error: reserved })
    .meta({ description: `${what} id` });
}

/** Free text (labels, titles, sources). */
export function text(description: string) {
  return z
    .string({ error: withHint('must be text', 'put the text in quotes if it looks like a number or date') })
    .max(2000)
    .meta({ description });
}

/** One of a fixed list of words; the error lists them. */
export function oneOf<const Words extends readonly [string, ...string[]]>(words: Words, what: string) {
  const error = withHint(`must be ${what}: ${words.join(' | ')}`, `write one of ${words.join(', ')}`);
  return z.enum(words, { error }).meta({ description: `${what}: ${words.join(' | ')}` });
}

/** true or false. */
export function flag(description: string) {
  return z
    .boolean({ error: withHint('must be true or false', 'write true or false (no quotes)') })
    .meta({ description });
}
