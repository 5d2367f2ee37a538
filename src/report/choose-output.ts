/**
 * Decides, in one place, how a simulating command talks to the user (docs/command-line.md, "Output and progress"): which format
 * the result is written in, whether the live ink dashboard runs, where progress goes, and whether
 * escape codes for colour may be written.
 */
import { OutputError } from './output-error.js';

/** The format of the result document. */
export type OutputFormat = 'table' | 'json' | 'csv' | 'markdown';

/** The output flags of the simulating commands. */
export interface OutputFlags {
  readonly json?: boolean;
  readonly csv?: boolean;
  readonly markdown?: boolean;
  readonly quiet?: boolean;
  /** `--out FILE`, or null/undefined for stdout. */
  readonly out?: string | null;
}

/** What the process is attached to. */
export interface OutputEnvironment {
  /** stdout is a terminal (`process.stdout.isTTY === true`). */
  readonly isTTY: boolean;
  /** The `CI` environment variable is set (to anything but "" or "false"/"0"). */
  readonly ci: boolean;
  /** The `NO_COLOR` environment variable is set to a non-empty value. */
  readonly noColor: boolean;
}

/** How the command should output. */
export interface OutputMode {
  readonly format: OutputFormat;
  /** Run the ink dashboard (stdout is a terminal, not CI, not --quiet, human format). */
  readonly dashboard: boolean;
  /** Where progress goes: the dashboard, plain lines on stderr, or nowhere (--quiet). */
  readonly progress: 'dashboard' | 'lines' | 'none';
  /** Escape codes for colour may be written to stdout. */
  readonly color: boolean;
}

/**
 * Chooses the output mode from the flags and the environment.
 *
 * The format is the one machine flag given (`table` when none; two or more is an `OutputError`).
 * The dashboard runs only for the table format on a terminal outside CI without --quiet; progress
 * otherwise goes to stderr as plain lines, or nowhere with --quiet. Colour needs the table format,
 * written to a terminal (no --out), outside CI, without NO_COLOR.
 *
 * Example: `chooseOutput({}, { isTTY: true, ci: false, noColor: false })` →
 * `{ format: 'table', dashboard: true, progress: 'dashboard', color: true }`;
 * `chooseOutput({ json: true }, { isTTY: true, ci: false, noColor: false })` →
 * `{ format: 'json', dashboard: false, progress: 'lines', color: false }`.
 */
export function chooseOutput(flags: OutputFlags, env: OutputEnvironment): OutputMode {
  const asked = (['json', 'csv', 'markdown'] as const).filter((name) => flags[name] === true);
  if (asked.length > 1) {
    throw new OutputError(
      `choose one output format, not ${asked.map((name) => `--${name}`).join(' and ')}`,
      'run the command once per format, e.g. with --json --out result.json, then --csv --out result.csv',
    );
  }
  const format: OutputFormat = asked.length === 1 ? asked[0] : 'table';
  const quiet = flags.quiet === true;
  const dashboard = format === 'table' && env.isTTY && !env.ci && !quiet;
  const progress = dashboard ? 'dashboard' : quiet ? 'none' : 'lines';
  const toTerminal = env.isTTY && (flags.out === null || flags.out === undefined);
  const color = format === 'table' && toTerminal && !env.ci && !env.noColor;
  return { format, dashboard, progress, color };
}

/**
 * Reads the output environment from the process (the one impure helper here, kept beside the
 * pure rule so callers cannot read it differently).
 *
 * Example: under `CI=true` with stdout piped → `{ isTTY: false, ci: true, noColor: false }`.
 */
export function readOutputEnvironment(
  env: NodeJS.ProcessEnv = process.env,
  stdout: { isTTY?: boolean } = process.stdout,
): OutputEnvironment {
  const ciValue = env.CI;
  return {
    isTTY: stdout.isTTY === true,
    ci: ciValue !== undefined && ciValue !== '' && ciValue !== 'false' && ciValue !== '0',
    noColor: env.NO_COLOR !== undefined && env.NO_COLOR !== '',
  };
}
