/**
 * The pilot section of a plan: simulate the design at the pilot's size to measure the spread of
 * each reported outcome's log estimate there, then apply `pilotInsight`.
 */
import type { Design } from '../core/design.js';
import { prepareDesign } from '../core/prepare-design.js';
import type { RunRange } from './design-evaluator.js';
import { pilotInsight, type PilotInsight } from './pilot-insight.js';

/** Trials simulated at the pilot's size: enough for its standard error within about ±2%. */
export const PILOT_TRIALS = 1000;

/** The pilot section of a plan: its size, one insight per reported outcome, and the method. */
export interface PilotPlan {
  readonly treated: number;
  readonly control: number;
  readonly trials: number;
  readonly insights: readonly PilotInsight[];
  /** How the numbers were obtained and what they assume, in one paragraph. */
  readonly method: string;
}

/**
 * The pilot plan, or null when the scenario has no `pilot` with estimates. `pilotDesign` is the
 * scenario's design at the pilot's arm sizes; the standard error of each log estimate is the
 * standard deviation of the simulated estimates there (trials where the analysis failed are left
 * out of it, and counted); the planning ratio is the scenario's intention-to-treat estimand.
 *
 * Example: milton-keynes-scale-up (pilot 45 + 120, crime reported 0.46) → for crime a standard
 * error near 0.3 and a deflated planning ratio well above 0.46.
 */
export async function pilotPlan(design: Design, pilotDesign: Design, runRange: RunRange): Promise<PilotPlan | null> {
  const pilot = design.pilot;
  if (!pilot || Object.keys(pilot.estimates).length === 0) return null;
  const { tally } = await runRange(pilotDesign, 0, PILOT_TRIALS);
  const logEstimands = prepareDesign(pilotDesign).statedLogEstimands;
  const insights: PilotInsight[] = [];
  for (const [outcomeId, estimate] of Object.entries(pilot.estimates)) {
    const index = pilotDesign.outcomes.findIndex((outcome) => outcome.id === outcomeId);
    if (index === -1) continue;
    const outcomeTally = tally.outcomes[index];
    const estimated = outcomeTally.trials - outcomeTally.failures;
    if (estimated < 2) continue;
    const meanError = outcomeTally.sumError.value() / estimated;
    const variance = outcomeTally.sumSquaredError.value() / estimated - meanError * meanError;
    const standardError = Math.sqrt(Math.max(0, variance) * (estimated / (estimated - 1)));
    if (!(standardError > 0)) continue;
    insights.push(
      pilotInsight({
        outcome: outcomeId,
        pilotEstimate: estimate,
        standardError,
        planningRatio: Math.exp(logEstimands[index]),
        alpha: design.analysis.alpha,
      }),
    );
  }
  return {
    treated: pilot.treated,
    control: pilot.control,
    trials: tally.trials,
    insights,
    method:
      `Standard errors are the spread of ${tally.trials} simulated log estimates at the pilot's size (${pilot.treated} treated, ${pilot.control} control). ` +
      'Exaggeration is Gelman & Carlin’s, in closed form, if the scenario’s effect were true. The deflated ratio is the true effect whose significant ' +
      'estimates would average the pilot’s — a correction for the winner’s curse that assumes the pilot drew attention because it was significant, ' +
      'a normal log estimate, and the scenario’s population and design; plan with it as a cautious effect, not as an estimate of the truth.',
  };
}
