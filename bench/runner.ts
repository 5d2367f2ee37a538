/**
 * The runner's own benchmark: worker start-up (a bare thread against ours with the engine loaded),
 * REF trials/s on 1 and 2 threads measured side by side (interleaved repetitions, medians), and
 * peak memory at two trial counts (it should not grow with trials). Call `benchRunner()` from
 * `bench/run.ts`, or run this file on its own: `node dist/bench/runner.js [--trials N] [--reps R]`.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { runTrials } from '../src/runner/run-trials.js';
import { loadDesign } from '../src/scenario/load-design.js';

export interface RunnerBench {
  /** Median ms for a bare worker thread (empty script) to answer a message. */
  readonly bareWorkerStartMilliseconds: number;
  /** Median ms for a runner worker to start and load the engine (from `runTrials`). */
  readonly engineWorkerStartMilliseconds: number;
  /** REF trials per second, whole run (worker start included), median over repetitions. */
  readonly oneThreadTrialsPerSecond: number;
  readonly twoThreadsTrialsPerSecond: number;
  readonly speedUp: number;
  /** Peak resident memory (MB) of a 2-thread run at a small and a 10× larger trial count. */
  readonly peakMegabytes: { readonly trials: number; readonly megabytes: number }[];
  readonly trials: number;
  readonly repetitions: number;
}

/** Measures the runner on the bench-ref scenario (REF of ../shared/bench/README.md). */
export async function benchRunner(options: { trials?: number; repetitions?: number } = {}): Promise<RunnerBench> {
  const trials = options.trials ?? 10_000;
  const repetitions = options.repetitions ?? 3;
  const { design } = await loadDesign('bench-ref');
  const bare: number[] = [];
  for (let i = 0; i < 5; i++) bare.push(await startBareWorker());
  const one: number[] = [];
  const two: number[] = [];
  const engineStarts: number[] = [];
  // Interleaved, so both thread counts see the same share of whatever else the machine is doing.
  for (let rep = 0; rep < repetitions; rep++) {
    const single = await runTrials(design, { trials, threads: 1, withNull: false });
    one.push(single.tally.trials / single.seconds);
    const double = await runTrials(design, { trials, threads: 2, withNull: false });
    two.push(double.tally.trials / double.seconds);
    if (double.workerStartMilliseconds !== null) engineStarts.push(double.workerStartMilliseconds);
  }
  const peakMegabytes = [];
  for (const count of [Math.round(trials / 5), 2 * trials]) peakMegabytes.push({ trials: count, megabytes: await peakRss(count) });
  const oneThread = median(one);
  const twoThreads = median(two);
  return {
    bareWorkerStartMilliseconds: median(bare),
    engineWorkerStartMilliseconds: median(engineStarts),
    oneThreadTrialsPerSecond: Math.round(oneThread),
    twoThreadsTrialsPerSecond: Math.round(twoThreads),
    speedUp: twoThreads / oneThread,
    peakMegabytes,
    trials,
    repetitions,
  };

  async function peakRss(count: number): Promise<number> {
    let peak = process.memoryUsage.rss();
    await runTrials(design, { trials: count, threads: 2, withNull: true, onProgress: () => (peak = Math.max(peak, process.memoryUsage.rss())) });
    return Math.round(peak / 2 ** 20);
  }
}

/** Milliseconds from creating an empty worker to its first message. */
async function startBareWorker(): Promise<number> {
  const began = performance.now();
  const worker = new Worker("require('node:worker_threads').parentPort.postMessage(0)", { eval: true });
  await new Promise((resolve) => worker.once('message', resolve));
  const milliseconds = performance.now() - began;
  await worker.terminate();
  return milliseconds;
}

function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The report lines of a runner benchmark. */
export function formatRunnerBench(bench: RunnerBench): string {
  return [
    `runner: worker start ${bench.bareWorkerStartMilliseconds.toFixed(1)} ms bare, ${bench.engineWorkerStartMilliseconds.toFixed(1)} ms with the engine loaded`,
    `runner: REF ${bench.trials} trials, median of ${bench.repetitions}: 1 thread ${bench.oneThreadTrialsPerSecond} trials/s, ` +
      `2 threads ${bench.twoThreadsTrialsPerSecond} trials/s (${bench.speedUp.toFixed(2)}×, goal ≥ 1.8×)`,
    `runner: peak memory ${bench.peakMegabytes.map((p) => `${p.megabytes} MB at ${p.trials} trials`).join(', ')}`,
  ].join('\n');
}

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const bench = await benchRunner({ trials: argument('trials', 10_000), repetitions: argument('reps', 3) });
  process.stdout.write(`${formatRunnerBench(bench)}\n`);
}
