/**
 * The `outcomes` part of the scenario schema (docs/scenario-language.md, "outcomes"): count, binary and harm outcomes, their
 * effects (a ratio, or a distribution of ratios for assurance) and the analyses each kind allows.
 */
import * as z from 'zod';
import { withHint } from './issue-text.js';
import { DISPERSION, PROBABILITY, RATE, RATIO, SEVERITY, SPREAD, THETA } from './quantities.js';
import { originalSchema } from './schema-replication.js';
import { byGroup, flag, identifier, oneOf, quantity, strictObject, text } from './schema-parts.js';
import { uncertainQuantity } from './uncertain-value.js';

/** Analyses per outcome kind (the `CountAnalysis`, `BinaryAnalysis`, `HarmAnalysis` of design.ts). */
export const COUNT_ANALYSES = [
  'poisson-wald',
  'quasi-poisson',
  'negative-binomial',
  'welch-t',
  'mann-whitney',
  'permutation',
  'cluster-summary',
  'cluster-robust',
  'stepped-wedge-within',
  'stepped-wedge-mixed',
  'stepped-wedge-permutation',
] as const;
/** The analyses of a stepped-wedge rollout (`RolloutAnalysis` in design.ts), for count and harm outcomes. */
export const ROLLOUT_ANALYSES = ['stepped-wedge-within', 'stepped-wedge-mixed', 'stepped-wedge-permutation'] as const;
/** Analyses allowed for a binary outcome. */
export const BINARY_ANALYSES = [
  'two-proportion-z',
  'fisher-exact',
  'risk-ratio',
  'permutation',
  'cluster-summary',
  'cluster-robust',
] as const;
/** Analyses allowed for a harm outcome. */
export const HARM_ANALYSES = [
  'welch-t',
  'mann-whitney',
  'permutation',
  'quasi-poisson',
  'cluster-summary',
  'cluster-robust',
  ...ROLLOUT_ANALYSES,
] as const;

/**
 * A ratio, or an uncertain ratio (`{ from, to, central }` or `{ lognormal: { median, spread } }`,
 * uncertain-value.ts) kept as written, so the compiler can draw it per trial for assurance.
 */
function effectRatio() {
  return uncertainQuantity(RATIO);
}

function perGroup<Ratio extends z.ZodType>(ratio: Ratio, description: string) {
  return z.record(z.string(), ratio).optional().meta({ description });
}

const rateEffect = strictObject(
  {
    rateRatio: effectRatio(),
    byGroup: perGroup(
      strictObject({ rateRatio: quantity(RATIO) }, 'Rate ratio for one group'),
      'Group id → its own rate ratio',
    ),
  },
  'Rate ratio for engaged treated people',
);
const riskEffect = strictObject(
  {
    riskRatio: effectRatio(),
    byGroup: perGroup(
      strictObject({ riskRatio: quantity(RATIO) }, 'Risk ratio for one group'),
      'Group id → its own risk ratio',
    ),
  },
  'Risk ratio for engaged treated people (binary outcomes with their own prevalence)',
);
const severityEffect = strictObject(
  {
    severityRatio: effectRatio(),
    byGroup: perGroup(
      strictObject({ severityRatio: quantity(RATIO) }, 'Severity ratio for one group'),
      'Group id → its own severity ratio',
    ),
  },
  'Multiplies the severity of engaged treated people’s events',
);

const common = {
  id: identifier('an outcome'),
  label: text('Label shown in reports (default: the id)').optional(),
  primary: flag('Primary outcomes enter family-wise results and the multiplicity correction').optional(),
  within: identifier('a group').optional().meta({ description: 'Analyse only people of this group' }),
  original: originalSchema.optional(),
};

const countOutcome = strictObject(
  {
    ...common,
    kind: z.literal('count'),
    ratePerYear: byGroup(RATE),
    dispersion: quantity(DISPERSION).optional(),
    theta: quantity(THETA)
      .optional()
      .meta({ description: 'The outcome’s own extra dispersion as θ = 1/α instead of dispersion (one of the two)' }),
    effect: rateEffect.optional(),
    analysis: oneOf(COUNT_ANALYSES, 'an analysis for a count outcome').optional(),
  },
  'Offences counted over follow-up',
);

const binaryOutcome = strictObject(
  {
    ...common,
    kind: z.literal('binary'),
    prevalence: byGroup(PROBABILITY).optional(),
    from: identifier('a count outcome').optional(),
    effect: riskEffect.optional(),
    analysis: oneOf(BINARY_ANALYSES, 'an analysis for a binary outcome').optional(),
  },
  'Any event: its own prevalence, or "count outcome `from` > 0"',
);

const harmOutcome = strictObject(
  {
    ...common,
    kind: z.literal('harm'),
    from: identifier('a count outcome'),
    severity: strictObject(
      {
        distribution: oneOf(['lognormal'], 'a severity distribution'),
        median: quantity(SEVERITY),
        spread: quantity(SPREAD),
      },
      'Severity of one event',
    ),
    effect: severityEffect.optional(),
    analysis: oneOf(HARM_ANALYSES, 'an analysis for a harm outcome').optional(),
  },
  'Severity-weighted sum of a count outcome’s events',
);

/** One outcome, told apart by `kind`. */
export const outcomeSchema = z.discriminatedUnion('kind', [countOutcome, binaryOutcome, harmOutcome], {
  error: withHint('must have kind: count | binary | harm', 'add kind: count, kind: binary or kind: harm'),
});
