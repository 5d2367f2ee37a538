/**
 * The `design` part of the scenario schema (docs/scenario-language.md, "design.*"): follow-up, arm sizes, randomisation,
 * engagement, attrition and the two kinds of clustering (caseworkers, sites).
 */
import * as z from 'zod';
import { withHint } from './issue-text.js';
import {
  ATTRITION,
  AUTOCORRELATION,
  BLOCK_SIZE,
  CASELOAD,
  CLUSTER_COUNT,
  ICC,
  MONTHS,
  PEOPLE,
  PROBABILITY,
  RATE_CV,
  SITE_COUNT,
  STEP_COUNT,
  TREND,
} from './quantities.js';
import { byGroup, oneOf, quantity, strictObject } from './schema-parts.js';

const ALLOCATION_PATTERN = /^\s*(\d+(\.\d+)?)\s*:\s*(\d+(\.\d+)?)\s*$/;

const allocation = z
  .string({
    error: withHint(
      'must be a ratio treated:control such as "1:1" or "1:2"',
      'write it in quotes, e.g. allocation: "1:2"',
    ),
  })
  .regex(ALLOCATION_PATTERN, {
    error: withHint(
      'must be a ratio treated:control such as "1:1" or "1:2"',
      'write two positive numbers with a colon, in quotes',
    ),
  })
  .refine((value) => value.split(':').every((part) => Number(part) > 0), {
    error: withHint('must have both sides of treated:control above 0', 'e.g. "1:2"'),
  })
  .meta({ description: 'Allocation ratio treated:control, e.g. "1:1"' });

/** The three ways to give arm sizes. */
export const sizeSchema = z.union(
  [
    strictObject(
      { treated: quantity(PEOPLE), control: quantity(PEOPLE) },
      'Exactly this many treated and control people',
    ),
    strictObject(
      { total: quantity(PEOPLE), allocation: allocation.optional() },
      'A total split by an allocation ratio (default "1:1")',
    ),
    strictObject(
      { total: quantity(PEOPLE), treated: quantity(PEOPLE), control: z.literal('rest').optional() },
      'k treated out of a total; the rest are controls',
    ),
  ],
  {
    error: withHint(
      'must be { treated, control }, { total, allocation } or { total, treated } (the rest control)',
      'e.g. size: { treated: 45, control: 120 } or size: { total: 400, allocation: "1:1" }',
    ),
  },
);

const caseworkers = strictObject(
  { caseload: quantity(CASELOAD), icc: quantity(ICC) },
  'Treated people share a caseworker: clustering in the treated arm',
);

const sites = strictObject(
  { count: quantity(SITE_COUNT), icc: quantity(ICC).optional(), rateCV: quantity(RATE_CV).optional() },
  'Sites (local partnerships); give the between-site icc or rateCV (not both)',
);

const SPENDING_WORDS = ['obrien-fleming', 'pocock'] as const;
const EFFICACY_WORDS = ['obrien-fleming', 'pocock', 'classic-obrien-fleming', 'classic-pocock'] as const;
const hwangShihDeCani = strictObject(
  {
    'hwang-shih-decani': z
      .number({
        error: withHint('must be a finite shape γ', 'e.g. -4 (close to O’Brien–Fleming) or 1 (close to Pocock)'),
      })
      .finite()
      .gte(-40)
      .lte(40)
      .meta({ description: 'The family’s shape γ, a number in [−40, 40]' }),
  },
  'Hwang–Shih–DeCani spending with shape γ (−4 ≈ O’Brien–Fleming, 1 ≈ Pocock)',
);

/** Non-binding futility boundaries by β-spending. */
const futility = strictObject(
  {
    nonBinding: z
      .literal(true, {
        error: withHint('must be true: futility boundaries are non-binding', 'leave it out or write nonBinding: true'),
      })
      .optional(),
    beta: quantity({
      means: 'a type II error probability β in (0, 0.5]',
      hint: 'the design’s planned β, e.g. 0.2 for power 0.8',
      min: 0,
      minExclusive: true,
      max: 0.5,
    }).optional(),
    spending: z.union([oneOf(SPENDING_WORDS, 'a β-spending function'), hwangShihDeCani]).optional(),
  },
  'Non-binding futility boundaries by β-spending (the trial may stop when the effect looks too small to reach)',
);

/** Interim looks with stopping rules: a group-sequential design (docs/sequential-and-stepped-wedge.md). */
const interim = strictObject(
  {
    looks: z
      .array(
        z
          .number({ error: withHint('must be an information fraction', 'e.g. looks: [0.5, 0.75, 1]') })
          .meta({ description: 'An information fraction: a share of the people in (0, 1]' }),
        {
          error: withHint('must be a list of information fractions ending at 1', 'e.g. looks: [0.5, 0.75, 1]'),
        },
      )
      .meta({ description: 'Information fractions of the looks: increasing, the last 1' }),
    spending: z.union([oneOf(EFFICACY_WORDS, 'an efficacy boundary'), hwangShihDeCani]).optional(),
    futility: futility.optional(),
    recruitmentMonths: quantity(MONTHS).optional(),
  },
  'Interim looks at information fractions, with efficacy (and optional non-binding futility) boundaries',
);

const rollout = strictObject(
  {
    clusters: quantity(CLUSTER_COUNT),
    steps: quantity(STEP_COUNT),
    periodMonths: quantity(MONTHS),
    sampling: oneOf(['cross-sectional', 'closed-cohort'], 'a sampling over periods'),
    icc: quantity(ICC).optional(),
    clusterAutocorrelation: quantity(AUTOCORRELATION).optional(),
    trendPerPeriod: quantity(TREND).optional(),
  },
  'A stepped-wedge rollout: clusters randomised to the step at which they cross to treatment',
);

/** The `design` block. */
export const designSchema = strictObject(
  {
    followUpMonths: quantity(MONTHS),
    size: sizeSchema,
    randomisation: oneOf(['simple', 'complete', 'stratified', 'cluster'], 'a randomisation').optional(),
    strata: z
      .array(oneOf(['group', 'site'], 'a stratification attribute'), {
        error: withHint('must be a list such as [group]', 'write strata: [group] or [group, site]'),
      })
      .optional(),
    blockSize: quantity(BLOCK_SIZE).optional(),
    engagement: byGroup(PROBABILITY).optional(),
    attrition: quantity(ATTRITION).optional(),
    caseworkers: caseworkers.optional(),
    sites: sites.optional(),
    interim: interim.optional(),
    rollout: rollout.optional(),
  },
  'Follow-up, arm sizes, randomisation, engagement, attrition, clustering',
);
