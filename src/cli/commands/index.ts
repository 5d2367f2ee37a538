/**
 * The command registry: every command's names and where its module is, so the program imports
 * only the module of the command it runs. Each command lives in its own file and exports one
 * `registerX(program, setExitCode)` function; add a row here for a new command.
 *
 * Why lazy: a command's module pulls in what it needs (the scenario schema, the runner, vega, ink),
 * and importing all of them cost about four times a bare Node start before anything ran.
 * `trialsim --version` now imports no command, and `trialsim validate` only `validate`'s.
 */
import type { Command } from 'commander';
import type { SetExitCode } from '../exit-codes.js';

/** One command's registration function, as each command file exports it. */
type RegisterCommand = (program: Command, setExitCode: SetExitCode) => void;

/** A command's names (with aliases and twins it registers) and how to load its registration. */
interface CommandEntry {
  readonly names: readonly string[];
  readonly load: () => Promise<RegisterCommand>;
}

/** Every command, in the order `trialsim --help` lists them. */
const COMMANDS: readonly CommandEntry[] = [
  { names: ['run', 'power'], load: async () => (await import('./run.js')).registerRun },
  { names: ['explain'], load: async () => (await import('./explain.js')).registerExplain },
  { names: ['merge'], load: async () => (await import('./merge.js')).registerMerge },
  { names: ['validate'], load: async () => (await import('./validate.js')).registerValidate },
  { names: ['schema'], load: async () => (await import('./schema.js')).registerSchema },
  { names: ['scenarios'], load: async () => (await import('./scenarios.js')).registerScenarios },
  { names: ['init'], load: async () => (await import('./init.js')).registerInit },
  { names: ['retro'], load: async () => (await import('./retro.js')).registerRetro },
  { names: ['sample-size'], load: async () => (await import('./sample-size.js')).registerSampleSize },
  { names: ['mde'], load: async () => (await import('./mde.js')).registerMde },
  { names: ['curve'], load: async () => (await import('./curve.js')).registerCurve },
  { names: ['sensitivity'], load: async () => (await import('./sensitivity.js')).registerSensitivity },
  { names: ['fit'], load: async () => (await import('./fit.js')).registerFit },
  { names: ['synth'], load: async () => (await import('./synth.js')).registerSynth },
  { names: ['serve'], load: async () => (await import('./serve.js')).registerServe },
];

/** Every command name and alias, without importing any command. */
export const COMMAND_NAMES: readonly string[] = COMMANDS.flatMap((entry) => entry.names);

/**
 * The commands `args` (the words after `trialsim`) can reach: the one it names; none for
 * `--version`; `run` (the default command) when the first word is a scenario or absent; every
 * command otherwise (`help`, `--help`, or an option before any command), so commander sees the
 * whole program exactly as when everything was registered.
 *
 * Example: `['validate', 'x.yaml']` → validate's entry; `['-V']` → none; `[]` → run's entry.
 */
function commandsReachedBy(args: readonly string[]): readonly CommandEntry[] {
  const first = args[0];
  if (first === '-V' || first === '--version') return [];
  if (first === 'help') return COMMANDS;
  const named = COMMANDS.find((entry) => first !== undefined && entry.names.includes(first));
  if (named) return [named];
  if (first === undefined || !first.startsWith('-')) return COMMANDS.filter((entry) => entry.names.includes('run'));
  return COMMANDS;
}

/**
 * Adds to `program` the commands `args` can reach (all of them for help), importing only their
 * modules; each command reports its exit code through `setExitCode`.
 */
export async function registerCommands(
  program: Command,
  setExitCode: SetExitCode,
  args: readonly string[],
): Promise<void> {
  const reached = commandsReachedBy(args);
  const registrations = await Promise.all(reached.map((entry) => entry.load()));
  for (const register of registrations) register(program, setExitCode);
}
