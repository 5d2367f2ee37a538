/**
 * `trialsim sample-size SCENARIO --target P [--outcome ID] [--vary PATH] [--max N]`: the smallest
 * value of a design parameter whose power (or assurance) reaches the target (docs/command-line.md; docs/json-output.md, "sample-size").
 * The search and the report run are the planning layer's (`answerSampleSize`); this file parses
 * the options and prints.
 */
import { Option, type Command } from 'commander';
import { answerSampleSize } from '../../search/answer-sample-size.js';
import type { SetExitCode } from '../exit-codes.js';
import { positiveNumber } from '../option-parsers.js';
import { planningAction, printPlanningAnswer } from '../planning-command.js';
import { addPlanningOptions, varyParameterOption } from '../planning-options.js';
import { addSimulationOptions, type SimulationOptions } from '../shared-options.js';

/** Options of sample-size (shared simulation options plus its own). */
interface SampleSizeOptions extends SimulationOptions {
  target: number;
  outcome?: string;
  success?: string;
  vary: string;
  max?: number;
  precision: number;
  svg?: string;
}

/** Registers `sample-size`. */
export function registerSampleSize(program: Command, setExitCode: SetExitCode): void {
  const command = program
    .command('sample-size')
    .description('smallest sample size (or sites, caseworkers, years, follow-up) reaching the target power')
    .argument('<scenario>', 'a scenario file, or the name of a built-in scenario');
  addPlanningOptions(command)
    .addOption(varyParameterOption())
    .addOption(
      new Option('--max <n>', 'largest value to try (default: the parameter’s own bound)').argParser(
        positiveNumber('--max'),
      ),
    )
    .option(
      '--success <criterion>',
      'size for the probability of replication success under this criterion of the scenario’s replication block (e.g. sceptical-controlled) instead of significance',
    )
    .option('--svg <file>', 'also draw the simulated curve, with the answer marked, as an SVG file')
    .option(
      '--assurance',
      'size for assurance: every uncertain input (a range or distribution in the scenario) drawn per trial, the size whose expected power reaches the target',
    )
    .addHelpText(
      'after',
      '\n--trials sets the trials of the report run at the answer (default: the scenario’s); the search itself spends what --precision needs.\n' +
        'Example: trialsim sample-size milton-keynes --target 0.8 --outcome knife\n' +
        '         trialsim sample-size milton-keynes-replication --success sceptical-controlled',
    );
  addSimulationOptions(command, { nullRun: true }).action(
    planningAction(setExitCode, async (session, mode, options: SampleSizeOptions, argv) => {
      const { vary, target, outcome, success, max, precision } = options;
      const answer = await answerSampleSize(session, { vary, target, outcome, success, max, precision });
      return printPlanningAnswer(session, answer, mode, options, argv);
    }),
  );
}
