/**
 * The options every simulating command shares (DESIGN.md §4, contract), defined once and parsed
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
}

/** Adds the shared simulation options to a command. */
export function addSimulationOptions(command: Command): Command {
  return command
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
    .addOption(new Option('--shard <i/n>', 'run only shard I of N (combine the outputs with `trialsim merge`)'))
    .option('--json', 'print one JSON document on stdout')
    .option('--csv', 'print CSV on stdout')
    .option('--markdown', 'print a Markdown report on stdout')
    .option('--out <file>', 'write the result to FILE instead of stdout')
    .option('--quiet', 'no progress output')
    .option('--no-null', 'skip the paired null run that measures the real type I error')
    .addOption(
      new Option(
        '--engine <engine>',
        'person | aggregate | auto: simulate per person, by exact aggregated cells, or aggregated wherever exact (default: the scenario’s simulation.engine, auto)',
      ).argParser(engineName),
    );
}

/** The `--set` overrides, with `--trials` and `--seed` turned into overrides of their own. */
export function scenarioOverrides(options: SimulationOptions): string[] {
  const sets = [...options.set];
  if (options.trials !== undefined) sets.push(`simulation.trials=${options.trials}`);
  if (options.seed !== undefined) sets.push(`simulation.seed=${options.seed}`);
  if (options.engine !== undefined) sets.push(`simulation.engine=${options.engine}`);
  return sets;
}
