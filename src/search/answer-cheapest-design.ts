/**
 * `sample-size --minimise cost --vary A --vary B` in a planning session: check both parameters, the
 * target and the scenario's costs, find the cheapest design reaching the target
 * (`planCheapestDesign`), and hand back the frontier, the JSON document and the closing line.
 */
import { performance } from 'node:perf_hooks';
import { armSizes } from '../core/design.js';
import { UserError } from '../errors/user-error.js';
import { WITHIN_THE_NOISE, type CostFrontier, type CostFrontierPoint } from '../report/cost-frontier.js';
import { formatValue } from '../report/format-cost-table.js';
import { formatCount, formatMoney, formatPercent, formatPercentWithInterval } from '../report/format-numbers.js';
import { roundTo } from '../report/round-to.js';
import { summariseRun } from '../report/summarise-run.js';
import { deliveryCost, missingCosts } from './delivery-cost.js';
import { describeParameter, isSearchable, SEARCHABLE_PARAMETERS } from './design-parameter.js';
import type { ValueRange } from './parse-value-range.js';
import { planCheapestDesign } from './plan-cheapest-design.js';
import type { PlanningDocument } from './planning-document.js';
import { PlanningOptionError } from './planning-option-error.js';
import type { PlanningSession } from './planning-session.js';
import { searchPointLine } from './plan-text.js';
import { choosePowerTarget, describePowerTarget, targetMeasure } from './power-target.js';

/** A `--vary` of the cost search: a path, with the values to try or none (then chosen for it). */
export interface VaryRequest {
  readonly path: string;
  readonly values: readonly number[] | null;
}

/** The options of `sample-size --minimise cost`, as parsed. */
export interface CheapestDesignRequest {
  /** A, the outer parameter (the first `--vary`). */
  readonly rows: VaryRequest;
  /** B, searched for each value of A (the second `--vary`). */
  readonly columns: VaryRequest;
  readonly target: number;
  readonly outcome?: string;
  /** Largest B to try (default: B's own bound). */
  readonly max?: number;
  /** Monte Carlo SE wanted for the power at each row's answer. */
  readonly precision: number;
}

/** A finished (or interrupted) cost search, ready to print in any format. */
export interface CheapestDesignAnswer {
  /** The run document at the cheapest design plus `costSearch` (docs/json-output.md#sample-size-minimise-cost). */
  readonly document: PlanningDocument;
  readonly frontier: CostFrontier;
  readonly title: string;
  /** The dashboard's closing line, and the report's verdict. */
  readonly conclusion: string;
  readonly complete: boolean;
  /** Labels of A and B for the figure. */
  readonly figure: { readonly subtitle: string; readonly rowLabel: string; readonly columnLabel: string };
  readonly warnings: readonly string[];
}

/**
 * The values of A tried when `--vary A` gives none: the scenario's own value times 2^(k/2) for
 * k = −2 … 4 (half to four times it, in steps of √2), rounded for a whole-number parameter and kept
 * within its bounds. A cost search is a question about scaling up, hence more values above.
 *
 * Example: design.sites.count at 10 → 5, 7, 10, 14, 20, 28, 40.
 */
export function defaultRowValues(current: number, min: number, max: number, integer: boolean): number[] {
  const values = [-2, -1, 0, 1, 2, 3, 4].map((k) => {
    const value = current * 2 ** (k / 2);
    return Math.min(max, Math.max(min, integer ? Math.round(value) : Number(value.toPrecision(3))));
  });
  return [...new Set(values)].sort((a, b) => a - b);
}

/**
 * Answers the cost search in `session`. Option problems — a scenario without `costs`, the same
 * parameter twice, a B that `sample-size` cannot search, an A without values and without a value
 * in the scenario — are user errors found before the view opens.
 *
 * Example: milton-keynes-scale-up, A = design.sites.count=40,60,80, B = design.sites.peoplePerSite
 * → each count's fewest people per partnership for 80% power, and the cheapest.
 */
export async function answerCheapestDesign(
  session: PlanningSession,
  request: CheapestDesignRequest,
): Promise<CheapestDesignAnswer> {
  const base = session.base.design;
  if (!base.costs) throw missingCosts(base.name);
  const { rows: rowVary, columns: columnVary } = request;
  if (rowVary.path === columnVary.path)
    throw new PlanningOptionError(
      `--vary ${rowVary.path} is given twice: the cost search needs two different parameters`,
    );
  if (!isSearchable(columnVary.path))
    throw new PlanningOptionError(
      `--vary ${columnVary.path}: the second --vary of a cost search is searched for the smallest value reaching the target, which only ${SEARCHABLE_PARAMETERS.join(', ')} allow`,
      'put the parameter with a list of values first (e.g. --vary design.sites.count=10,20,40) and a size second',
    );
  const rowParameter = describeParameter(base, rowVary.path);
  const columnParameter = describeParameter(base, columnVary.path);
  if (rowVary.values === null && rowParameter.current === null)
    throw new PlanningOptionError(
      `--vary ${rowVary.path}: give its values (e.g. --vary ${rowVary.path}=1,2,4): the scenario has no value to start from`,
    );
  const rows: ValueRange = {
    path: rowVary.path,
    values:
      rowVary.values ??
      defaultRowValues(rowParameter.current!, rowParameter.min, rowParameter.max, rowParameter.integer),
  };
  const powerTarget = choosePowerTarget(base, request.outcome);
  const targetDescription = describePowerTarget(base, powerTarget);
  const measure = targetMeasure(base, powerTarget);
  const title =
    `${base.name} — cheapest ${rows.path} × ${columnVary.path} for ` +
    `${formatPercent(request.target, 0)} ${measure} (${targetDescription})`;
  const rowSetup = (row: number) => {
    const rowOverrides = rowParameter.overrides(row);
    const atRow = session.designAt(rowOverrides, `${rows.path} = ${row}`);
    // B is described at this A: its bounds and its overrides (people per site × this many sites) may depend on A.
    const column = describeParameter(atRow, columnVary.path);
    return {
      column,
      designAt: (value: number) =>
        session.designAt(
          [...rowOverrides, ...column.overrides(value)],
          `${rows.path} = ${row}, ${columnVary.path} = ${value}`,
        ),
    };
  };
  // Checked before the view opens: a design the scenario refuses is a user error now, not mid-search.
  const setups = rows.values.map(rowSetup);
  if (request.max !== undefined && request.max <= Math.max(...setups.map((s) => s.column.min)))
    throw new PlanningOptionError(
      `--max must be above ${columnParameter.min} for ${columnVary.path} (got ${request.max})`,
    );
  await session.openView({ title, parameter: columnVary.path, target: request.target });
  const began = performance.now();
  const plan = await planCheapestDesign(rows, columnVary.path, rowSetup, deliveryCost, session.searchRange, {
    target: request.target,
    powerTarget,
    columnValues: columnVary.values ?? undefined,
    max: request.max,
    listTrials: base.simulation.trials,
    precision: request.precision,
    signal: session.signal,
    onPoint: (row, point, used) => {
      session.note(searchPointLine(`${rows.path}=${row}, ${columnVary.path}=${point.value}`, point, used));
      session.addPoints([
        { value: point.value, outcome: `${rows.path}=${row}`, power: point.power, powerCI: point.powerCI },
      ]);
    },
  });
  const seconds = (performance.now() - began) / 1000;
  if (plan.trialsUsed === 0 && plan.frontier.every((p) => p.status === 'interrupted'))
    throw new UserError('the search was interrupted before it simulated anything');
  const frontier: CostFrontier = {
    rowParameter: rows.path,
    columnParameter: columnVary.path,
    targetDescription,
    measure,
    target: request.target,
    frontier: plan.frontier,
    cheapest: plan.cheapest,
    runnersUp: plan.runnersUp,
    complete: plan.complete,
  };
  // The document's run section is the cheapest design's own search trials (the scenario's seed,
  // trials 0 … n − 1, so `run --set … --no-null` reproduces them); without an answer, the scenario as written.
  const at = plan.atCheapest;
  const summary = at
    ? summariseRun(at.design, at.tally, {
        command: 'sample-size',
        sha256: session.base.sha256,
        fileSha256: session.base.fileSha256,
        complete: plan.complete,
        seconds,
        threads: session.threads,
      })
    : await session.reportRun(base, 'sample-size');
  const sizes = at ? armSizes(at.design.plan.size) : null;
  const pointJson = (point: CostFrontierPoint) => ({
    row: point.row,
    status: point.status,
    column: point.column,
    columnCI: point.columnCI,
    power: point.power,
    powerCI: point.powerCI,
    cost: point.cost === null ? null : roundTo(point.cost, 2),
    costCI: point.costCI === null ? null : point.costCI.map((c) => roundTo(c, 2)),
    lowestCost: roundTo(point.lowestCost, 2),
    plateau: point.plateau,
    trials: point.trials,
  });
  const document: PlanningDocument = {
    ...summary,
    target: request.target,
    minimise: 'cost',
    costSearch: {
      rows: { parameter: rows.path, values: rows.values },
      columns: {
        parameter: columnVary.path,
        values: plan.columns.values,
        min: plan.columns.min,
        max: plan.columns.max,
      },
      success: targetDescription,
      measure,
      cheapest:
        plan.cheapest === null
          ? null
          : {
              ...pointJson(plan.cheapest),
              people: sizes,
              caseworkers: Math.ceil(sizes!.treated / base.costs.caseload),
            },
      runnersUp: plan.runnersUp.map(pointJson),
      withinTheNoise: WITHIN_THE_NOISE,
      frontier: plan.frontier.map(pointJson),
      points: plan.frontier.flatMap((point) =>
        point.points.map((p) => ({
          row: point.row,
          column: p.value,
          power: p.power,
          powerCI: p.powerCI,
          trials: p.trials,
        })),
      ),
      trialsUsed: plan.trialsUsed,
      seconds: roundTo(seconds, 3),
      complete: plan.complete,
      warnings: plan.warnings,
    },
  };
  return {
    document,
    frontier,
    title,
    conclusion: cheapestConclusion(frontier),
    complete: plan.complete,
    figure: {
      subtitle: `${base.name} · ${formatCount(plan.trialsUsed)} simulated trials · seed ${base.simulation.seed}`,
      rowLabel: rowParameter.label,
      columnLabel: columnParameter.label,
    },
    warnings: plan.warnings,
  };
}

/**
 * The answer in one sentence.
 *
 * Example: "Cheapest for 80% power: design.sites.count = 40, design.sites.peoplePerSite = 120 —
 * £2,341,000 (power 80.4% [78.5, 82.2]); 1 other design within the noise."
 */
function cheapestConclusion(frontier: CostFrontier): string {
  const prefix = frontier.complete ? '' : 'Interrupted, the answer is partial — ';
  const best = frontier.cheapest;
  if (best === null) {
    if (!frontier.complete)
      return `Interrupted before any design was found to reach ${formatPercent(frontier.target, 0)} ${frontier.measure}.`;
    return `${prefix}${formatPercent(frontier.target, 0)} ${frontier.measure} is not reached at any ${frontier.rowParameter} tried (${frontier.frontier.length} values).`;
  }
  const others = frontier.runnersUp.length;
  return (
    `${prefix}Cheapest for ${formatPercent(frontier.target, 0)} ${frontier.measure}: ${frontier.rowParameter} = ${best.row}, ` +
    `${frontier.columnParameter} = ${formatValue(best.column!)} — ${formatMoney(best.cost!)}` +
    ` (${frontier.measure} ${formatPercentWithInterval(best.power!, best.powerCI!)})` +
    (others === 0
      ? '; no other design within the noise.'
      : `; ${others} other design${others === 1 ? '' : 's'} within the noise.`)
  );
}
