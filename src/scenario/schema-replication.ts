/**
 * The replication parts of the scenario schema (docs/scenario-language.md, "Planning a
 * replication"): an outcome's `original` result and the top-level `replication` block. The schema
 * checks types only; whether an original can be read (an interval containing its estimate, a
 * standard error > 0, a p-value strictly between 0 and 1) is checked by the core's
 * `readOriginalResult` in cross-rules-replication.ts, so the rule is written once.
 */
import * as z from 'zod';
import { withHint } from './issue-text.js';
import { oneOf, quantity, strictObject } from './schema-parts.js';

const anyNumber = (what: string, hint: string, description: string) =>
  z.number({ error: withHint(`must be ${what}`, hint) }).meta({ description });

/**
 * The original trial's reported result: a ratio with exactly one of a 95% interval, the standard
 * error of its log, or a two-sided p-value (or the word `significant`).
 */
export const originalSchema = strictObject(
  {
    estimate: anyNumber(
      'a ratio > 0',
      'give the reported ratio, e.g. 0.602 for a 39.8% reduction',
      'The reported ratio (rate, risk or harm ratio), treated over control',
    ),
    ci: z
      .tuple(
        [
          anyNumber('a number', 'write the interval as [lower, upper]', 'The lower limit of the ratio'),
          anyNumber('a number', 'write the interval as [lower, upper]', 'The upper limit of the ratio'),
        ],
        { error: withHint('must be a 95% interval [lower, upper] of the ratio', 'e.g. ci: [0.38, 0.95]') },
      )
      .optional()
      .meta({ description: 'The reported 95% confidence interval of the ratio, [lower, upper]' }),
    se: anyNumber(
      'a standard error of the log ratio > 0',
      'e.g. se: 0.23',
      'The standard error of log(estimate), a number > 0',
    )
      .optional()
      .meta({ description: 'The standard error of log(estimate), a number > 0' }),
    p: z
      .union([anyNumber('a number', 'e.g. p: 0.03', 'A two-sided p-value, a probability'), z.literal('significant')], {
        error: withHint(
          "must be a two-sided p-value or the word 'significant'",
          'e.g. p: 0.03, or p: significant when the report says no more (taken as just significant at 0.05)',
        ),
      })
      .optional()
      .meta({
        description:
          "The reported two-sided p-value, or 'significant' (taken as just significant at 0.05: the least evidence the report allows)",
      }),
  },
  'The original trial’s reported result for this outcome: estimate with one of ci, se or p',
);

const criterionName = oneOf(
  ['significance', 'two-trials', 'sceptical', 'meta-analysis', 'prediction-interval', 'small-telescopes'],
  'a success criterion',
);
const scepticalChoice = strictObject(
  { sceptical: oneOf(['golden', 'nominal', 'controlled'], 'a recalibration of the sceptical p-value') },
  'The sceptical p-value with a chosen recalibration',
);

/** Level of a one-sided test in the original's direction. */
const LEVEL = {
  means: 'a one-sided level in (0, 0.5)',
  hint: 'give e.g. 0.025 (the one-sided half of a two-sided 5% test)',
  min: 0,
  minExclusive: true,
  max: 0.5,
  maxExclusive: true,
};
/** Between-study standard deviation on the log-ratio scale. */
const HETEROGENEITY = {
  means: 'a between-study standard deviation of the log ratio ≥ 0',
  hint: 'give τ on the log scale, e.g. 0.1 (true ratios vary by about ±10% between places); 0 for none',
  min: 0,
  max: 5,
};

/** The `replication` block. */
export const replicationSchema = strictObject(
  {
    prior: oneOf(['conditional', 'predictive', 'eb'], 'a design prior').optional(),
    heterogeneity: quantity(HETEROGENEITY).optional(),
    success: z
      .array(
        z.union([criterionName, scepticalChoice], {
          error: withHint(
            'must be a success criterion: significance | two-trials | sceptical | meta-analysis | prediction-interval | small-telescopes, or { sceptical: golden | nominal | controlled }',
            'e.g. success: [significance, { sceptical: controlled }]',
          ),
        }),
        {
          error: withHint('must be a list of success criteria', 'e.g. success: [significance, sceptical]'),
        },
      )
      .min(1, { error: withHint('must list at least one success criterion', 'e.g. success: [sceptical]') })
      .optional()
      .meta({
        description:
          'Success criteria (default [significance, sceptical]); sceptical is golden unless { sceptical: nominal | controlled }',
      }),
    level: quantity(LEVEL).optional(),
  },
  'Planning a replication of the original trial: design prior, heterogeneity, success criteria',
);
