/**
 * `trialsim mde SCENARIO --target P [--outcome ID]`: the minimum detectable effect — the weakest
 * effect (ratio closest to 1), the same in every group, whose power reaches the target at the
 * scenario's size (docs/command-line.md; docs/json-output.md, "mde"). The search and the report run are the planning layer's
 * (`answerMinimumDetectableEffect`); this file parses the options and prints.
 */
import type { Command } from 'commander';
import { answerMinimumDetectableEffect } from '../../search/answer-minimum-detectable-effect.js';
import type { SetExitCode } from '../exit-codes.js';
import { planningAction, printPlanningAnswer } from '../planning-command.js';
import { addPlanningOptions } from '../planning-options.js';
import { addSimulationOptions, type SimulationOptions } from '../simulation-options.js';

interface MdeOptions extends SimulationOptions {
  target: number;
  outcome?: string;
  precision: number;
}

/** Registers `mde`. */
export function registerMde(program: Command, setExitCode: SetExitCode): void {
  const command = program
    .command('mde')
    .description('minimum detectable effect: the weakest effect reaching the target power at the scenario’s size')
    .argument('<scenario>', 'a scenario file, or the name of a built-in scenario');
  addPlanningOptions(command).addHelpText(
    'after',
    '\nThe effect is set to the same ratio in every group of the target outcome(s) (for engaged treated people; engagement still dilutes it).\n' +
      'Example: trialsim mde milton-keynes --target 0.8 --outcome knife',
  );
  addSimulationOptions(command, { nullRun: true }).action(
    planningAction(setExitCode, async (session, mode, options: MdeOptions, argv) => {
      const { target, outcome, precision } = options;
      const answer = await answerMinimumDetectableEffect(session, { target, outcome, precision });
      return printPlanningAnswer(session, answer, mode, options, argv);
    }),
  );
}
