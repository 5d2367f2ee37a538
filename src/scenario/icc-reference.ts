/**
 * The count outcome an ICC (caseworkers' or sites') refers to, and the person-level dispersion that
 * the ICC is measured against — the same choice the core's caseworker model makes
 * (src/core/model/model-constants.ts), so validation and simulation agree.
 */
import { DEFAULTS } from './defaults.js';
import { dispersionOf } from './dispersion-parameter.js';
import type { OutcomeInput, ScenarioInput } from './schema.js';

type CountInput = Extract<OutcomeInput, { kind: 'count' }>;

/** The first primary count outcome, else the first count outcome, else undefined. */
export function iccOutcome(outcomes: readonly OutcomeInput[]): CountInput | undefined {
  const counts = outcomes.filter((outcome): outcome is CountInput => outcome.kind === 'count');
  return counts.find((outcome) => outcome.primary === true) ?? counts[0];
}

/**
 * Person-level dispersion of that outcome: propensity and own noise combined, (1 + d)(1 + d_own) − 1
 * (0 when there is no count outcome). Example: d = 1.5, d_own = 0.2 → 2.5 × 1.2 − 1 = 2.
 */
export function iccDispersion(scenario: ScenarioInput): number {
  const propensity = dispersionOf(scenario.cohort?.propensity, DEFAULTS.propensityDispersion);
  const own = dispersionOf(iccOutcome(scenario.outcomes), DEFAULTS.countDispersion);
  return (1 + propensity) * (1 + own) - 1;
}
