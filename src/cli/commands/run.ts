/**
 * `trialsim [run] [SCENARIO]` and its alias `power`: simulate the scenario as written and report
 * power and the honesty diagnostics (docs/command-line.md, "Commands").
 */
import type { Command } from 'commander';
import { readOutputEnvironment, chooseOutput } from '../../report/choose-output.js';
import { formatJson } from '../../report/format-json.js';
import { formatResult } from '../../report/format-result.js';
import { writeOutput } from '../../report/write-output.js';
import { checkOutputPath } from '../../report/check-output-path.js';
import { openTrialRowsFile, trialRowsFormat, type TrialRowsFile } from '../../report/trial-rows-file.js';
import { parseShard } from '../../runner/parse-shard.js';
import { shardFields } from '../../runner/shard-document.js';
import { loadDesign } from '../../scenario/load-design.js';
import { UserError } from '../../errors/user-error.js';
import { EXIT_INTERRUPTED } from '../exit-codes.js';
import { commandLineOf } from '../command-line.js';
import { threadsFor } from '../thread-option.js';
import { modifiedTitle } from '../../report/modified-title.js';
import { plainProgressView, runWithProgress, type ProgressView } from '../run-with-progress.js';
import { addSimulationOptions, scenarioOverrides, type SimulationOptions } from '../simulation-options.js';
import { summariseRun } from '../../report/summarise-run.js';
import { terminalWidth } from '../planning-command.js';
import { runCost } from '../../search/commissioner-plan.js';
import type { SetExitCode } from '../exit-codes.js';

/** The scenario `trialsim run` simulates when given none. */
export const DEFAULT_SCENARIO = 'milton-keynes';

/** Registers `run` (the default command) and `power`. */
export function registerRun(program: Command, setExitCode: SetExitCode): void {
  for (const name of ['run', 'power']) {
    const command = program
      .command(name, { isDefault: name === 'run' })
      .description(
        name === 'run' ? 'simulate the scenario as written (default: the built-in milton-keynes)' : 'same as run',
      )
      .argument('[scenario]', 'a scenario file, or the name of a built-in scenario', DEFAULT_SCENARIO)
      .option(
        '--svg <file>',
        'a group-sequential design (design.interim): also draw where trials stop; a rollout (design.rollout): the effect by step; as an SVG file',
      )
      .option(
        '--trials-out <file>',
        'also write every simulated trial: one row per trial, run and outcome (.csv, or .ndjson/.jsonl)',
      )
      .option(
        '--assurance',
        'draw every uncertain input (a range or distribution in the scenario) per trial: expected power (assurance) instead of power at the central values',
      );
    addSimulationOptions(command, { shard: true, nullRun: true }).action(
      async (scenario: string, options: RunOptions) => {
        setExitCode(await runCommand(name, scenario, options, process.argv.slice(2)));
      },
    );
  }
}

/** `run`'s options: the simulating commands' own, the picture of a sequential design or a rollout, and the trials file. */
type RunOptions = SimulationOptions & { svg?: string; trialsOut?: string };

async function runCommand(
  command: string,
  scenario: string,
  options: RunOptions,
  argv: readonly string[],
): Promise<number> {
  const mode = chooseOutput(options, readOutputEnvironment());
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  if (shard && mode.format !== 'json')
    throw new UserError(
      '--shard writes a shard document for `trialsim merge`; add --json',
      'e.g. trialsim run SCENARIO --shard 1/3 --json --out shard-1.json',
    );
  // Before any trial runs: a long simulation must not be lost to a typo in --out's folder.
  if (options.out) checkOutputPath(options.out);
  if (options.trialsOut !== undefined) {
    trialRowsFormat(options.trialsOut);
    checkOutputPath(options.trialsOut, '--trials-out');
  }
  const threads = threadsFor(options.threads);
  const loaded = await loadDesign(scenario, scenarioOverrides(options));
  const { design } = loaded;
  if (options.svg !== undefined && design.plan.interim === undefined && !design.plan.rollout) {
    throw new UserError(
      `--svg on run draws where the trials of a group-sequential design stop, or a rollout's effect by step; ${design.name} has neither design.interim nor design.rollout`,
      'add design.interim or design.rollout to the scenario (docs/scenario-language.md), or draw a power curve with trialsim curve --svg',
    );
  }
  const dashboard = mode.dashboard
    ? await (
        await import('../../ui/start-dashboard.js')
      ).startDashboard(modifiedTitle(design.title, loaded.document.sets), design.outcomes, {
        color: mode.color,
        alpha: design.analysis.alpha,
      })
    : null;
  const view: ProgressView = dashboard
    ? { update: (p) => dashboard.update(p), close: async () => undefined }
    : plainProgressView(mode);
  const withNull = options.null;
  const trialsFile: TrialRowsFile | null =
    options.trialsOut === undefined ? null : openTrialRowsFile(options.trialsOut, design);
  let run;
  try {
    run = await runWithProgress(
      design,
      { threads, withNull, shard, ...(trialsFile ? { onTrialRows: trialsFile.write } : {}) },
      view,
    );
  } catch (error) {
    trialsFile?.abandon();
    dashboard?.fail();
    await dashboard?.waitUntilExit();
    throw error;
  }
  if (trialsFile) {
    const rows = trialsFile.finish();
    if (!run.complete || mode.progress === 'lines') {
      const [from, to] = run.trialRange;
      const held = run.complete
        ? ''
        : ` (the run was interrupted: ${run.tally.trials.toLocaleString('en-GB')} of ${(to - from).toLocaleString('en-GB')} trials)`;
      process.stderr.write(`wrote ${rows.toLocaleString('en-GB')} rows to ${options.trialsOut}${held}\n`);
    }
  }
  const summary = summariseRun(design, run.tally, {
    command,
    sha256: loaded.sha256,
    fileSha256: loaded.fileSha256,
    complete: run.complete,
    seconds: run.seconds,
    threads: run.threads,
  });
  const cost = runCost(design, summary);
  const text = shard
    ? formatJson({ ...summary, ...shardFields(design, shard, run.trialRange, run.tally, withNull) })
    : formatResult(summary, mode.format, {
        color: mode.color,
        commandLine: commandLineOf(argv),
        design,
        cost,
        width: terminalWidth(),
        modifiedBy: loaded.document.sets,
      });
  if (dashboard) {
    // The dashboard leaves the final table on screen; a file still gets the report (uncoloured: --out turns colour off).
    dashboard.finish(summary, cost);
    await dashboard.waitUntilExit();
    if (options.out) await writeOutput(text, options.out);
  } else {
    await writeOutput(text, options.out ?? null);
  }
  if (options.svg !== undefined && summary.sequential) {
    const { renderStoppingSvg } = await import('../../report/svg/render-stopping-svg.js');
    const subtitle = `${design.name} · ${summary.trials.toLocaleString('en-GB')} trials · seed ${summary.seed}`;
    await writeOutput(await renderStoppingSvg(summary.sequential, subtitle), options.svg);
  } else if (options.svg !== undefined && summary.results.some((r) => r.steps !== undefined)) {
    const { renderStepsSvg } = await import('../../report/svg/render-steps-svg.js');
    const subtitle = `${design.name} · ${summary.trials.toLocaleString('en-GB')} trials · seed ${summary.seed}`;
    await writeOutput(await renderStepsSvg(summary.results, subtitle), options.svg);
  }
  return run.complete ? 0 : EXIT_INTERRUPTED;
}
