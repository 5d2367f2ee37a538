/**
 * `trialsim sample-size SCENARIO --target P [--outcome ID] [--vary PATH] [--max N]`: the smallest
 * value of a design parameter whose power (or assurance) reaches the target (DESIGN.md §4–§5).
 * Also exports the glue the other planning commands share (interrupts, progress lines, the report
 * run at the answer).
 */
import { performance } from 'node:perf_hooks';
import { Option, type Command } from 'commander';
import { armSizes, type Design } from '../../core/design.js';
import type { RunSummary } from '../../core/diagnosis/run-summary.js';
import { chooseOutput, readOutputEnvironment, type OutputMode } from '../../report/choose-output.js';
import { formatCsv } from '../../report/format-csv.js';
import { formatJson } from '../../report/format-json.js';
import { formatCount, formatPercent } from '../../report/format-numbers.js';
import { formatResult } from '../../report/format-result.js';
import type { PowerCurve, PowerCurvePoint } from '../../report/power-curve.js';
import { renderCurveSvg } from '../../report/svg/render-curve-svg.js';
import { writeOutput } from '../../report/write-output.js';
import { openTrialRunner, type RunOptions, type TrialRunner } from '../../runner/run-trials.js';
import { loadDesign, type LoadedDesign } from '../../scenario/load-design.js';
import { commissionerPlan } from '../../search/commissioner-plan.js';
import {
  describeParameter,
  isSearchable,
  SEARCHABLE_PARAMETERS,
  type DesignParameter,
} from '../../search/design-parameter.js';
import { pilotPlan, type PilotPlan } from '../../search/pilot-plan.js';
import { planSampleSize, type SampleSizePlan } from '../../search/plan-sample-size.js';
import { commissionerLines, pilotLines, sampleSizeLines } from '../../search/plan-text.js';
import type { PlanExtras, PlanningDocument } from '../../search/planning-document.js';
import { sampleSizeDocument } from '../../search/planning-document.js';
import type { RunRange } from '../../search/design-evaluator.js';
import type { SearchPoint } from '../../search/search-crossing.js';
import { interruptOnCtrlC } from '../interrupt-on-ctrl-c.js';
import { UserError } from '../../errors/user-error.js';
import { EXIT_INTERRUPTED } from '../exit-codes.js';
import { addSimulationOptions, scenarioOverrides, type SimulationOptions } from '../shared-options.js';
import { summariseRun } from '../summarise-run.js';
import type { CurveDashboardHandle } from '../../ui/start-curve-dashboard.js';
import type { SetExitCode } from '../exit-codes.js';

/** Options of sample-size (shared simulation options plus its own). */
interface SampleSizeOptions extends SimulationOptions {
  target: number;
  outcome?: string;
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
    .addOption(
      new Option('--vary <path>', `the parameter to size: ${SEARCHABLE_PARAMETERS.join(', ')}`).default(
        'design.size.total',
      ),
    )
    .addOption(
      new Option('--max <n>', 'largest value to try (default: the parameter’s own bound)').argParser(
        positiveNumber('--max'),
      ),
    )
    .option('--svg <file>', 'also draw the simulated curve, with the answer marked, as an SVG file')
    .addHelpText(
      'after',
      '\n--trials sets the trials of the report run at the answer (default: the scenario’s); the search itself spends what --precision needs.\n' +
        'Example: trialsim sample-size milton-keynes --target 0.8 --outcome knife',
    );
  addSimulationOptions(command).action(async (scenario: string, options: SampleSizeOptions) => {
    setExitCode(await sampleSizeCommand(scenario, options, process.argv.slice(2)));
  });
}

/** Adds --target, --outcome and --precision. */
export function addPlanningOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--target <p>', 'power (or assurance) to reach, between 0 and 1')
        .argParser(probability('--target'))
        .default(0.8),
    )
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

async function sampleSizeCommand(
  scenario: string,
  options: SampleSizeOptions,
  argv: readonly string[],
): Promise<number> {
  const session = await startPlanning(scenario, options);
  try {
    return await sampleSizeIn(session, scenario, options, argv);
  } finally {
    await session.close();
  }
}

async function sampleSizeIn(
  session: PlanningSession,
  scenario: string,
  options: SampleSizeOptions,
  argv: readonly string[],
): Promise<number> {
  const { base, sets } = session;
  const parameter = searchableParameter(base.design, options.vary);
  if (options.max !== undefined && options.max <= parameter.min) {
    throw new UserError(`--max must be above ${parameter.min} for ${parameter.path} (got ${options.max})`);
  }
  const designAt = async (value: number) =>
    session.labelDesign(
      (await loadDesign(scenario, [...sets, ...parameter.overrides(value)])).design,
      `${parameter.path} = ${value}`,
    );
  const targetId = options.outcome ?? 'all-primary';
  await session.openDashboard(
    `${base.design.name} — ${parameter.label} for ${Math.round(options.target * 1000) / 10}% power (${targetId})`,
    parameter.path,
    options.target,
  );
  const began = performance.now();
  const plan = await guardOptionErrors(() =>
    planSampleSize(base.design, parameter, designAt, session.searchRange, {
      target: options.target,
      outcome: options.outcome,
      max: options.max,
      precision: options.precision,
      signal: session.signal,
      onPoint: (point, used) => {
        session.progress(`${parameter.path}=${point.value}`, point, used);
        session.addPoints([{ value: point.value, outcome: targetId, power: point.power, powerCI: point.powerCI }]);
      },
    }),
  );
  const searchSeconds = (performance.now() - began) / 1000;
  if (plan.chosenValue === null) throw new UserError('the search was interrupted before it simulated anything');
  // Without an answer there is no design to report on: show the scenario as written (the plateau
  // is in the planning lines), rather than a possibly huge design at the search's bound.
  const found = plan.search.status === 'found';
  const report = await session.reportRun(found ? await designAt(plan.chosenValue) : base.design, 'sample-size');
  const extras = await session.extras(
    report.design,
    report.summary,
    searchSeconds,
    async (treated, control) =>
      (await loadDesign(scenario, [...sets, `design.size={ treated: ${treated}, control: ${control} }`])).design,
  );
  const document = sampleSizeDocument(report.summary, plan, extras);
  const curveOutcome = plan.powerTarget.kind === 'all-primary' ? 'all-primary' : plan.powerTarget.id;
  const curve: PowerCurve = {
    parameter: parameter.path,
    target: options.target,
    points: plan.search.points.map((p) => ({
      value: p.value,
      outcome: curveOutcome,
      power: p.power,
      powerCI: p.powerCI,
    })),
  };
  if (options.svg) {
    const marker =
      plan.search.value === null
        ? undefined
        : { value: plan.search.value, label: `${plan.search.value} ${parameter.label}` };
    const svg = await renderCurveSvg(curve, {
      subtitle: `${base.design.name} · ${plan.search.trialsUsed} simulated trials`,
      parameterLabel: parameter.label,
      marker,
    });
    await writeOutput(svg, options.svg);
  }
  const planLines = sampleSizeLines(plan);
  const text = formatPlanning(
    document,
    session.mode,
    curve,
    [...planLines, ...extrasLines(report.design, extras)],
    argv,
    report.design,
    found,
  );
  const interrupted = session.signal.aborted || !report.summary.complete;
  // The dashboard keeps the curve and the answer on screen; the full report follows below it.
  await session.finishDashboard(
    `${interrupted ? 'Interrupted, the results below are partial — ' : ''}${sampleSizeConclusion(plan, planLines[0])}`,
  );
  await writeOutput(text, options.out ?? null);
  return interrupted ? EXIT_INTERRUPTED : 0;
}

/**
 * The dashboard's one-line answer: the target, what counts as success, and the value found with
 * its Monte Carlo interval; `otherwise` (the report's own first line) when nothing was found.
 *
 * Example: "80% power (reoffend significant) needs about 774 people randomised [744, 807]".
 */
function sampleSizeConclusion(plan: SampleSizePlan, otherwise: string): string {
  const { search, parameter } = plan;
  if (search.status !== 'found' || search.value === null) return otherwise;
  const value = (v: number) => (parameter.integer ? formatCount(v) : String(Number(v.toFixed(2))));
  const interval = search.valueCI ? ` [${value(search.valueCI[0])}, ${value(search.valueCI[1])}]` : '';
  return `${formatPercent(search.target, 0)} ${plan.measure} (${plan.targetDescription}) needs about ${value(search.value)} ${parameter.label}${interval}`;
}

/** What every planning command sets up: the base design, the runner, progress (lines or the live curve), Ctrl-C. */
export interface PlanningSession {
  readonly base: LoadedDesign;
  readonly sets: readonly string[];
  readonly mode: OutputMode;
  readonly signal: AbortSignal;
  readonly threads: number | undefined;
  readonly withNull: boolean;
  /** The runner whose workers stay up for the whole command. */
  readonly runner: TrialRunner;
  /**
   * Runs search trials on the worker pool, without the null run; on the dashboard each run is
   * announced (with the label given to its design by `labelDesign`) and its progress shown.
   */
  readonly searchRange: RunRange;
  /** Writes one progress line to stderr (unless --quiet or the dashboard runs). */
  progress(label: string, point: SearchPoint, trialsUsed: number): void;
  /**
   * Starts the live curve dashboard when the output mode allows one (else does nothing), for
   * `parameter` towards `target` power.
   */
  openDashboard(title: string, parameter: string, target: number | undefined): Promise<void>;
  /** Names `design` for the dashboard's "simulating …" line (e.g. `design.size.total = 300`); returns it. */
  labelDesign(design: Design, label: string): Design;
  /** Adds computed points to the dashboard's curve (nothing without a dashboard). */
  addPoints(points: readonly PowerCurvePoint[]): void;
  /** Leaves the final curve and `conclusion` on the dashboard and waits for it to close (nothing without one). */
  finishDashboard(conclusion: string): Promise<void>;
  /** Closes the dashboard after an error (nothing without one); the CLI prints the error itself. */
  failDashboard(): Promise<void>;
  /** Runs the design at the answer with the scenario's own seed and trials, as `run` would. */
  reportRun(design: Design, command: string): Promise<{ design: Design; summary: RunSummary }>;
  /** The commissioner and pilot sections for the design at the answer. */
  extras(
    design: Design,
    summary: RunSummary,
    searchSeconds: number,
    pilotDesignAt: (treated: number, control: number) => Promise<Design>,
  ): Promise<PlanExtras>;
  /** Stops the workers and the Ctrl-C handler. */
  close(): Promise<void>;
}

/** Loads the scenario and wires Ctrl-C to an abort (a second Ctrl-C exits at once). */
export async function startPlanning(scenario: string, options: SimulationOptions): Promise<PlanningSession> {
  const mode = chooseOutput(options, readOutputEnvironment());
  if (options.shard !== undefined)
    throw new UserError(
      '--shard is for `run`; the planning commands choose their own trials',
      'run the search on one machine, or shard `run` at the chosen size',
    );
  const sets = scenarioOverrides(options);
  const base = await loadDesign(scenario, sets);
  const interrupt = interruptOnCtrlC();
  const threads = options.threads;
  // Lines on stderr would tear the dashboard's frames, so with the dashboard they are not written.
  const lines = mode.progress === 'lines';
  const runner = openTrialRunner({ threads });
  const signal = interrupt.signal;
  let dashboard: CurveDashboardHandle | null = null;
  // Keyed by the design's `plan` section, which the searches' reseeding (a shallow copy) keeps.
  const labels = new WeakMap<object, string>();
  const runOn = async (design: Design, label: string, runOptions: RunOptions) => {
    if (!dashboard) return runner.run(design, runOptions);
    const live = dashboard;
    live.startPoint(label);
    return runner.run(design, { ...runOptions, onProgress: (progress) => live.update(progress) });
  };
  const searchRange: RunRange = async (design, fromTrial, toTrial) => {
    const label = labels.get(design.plan) ?? 'the next point of the search';
    const result = await runOn(design, fromTrial > 0 ? `${label} (trials ${fromTrial + 1}–${toTrial})` : label, {
      withNull: false,
      signal,
      trialRange: [fromTrial, toTrial],
    });
    return { tally: result.tally, complete: result.complete };
  };
  const labelDesign = (design: Design, label: string) => {
    labels.set(design.plan, label);
    return design;
  };
  const failDashboard = async () => {
    if (!dashboard) return;
    const done = dashboard;
    dashboard = null;
    done.fail();
    await done.waitUntilExit();
  };
  return {
    base,
    sets,
    mode,
    signal: interrupt.signal,
    threads,
    withNull: options.null,
    runner,
    searchRange,
    progress(label, point, trialsUsed) {
      if (!lines) return;
      process.stderr.write(
        `search: ${label} → ${(point.power * 100).toFixed(1)}% [${(point.powerCI[0] * 100).toFixed(1)}, ${(point.powerCI[1] * 100).toFixed(1)}] over ${point.trials} trials (${trialsUsed} in all)\n`,
      );
    },
    async openDashboard(title, parameter, target) {
      if (!mode.dashboard || dashboard) return;
      const { startCurveDashboard } = await import('../../ui/start-curve-dashboard.js');
      dashboard = await startCurveDashboard(title, parameter, target, { color: mode.color });
    },
    labelDesign,
    addPoints(points) {
      for (const point of points) dashboard?.addPoint(point);
    },
    async finishDashboard(conclusion) {
      if (!dashboard) return;
      const done = dashboard;
      dashboard = null;
      done.finish(conclusion);
      await done.waitUntilExit();
    },
    failDashboard,
    async reportRun(design, command) {
      const what = `${design.simulation.trials} trials at the answer${options.null ? ' with the paired null run' : ''}`;
      if (lines) process.stderr.write(`report: ${what}\n`);
      const run = await runOn(design, `the report run: ${what}`, { withNull: options.null, signal });
      const summary = summariseRun(design, run.tally, {
        command,
        sha256: base.sha256,
        complete: run.complete,
        seconds: run.seconds,
        threads: run.threads,
      });
      return { design, summary };
    },
    async extras(design, summary, searchSeconds, pilotDesignAt) {
      const estimands = Object.fromEntries(summary.results.map((result) => [result.outcome, result.estimand]));
      const commissioner = commissionerPlan(design, estimands, cohortControlRates(design, summary));
      let pilot: PilotPlan | null = null;
      if (design.pilot && Object.keys(design.pilot.estimates).length > 0 && !interrupt.signal.aborted) {
        const pilotDesign = await pilotDesignAt(design.pilot.treated, design.pilot.control);
        pilot = await pilotPlan(
          design,
          labelDesign(pilotDesign, `the pilot (${design.pilot.treated} treated, ${design.pilot.control} control)`),
          searchRange,
        );
      }
      return { commissioner, pilot, searchSeconds };
    },
    async close() {
      interrupt.dispose();
      // A dashboard still open here means the command stopped early: close it so the process can end.
      await failDashboard();
      await runner.close();
    },
  };
}

/**
 * Count outcomes' control rates per person-year in the simulated cohort (after selection), from
 * the run's `cohort` section, averaged over group shares; empty when the run has none.
 */
function cohortControlRates(design: Design, summary: RunSummary): Record<string, number> {
  const rates: Record<string, number> = {};
  if (!summary.cohort) return rates;
  for (const outcome of design.outcomes) {
    if (outcome.kind !== 'count') continue;
    let total = 0;
    for (const group of design.groups) {
      const entry = summary.cohort.find((g) => g.group === group.id)?.outcomes.find((o) => o.outcome === outcome.id);
      if (entry === undefined) return {};
      total += group.share * entry.controlFollowUp;
    }
    rates[outcome.id] = total;
  }
  return rates;
}

/** The commissioner and pilot lines, when the scenario has them. */
export function extrasLines(design: Design, extras: PlanExtras): string[] {
  const out: string[] = [];
  if (extras.commissioner) out.push('', ...commissionerLines(extras.commissioner, design.costs!.caseload));
  if (extras.pilot) out.push('', ...pilotLines(extras.pilot));
  return out;
}

/**
 * The document in the chosen format: JSON (the run document plus planning fields), CSV (the
 * curve), Markdown (planning lines in a block, then the run report) or the table (planning lines,
 * then the run table).
 */
export function formatPlanning(
  document: PlanningDocument,
  mode: OutputMode,
  curve: PowerCurve,
  lines: readonly string[],
  argv: readonly string[],
  design: Design,
  atAnswer = true,
): string {
  const commandLine = `trialsim ${argv.join(' ')}`.trim();
  switch (mode.format) {
    case 'json':
      return formatJson(document);
    case 'csv':
      return formatCsv(curve);
    case 'markdown':
      return `## Plan\n\n\`\`\`text\n${lines.join('\n')}\n\`\`\`\n\n${formatResult(document, 'markdown', { color: false, commandLine, design })}`;
    case 'table': {
      const sizes = armSizes(design.plan.size);
      const at = atAnswer
        ? `The design at the answer (${formatNumber(sizes.treated)} treated, ${formatNumber(sizes.control)} control), simulated with the scenario's seed — \`trialsim run\` with the same --set gives the same table:`
        : `No answer to report on; the scenario as written (${formatNumber(sizes.treated)} treated, ${formatNumber(sizes.control)} control):`;
      return `${lines.join('\n')}\n\n${at}\n\n${formatResult(document, 'table', { color: mode.color, commandLine, design })}`;
    }
  }
}

/** The parameter to search, or a user error listing the ones sample-size understands. */
export function searchableParameter(design: Design, path: string): DesignParameter {
  if (!isSearchable(path)) {
    throw new UserError(
      `--vary ${path} is not a parameter sample-size can search`,
      `use one of ${SEARCHABLE_PARAMETERS.join(', ')} (\`curve\` takes any numeric path)`,
    );
  }
  return describeParameter(design, path);
}

/** Runs a planner (its option errors are typed user errors already). */
export async function guardOptionErrors<T>(work: () => Promise<T>): Promise<T> {
  return work();
}

function formatNumber(value: number): string {
  return Math.round(value).toLocaleString('en-GB');
}

function probability(flag: string): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (value.trim() === '' || !(number > 0 && number < 1))
      throw new UserError(`${flag} must be between 0 and 1 (got "${value}")`);
    return number;
  };
}

function positiveNumber(flag: string): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (value.trim() === '' || !(number > 0) || !Number.isFinite(number))
      throw new UserError(`${flag} must be a number above 0 (got "${value}")`);
    return number;
  };
}
