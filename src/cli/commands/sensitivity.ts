/**
 * `trialsim sensitivity SCENARIO [--target P] [--svg FILE]`: which uncertain inputs move the answer
 * — power (or, with --target, the required size) at each end of each input's range, ranked, with
 * a tornado chart (docs/sensitivity.md). The simulations are the planning layer's
 * (`answerSensitivity`); this file parses the options and prints.
 */
import type { Command } from 'commander';
import { formatSensitivityReport } from '../../report/sensitivity-table.js';
import { renderTornadoSvg } from '../../report/svg/render-tornado-svg.js';
import { writeOutput } from '../../report/write-output.js';
import { answerSensitivity } from '../../search/answer-sensitivity.js';
import { commandLineOf } from '../command-line.js';
import { EXIT_INTERRUPTED, EXIT_OK, type SetExitCode } from '../exit-codes.js';
import { planningAction } from '../planning-command.js';
import { Option } from 'commander';
import { probability } from '../option-parsers.js';
import { targetOption, varyParameterOption } from '../planning-options.js';
import { addSimulationOptions, type SimulationOptions } from '../simulation-options.js';

interface SensitivityOptions extends SimulationOptions {
  svg?: string;
  outcome?: string;
  target?: number;
  vary: string;
  precision: number;
}

/** Registers `sensitivity`. */
export function registerSensitivity(program: Command, setExitCode: SetExitCode): void {
  const command = program
    .command('sensitivity')
    .description('which uncertain inputs move the answer: power (or size) at each end of each range, a tornado chart')
    .argument('<scenario>', 'a scenario file, or the name of a built-in scenario')
    .option('--svg <file>', 'also draw the tornado chart as an SVG file')
    .option(
      '--outcome <id>',
      'this outcome alone (default: all primary outcomes together, after the multiplicity correction)',
    )
    .addOption(targetOption('report the size needed for this power at each end, instead of power'))
    .addOption(varyParameterOption())
    .addOption(
      new Option(
        '--precision <se>',
        'with --target: Monte Carlo standard error wanted for the power at each size found',
      )
        .argParser(probability('--precision'))
        .default(0.01),
    )
    .addHelpText(
      'after',
      '\nUncertain inputs are scenario numbers written as { from, to, central } or { lognormal: { median, spread } }.\n' +
        'Each is moved to the ends of its range (a lognormal: its central 95%), the others held central; every end runs\n' +
        'the same trials from the same seed (common random numbers). Example: trialsim sensitivity milton-keynes --svg tornado.svg',
    );
  addSimulationOptions(command).action(
    planningAction(setExitCode, async (session, mode, options: SensitivityOptions, argv) => {
      const report = await answerSensitivity(session, {
        outcome: options.outcome,
        target: options.target,
        vary: options.vary,
        precision: options.precision,
      });
      if (options.svg)
        await writeOutput(
          await renderTornadoSvg(report.table, {
            subtitle: `${session.base.design.name} · ${report.table.trials} trials per end · seed ${report.table.seed}`,
          }),
          options.svg,
        );
      await session.finish(report.conclusion);
      await writeOutput(formatSensitivityReport(report, mode.format, commandLineOf(argv)), options.out ?? null);
      return session.signal.aborted ? EXIT_INTERRUPTED : EXIT_OK;
    }),
  );
}
