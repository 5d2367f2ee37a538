/**
 * The scenario language as a zod schema (docs/scenario-language.md; the field names are contract). It checks
 * each field on its own: types, units, ranges and unknown keys. Rules that tie fields together
 * (shares add up, `from:` names a count outcome, …) are in `cross-rules.ts`.
 */
import * as z from 'zod';
import { withHint } from './issue-text.js';
import {
  ALPHA,
  CASELOAD,
  DISPERSION,
  THETA,
  EVENTS,
  MONEY,
  MONTHS,
  PEOPLE,
  PEOPLE_PER_YEAR,
  PERMUTATIONS,
  RATIO,
  SEED,
  SHARE,
  TRIALS,
} from './quantities.js';
import { designSchema } from './schema-design.js';
import { outcomeSchema } from './schema-outcomes.js';
import { replicationSchema } from './schema-replication.js';
import { flag, identifier, oneOf, quantity, strictObject, text } from './schema-parts.js';

function list<Item extends z.ZodType>(item: Item, what: string, max: number) {
  const error = withHint(`must be a list of ${what}`, `write one "- …" line per entry, or [ … ]`);
  return z
    .array(item, { error })
    .min(1, { error: withHint(`must list at least one of ${what}`, 'add an entry') })
    .max(max, { error: withHint(`must list at most ${max} ${what}`, 'remove some') });
}

const group = strictObject(
  { id: identifier('a group'), label: text('Label shown in reports').optional(), share: quantity(SHARE) },
  'One group of the cohort',
);

const selectionRule = strictObject(
  {
    outcomes: list(identifier('a count outcome'), 'count outcome ids', 50),
    atLeast: quantity(EVENTS),
    withinMonths: quantity(MONTHS),
  },
  'At least atLeast events of these outcomes in the last withinMonths months',
);

const cohort = strictObject(
  {
    groups: list(group, 'groups', 100).optional(),
    propensity: strictObject(
      { dispersion: quantity(DISPERSION).optional(), theta: quantity(THETA).optional() },
      'Shared gamma frailty (mean 1) of each person: give its variance as dispersion α (Var = μ + αμ²) or as theta θ = 1/α, one of the two',
    ).optional(),
    selection: strictObject(
      { priorMonths: quantity(MONTHS), require: list(selectionRule, 'rules', 20) },
      'Eligibility from a simulated prior history',
    ).optional(),
  },
  'The eligible population',
);

const analysis = strictObject(
  {
    alpha: quantity(ALPHA).optional(),
    sides: oneOf(['two', 'one'], 'a number of sides').optional(),
    multiplicity: oneOf(['none', 'bonferroni', 'holm'], 'a multiplicity correction').optional(),
    adjustForPrior: flag(
      'Use prior-window counts as a covariate where the analysis allows (needs cohort.selection)',
    ).optional(),
    permutations: quantity(PERMUTATIONS).optional(),
  },
  'How each simulated trial is analysed',
);

const simulation = strictObject(
  {
    trials: quantity(TRIALS).optional(),
    seed: quantity(SEED).optional(),
    engine: oneOf(
      ['auto', 'person', 'aggregate'],
      'an engine (auto: the exact aggregated engine wherever it applies)',
    ).optional(),
    assurance: flag(
      'Draw every uncertain input per trial from its distribution (assurance, `--assurance`) instead of holding it at its central value',
    ).optional(),
  },
  'How many trials, from which seed, on which engine',
);

const pilot = strictObject(
  { treated: quantity(PEOPLE), control: quantity(PEOPLE), estimates: z.record(z.string(), quantity(RATIO)).optional() },
  'The original (pilot) trial: its arm sizes and reported ratio per outcome id',
);

const costs = strictObject(
  {
    caseworkerAnnualCost: quantity(MONEY),
    caseload: quantity(CASELOAD),
    perPersonCost: quantity(MONEY),
    eligiblePerAreaPerYear: quantity(PEOPLE_PER_YEAR),
  },
  'Delivery costs and scale, for commissioner outputs',
);

/** The whole scenario file. */
export const scenarioSchema = strictObject(
  {
    $schema: z.string().optional().meta({ description: 'Optional JSON Schema reference (ignored)' }),
    name: identifier('a scenario').optional().meta({ description: 'Scenario name (default: the file name)' }),
    title: text('One-line title').optional(),
    source: text('Where the numbers come from').optional(),
    cohort: cohort.optional(),
    outcomes: list(outcomeSchema, 'outcomes', 50),
    design: designSchema,
    analysis: analysis.optional(),
    simulation: simulation.optional(),
    pilot: pilot.optional(),
    costs: costs.optional(),
    replication: replicationSchema.optional(),
  },
  'A trialsim scenario (docs/scenario-language.md)',
);

/** A scenario that passed the schema (fields left out are undefined; see defaults.ts). */
export type ScenarioInput = z.output<typeof scenarioSchema>;
/** One outcome of a scenario that passed the schema. */
export type OutcomeInput = ScenarioInput['outcomes'][number];
