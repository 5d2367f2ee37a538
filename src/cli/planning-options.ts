/**
 * The options of the planning commands, defined once: `--target`, `--outcome` and `--precision`
 * of `sample-size` and `mde`, and the two forms of `--vary` and `--outcome` (one parameter to
 * size, one outcome; or a range of values and a list of outcomes for `curve`).
 */
import { Option, type Command } from 'commander';
import { parseValueRange, type ValueRange } from '../search/parse-value-range.js';
import { SEARCHABLE_PARAMETERS } from '../search/design-parameter.js';
import { commaList, probability } from './option-parsers.js';

/**
 * `--target <p>`: a power strictly between 0 and 1.
 *
 * Example: `targetOption('draw this target power as a line')` for curve, which has no default.
 */
export function targetOption(description: string): Option {
  return new Option('--target <p>', description).argParser(probability('--target'));
}

/** Adds --target (default 0.8), --outcome and --precision, the options `sample-size` and `mde` share. */
export function addPlanningOptions(command: Command): Command {
  return command
    .addOption(targetOption('power (or assurance) to reach, between 0 and 1').default(0.8))
    .option(
      '--outcome <id>',
      'size for this outcome alone (default: all primary outcomes together, after the multiplicity correction)',
    )
    .addOption(
      new Option('--precision <se>', 'Monte Carlo standard error wanted for the power at the answer')
        .argParser(probability('--precision'))
        .default(0.01),
    );
}

/**
 * `sample-size`'s `--vary <path>`: the parameter to size (checked against the scenario by the
 * search), default `design.size.total`. Given twice with `--minimise cost`, the two parameters of
 * the cost search, each `PATH` or `PATH=V1,V2,…` (or `PATH=FROM:TO:STEP`); collected as typed.
 */
export function varyParameterOption(): Option {
  return new Option(
    '--vary <path>',
    `the parameter to size: ${SEARCHABLE_PARAMETERS.join(', ')} (default: design.size.total); twice with --minimise cost, the second searched for each value of the first (PATH or PATH=V1,V2,…)`,
  ).argParser((text: string, previous: string[] | undefined) => [...(previous ?? []), text]);
}

/**
 * `curve`'s `--vary <path=from:to:step>`, required, parsed into the path and its values; given
 * twice, the two parameters of a grid (the first down the side, the second along the top).
 */
export function varyRangeOption(): Option {
  return new Option(
    '--vary <path=from:to:step>',
    'the parameter and its values, e.g. design.size.total=100:1000:100 (or PATH=V1,V2,…); twice for a two-way grid',
  )
    .argParser((text: string, previous: ValueRange[] | undefined) => [...(previous ?? []), parseValueRange(text)])
    .makeOptionMandatory();
}

/** `curve`'s `--outcome <ids>`: a comma-separated list of outcomes to show. */
export function outcomeListOption(): Option {
  return new Option('--outcome <ids>', 'only these outcomes, comma-separated (default: all)').argParser(commaList);
}
