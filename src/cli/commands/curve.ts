/**
 * `trialsim curve SCENARIO --vary PATH=FROM:TO:STEP [--svg FILE]`: power with its Monte Carlo
 * interval over any numeric scenario parameter, for several outcomes at once (DESIGN.md §4–§5).
 */
import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { armSizes } from '../../core/design.js';
import { wilsonInterval } from '../../core/diagnosis/wilson-interval.js';
import { formatCsv } from '../../report/format-csv.js';
import { formatCurveTable } from '../../report/format-curve-table.js';
import { formatJson } from '../../report/format-json.js';
import { plotCurveText } from '../../report/plot-curve-text.js';
import type { PowerCurve, PowerCurvePoint } from '../../report/power-curve.js';
import { renderCurveSvg } from '../../report/svg/render-curve-svg.js';
import { writeOutput } from '../../report/write-output.js';
import { loadDesign } from '../../scenario/load-design.js';
import { describeParameter } from '../../search/design-parameter.js';
import { parseValueRange } from '../../search/parse-value-range.js';
import { ALL_PRIMARY, planCurve, type CurveRun } from '../../search/plan-curve.js';
import { UserError } from '../../errors/user-error.js';
import { EXIT_INTERRUPTED } from '../exit-codes.js';
import { addSimulationOptions, type SimulationOptions } from '../shared-options.js';
import { summariseRun } from '../summarise-run.js';
import { startPlanning, type PlanningSession } from './sample-size.js';
import type { SetExitCode } from '../exit-codes.js';

interface CurveOptions extends SimulationOptions {
  vary: string;
  svg?: string;
  outcome?: string;
  target?: string;
}

/** Registers `curve`. */
export function registerCurve(program: Command, setExitCode: SetExitCode): void {
  const command = program
    .command('curve')
    .description('power (with intervals) over any numeric parameter, several outcomes at once')
    .argument('<scenario>', 'a scenario file, or the name of a built-in scenario')
    .requiredOption(
      '--vary <path=from:to:step>',
      'the parameter and its values, e.g. design.size.total=100:1000:100 (or PATH=V1,V2,…)',
    )
    .option('--svg <file>', 'also draw the curve as an SVG file')
    .option('--outcome <ids>', 'only these outcomes, comma-separated (default: all)')
    .option('--target <p>', 'draw this target power as a line')
    .addHelpText(
      'after',
      '\nEach value is simulated with the scenario’s seed and --trials, without the null run (use `run --set` for type I error at one value).\n' +
        'Example: trialsim curve milton-keynes --vary design.size.treated=45:450:45 --svg power.svg',
    );
  addSimulationOptions(command).action(async (scenario: string, options: CurveOptions) => {
    const session = await startPlanning(scenario, options);
    try {
      setExitCode(await curveIn(session, scenario, options, process.argv.slice(2)));
    } finally {
      await session.close();
    }
  });
}

async function curveIn(
  session: PlanningSession,
  scenario: string,
  options: CurveOptions,
  argv: readonly string[],
): Promise<number> {
  const range = parseValueRange(options.vary);
  const target = options.target === undefined ? undefined : Number(options.target);
  if (target !== undefined && !(target > 0 && target < 1))
    throw new UserError(`--target must be between 0 and 1 (got "${options.target}")`);
  const design = session.base.design;
  const parameter = describeParameter(design, range.path);
  const outcomeIds = options.outcome
    ? options.outcome
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== '')
    : [];
  const unknown = outcomeIds.filter(
    (id) => id !== 'all-primary' && !design.outcomes.some((outcome) => outcome.id === id),
  );
  if (unknown.length > 0)
    throw new UserError(
      `--outcome: no outcome ${unknown.join(', ')}`,
      `the scenario's outcomes are ${design.outcomes.map((o) => o.id).join(', ')}`,
    );
  const assurance = design.outcomes.some((outcome) => outcome.effectDistribution !== null);
  const title = `${design.name} — ${assurance ? 'power (assurance where effects are uncertain)' : 'power'} by ${range.path}, ${design.simulation.trials} trials per value`;
  const shown = (point: PowerCurvePoint) => outcomeIds.length === 0 || outcomeIds.includes(point.outcome);
  await session.openDashboard(title, range.path, target);
  const designAt = async (value: number) =>
    session.labelDesign(
      (await loadDesign(scenario, [...session.sets, ...parameter.overrides(value)])).design,
      `${range.path} = ${value}`,
    );
  const began = performance.now();
  const plan = await planCurve(range.values, designAt, session.searchRange, {
    trials: design.simulation.trials,
    outcomeIds: outcomeIds.length > 0 ? [...outcomeIds, 'all-primary'] : [],
    signal: session.signal,
    parameter: range.path,
    target,
    onValue: (run) => {
      session.addPoints(pointsOf(run).filter(shown));
      if (session.mode.progress !== 'lines') return;
      const sizes = armSizes(run.design.plan.size);
      process.stderr.write(
        `curve: ${range.path}=${run.value} (${sizes.treated} treated, ${sizes.control} control): ${run.tally.trials} trials\n`,
      );
    },
  });
  const seconds = (performance.now() - began) / 1000;
  const curve = outcomeIds.length > 0 ? { ...plan.curve, points: plan.curve.points.filter(shown) } : plan.curve;
  if (plan.runs.length === 0) throw new UserError('interrupted before any value was simulated');
  const first = plan.runs[0];
  const summary = summariseRun(first.design, first.tally, {
    command: 'curve',
    sha256: session.base.sha256,
    complete: plan.complete,
    seconds,
    threads: session.runner.threads,
  });
  const document = {
    ...summary,
    parameter: range.path,
    curve: curve.points,
    runs: plan.runs.map((run) => {
      const each = summariseRun(run.design, run.tally, {
        command: 'curve',
        sha256: session.base.sha256,
        complete: run.complete,
        seconds: 0,
        threads: session.runner.threads,
      });
      return { value: run.value, design: each.design, results: each.results, familywise: each.familywise };
    }),
    measure: assurance ? 'assurance where an effect is drawn from a distribution, power elsewhere' : 'power',
  };
  if (options.svg) {
    const svg = await renderCurveSvg(curve, {
      subtitle: `${design.name} · ${design.simulation.trials} trials per value · seed ${design.simulation.seed}`,
      parameterLabel: parameter.label,
    });
    await writeOutput(svg, options.svg);
  }
  const interrupted = plan.complete ? undefined : 'Interrupted: only the values simulated so far are shown.';
  const tableOptions = { color: session.mode.color, title, conclusion: interrupted, plotWidth: PLOT_WIDTH };
  const text =
    session.mode.format === 'json'
      ? formatJson(document)
      : session.mode.format === 'csv'
        ? formatCsv(curve)
        : formatCurveTable(curve, tableOptions);
  const file =
    session.mode.format === 'markdown'
      ? `# ${title}\n\n\`\`\`text\n${text}\`\`\`\n\nReproduce: \`trialsim ${argv.join(' ')}\`\n`
      : text;
  if (session.mode.dashboard) {
    // The dashboard leaves its title, curve and conclusion on screen; the table of points follows
    // below it (the same report without its title and plot). A file still gets the whole report.
    await session.finishDashboard(interrupted ?? curveConclusion(curve, parameter.label));
    await writeOutput(
      options.out
        ? text
        : withoutTitleAndPlot(curve, formatCurveTable(curve, { ...tableOptions, conclusion: undefined })),
      options.out ?? null,
    );
  } else {
    await writeOutput(file, options.out ?? null);
  }
  return plan.complete ? 0 : EXIT_INTERRUPTED;
}

/** Width of the text plot in the table report. */
const PLOT_WIDTH = 60;

/** Every outcome's power at one simulated value (and all-primary with several primary outcomes), as `planCurve` counts them. */
function pointsOf(run: CurveRun): PowerCurvePoint[] {
  const { tally, design, value } = run;
  if (tally.trials === 0) return [];
  const points: PowerCurvePoint[] = design.outcomes.map((outcome, k) => ({
    value,
    outcome: outcome.id,
    power: tally.outcomes[k].rejections / tally.trials,
    powerCI: wilsonInterval(tally.outcomes[k].rejections, tally.trials),
  }));
  if (design.outcomes.filter((outcome) => outcome.primary).length > 1) {
    points.push({
      value,
      outcome: ALL_PRIMARY,
      power: tally.allPrimary / tally.trials,
      powerCI: wilsonInterval(tally.allPrimary, tally.trials),
    });
  }
  return points;
}

/**
 * The dashboard's closing line: for each series (all primary outcomes together when the curve has
 * them), the smallest simulated value whose power reaches the target, or the best power seen.
 *
 * Example: target 0.8, reoffend 52% at 400 and 81% at 800 → "80% power (design.size.total,
 * people randomised): reoffend from 800 of the values simulated."
 */
function curveConclusion(curve: PowerCurve, label: string): string {
  const values = new Set(curve.points.map((p) => p.value)).size;
  if (curve.target === undefined)
    return `Simulated ${values} values of ${curve.parameter} (${label}); --target draws a target line.`;
  const target = curve.target;
  const series = [...new Set(curve.points.map((p) => p.outcome))];
  const parts = (series.includes(ALL_PRIMARY) ? [ALL_PRIMARY] : series).map((outcome) => {
    const points = curve.points.filter((p) => p.outcome === outcome);
    const reached = points.filter((p) => p.power >= target).map((p) => p.value);
    const name = outcome === ALL_PRIMARY ? 'all primary outcomes' : outcome;
    if (reached.length > 0) return `${name} from ${Math.min(...reached)} of the values simulated`;
    const best = points.reduce((a, b) => (b.power > a.power ? b : a));
    return `${name} not reached (at best ${(best.power * 100).toFixed(1)}%, at ${best.value})`;
  });
  return `${Math.round(target * 1000) / 10}% power (${curve.parameter}, ${label}): ${parts.join('; ')}.`;
}

/** The table report minus its title and plot, which the dashboard already left on screen. */
function withoutTitleAndPlot(curve: PowerCurve, text: string): string {
  // formatCurveTable writes the title, a blank line, the plot and a blank line before the table.
  const skip = 2 + plotCurveText(curve, { width: PLOT_WIDTH, height: 12 }).length + 1;
  return `${text.split('\n').slice(skip).join('\n')}`;
}
