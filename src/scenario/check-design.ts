/**
 * The checks a compiled Design must pass before it is simulated, beyond what the schema and the
 * cross-field rules can see: they need the engine's own computations (the eligible share of a
 * selected cohort, whether the aggregated engine is exact). Pure, so the command line (through
 * `loadDesign`) and the browser page refuse the same scenarios with the same messages.
 */
import { chooseEngine } from '../core/choose-engine.js';
import type { Design } from '../core/design.js';
import { integrateSelectedPopulation } from '../core/model/selected-population.js';
import { ScenarioError } from './scenario-error.js';

/**
 * Below this share of a group's population passing the eligibility rules, drawing a cohort needs
 * over a thousand candidates per person: refused up front rather than failing mid-run.
 */
export const MIN_ELIGIBLE_SHARE = 1e-3;

/**
 * Throws a ScenarioError (naming `file`) when the design's eligibility rules let almost nobody
 * through, or when it asks for the aggregated engine on a design that engine cannot simulate
 * exactly; returns nothing otherwise.
 *
 * Example: `checkDesign(design, 'teaching-two-arm.yaml')` returns; a design with
 * `simulation.engine: aggregate` and a permutation test on harm throws, path `simulation.engine`.
 */
export function checkDesign(design: Design, file: string): void {
  requireFeasibleSelection(design, file);
  requireAggregateSupport(design, file);
}

/** `simulation.engine: aggregate` on a design the aggregated engine cannot simulate exactly is the author's to fix. */
function requireAggregateSupport(design: Design, file: string): void {
  const engine = chooseEngine(design);
  if (engine.kind !== 'refused') return;
  throw new ScenarioError([
    {
      file,
      line: 0,
      column: 0,
      path: 'simulation.engine',
      message: `aggregate cannot simulate this design exactly: ${engine.reason}`,
      value: 'aggregate',
      hint: 'use engine auto (the per-person engine wherever aggregation is not exact) or person',
    },
  ]);
}

/** Refuses eligibility rules that almost nobody in some group passes (see MIN_ELIGIBLE_SHARE). */
function requireFeasibleSelection(design: Design, file: string): void {
  if (design.selection === null) return;
  const scarce = integrateSelectedPopulation(design)
    .map((group, g) => ({ group: design.groups[g].id, eligibleShare: group.eligibleShare }))
    .filter((group) => group.eligibleShare < MIN_ELIGIBLE_SHARE);
  if (scarce.length === 0) return;
  throw new ScenarioError(
    scarce.map((group) => ({
      file,
      line: 0,
      column: 0,
      path: 'cohort.selection',
      message: `lets only ${(100 * group.eligibleShare).toPrecision(2)}% of group "${group.group}" through, so each eligible person would take over ${Math.floor(1 / Math.max(group.eligibleShare, 1e-12)).toLocaleString('en-GB')} simulated candidates`,
      value: '',
      hint: "lower the rules' atLeast, widen withinMonths, or check ratePerYear (it is the rate in the population the cohort is drawn from)",
    })),
  );
}
