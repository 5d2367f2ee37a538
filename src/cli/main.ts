/**
 * The command-line program: builds the commander tree, runs one command and turns its outcome
 * into an exit code. The only place (with bin/) that decides exit codes; commands return or throw.
 */
import { Command, CommanderError } from 'commander';
import { UserError } from '../errors/user-error.js';
import { EXIT_FAILURE, EXIT_INVALID_INPUT, EXIT_OK } from './exit-codes.js';
import { COMMAND_NAMES, registerCommands } from './commands/index.js';
import { TOOL_VERSION } from '../report/tool-version.js';
import { ScenarioError } from '../scenario/scenario-error.js';
import { refuseMistypedCommand } from './suggest-command.js';

/** Runs the program on `argv` (as process.argv) and resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('trialsim')
    .description(
      'Plan replications of small randomised trials by simulation: power, sample size, minimum detectable effects and honesty diagnostics.',
    )
    .version(TOOL_VERSION, '-V, --version')
    .exitOverride()
    .showHelpAfterError('(add --help for usage)');
  let exitCode = EXIT_OK;
  try {
    refuseMistypedCommand(COMMAND_NAMES, argv.slice(2));
    await registerCommands(
      program,
      (code) => {
        exitCode = code;
      },
      argv.slice(2),
    );
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    return exitCodeFor(error);
  }
}

/**
 * The exit code of an error, by its class (src/errors/): a `UserError` — of any layer: a
 * `ScenarioError`, an `OutputError`, a `PlanningOptionError`, a shard error — is printed without
 * a stack and gives 2; anything else, a `BugError` or an error nobody expected, is a bug: 1.
 */
function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.code === 'commander.help'
    ) {
      return EXIT_OK;
    }
    // commander has already printed its message.
    return EXIT_INVALID_INPUT;
  }
  if (error instanceof ScenarioError) {
    // Every problem with its file, line:column, path, value and fix, each with its own fix: no hint line.
    process.stderr.write(`${error.message}\n`);
    return EXIT_INVALID_INPUT;
  }
  if (error instanceof UserError) {
    process.stderr.write(`trialsim: ${error.message}\n`);
    if (error.hint) process.stderr.write(`hint: ${error.hint}\n`);
    return EXIT_INVALID_INPUT;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`trialsim: internal error (a bug; please report it with the command you ran)\n${detail}\n`);
  return EXIT_FAILURE;
}
