/**
 * `curve`, without the command line: simulate the design at each value of a parameter and
 * collect every outcome's power (and, with several primary outcomes, the chance that all are
 * significant after correction) with its Monte Carlo interval.
 */
import type { Design } from '../core/design.js';
import { criterionKey } from '../core/analysis/replication/criterion-key.js';
import { wilsonInterval } from '../core/diagnosis/wilson-interval.js';
import type { RunTally } from '../core/diagnosis/tally.js';
import type { PowerCurve, PowerCurvePoint } from '../report/power-curve.js';
import type { RunRange } from './design-evaluator.js';

/** The series name of "every primary outcome significant after correction". */
export const ALL_PRIMARY = 'all-primary';

/** One simulated value of the curve. */
export interface CurveRun {
  readonly value: number;
  readonly design: Design;
  readonly tally: RunTally;
  readonly complete: boolean;
}

/** The curve and the runs behind it. */
export interface CurvePlan {
  readonly curve: PowerCurve;
  readonly runs: readonly CurveRun[];
  /** False when interrupted before every value was simulated. */
  readonly complete: boolean;
}

/**
 * Runs trials 0 … trials − 1 of the design at each value (with the scenario's own seed, so each
 * point is exactly what `run` gives at that value, and neighbouring points share their random
 * numbers, which makes the curve smooth) and returns the curve of `outcomeIds` (all outcomes
 * when empty) plus the all-primary series when the scenario has more than one primary outcome.
 * An outcome's power is its plain rejection rate, as in `run`.
 *
 * Example: teaching-two-arm over design.size.total = 200, 400, 800 with 2000 trials → reoffend
 * power about 31%, 52%, 81%.
 */
export async function planCurve(
  values: readonly number[],
  designAt: (value: number) => Promise<Design>,
  runRange: RunRange,
  options: {
    readonly trials: number;
    readonly outcomeIds?: readonly string[];
    readonly signal?: AbortSignal;
    readonly onValue?: (run: CurveRun) => void;
    readonly parameter: string;
    readonly target?: number;
  },
): Promise<CurvePlan> {
  const runs: CurveRun[] = [];
  const points: PowerCurvePoint[] = [];
  for (const value of values) {
    if (options.signal?.aborted) break;
    const design = await designAt(value);
    const { tally, complete } = await runRange(design, 0, options.trials);
    const run = { value, design, tally, complete };
    runs.push(run);
    options.onValue?.(run);
    const wanted = (point: PowerCurvePoint) =>
      point.outcome === ALL_PRIMARY ||
      !options.outcomeIds ||
      options.outcomeIds.length === 0 ||
      options.outcomeIds.includes(seriesOutcome(point.outcome));
    points.push(...curvePoints(run).filter(wanted));
  }
  const complete = runs.length === values.length && runs.every((run) => run.complete);
  return {
    curve: {
      parameter: options.parameter,
      points,
      ...(options.target === undefined ? {} : { target: options.target }),
    },
    runs,
    complete,
  };
}

/** The outcome a series belongs to: 'knife' for 'knife' and for its replication series 'knife:sceptical-golden'. */
export function seriesOutcome(series: string): string {
  const colon = series.indexOf(':');
  return colon < 0 ? series : series.slice(0, colon);
}

/**
 * Every outcome's power at one simulated value, in outcome order, with its Wilson interval (an
 * outcome's plain rejection rate, as in `run`), then all primary outcomes significant after
 * correction when the scenario has more than one, then a group-sequential design's power (stopping
 * for efficacy at some look) as the series "<outcome> (sequential)"; none when no trial finished. Under a
 * replication plan an outcome with an original gives instead one series per success criterion,
 * `<outcome>:<criterion>`, its probability of replication success (docs/replication-design.md).
 *
 * Example: 200 trials with 120 rejections for reoffend → { value, outcome: 'reoffend', power: 0.6,
 * powerCI: [0.531, 0.665] }.
 */
export function curvePoints(run: CurveRun): PowerCurvePoint[] {
  const { tally, design, value } = run;
  if (tally.trials === 0) return [];
  const keys = design.replication?.success.map(criterionKey) ?? [];
  const points: PowerCurvePoint[] = design.outcomes.flatMap((outcome, k) => {
    // An outcome with an original under a replication plan: one series per success criterion.
    if (outcome.original !== undefined && design.replication !== undefined) {
      return keys.map((key, j) => {
        const successes = tally.outcomes[k].replicationSuccesses?.[j] ?? 0;
        return {
          value,
          outcome: `${outcome.id}:${key}`,
          power: successes / tally.trials,
          powerCI: wilsonInterval(successes, tally.trials),
        };
      });
    }
    return [
      {
        value,
        outcome: outcome.id,
        power: tally.outcomes[k].rejections / tally.trials,
        powerCI: wilsonInterval(tally.outcomes[k].rejections, tally.trials),
      },
    ];
  });
  if (design.outcomes.filter((outcome) => outcome.primary).length > 1) {
    points.push({
      value,
      outcome: ALL_PRIMARY,
      power: tally.allPrimary / tally.trials,
      powerCI: wilsonInterval(tally.allPrimary, tally.trials),
    });
  }
  if (tally.interim && design.plan.interim) {
    // A group-sequential design: its monitored outcome's power at the looks, beside the fixed analysis's.
    const monitored =
      design.outcomes[
        Math.max(
          0,
          design.outcomes.findIndex((outcome) => outcome.primary),
        )
      ];
    const { efficacyBenefit, efficacyHarm } = tally.interim.effect;
    const stops = [...efficacyBenefit, ...efficacyHarm].reduce((total, count) => total + count, 0);
    points.push({
      value,
      outcome: `${monitored.id} (sequential)`,
      power: stops / tally.trials,
      powerCI: wilsonInterval(stops, tally.trials),
    });
  }
  return points;
}
