/**
 * `trialsim sensitivity` in a planning session: check the scenario has uncertain inputs and the
 * options make sense, move each input across its range (power at each end, or with `--target` the
 * required size at each end via the sample-size planner), and hand back the ranked table, the JSON
 * document and the closing line (docs/sensitivity.md).
 */
import { performance } from 'node:perf_hooks';
import type { Design, UncertainInput } from '../core/design.js';
import type { RunSummary } from '../core/diagnosis/run-summary.js';
import { UserError } from '../errors/user-error.js';
import { formatPercent } from '../report/format-numbers.js';
import type {
  SensitivityEstimate,
  SensitivityReport,
  SensitivityRow,
  SensitivityTable,
} from '../report/sensitivity-table.js';
import { formatEstimate, formatSwing } from '../report/sensitivity-table.js';
import { searchableParameter } from './design-parameter.js';
import { planSampleSize } from './plan-sample-size.js';
import { planSensitivity, rankBars, sensitivityOverrides } from './plan-sensitivity.js';
import type { PlanningSession } from './planning-session.js';
import { choosePowerTarget, describePowerTarget } from './power-target.js';

/** The options of `sensitivity`, as parsed. */
export interface SensitivityRequest {
  /** One outcome id, or every primary outcome together when absent. */
  readonly outcome?: string;
  /** With a target power: report the required size of `vary` at each end instead of power. */
  readonly target?: number;
  /** The parameter sized with `target` (default design.size.total). */
  readonly vary: string;
  /** Monte Carlo SE wanted for the power at each size found. */
  readonly precision: number;
}

/**
 * Answers `sensitivity` in `session`. A scenario without uncertain inputs is a user error naming
 * the syntax to add.
 *
 * Example: milton-keynes (dispersion 0.5–5, five rates as ranges) → five bars ranked by swing in
 * the power of crime and knife together.
 */
export async function answerSensitivity(
  session: PlanningSession,
  request: SensitivityRequest,
): Promise<SensitivityReport> {
  const design = session.base.design;
  const inputs = design.uncertainInputs ?? [];
  if (inputs.length === 0)
    throw new UserError(
      `${design.name} has no uncertain inputs to move`,
      'write an assumption as a range, e.g. --set "cohort.propensity.dispersion={ from: 0.8, to: 3, central: 1.5 }" (docs/scenario-language.md, "Uncertain values")',
    );
  const powerTarget = choosePowerTarget(design, request.outcome);
  const targetDescription = describePowerTarget(design, powerTarget);
  const trials = design.simulation.trials;
  const sizing = request.target !== undefined;
  const title = sizing
    ? `${design.name} — ${request.vary} needed for ${formatPercent(request.target!, 0)} power of ${targetDescription}, each uncertain input at the ends of its range`
    : `${design.name} — power of ${targetDescription} with each uncertain input at the ends of its range, ${trials} trials per end`;
  await session.openView({ title, parameter: sizing ? request.vary : 'input', target: request.target });
  const began = performance.now();
  const table = sizing
    ? await sizeTable(session, inputs, request, targetDescription)
    : await powerTable(session, inputs, powerTarget, targetDescription);
  const seconds = (performance.now() - began) / 1000;
  const baselineDesign = session.designAt(sensitivityOverrides(inputs), 'every input at its central value');
  const complete = !session.signal.aborted && table.rows.length === inputs.length;
  // The document is the run of the baseline design, exactly as `run` gives it with every input central.
  const summary = await session.reportRun(baselineDesign, 'sensitivity');
  const withEngine = summary.engine === undefined ? table : { ...table, engine: summary.engine };
  const document = sensitivityDocument({ ...summary, complete }, withEngine, seconds);
  const top = table.rows[0];
  const conclusion = complete
    ? top === undefined
      ? 'No input was moved.'
      : `${top.path} matters most: ${formatEstimate(table, top.low)} at ${top.low.value} against ${formatEstimate(table, top.high)} at ${top.high.value} (swing ${formatSwing(table, top.swing)}).`
    : 'Interrupted: only the inputs simulated so far are shown.';
  return { document, table: withEngine, title, conclusion };
}

async function powerTable(
  session: PlanningSession,
  inputs: readonly UncertainInput[],
  powerTarget: ReturnType<typeof choosePowerTarget>,
  targetDescription: string,
): Promise<SensitivityTable> {
  const design = session.base.design;
  const plan = await planSensitivity(inputs, session.designAt, session.searchRange, {
    trials: design.simulation.trials,
    target: powerTarget,
    signal: session.signal,
    onPoint: (label, point) => {
      session.note(`sensitivity: ${label}: ${formatPercent(point.power)} over ${point.trials} trials`);
    },
  });
  const estimate = (value: number | null, point: { power: number; powerCI: readonly [number, number] }) => ({
    value,
    estimate: point.power,
    ci: point.powerCI,
  });
  return {
    measure: 'power',
    targetDescription,
    baseline: estimate(null, plan.baseline),
    rows: plan.bars.map((bar) => ({
      path: bar.input.path,
      central: bar.input.central,
      low: estimate(bar.low.value, bar.low),
      high: estimate(bar.high.value, bar.high),
      swing: bar.swing,
    })),
    trials: design.simulation.trials,
    seed: design.simulation.seed,
  };
}

// With --target: the sample-size planner at the baseline and at each end of each input.
async function sizeTable(
  session: PlanningSession,
  inputs: readonly UncertainInput[],
  request: SensitivityRequest,
  targetDescription: string,
): Promise<SensitivityTable> {
  const base = session.base.design;
  const sizeAt = async (
    overrides: readonly string[],
    label: string,
    value: number | null,
  ): Promise<SensitivityEstimate> => {
    const design: Design = session.designAt(overrides, label);
    const parameter = searchableParameter(design, request.vary);
    const plan = await planSampleSize(
      design,
      parameter,
      async (v) => session.designAt([...overrides, ...parameter.overrides(v)], `${label}, ${request.vary} = ${v}`),
      session.searchRange,
      { target: request.target!, outcome: request.outcome, precision: request.precision, signal: session.signal },
    );
    const found = plan.search.status === 'found' ? plan.search.value : null;
    session.note(`sensitivity: ${label}: ${found === null ? 'target not reached' : `${request.vary} ${found}`}`);
    return { value, estimate: found, ci: found === null ? null : plan.search.valueCI };
  };
  const baseline = await sizeAt(sensitivityOverrides(inputs), 'every input at its central value', null);
  const rows: SensitivityRow[] = [];
  for (const input of inputs) {
    if (session.signal.aborted) break;
    const low = await sizeAt(
      sensitivityOverrides(inputs, { input, value: input.low }),
      `${input.path} = ${input.low}`,
      input.low,
    );
    const high = await sizeAt(
      sensitivityOverrides(inputs, { input, value: input.high }),
      `${input.path} = ${input.high}`,
      input.high,
    );
    const swing = low.estimate === null || high.estimate === null ? Infinity : Math.abs(high.estimate - low.estimate);
    rows.push({ path: input.path, central: input.central, low, high, swing });
  }
  return {
    measure: 'size',
    targetDescription,
    sizeParameter: request.vary,
    targetPower: request.target,
    baseline,
    rows: rankBars(rows),
    trials: base.simulation.trials,
    seed: base.simulation.seed,
  };
}

/** The run document of the baseline design plus `sensitivity` (docs/json-output.md#sensitivity). */
function sensitivityDocument(summary: RunSummary, table: SensitivityTable, searchSeconds: number): RunSummary {
  const finite = (value: number) => (Number.isFinite(value) ? value : null);
  return {
    ...summary,
    sensitivity: {
      measure: table.measure,
      success: table.targetDescription,
      ...(table.measure === 'size' ? { parameter: table.sizeParameter, target: table.targetPower } : {}),
      trialsPerEnd: table.trials,
      commonRandomNumbers: table.measure === 'power',
      searchSeconds,
      baseline: table.baseline,
      inputs: table.rows.map((row, index) => ({ rank: index + 1, ...row, swing: finite(row.swing) })),
    },
  } as RunSummary;
}
