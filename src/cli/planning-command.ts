/**
 * What the planning commands (`sample-size`, `mde`, `curve`) do around their answer: load the
 * scenario once, wire Ctrl-C to an abort, open the planning session with the view the output
 * mode asks for, and afterwards print — the figure, the dashboard's closing line, then the report.
 */
import type { PowerCurve } from '../report/power-curve.js';
import { chooseOutput, readOutputEnvironment, type OutputMode } from '../report/choose-output.js';
import { formatPlanning } from '../report/format-planning.js';
import { renderCurveSvg, type CurvePlotLabels } from '../report/svg/render-curve-svg.js';
import { writeOutput } from '../report/write-output.js';
import { checkOutputPath } from '../report/check-output-path.js';
import { loadDesign } from '../scenario/load-design.js';
import type { PlanningAnswer } from '../search/planning-answer.js';
import { openPlanningSession, type PlanningSession } from '../search/planning-session.js';
import { UserError } from '../errors/user-error.js';
import { EXIT_INTERRUPTED, EXIT_OK, type SetExitCode } from './exit-codes.js';
import { interruptOnCtrlC } from './interrupt-on-ctrl-c.js';
import { planningViewFor } from './planning-view-for.js';
import { commandLineOf } from './command-line.js';
import { threadsFor } from './thread-option.js';
import { scenarioOverrides, type SimulationOptions } from './simulation-options.js';

/** Where a planning command writes: the report (--out, else stdout) and the figure (--svg). */
export interface PlanningOutputs {
  readonly out?: string;
  readonly svg?: string;
}

/**
 * Runs `work` in a planning session on `scenario` (loaded once, with the user's --set, --trials,
 * --seed and --engine), and closes the session and the Ctrl-C handler whatever happens.
 */
export async function withPlanningSession<Result>(
  scenario: string,
  options: SimulationOptions & PlanningOutputs,
  work: (session: PlanningSession, mode: OutputMode) => Promise<Result>,
): Promise<Result> {
  const mode = chooseOutput(options, readOutputEnvironment());
  if (options.shard !== undefined)
    throw new UserError(
      '--shard is for `run`; the planning commands choose their own trials',
      'run the search on one machine, or shard `run` at the chosen size',
    );
  // Before any trial runs: a long search must not be lost to a typo in a folder name.
  if (options.out) checkOutputPath(options.out);
  if (options.svg) checkOutputPath(options.svg, '--svg');
  const threads = threadsFor(options.threads);
  const loaded = await loadDesign(scenario, scenarioOverrides(options));
  const interrupt = interruptOnCtrlC();
  const session = openPlanningSession({
    scenario: loaded,
    runner: { threads },
    withNull: options.null,
    signal: interrupt.signal,
    openView: planningViewFor(mode),
  });
  try {
    return await work(session, mode);
  } finally {
    interrupt.dispose();
    await session.close();
  }
}

/**
 * The commander action of a planning command: `work` gets the session, the output mode, the
 * parsed options and the arguments as typed, and resolves to the exit code.
 *
 * Example: `command.action(planningAction(setExitCode, async (session, mode, options, argv) =>
 * printPlanningAnswer(session, await answerMinimumDetectableEffect(session, options), mode, options, argv)))`.
 */
export function planningAction<Options extends SimulationOptions & PlanningOutputs>(
  setExitCode: SetExitCode,
  work: (session: PlanningSession, mode: OutputMode, options: Options, argv: readonly string[]) => Promise<number>,
): (scenario: string, options: Options) => Promise<void> {
  return async (scenario, options) => {
    const argv = process.argv.slice(2);
    setExitCode(await withPlanningSession(scenario, options, (session, mode) => work(session, mode, options, argv)));
  };
}

/** Prints a `sample-size` or `mde` answer in the output mode; resolves to the exit code. */
export async function printPlanningAnswer(
  session: PlanningSession,
  answer: PlanningAnswer,
  mode: OutputMode,
  outputs: PlanningOutputs,
  argv: readonly string[],
): Promise<number> {
  const text = formatPlanning(answer, mode.format, {
    color: mode.color,
    commandLine: commandLineOf(argv),
    width: terminalWidth(),
    modifiedBy: session.base.document.sets,
  });
  const closing = closingLine(answer.conclusion, answer.complete, mode, outputs);
  await deliverPlanning(session, outputs, answer.curve, answer.figure, closing, text);
  return answer.complete ? EXIT_OK : EXIT_INTERRUPTED;
}

/**
 * The line the dashboard is left with. After Ctrl-C the report printed right below it states the
 * partial answer itself, so the dashboard says only that it was interrupted: the conclusion is
 * printed once. A complete answer, or a report going to --out, keeps the conclusion on screen.
 *
 * Example: interrupted, on the dashboard, no --out → "Interrupted: the partial results are below.".
 */
export function closingLine(conclusion: string, complete: boolean, mode: OutputMode, outputs: PlanningOutputs): string {
  return !complete && mode.dashboard && !outputs.out ? INTERRUPTED_CLOSING : conclusion;
}

/** The dashboard's closing line after Ctrl-C when the partial report follows below it. */
export const INTERRUPTED_CLOSING = 'Interrupted: the partial results are below.';

/**
 * The order every planning command ends in: the figure if asked (--svg), the closing line left on
 * the dashboard (which keeps the curve on screen), then the report below it or in --out.
 */
export async function deliverPlanning(
  session: PlanningSession,
  outputs: PlanningOutputs,
  curve: PowerCurve,
  figure: CurvePlotLabels,
  conclusion: string,
  text: string,
): Promise<void> {
  if (outputs.svg) await writeOutput(await renderCurveSvg(curve, figure), outputs.svg);
  await session.finish(conclusion);
  await writeOutput(text, outputs.out ?? null);
}

/** The terminal's width for the report, between 60 and 100 columns; 100 when not a terminal. */
export function terminalWidth(): number {
  const columns = process.stdout.isTTY ? process.stdout.columns : undefined;
  return columns && columns > 0 ? Math.max(60, Math.min(100, columns)) : 100;
}
