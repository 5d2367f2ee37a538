/**
 * `trialsim curve SCENARIO --vary PATH=FROM:TO:STEP [--svg FILE]`: power with its Monte Carlo
 * interval over any numeric scenario parameter, for several outcomes at once (docs/command-line.md; docs/json-output.md, "curve").
 * The simulations are the planning layer's (`answerCurve`); this file parses the options and prints.
 */
import type { Command } from 'commander';
import { formatCurveReport } from '../../report/format-curve-report.js';
import { answerCurve } from '../../search/answer-curve.js';
import type { ValueRange } from '../../search/parse-value-range.js';
import { EXIT_INTERRUPTED, EXIT_OK, type SetExitCode } from '../exit-codes.js';
import { commandLineOf } from '../command-line.js';
import { deliverPlanning, planningAction } from '../planning-command.js';
import { outcomeListOption, targetOption, varyRangeOption } from '../planning-options.js';
import { addSimulationOptions, type SimulationOptions } from '../shared-options.js';

interface CurveOptions extends SimulationOptions {
  vary: ValueRange;
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
        'Example: trialsim curve milton-keynes --vary design.size.treated=45:450:45 --svg power.svg',
    );
  addSimulationOptions(command).action(
    planningAction(setExitCode, async (session, mode, options: CurveOptions, argv) => {
      const answer = await answerCurve(session, {
        vary: options.vary,
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
