/**
 * `trialsim curve SCENARIO --vary PATH=FROM:TO:STEP [--svg FILE]`: power with its Monte Carlo
 * interval over any numeric scenario parameter, for several outcomes at once (docs/command-line.md; docs/json-output.md, "curve").
 * The simulations are the planning layer's (`answerCurve`); this file parses the options and prints.
 */
import type { Command } from 'commander';
import { formatCurveReport } from '../../report/format-curve-report.js';
import { answerCurve } from '../../search/answer-curve.js';
import type { ValueRange } from '../../search/parse-value-range.js';
import { formatGridReport } from '../../report/format-grid-report.js';
import type { OutputMode } from '../../report/choose-output.js';
import { renderGridSvg } from '../../report/svg/render-grid-svg.js';
import { writeOutput } from '../../report/write-output.js';
import { answerGrid } from '../../search/answer-grid.js';
import { PlanningOptionError } from '../../search/planning-option-error.js';
import type { PlanningSession } from '../../search/planning-session.js';
import { EXIT_INTERRUPTED, EXIT_OK, type SetExitCode } from '../exit-codes.js';
import { commandLineOf } from '../command-line.js';
import { deliverPlanning, planningAction } from '../planning-command.js';
import { outcomeListOption, targetOption, varyRangeOption } from '../planning-options.js';
import { addSimulationOptions, type SimulationOptions } from '../simulation-options.js';

interface CurveOptions extends SimulationOptions {
  vary: ValueRange[];
  svg?: string;
  outcome?: string[];
  target?: number;
}

/** Registers `curve`. */
export function registerCurve(program: Command, setExitCode: SetExitCode): void {
  const command = program
    .command('curve')
    .description('power (with intervals) over any numeric parameter, several outcomes at once')
    .argument('<scenario>', 'a scenario file, or the name of a built-in scenario')
    .addOption(varyRangeOption())
    .option('--svg <file>', 'also draw the curve as an SVG file')
    .addOption(outcomeListOption())
    .addOption(targetOption('draw this target power as a line'))
    .addHelpText(
      'after',
      '\nEach value is simulated with the scenario’s seed and --trials, without the null run (use `run --set` for type I error at one value).\n' +
        'Example: trialsim curve milton-keynes --vary design.size.treated=45:450:45 --svg power.svg\n' +
        'With --vary twice, a two-way grid of the power of one target (--outcome, else every primary outcome together), with the same trials in every cell;\n' +
        '--svg draws a heatmap with the --target contour. Example: trialsim curve milton-keynes-scale-up --vary design.sites.count=10:40:10 --vary design.size.total=600,1200,2400 --target 0.8',
    );
  addSimulationOptions(command).action(
    planningAction(setExitCode, async (session, mode, options: CurveOptions, argv) => {
      if (options.vary.length > 2)
        throw new PlanningOptionError(
          `--vary is given ${options.vary.length} times: give it once for a curve, twice for a two-way grid`,
        );
      if (options.vary.length === 2) return printGrid(session, mode, options, argv);
      const answer = await answerCurve(session, {
        vary: options.vary[0],
        outcomeIds: options.outcome ?? [],
        target: options.target,
      });
      // Below the dashboard, which keeps the title, the plot and the closing line on screen,
      // only the table of points follows; a file still gets the whole report.
      const text = formatCurveReport(
        { ...answer, conclusion: answer.complete ? undefined : answer.conclusion },
        mode.format,
        { color: mode.color, commandLine: commandLineOf(argv), belowDashboard: mode.dashboard && !options.out },
      );
      await deliverPlanning(session, options, answer.curve, answer.figure, answer.conclusion, text);
      return answer.complete ? EXIT_OK : EXIT_INTERRUPTED;
    }),
  );
}

// A two-way grid: one target, a table (or JSON, CSV, Markdown) and, with --svg, the heatmap.
async function printGrid(
  session: PlanningSession,
  mode: OutputMode,
  options: CurveOptions,
  argv: readonly string[],
): Promise<number> {
  const outcomes = options.outcome ?? [];
  if (outcomes.length > 1)
    throw new PlanningOptionError(
      '--outcome: a two-way grid shows one target; give one outcome, or none for every primary outcome together',
    );
  const answer = await answerGrid(session, {
    rows: options.vary[0],
    columns: options.vary[1],
    outcome: outcomes[0],
    target: options.target,
  });
  if (options.svg) await writeOutput(await renderGridSvg(answer.grid, answer.figure), options.svg);
  await session.finish(answer.conclusion);
  const text = formatGridReport(answer, mode.format, commandLineOf(argv));
  await writeOutput(text, options.out ?? null);
  return answer.complete ? EXIT_OK : EXIT_INTERRUPTED;
}
