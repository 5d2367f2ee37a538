/**
 * `sample-size --minimise cost`, without the command line: the cheapest design, over two design
 * parameters A (rows) and B (columns), whose power reaches the target.
 *
 * Method (docs/planning-cost.md):
 * 1. For each value of A, B is searched for the smallest value reaching the target — the frontier.
 *    Without a list of B values this is `searchCrossing` (bracketing, then a probit fit refined to
 *    the wanted precision, with its plateau check); with a list (`--vary B=v1,v2,…`) it is a
 *    bisection over the list with the scenario's trials at each value visited. Either assumes
 *    power rises with B, as it does with people.
 * 2. Cost is the delivery cost the reports print (`deliveryCost`), which must not fall as B grows,
 *    so no design in row A costs less than B's least value does: rows are searched from the lowest
 *    such bound up, and a row whose bound exceeds what the cheapest design found so far could cost
 *    is skipped — it can be neither the cheapest nor within the noise of it.
 * 3. Common random numbers: every design is simulated with the scenario's own seed and trials
 *    0, 1, … (as the grids are), so differences between points are not inflated by independent noise.
 *
 * "Within the noise": each frontier point's B has a 95% Monte Carlo interval (the crossing's,
 * Fieller's for a searched B; for a list, the listed values whose power interval admits the
 * target), hence a cost interval (the costs at its ends). A design is a runner-up when the least it
 * could cost is no more than the most the cheapest could cost: their cost intervals overlap, so
 * simulation cannot tell which is cheaper.
 */
import type { Design } from '../core/design.js';
import type { CostFrontierPoint as FrontierPoint } from '../report/cost-frontier.js';
import { wilsonInterval } from '../core/diagnosis/wilson-interval.js';
import type { RunTally } from '../core/diagnosis/tally.js';
import type { DesignParameter } from './design-parameter.js';
import { designEvaluator, type DesignEvaluator, type RunRange } from './design-evaluator.js';
import type { ValueRange } from './parse-value-range.js';
import { PlanningOptionError } from './planning-option-error.js';
import { countSuccesses, type PowerTarget } from './power-target.js';
import { DEFAULT_CROSSING_PRECISION, searchCrossing, type SearchPoint } from './search-crossing.js';

/** The frontier, the cheapest design and its runners-up. */
export interface CheapestDesignPlan {
  readonly rows: ValueRange;
  /** B's path, and its values when searched over a list (else null), and its bounds. */
  readonly columns: {
    readonly path: string;
    readonly values: readonly number[] | null;
    readonly min: number;
    readonly max: number;
  };
  /** One point per value of A, in increasing order of A. */
  readonly frontier: readonly FrontierPoint[];
  readonly cheapest: FrontierPoint | null;
  /** Frontier points whose cost interval overlaps the cheapest's, cheapest first. */
  readonly runnersUp: readonly FrontierPoint[];
  /** The design and tally simulated at the cheapest point (scenario seed, trials 0 … n − 1). */
  readonly atCheapest: { readonly design: Design; readonly tally: RunTally } | null;
  readonly trialsUsed: number;
  /** False when interrupted before every row was answered or skipped. */
  readonly complete: boolean;
  readonly warnings: readonly string[];
}

/** How one value of A sets up B: the design builder and B described at that A. */
export interface RowSetup {
  /** B as it is searched at this value of A (its bounds may depend on A). */
  readonly column: DesignParameter;
  /** The design at (this A, b). */
  designAt(column: number): Design;
}

/** What the minimiser aims for and how hard it tries. */
export interface CheapestDesignOptions {
  readonly target: number;
  readonly powerTarget: PowerTarget;
  /** B's values to search over (a bisection), or absent to search B's whole range. */
  readonly columnValues?: readonly number[];
  /** Largest B to try when searching its range (default: B's own bound). */
  readonly max?: number;
  /** Trials per point of a list search (the scenario's). */
  readonly listTrials: number;
  /** Monte Carlo SE wanted for the power at each row's answer (searched B; default 0.01). */
  readonly precision?: number;
  readonly signal?: AbortSignal;
  /** Called after every simulated point. */
  readonly onPoint?: (row: number, point: SearchPoint, trialsUsed: number) => void;
}

/** How much coarser (in Monte Carlo SE) the scouting search that orders the rows is than the real one. */
const SCOUTING_COARSENESS = 4;

/**
 * Runs the minimiser; `rowSetup(a)` describes B and builds designs at A = a (from the scenario
 * loaded once), `costOf` prices a design, `runRange` simulates trials.
 *
 * Example: milton-keynes-scale-up, A = design.sites.count 40, 60, 80, B = design.sites.peoplePerSite
 * → for each count the fewest people per site with 80% power for knife, and the cheapest of them.
 */
export async function planCheapestDesign(
  rows: ValueRange,
  columnPath: string,
  rowSetup: (row: number) => RowSetup,
  costOf: (design: Design) => number,
  runRange: RunRange,
  options: CheapestDesignOptions,
): Promise<CheapestDesignPlan> {
  const list = options.columnValues ? [...new Set(options.columnValues)].sort((a, b) => a - b) : null;
  const setups = new Map(rows.values.map((row) => [row, rowSetup(row)]));
  const bounds = (setup: RowSetup) => {
    const min = list ? list[0] : setup.column.min;
    const max = list ? list[list.length - 1] : Math.min(options.max ?? setup.column.max, setup.column.max);
    return { min, max };
  };
  let trialsUsed = 0;
  // A search point reports its trials so far; the run's total grows by what each report adds.
  const countingTrials = (row: number) => {
    const pointsSeen = new Map<number, number>();
    return (point: SearchPoint) => {
      trialsUsed += point.trials - (pointsSeen.get(point.value) ?? 0);
      pointsSeen.set(point.value, point.trials);
      options.onPoint?.(row, point, trialsUsed);
    };
  };
  const lowest = new Map<number, number>();
  for (const row of rows.values) {
    const setup = setups.get(row)!;
    const { min, max } = bounds(setup);
    if (max < min)
      throw new PlanningOptionError(`--max must be at least ${min} for ${columnPath} at ${rows.path} = ${row}`);
    const [low, high] = [costOf(setup.designAt(min)), costOf(setup.designAt(max))];
    if (high < low)
      throw new PlanningOptionError(
        `--minimise cost: the cost falls as ${columnPath} grows (£${Math.round(low)} at ${min}, £${Math.round(high)} at ${max}), so the smallest ${columnPath} reaching the target is not the cheapest`,
        'give as the second --vary a parameter whose cost grows with it, such as the people (design.size.total, design.sites.peoplePerSite)',
      );
    lowest.set(row, low);
  }
  async function scoutCosts(): Promise<Map<number, number>> {
    const costs = new Map<number, number>();
    for (const row of rows.values) {
      const setup = setups.get(row)!;
      const { min, max } = bounds(setup);
      // Its own evaluator: the scouting trials never enter the row's real search, whose answer
      // is therefore the same whatever order the rows are searched in.
      const evaluator = designEvaluator(
        async (column) => setup.designAt(column),
        (design, tally) => countSuccesses(design, options.powerTarget, tally),
        runRange,
      );
      const scoutPrecision = SCOUTING_COARSENESS * (options.precision ?? DEFAULT_CROSSING_PRECISION);
      const onPoint = countingTrials(row);
      const answer = await searchRange(
        evaluator,
        setup.column,
        { min, max, start: null },
        { ...options, precision: scoutPrecision },
        onPoint,
      );
      costs.set(row, answer.column === null ? Infinity : costOf(setup.designAt(answer.column)));
      if (options.signal?.aborted) break;
    }
    for (const row of rows.values) if (!costs.has(row)) costs.set(row, Infinity);
    return costs;
  }
  // Rows in order of the least they could cost; over a searched B, in order of what a quick
  // scouting search (four times coarser) says they cost, so the likely cheapest row is searched
  // first and its cost bounds every row after it (a row searched without a bound is searched to
  // its dearest, slowest designs).
  const scouted = list === null && rows.values.length > 1 ? await scoutCosts() : null;
  const order = [...rows.values].sort(
    (a, b) => (scouted ? scouted.get(a)! - scouted.get(b)! : 0) || lowest.get(a)! - lowest.get(b)! || a - b,
  );
  const answers = new Map<number, FrontierPoint>();
  const evaluators = new Map<number, DesignEvaluator>();
  const warnings: string[] = [];
  let best: FrontierPoint | null = null;
  let previousColumn: number | null = null;
  for (const row of order) {
    const lowestCost = lowest.get(row)!;
    const empty = { row, column: null, columnCI: null, power: null, powerCI: null, cost: null, costCI: null };
    if (options.signal?.aborted) {
      answers.set(row, { ...empty, status: 'interrupted', lowestCost, plateau: null, points: [], trials: 0 });
      continue;
    }
    if (best !== null && lowestCost > best.costCI![1]) {
      answers.set(row, { ...empty, status: 'skipped', lowestCost, plateau: null, points: [], trials: 0 });
      continue;
    }
    const setup = setups.get(row)!;
    const cache = new Map<number, Design>();
    const designAt = (column: number) => {
      let design = cache.get(column);
      if (!design) cache.set(column, (design = setup.designAt(column)));
      return design;
    };
    const evaluator = designEvaluator(
      async (column) => designAt(column),
      (design, tally) => countSuccesses(design, options.powerTarget, tally),
      runRange,
    );
    evaluators.set(row, evaluator);
    const before = trialsUsed;
    const onPoint = countingTrials(row);
    const costAt = (column: number) => costOf(designAt(column));
    // Beyond the B at which this row costs more than the cheapest found could, nothing can win or
    // tie: the search stops there (the dearest designs are also the slowest to simulate).
    const { min, max: ownMax } = bounds(setup);
    const bar = best === null ? Infinity : best.costCI![1];
    const rowList = list?.filter((value) => costAt(value) <= bar) ?? null;
    const max = list
      ? rowList![rowList!.length - 1]
      : largestWithin(min, ownMax, setup.column, (v) => costAt(v) <= bar);
    const capped = max < ownMax;
    const answer = rowList
      ? await searchList(evaluator, rowList, options.listTrials, options.target, options.signal, onPoint)
      : await searchRange(
          evaluator,
          setup.column,
          { min, max, start: previousColumn === null ? null : Math.min(max, previousColumn) },
          options,
          onPoint,
        );
    if (!(capped && answer.status === 'not-reached'))
      warnings.push(...answer.warnings.map((warning) => `${rows.path} = ${row}: ${warning}`));
    const point: FrontierPoint =
      answer.column === null || answer.columnCI === null
        ? {
            ...empty,
            status: capped && answer.status === 'not-reached' ? 'dearer' : answer.status,
            lowestCost,
            plateau: answer.plateau,
            points: answer.points,
            trials: trialsUsed - before,
          }
        : {
            row,
            status: 'found',
            column: answer.column,
            columnCI: answer.columnCI,
            power: answer.power,
            powerCI: answer.powerCI,
            cost: costAt(answer.column),
            costCI: [costAt(answer.columnCI[0]), costAt(answer.columnCI[1])],
            lowestCost,
            plateau: null,
            points: answer.points,
            trials: trialsUsed - before,
          };
    answers.set(row, point);
    if (point.status === 'found') {
      previousColumn = point.column;
      if (best === null || point.cost! < best.cost! || (point.cost === best.cost && point.row < best.row)) best = point;
    }
  }
  const frontier = rows.values.map((row) => answers.get(row)!);
  const runnersUp =
    best === null
      ? []
      : frontier
          .filter((p) => p !== best && p.status === 'found' && p.costCI![0] <= best.costCI![1])
          .sort((a, b) => a.cost! - b.cost! || a.row - b.row);
  let atCheapest: CheapestDesignPlan['atCheapest'] = null;
  if (best !== null) {
    const evaluator = evaluators.get(best.row)!;
    // A fitted crossing need not have been simulated itself: simulate it for the report.
    if (!evaluator.evaluated.has(best.column!) && !options.signal?.aborted)
      await evaluator(best.column!, options.listTrials);
    const entry = evaluator.evaluated.get(best.column!);
    if (entry) atCheapest = { design: entry.design, tally: entry.tally };
  }
  return {
    rows,
    columns: {
      path: columnPath,
      values: list,
      min: Math.min(...[...setups.values()].map((s) => bounds(s).min)),
      max: Math.max(...[...setups.values()].map((s) => bounds(s).max)),
    },
    frontier,
    cheapest: best,
    runnersUp,
    atCheapest,
    trialsUsed,
    complete: frontier.every((p) => p.status !== 'interrupted') && !options.signal?.aborted,
    warnings,
  };
}

/**
 * The largest value in [min, max] (on the parameter's grid: whole numbers, or multiples of its
 * resolution) at which `affordable` holds, by bisection; `affordable` must hold at `min` and, once
 * false, stay false as the value grows (a cost bound on a cost that does not fall).
 */
function largestWithin(
  min: number,
  max: number,
  parameter: DesignParameter,
  affordable: (value: number) => boolean,
): number {
  if (affordable(max)) return max;
  const step = parameter.integer ? 1 : parameter.resolution;
  let [low, high] = [0, Math.floor((max - min) / step + 1e-9)];
  const valueAt = (k: number) => Number((min + k * step).toPrecision(12));
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (affordable(valueAt(middle))) low = middle;
    else high = middle;
  }
  return valueAt(low);
}

/** One row's search result, before costing. */
interface RowAnswer {
  readonly status: 'found' | 'not-reached' | 'interrupted';
  readonly column: number | null;
  readonly columnCI: readonly [number, number] | null;
  readonly power: number | null;
  readonly powerCI: readonly [number, number] | null;
  readonly plateau: FrontierPoint['plateau'];
  readonly points: readonly SearchPoint[];
  readonly warnings: readonly string[];
}

// B's whole range: the crossing search, started at the previous row's answer when there is one
// (neighbouring rows' answers are close), else at B's value in the scenario.
async function searchRange(
  evaluator: DesignEvaluator,
  column: DesignParameter,
  range: { min: number; max: number; start: number | null },
  options: CheapestDesignOptions,
  onPoint: (point: SearchPoint) => void,
): Promise<RowAnswer> {
  const start = range.start ?? column.current ?? undefined;
  const search = await searchCrossing(evaluator, {
    target: options.target,
    min: range.min,
    max: range.max,
    start: start === undefined ? undefined : Math.min(range.max, Math.max(range.min, start)),
    precision: options.precision,
    scale: column.scale,
    integer: column.integer,
    resolution: column.resolution,
    signal: options.signal,
    onPoint,
  });
  const plateau = search.plateau
    ? { column: search.plateau.value, power: search.plateau.power, powerCI: search.plateau.powerCI }
    : null;
  if (search.status === 'found' && search.value !== null && !options.signal?.aborted) {
    return {
      status: 'found',
      column: search.value,
      columnCI: search.valueCI ?? [search.value, search.value],
      power: search.power,
      powerCI: search.powerCI,
      plateau: null,
      points: search.points,
      warnings: search.warnings,
    };
  }
  const reachedNot = search.status === 'impossible' || search.status === 'above-max';
  return {
    status: reachedNot ? 'not-reached' : 'interrupted',
    column: null,
    columnCI: null,
    power: null,
    powerCI: null,
    plateau,
    points: search.points,
    warnings: search.warnings,
  };
}

/**
 * B over a list: is the largest value enough? If so, bisect for the smallest listed value whose
 * simulated power reaches the target (exact when power rises along the list). Its interval runs
 * from the value below it, when that one's 95% interval still admits the target, to the value
 * above it, when its own interval does.
 */
async function searchList(
  evaluate: DesignEvaluator,
  values: readonly number[],
  trials: number,
  target: number,
  signal: AbortSignal | undefined,
  onPoint: (point: SearchPoint) => void,
): Promise<RowAnswer> {
  const seen = new Map<number, SearchPoint>();
  const at = async (index: number): Promise<SearchPoint | null> => {
    const value = values[index];
    if (seen.has(value)) return seen.get(value)!;
    if (signal?.aborted) return null;
    const { power, successes, trials: done } = await evaluate(value, trials);
    if (done < trials) return null;
    const point = { value, power, powerCI: wilsonInterval(successes, done), successes, trials: done };
    seen.set(value, point);
    onPoint(point);
    return point;
  };
  const points = () => [...seen.values()].sort((a, b) => a.value - b.value);
  const interrupted = (): RowAnswer => ({
    status: 'interrupted',
    column: null,
    columnCI: null,
    power: null,
    powerCI: null,
    plateau: null,
    points: points(),
    warnings: [],
  });
  const last = await at(values.length - 1);
  if (last === null) return interrupted();
  if (last.power < target) {
    return {
      status: 'not-reached',
      column: null,
      columnCI: null,
      power: null,
      powerCI: null,
      plateau: { column: last.value, power: last.power, powerCI: last.powerCI },
      points: points(),
      warnings: [],
    };
  }
  let below = -1;
  let reaching = values.length - 1;
  while (reaching - below > 1) {
    const middle = Math.floor((below + reaching) / 2);
    const point = await at(middle);
    if (point === null) return interrupted();
    if (point.power >= target) reaching = middle;
    else below = middle;
  }
  const chosen = seen.get(values[reaching])!;
  const lowerIndex = below >= 0 && seen.get(values[below])!.powerCI[1] >= target ? below : reaching;
  let upperIndex = reaching;
  if (chosen.powerCI[0] < target && reaching + 1 < values.length) {
    if ((await at(reaching + 1)) === null) return interrupted();
    upperIndex = reaching + 1;
  }
  return {
    status: 'found',
    column: chosen.value,
    columnCI: [values[lowerIndex], values[upperIndex]],
    power: chosen.power,
    powerCI: chosen.powerCI,
    plateau: null,
    points: points(),
    warnings: [],
  };
}
