/**
 * The stochastic search behind `sample-size` and `mde`: the smallest value of a parameter at which
 * simulated power reaches a target, when power grows with the value and each evaluation is noisy.
 *
 * Why this shape (the file is long because the phases share one state):
 * 1. a coarse grid around a starting guess (usually an analytic formula) with few trials each;
 * 2. widen the grid until the isotonic (monotone) fit of the points brackets the target — or,
 *    when the largest allowed value stays below it, decide between "impossible" (power has
 *    levelled off: the plateau is reported) and "not reached within the maximum" (still rising);
 * 3. refine: fit a probit line in a transformed value (√n by default, where z-test power is
 *    exactly probit-linear) to the points around the crossing, weighted by their binomial
 *    information (its covariance scaled up by Pearson's dispersion when the points scatter more than
 *    binomial noise allows); evaluate the predicted crossing and its flanks with growing trial counts until
 *    the fitted power there has a Monte Carlo standard error ≤ `precision` and the crossing has
 *    stopped moving. The value's interval is Fieller's: the values at which the fit's 95% band
 *    crosses the target.
 * The search draws no random numbers itself: given a deterministic `evaluate`, it is
 * deterministic.
 */
import { normalCdf, normalQuantile } from '../core/distributions/normal.js';
import { wilsonInterval } from '../core/diagnosis/wilson-interval.js';
import { isotonicRegression } from './isotonic-regression.js';
import { fitProbit, pearsonDispersion, predictProbit, scaleCovariance, type ProbitFit } from './probit-fit.js';
import type { EvaluatePower, PowerEstimate } from './power-estimate.js';

/** How the value enters the probit line: power ≈ Φ(a + b·transform(value)). */
export type SearchScale = 'sqrt' | 'log' | 'linear';

/** What `searchCrossing` looks for and how hard it tries. */
export interface CrossingSearchOptions {
  /** Power to reach, in (0, 1). */
  readonly target: number;
  /** Smallest and largest values the search may try. */
  readonly min: number;
  readonly max: number;
  /** First guess of the crossing (e.g. from an analytic formula); default: geometric midpoint. */
  readonly start?: number;
  /** Values already evaluated (or worth evaluating) to add to the first grid. */
  readonly alsoTry?: readonly number[];
  /** Wanted Monte Carlo standard error of the power at the chosen value (default 0.01). */
  readonly precision?: number;
  /** Trials per point on the coarse grid (default 200). */
  readonly initialTrials?: number;
  /** Budget for all evaluations together (default 200 000 trials). */
  readonly maxTrials?: number;
  readonly scale?: SearchScale;
  /** Values are whole numbers (default true); otherwise they are rounded to `resolution`. */
  readonly integer?: boolean;
  readonly resolution?: number;
  /** Stops the search between evaluations; the result is then marked incomplete. */
  readonly signal?: AbortSignal;
  /** Called after every evaluation (for progress lines). */
  readonly onPoint?: (point: SearchPoint, trialsUsed: number) => void;
}

/** One evaluated value. */
export interface SearchPoint {
  readonly value: number;
  readonly power: number;
  /** Wilson 95% interval. */
  readonly powerCI: readonly [number, number];
  readonly successes: number;
  readonly trials: number;
}

/** The answer of a search, its Monte Carlo interval, and every point it simulated. */
export interface CrossingSearchResult {
  /**
   * found — `value` reaches the target by the fitted curve; impossible — power levels off below
   * the target (see `plateau`); above-max — still rising at `max` but below the target there;
   * unresolved — stopped (interrupted or out of budget) before the target was bracketed.
   */
  readonly status: 'found' | 'impossible' | 'above-max' | 'unresolved';
  readonly target: number;
  readonly value: number | null;
  /** Values where the fitted curve's 95% band crosses the target (Monte Carlo uncertainty). */
  readonly valueCI: readonly [number, number] | null;
  /** Fitted power at `value`, its 95% interval and Monte Carlo standard error. */
  readonly power: number | null;
  readonly powerCI: readonly [number, number] | null;
  readonly powerMcse: number | null;
  /** Power where it levels off (status impossible) or at `max` (above-max). */
  readonly plateau: {
    readonly value: number;
    readonly power: number;
    readonly powerCI: readonly [number, number];
  } | null;
  /** Every evaluated value, in increasing order. */
  readonly points: readonly SearchPoint[];
  /** The probit line used for the answer, on the transformed scale, and the values it was fitted to. */
  readonly fit: {
    readonly scale: SearchScale;
    readonly intercept: number;
    readonly slope: number;
    readonly from: number;
    readonly to: number;
  } | null;
  readonly trialsUsed: number;
  /** False when stopped by the signal or the trial budget before the precision was reached. */
  readonly complete: boolean;
  readonly warnings: readonly string[];
}

interface Estimate {
  value: number;
  valueCI: [number, number];
  power: number;
  powerCI: [number, number];
  powerMcse: number;
  fit: CrossingSearchResult['fit'];
}

const Z95 = 1.959963984540054;

/** Monte Carlo SE wanted for the fitted power at the crossing when the caller gives none. */
export const DEFAULT_CROSSING_PRECISION = 0.01;

/** Runs the search; see the file comment for the method. */
export async function searchCrossing(
  evaluate: EvaluatePower,
  options: CrossingSearchOptions,
): Promise<CrossingSearchResult> {
  const target = options.target;
  const precision = options.precision ?? DEFAULT_CROSSING_PRECISION;
  const initialTrials = options.initialTrials ?? 200;
  const maxTrials = options.maxTrials ?? 200_000;
  const scale = options.scale ?? 'sqrt';
  const integer = options.integer ?? true;
  const resolution = integer ? 1 : (options.resolution ?? 1e-4);
  const precisionTrials = Math.ceil((target * (1 - target)) / (precision * precision));
  const { min, max } = options;
  const forward = (value: number) => (scale === 'sqrt' ? Math.sqrt(value) : scale === 'log' ? Math.log(value) : value);
  const backward = (x: number) =>
    scale === 'sqrt' ? Math.max(0, x) * Math.max(0, x) : scale === 'log' ? Math.exp(x) : x;
  const normalise = (value: number) => {
    const clamped = Math.min(max, Math.max(min, value));
    const rounded = Math.round(clamped / resolution) * resolution;
    return Number(Math.min(max, Math.max(min, rounded)).toPrecision(12));
  };
  const roundUp = (value: number) => normalise(Math.ceil(value / resolution - 1e-9) * resolution);

  const points = new Map<number, PowerEstimate>();
  const warnings: string[] = [];
  let trialsUsed = 0;
  let stopped = false;

  const ensure = async (rawValue: number, trials: number): Promise<void> => {
    const value = normalise(rawValue);
    const have = points.get(value)?.trials ?? 0;
    if (have >= trials || stopped) return;
    if (options.signal?.aborted || trialsUsed + (trials - have) > maxTrials) {
      stopped = true;
      return;
    }
    const estimate = await evaluate(value, trials);
    // Ctrl-C during a new value's first trials leaves nothing to estimate from: no point, not a
    // point of 0 trials shown as power 0% [0, 100].
    if (estimate.trials === 0) {
      stopped = true;
      return;
    }
    trialsUsed += estimate.trials - have;
    points.set(value, estimate);
    options.onPoint?.(toPoint(value, estimate), trialsUsed);
  };
  const sorted = () =>
    [...points.entries()].sort(([a], [b]) => a - b).map(([value, estimate]) => toPoint(value, estimate));
  const monotone = (list: readonly SearchPoint[]) =>
    isotonicRegression(
      list.map((p) => p.power),
      list.map((p) => p.trials),
    );

  // 1. Coarse grid around the start.
  const start = normalise(options.start ?? Math.sqrt(Math.max(min, 1e-9) * max));
  for (const factor of [0.5, Math.SQRT1_2, 1, Math.SQRT2, 2]) await ensure(start * factor, initialTrials);
  for (const value of options.alsoTry ?? []) await ensure(value, initialTrials);

  // 2. Widen until the target is bracketed.
  for (let step = 0; step < 60 && !stopped; step++) {
    const list = sorted();
    const fitted = monotone(list);
    const top = list[list.length - 1];
    if (fitted[fitted.length - 1] < target) {
      if (top.value >= max) break;
      await ensure(Math.min(max, top.value * 2), initialTrials);
      continue;
    }
    if (fitted[0] >= target && list[0].value > min) {
      await ensure(Math.max(min, list[0].value / 2), initialTrials);
      continue;
    }
    break;
  }

  // Below the target at the largest allowed value: plateau or not yet?
  {
    const list = sorted();
    const fitted = monotone(list);
    if (fitted[fitted.length - 1] < target && !stopped) {
      const verdict = await judgeTop(list);
      if (verdict) return finish(verdict.status, null, verdict.plateau);
    }
  }

  // 3. Refine near the crossing.
  let previous: number | null = null;
  let estimate: Estimate | null = null;
  let converged = false;
  for (let iteration = 0; iteration < 24 && !stopped; iteration++) {
    const list = sorted();
    const fitted = monotone(list);
    const first = fitted.findIndex((power) => power >= target);
    if (first === -1) {
      const top = list[list.length - 1];
      if (top.value >= max) {
        const verdict = await judgeTop(list);
        if (verdict) return finish(verdict.status, null, verdict.plateau);
        // Within Monte Carlo error of the target at the largest value allowed: that is the answer.
        warnings.push(
          `the target is reached, within Monte Carlo error, only at the largest value allowed (${top.value})`,
        );
        estimate = fromPoint(points.has(top.value) ? toPoint(top.value, points.get(top.value)!) : top, [
          top.value,
          max,
        ]);
        converged = true;
        break;
      }
      await ensure(Math.min(max, top.value * 2), initialTrials);
      continue;
    }
    if (first === 0 && list[0].value > min) {
      await ensure(Math.max(min, list[0].value / 2), initialTrials);
      continue;
    }
    estimate = estimateCrossing(list, fitted, first);
    const trialsNow = Math.min(precisionTrials, initialTrials * 2 ** (iteration + 1));
    const settled = previous !== null && previous >= estimate.valueCI[0] && previous <= estimate.valueCI[1];
    if (estimate.powerMcse <= precision && settled) {
      converged = true;
      break;
    }
    previous = estimate.value;
    await ensure(estimate.value, trialsNow);
    const halfWidth = Math.min(
      0.25 * estimate.value,
      Math.max(resolution, (estimate.valueCI[1] - estimate.valueCI[0]) / 2),
    );
    if (estimate.value - halfWidth >= min) await ensure(estimate.value - halfWidth, Math.ceil(trialsNow / 2));
    if (estimate.value + halfWidth <= max) await ensure(estimate.value + halfWidth, Math.ceil(trialsNow / 2));
  }
  if (!converged && !stopped)
    warnings.push('the search stopped before the crossing settled; treat the value as approximate');
  if (stopped)
    warnings.push(
      options.signal?.aborted
        ? 'interrupted: the result uses the trials run so far'
        : `the trial budget (${maxTrials}) ran out before the power at the value was known to ±${precision}`,
    );
  return finish(estimate ? 'found' : 'unresolved', estimate, null, converged);

  // At the largest allowed value power is below the target: it has levelled off (impossible) if it
  // rose by less than two Monte Carlo standard errors since half that value, else it is still rising.
  // Both values get the trials that give the power there a standard error of `precision`: p(1 − p)
  // / precision² at the power seen so far at the top (900 at 10%), not at the target (1600 at
  // 80%) — the larger values are the dearest to simulate, and a plateau far below the target
  // needs no more trials than that to be told from a rise.
  async function judgeTop(
    list: readonly SearchPoint[],
  ): Promise<{ status: 'impossible' | 'above-max'; plateau: NonNullable<CrossingSearchResult['plateau']> } | null> {
    const top = list[list.length - 1];
    const lowerValue = normalise(Math.max(min, top.value / 2));
    const seen = Math.min(0.5, Math.max(0.5 / top.trials, top.power));
    const judgeTrials = Math.min(
      precisionTrials,
      Math.max(initialTrials, Math.ceil((seen * (1 - seen)) / (precision * precision))),
    );
    await ensure(top.value, judgeTrials);
    if (lowerValue < top.value) await ensure(lowerValue, judgeTrials);
    const atTop = points.get(normalise(top.value))!;
    const atLower = points.get(lowerValue) ?? atTop;
    const seTop = binomialSe(atTop);
    if (atTop.power + 2 * seTop >= target) return null;
    const rise = atTop.power - atLower.power;
    const riseSe = Math.sqrt(seTop * seTop + binomialSe(atLower) ** 2);
    const plateau = { value: top.value, power: atTop.power, powerCI: wilsonInterval(atTop.successes, atTop.trials) };
    if (rise > 2 * riseSe && lowerValue < top.value) {
      warnings.push(`power is still rising at the largest value allowed (${top.value}); raise --max to search further`);
      return { status: 'above-max', plateau };
    }
    warnings.push(
      `power levels off at about ${atTop.power.toFixed(3)} (it rose ${rise.toFixed(3)} from ${lowerValue} to ${top.value}); the target ${target} cannot be reached by this parameter`,
    );
    return { status: 'impossible', plateau };
  }

  function estimateCrossing(list: readonly SearchPoint[], fitted: readonly number[], first: number): Estimate {
    if (first === 0) {
      const point = list[0];
      warnings.push(`the target is reached at the smallest value allowed (${point.value})`);
      return fromPoint(point, [point.value, point.value]);
    }
    const { window, fit } = fitAroundCrossing(list, first);
    if (fit && fit.slope > 0) {
      const zTarget = normalQuantile(target);
      const value = roundUp(backward((zTarget - fit.intercept) / fit.slope));
      const { eta, standardError } = predictProbit(fit, forward(value));
      return {
        value,
        valueCI: fiellerInterval(fit, zTarget),
        power: normalCdf(eta),
        powerCI: [normalCdf(eta - Z95 * standardError), normalCdf(eta + Z95 * standardError)],
        powerMcse: (standardError * Math.exp(-(eta * eta) / 2)) / Math.sqrt(2 * Math.PI),
        fit: {
          scale,
          intercept: fit.intercept,
          slope: fit.slope,
          from: window[0].value,
          to: window[window.length - 1].value,
        },
      };
    }
    // No usable fit: interpolate the monotone fit linearly between the bracketing points.
    const below = list[first - 1];
    const above = list[first];
    const share = (target - fitted[first - 1]) / Math.max(1e-12, fitted[first] - fitted[first - 1]);
    const value = roundUp(below.value + share * (above.value - below.value));
    return fromPoint(points.has(value) ? toPoint(value, points.get(value)!) : above, [below.value, above.value], value);
  }

  // Start from the two points either side of the crossing, then widen to every point the fit puts
  // between 10% and 99% power: near the crossing the probit line is a good local model, and the
  // wider span pins its slope (hence the value's interval) far better than the bracket alone.
  function fitAroundCrossing(
    list: readonly SearchPoint[],
    first: number,
  ): { window: readonly SearchPoint[]; fit: ProbitFit | null } {
    const bracket = list.slice(Math.max(0, first - 2), Math.min(list.length, first + 2));
    const fitTo = (window: readonly SearchPoint[]) =>
      fitProbit(window.map((p) => ({ x: forward(p.value), successes: p.successes, trials: p.trials })));
    let window = bracket;
    let fit = fitTo(window);
    for (let round = 0; round < 4 && fit && fit.slope > 0; round++) {
      const current = fit;
      const wider = list.filter((p, i) => {
        const predicted = normalCdf(current.intercept + current.slope * forward(p.value));
        return (predicted >= 0.1 && predicted <= 0.99) || i === first || i === first - 1;
      });
      if (wider.length < 2 || (wider.length === window.length && wider.every((p, i) => p.value === window[i].value)))
        break;
      const widerFit = fitTo(wider);
      if (!widerFit || widerFit.slope <= 0) break;
      window = wider;
      fit = widerFit;
    }
    if (!fit) return { window, fit };
    // Points that scatter about the line more than binomial noise allows (a curve the probit line
    // only approximates, saw-tooth power) make the fit's own covariance too small: scale it by
    // Pearson's dispersion, as quasi-likelihood does, so the intervals widen accordingly.
    const dispersion = pearsonDispersion(
      window.map((p) => ({ x: forward(p.value), successes: p.successes, trials: p.trials })),
      fit,
    );
    return { window, fit: dispersion > 1 ? scaleCovariance(fit, dispersion) : fit };
  }

  function fiellerInterval(fit: ProbitFit, zTarget: number): [number, number] {
    // Solve (a + b·x − z)² = c²·Var(a + b·x): a quadratic in x whose roots bound the crossing.
    const [[varA, cov], [, varB]] = fit.covariance;
    const c2 = Z95 * Z95;
    const shift = fit.intercept - zTarget;
    const qa = fit.slope * fit.slope - c2 * varB;
    const qb = 2 * (fit.slope * shift - c2 * cov);
    const qc = shift * shift - c2 * varA;
    const discriminant = qb * qb - 4 * qa * qc;
    if (qa <= 0 || discriminant < 0) return [min, max];
    const root = Math.sqrt(discriminant);
    const lower = (-qb - root) / (2 * qa);
    const upper = (-qb + root) / (2 * qa);
    return [normalise(Math.floor(backward(lower) / resolution) * resolution), roundUp(backward(upper))];
  }

  function fromPoint(point: SearchPoint, valueCI: [number, number], value = point.value): Estimate {
    const mcse = binomialSe(point);
    return {
      value,
      valueCI,
      power: point.power,
      powerCI: [point.powerCI[0], point.powerCI[1]],
      powerMcse: mcse,
      fit: null,
    };
  }

  function finish(
    status: CrossingSearchResult['status'],
    found: Estimate | null,
    plateau: CrossingSearchResult['plateau'],
    converged = true,
  ): CrossingSearchResult {
    const list = sorted();
    const sawTooth = findNonMonotone(list);
    if (sawTooth) warnings.push(sawTooth);
    return {
      status,
      target,
      value: found?.value ?? null,
      valueCI: found?.valueCI ?? null,
      power: found?.power ?? null,
      powerCI: found?.powerCI ?? null,
      powerMcse: found?.powerMcse ?? null,
      plateau,
      points: list,
      fit: found?.fit ?? null,
      trialsUsed,
      complete: converged && !stopped,
      warnings,
    };
  }
}

function toPoint(value: number, estimate: PowerEstimate): SearchPoint {
  return {
    value,
    power: estimate.power,
    powerCI: wilsonInterval(estimate.successes, estimate.trials),
    successes: estimate.successes,
    trials: estimate.trials,
  };
}

function binomialSe(estimate: Pick<PowerEstimate, 'power' | 'trials'>): number {
  // At observed power 0 or 1 the plug-in SE is 0; half a trial keeps it honest.
  const p = Math.min(1 - 0.5 / estimate.trials, Math.max(0.5 / estimate.trials, estimate.power));
  return Math.sqrt((p * (1 - p)) / estimate.trials);
}

// Power that falls as the value grows by more than three standard errors of the difference is
// real non-monotonicity (saw-tooth power of discrete outcomes), not Monte Carlo noise.
function findNonMonotone(list: readonly SearchPoint[]): string | null {
  if (list.length >= 2) {
    const [first, last] = [list[0], list[list.length - 1]];
    const se = Math.sqrt(binomialSe(first) ** 2 + binomialSe(last) ** 2);
    if (first.power - last.power > 3 * se) {
      return (
        `power falls as the value grows (${first.power.toFixed(3)} at ${first.value}, ${last.power.toFixed(3)} at ${last.value}); ` +
        'the search assumes it rises, so its answer does not apply — look at the whole curve with `trialsim curve`'
      );
    }
  }
  for (let i = 0; i < list.length; i++) {
    for (let k = i + 1; k < list.length; k++) {
      const drop = list[i].power - list[k].power;
      const se = Math.sqrt(binomialSe(list[i]) ** 2 + binomialSe(list[k]) ** 2);
      if (drop > 3 * se) {
        return (
          `power is not monotone beyond Monte Carlo error (${list[i].power.toFixed(3)} at ${list[i].value}, ` +
          `${list[k].power.toFixed(3)} at ${list[k].value}): discrete outcomes give saw-tooth power, so a few values ` +
          'above the reported one may fall just short of the target'
        );
      }
    }
  }
  return null;
}
