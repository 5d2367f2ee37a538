/**
 * The options every simulating command shares (docs/command-line.md, "Options of the simulating commands"; contract), defined once and parsed
 * once, so `run`, `sample-size`, `mde`, `curve` and `explain` read them the same way.
 */
import { Option, type Command } from 'commander';
import { collect, engineName, wholeNumber } from './option-parsers.js';

/** The shared simulation options as commander parses them. */
export interface SimulationOptions {
  trials?: number;
  seed?: number;
  threads?: number;
  set: string[];
  shard?: string;
  json?: boolean;
  csv?: boolean;
  markdown?: boolean;
  out?: string;
  quiet?: boolean;
  /** commander turns `--no-null` into `null: false`. */
  null: boolean;
  /** `--engine person|aggregate|auto`, an override of `simulation.engine`. */
  engine?: string;
  /** `--assurance` (run, sample-size): draw every uncertain input per trial, `simulation.assurance`. */
  assurance?: boolean;
}

/**
 * Which of the shared options a command lists in its `--help` beyond the common ones: `--shard`
 * only where it works (`run`), `--no-null` only where a paired null run is made (`run`,
 * `sample-size`, `mde`), so the help offers only flags that do something.
 */
export interface SimulationOptionChoice {
  readonly shard?: boolean;
  readonly nullRun?: boolean;
}

/**
 * Adds the shared simulation options to a command.
 *
 * Example: `addSimulationOptions(command, { shard: true, nullRun: true })` for `run`;
 * `addSimulationOptions(command)` for `curve`, which has neither.
 */
export function addSimulationOptions(command: Command, choice: SimulationOptionChoice = {}): Command {
  command
    .addOption(
      new Option('--trials <n>', 'number of simulated trials (default: the scenario’s simulation.trials)').argParser(
        wholeNumber('--trials', 1),
      ),
    )
    .addOption(
      new Option('--seed <s>', 'random seed (default: the scenario’s simulation.seed)').argParser(
        wholeNumber('--seed', 0),
      ),
    )
    .addOption(
      new Option('--threads <n>', 'worker threads (default: available cores)').argParser(wholeNumber('--threads', 1)),
    )
    .addOption(
      new Option('--set <path=value>', 'override a scenario field, e.g. design.size.treated=200 (repeatable)')
        .argParser(collect)
        .default([]),
    )
    .option('--json', 'print one JSON document on stdout')
    .option('--csv', 'print CSV on stdout')
    .option('--markdown', 'print a Markdown report on stdout')
    .option('--out <file>', 'write the result to FILE instead of stdout')
    .option('--quiet', 'no progress output')
    .addOption(
      new Option(
        '--engine <engine>',
        'person | aggregate | auto: simulate per person, by exact aggregated cells, or aggregated wherever exact (default: the scenario’s simulation.engine, auto)',
      ).argParser(engineName),
    );
  // Both stay accepted everywhere (they are shared options of the contract), but are listed only
  // where they do something; elsewhere --shard is refused with a hint, and --no-null has nothing to skip.
  command.addOption(
    new Option('--no-null', 'skip the paired null run that measures the real type I error').hideHelp(!choice.nullRun),
  );
  command.addOption(
    new Option('--shard <i/n>', 'run only shard I of N (combine the outputs with `trialsim merge`)').hideHelp(
      !choice.shard,
    ),
  );
  return command;
}

/** The `--set` overrides, with `--trials` and `--seed` turned into overrides of their own. */
export function scenarioOverrides(options: SimulationOptions): string[] {
  const sets = [...options.set];
  if (options.trials !== undefined) sets.push(`simulation.trials=${options.trials}`);
  if (options.seed !== undefined) sets.push(`simulation.seed=${options.seed}`);
  if (options.engine !== undefined) sets.push(`simulation.engine=${options.engine}`);
  if (options.assurance === true) sets.push('simulation.assurance=true');
  return sets;
}
