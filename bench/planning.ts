/**
 * The planning benchmark (issue 5): the full `milton-keynes` sample-size search — all primary
 * outcomes together, target 80%, power at the answer known to ±0.01 (Monte Carlo SE) — on a
 * given number of worker threads, timed from the first simulation to the answer (the report run
 * at the answer, which `sample-size` also does, is timed separately). Goal: under 10 s on 2
 * threads. Exported for `npm run bench` (bench/run.ts); also runnable alone:
 * `npm run build && node dist/bench/planning.js [--threads 2]`.
 */
import { performance } from 'node:perf_hooks';
import { openTrialRunner } from '../src/runner/run-trials.js';
import { designWith, loadDesign } from '../src/scenario/load-design.js';
import { describeParameter } from '../src/search/design-parameter.js';
import { planSampleSize } from '../src/search/plan-sample-size.js';
import { runnerRange } from '../src/search/runner-range.js';
import { argument, isEntryPoint } from './measure.js';

/** One planning benchmark: the search's time and answer. */
export interface PlanningBenchResult {
  readonly scenario: string;
  readonly threads: number;
  /** Seconds from the first simulation to the answer. */
  readonly searchSeconds: number;
  /** Seconds of the report run at the answer (the scenario's trials, with the paired null run). */
  readonly reportSeconds: number;
  readonly trialsUsed: number;
  readonly value: number | null;
  readonly valueCI: readonly [number, number] | null;
  readonly powerMcse: number | null;
  readonly status: string;
}

/** Runs the benchmark once. */
export async function benchPlanning(threads = 2, scenario = 'milton-keynes'): Promise<PlanningBenchResult> {
  const loaded = await loadDesign(scenario);
  const { design } = loaded;
  const parameter = describeParameter(design, 'design.size.total');
  const runner = openTrialRunner({ threads });
  try {
    const designAt = async (value: number) => designWith(loaded, parameter.overrides(value)).design;
    const began = performance.now();
    const plan = await planSampleSize(design, parameter, designAt, runnerRange(runner, { withNull: false }), {
      target: 0.8,
      precision: 0.01,
    });
    const searchSeconds = (performance.now() - began) / 1000;
    const reportBegan = performance.now();
    if (plan.chosenValue !== null) await runner.run(await designAt(plan.chosenValue), { withNull: true });
    const reportSeconds = (performance.now() - reportBegan) / 1000;
    return {
      scenario,
      threads,
      searchSeconds,
      reportSeconds,
      trialsUsed: plan.search.trialsUsed,
      value: plan.search.value,
      valueCI: plan.search.valueCI,
      powerMcse: plan.search.powerMcse,
      status: plan.search.status,
    };
  } finally {
    await runner.close();
  }
}

/** One line for the bench report. */
export function formatPlanningBench(result: PlanningBenchResult): string {
  const goal = result.searchSeconds < 10 ? 'within' : 'OVER';
  return (
    `planning: ${result.scenario} sample-size search on ${result.threads} threads: ${result.searchSeconds.toFixed(1)} s ` +
    `(${goal} the 10 s goal), ${result.trialsUsed} trials → ${result.value ?? result.status} ` +
    `[${result.valueCI?.join(', ') ?? '—'}], power MC SE ${result.powerMcse?.toFixed(4) ?? '—'}; report run at the answer ${result.reportSeconds.toFixed(1)} s`
  );
}

if (isEntryPoint(import.meta.url)) {
  benchPlanning(argument('threads', 2)).then(
    (result) => console.log(formatPlanningBench(result)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
