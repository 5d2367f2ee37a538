/**
 * `trialsim curve SCENARIO --vary PATH=FROM:TO:STEP [--svg FILE]`: power with its Monte Carlo
 * interval over any numeric scenario parameter, for several outcomes at once (DESIGN.md §4–§5).
 */
import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { armSizes } from '../../core/design.js';
import { formatCsv } from '../../report/format-csv.js';
import { formatCurveTable } from '../../report/format-curve-table.js';
import { formatJson } from '../../report/format-json.js';
import { renderCurveSvg } from '../../report/svg/render-curve-svg.js';
import { writeOutput } from '../../report/write-output.js';
import { loadDesign } from '../../scenario/load-design.js';
import { describeParameter } from '../../search/design-parameter.js';
import { parseValueRange } from '../../search/parse-value-range.js';
import { planCurve } from '../../search/plan-curve.js';
import { runnerRange } from '../../search/runner-range.js';
import { EXIT_INTERRUPTED, UserError } from '../errors.js';
import { addSimulationOptions, type SimulationOptions } from '../shared-options.js';
import { summariseRun } from '../summarise-run.js';
import { startPlanning, type PlanningSession } from './sample-size.js';
import type { SetExitCode } from './index.js';

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
    .requiredOption('--vary <path=from:to:step>', 'the parameter and its values, e.g. design.size.total=100:1000:100 (or PATH=V1,V2,…)')
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

async function curveIn(session: PlanningSession, scenario: string, options: CurveOptions, argv: readonly string[]): Promise<number> {
  let range;
  try {
    range = parseValueRange(options.vary);
  } catch (error) {
    throw new UserError((error as Error).message);
  }
  const target = options.target === undefined ? undefined : Number(options.target);
  if (target !== undefined && !(target > 0 && target < 1)) throw new UserError(`--target must be between 0 and 1 (got "${options.target}")`);
  const design = session.base.design;
  let parameter;
  try {
    parameter = describeParameter(design, range.path);
  } catch (error) {
    throw new UserError(`--vary ${range.path}: ${(error as Error).message}`);
  }
  const outcomeIds = options.outcome ? options.outcome.split(',').map((id) => id.trim()).filter((id) => id !== '') : [];
  const unknown = outcomeIds.filter((id) => id !== 'all-primary' && !design.outcomes.some((outcome) => outcome.id === id));
  if (unknown.length > 0) throw new UserError(`--outcome: no outcome ${unknown.join(', ')}`, `the scenario's outcomes are ${design.outcomes.map((o) => o.id).join(', ')}`);
  const began = performance.now();
  const plan = await planCurve(range.values, async (value) => (await loadDesign(scenario, [...session.sets, ...parameter.overrides(value)])).design, runnerRange(session.runner, { withNull: false, signal: session.signal }), {
    trials: design.simulation.trials,
    outcomeIds: outcomeIds.length > 0 ? [...outcomeIds, 'all-primary'] : [],
    signal: session.signal,
    parameter: range.path,
    target,
    onValue: (run) => {
      if (session.mode.progress === 'none') return;
      const sizes = armSizes(run.design.design.size);
      process.stderr.write(`curve: ${range.path}=${run.value} (${sizes.treated} treated, ${sizes.control} control): ${run.tally.trials} trials\n`);
    },
  });
  const seconds = (performance.now() - began) / 1000;
  const curve = outcomeIds.length > 0 ? { ...plan.curve, points: plan.curve.points.filter((p) => outcomeIds.includes(p.outcome) || (p.outcome === 'all-primary' && outcomeIds.includes('all-primary'))) } : plan.curve;
  if (plan.runs.length === 0) throw new UserError('interrupted before any value was simulated');
  const assurance = design.outcomes.some((outcome) => outcome.effectDistribution !== null);
  const first = plan.runs[0];
  const summary = summariseRun(first.design, first.tally, { command: 'curve', sha256: session.base.sha256, complete: plan.complete, seconds, threads: session.runner.threads });
  const document = {
    ...summary,
    parameter: range.path,
    curve: curve.points,
    runs: plan.runs.map((run) => {
      const each = summariseRun(run.design, run.tally, { command: 'curve', sha256: session.base.sha256, complete: run.complete, seconds: 0, threads: session.runner.threads });
      return { value: run.value, design: each.design, results: each.results, familywise: each.familywise };
    }),
    measure: assurance ? 'assurance where an effect is drawn from a distribution, power elsewhere' : 'power',
  };
  if (options.svg) {
    const svg = await renderCurveSvg(curve, { subtitle: `${design.name} · ${design.simulation.trials} trials per value · seed ${design.simulation.seed}`, parameterLabel: parameter.label });
    await writeOutput(svg, options.svg);
  }
  const title = `${design.name} — ${assurance ? 'power (assurance where effects are uncertain)' : 'power'} by ${range.path}, ${design.simulation.trials} trials per value`;
  const text =
    session.mode.format === 'json'
      ? formatJson(document)
      : session.mode.format === 'csv'
        ? formatCsv(curve)
        : formatCurveTable(curve, { color: session.mode.color, title, conclusion: plan.complete ? undefined : 'Interrupted: only the values simulated so far are shown.' });
  await writeOutput(session.mode.format === 'markdown' ? `# ${title}\n\n\`\`\`text\n${text}\`\`\`\n\nReproduce: \`trialsim ${argv.join(' ')}\`\n` : text, options.out ?? null);
  return plan.complete ? 0 : EXIT_INTERRUPTED;
}
