/**
 * What every planning command (`sample-size`, `mde`, `curve`) works in: the scenario loaded once,
 * a runner whose workers stay up for the whole command, the abort signal of Ctrl-C, the view that
 * shows the search (opened once the options are known to be valid), and the two runs every plan
 * ends with — the report run at the answer and, when the scenario has them, the commissioner's
 * figures and the pilot's lessons. The command line builds the signal and the view; the session
 * never touches the process or the terminal itself.
 */
import type { Design } from '../core/design.js';
import type { RunSummary } from '../core/diagnosis/run-summary.js';
import { summariseRun } from '../report/summarise-run.js';
import type { PowerCurvePoint } from '../report/power-curve.js';
import { openTrialRunner, type TrialRunnerOptions } from '../runner/run-trials.js';
import { designWith, type LoadedDesign } from '../scenario/load-design.js';
import { commissionerPlanForRun } from './commissioner-plan.js';
import type { RunRange } from './design-evaluator.js';
import { sizeOverride } from './design-parameter.js';
import { pilotPlan, type PilotPlan } from './pilot-plan.js';
import type { PlanExtras } from './planning-document.js';
import { SILENT_VIEW, type OpenPlanningView, type PlanningHeading, type PlanningView } from './planning-view.js';
import { runnerRange } from './runner-range.js';

/** What a session is opened with. */
export interface PlanningSessionOptions {
  /** The scenario as loaded, with the user's `--set`: every design of the session is compiled from it. */
  readonly scenario: LoadedDesign;
  /** Threads, and for tests the engine (see `openTrialRunner`). */
  readonly runner: TrialRunnerOptions;
  /** Whether the report run at the answer includes the paired null run (`--no-null` turns it off). */
  readonly withNull: boolean;
  /** Aborted by Ctrl-C: searches stop, and what was finished is reported, marked incomplete. */
  readonly signal: AbortSignal;
  /** Opens the view the output mode asks for (the dashboard, stderr lines or nothing). */
  readonly openView: OpenPlanningView;
}

/** A planning command's working state; `close` it when done, whatever happened. */
export interface PlanningSession {
  /** The scenario as loaded. */
  readonly base: LoadedDesign;
  readonly signal: AbortSignal;
  readonly withNull: boolean;
  /** Worker threads of the runner. */
  readonly threads: number;
  /**
   * Runs search trials on the runner, without the null run; each run is announced to the view
   * with the label its design was given by `designAt`, and its progress shown there.
   */
  readonly searchRange: RunRange;
  /**
   * The scenario with `overrides` after the user's own (compiled from the loaded document, not
   * the file), named `label` for the view, e.g. `design.size.total = 300`.
   */
  designAt(overrides: readonly string[], label: string): Design;
  /** Opens the view for this search (call once, after checking the options). */
  openView(heading: PlanningHeading): Promise<void>;
  /** A line of news for a reader without the dashboard. */
  note(line: string): void;
  /** Adds computed points to the view's curve. */
  addPoints(points: readonly PowerCurvePoint[]): void;
  /** Runs `design` with the scenario's own seed and trials, as `run` would, and summarises it as `command`. */
  reportRun(design: Design, command: string): Promise<RunSummary>;
  /** The commissioner and pilot sections for the design at the answer. */
  extras(design: Design, summary: RunSummary, searchSeconds: number): Promise<PlanExtras>;
  /** Leaves the final curve and `conclusion` in the view and waits for it to close. */
  finish(conclusion: string): Promise<void>;
  /** Closes the view (as failed, if it was not finished) and stops the workers. */
  close(): Promise<void>;
}

/**
 * Opens a session on the loaded scenario. Workers start with the first run.
 *
 * Example: `const session = openPlanningSession({ scenario: await loadDesign('teaching-two-arm'),
 * runner: { threads: 2 }, withNull: true, signal, openView }); try { … } finally { await session.close(); }`.
 */
export function openPlanningSession(options: PlanningSessionOptions): PlanningSession {
  const { scenario: base, signal, withNull } = options;
  const runner = openTrialRunner(options.runner);
  let view: PlanningView = SILENT_VIEW;
  // Keyed by the design's `plan` section, which the searches' reseeding (a shallow copy) keeps.
  const labels = new WeakMap<object, string>();
  const labelDesign = (design: Design, label: string) => {
    labels.set(design.plan, label);
    return design;
  };
  const searchRange = runnerRange(runner, {
    withNull: false,
    signal,
    onRunStart: (design, fromTrial, toTrial) => {
      const label = labels.get(design.plan) ?? 'the next point of the search';
      return view.simulationStarted(fromTrial > 0 ? `${label} (trials ${fromTrial + 1}–${toTrial})` : label);
    },
  });
  const designAt = (overrides: readonly string[], label: string) =>
    labelDesign(designWith(base, overrides).design, label);
  return {
    base,
    signal,
    withNull,
    threads: runner.threads,
    searchRange,
    designAt,
    async openView(heading) {
      view = await options.openView(heading);
    },
    note: (line) => view.note(line),
    addPoints: (points) => view.addPoints(points),
    async reportRun(design, command) {
      const what = `${design.simulation.trials} trials at the answer${withNull ? ' with the paired null run' : ''}`;
      view.note(`report: ${what}`);
      const onProgress = view.simulationStarted(`the report run: ${what}`);
      const run = await runner.run(design, { withNull, signal, ...(onProgress ? { onProgress } : {}) });
      return summariseRun(design, run.tally, {
        command,
        sha256: base.sha256,
        fileSha256: base.fileSha256,
        complete: run.complete,
        seconds: run.seconds,
        threads: run.threads,
      });
    },
    async extras(design, summary, searchSeconds) {
      const commissioner = commissionerPlanForRun(design, summary);
      let pilot: PilotPlan | null = null;
      if (design.pilot && Object.keys(design.pilot.estimates).length > 0 && !signal.aborted) {
        const { treated, control } = design.pilot;
        const pilotDesign = designAt(
          [sizeOverride(treated, control)],
          `the pilot (${treated} treated, ${control} control)`,
        );
        pilot = await pilotPlan(design, pilotDesign, searchRange);
      }
      return { commissioner, pilot, searchSeconds };
    },
    async finish(conclusion) {
      const finished = view;
      view = SILENT_VIEW;
      await finished.finish(conclusion);
    },
    async close() {
      // A view still open here means the command stopped early: close it so the process can end.
      const open = view;
      view = SILENT_VIEW;
      await open.fail();
      await runner.close();
    },
  };
}
