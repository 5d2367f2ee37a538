/**
 * Building blocks of the scenario schema: numbers that carry their unit, range, error message and
 * fix; "a scalar or a by-group map"; strict objects whose unknown keys are reported with the keys
 * that are allowed (for did-you-mean); and ids.
 */
import * as z from 'zod';
import { withHint } from './issue-text.js';
import { plainNumber, type QuantitySpec } from './quantity-spec.js';
import { centralValue, uncertainQuantity } from './uncertain-value.js';

export type { QuantitySpec } from './quantity-spec.js';

// One schema per quantity, shared by every field of that quantity (zod schemas are immutable):
// building the scenario schema was most of `trialsim validate`'s start-up, about 25 zod objects
// per number field, and 40 fields share 20-odd quantities.
const quantitySchemas = new Map<
  QuantitySpec,
  ReturnType<typeof plainNumber> | z.ZodPipe<ReturnType<typeof uncertainQuantity>, z.ZodTransform<number>>
>();

/**
 * A number of the scenario as the engine reads it. Unless the spec is `certain`, the value may
 * instead be written as an uncertain value (`{ from, to, central }` or `{ lognormal: { median,
 * spread } }`, see uncertain-value.ts); the schema then gives its central value, and the loader
 * collects the uncertainty itself from the document (collect-uncertain-inputs.ts).
 */
export function quantity(spec: QuantitySpec) {
  let schema = quantitySchemas.get(spec);
  if (schema === undefined) {
    schema = spec.certain ? plainNumber(spec) : uncertainQuantity(spec).transform(centralValue);
    quantitySchemas.set(spec, schema);
  }
  return schema;
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
