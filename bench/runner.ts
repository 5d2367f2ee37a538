/**
 * The runner's own benchmark: worker start-up (a bare thread against ours with the engine loaded),
 * REF trials/s on 1 and 2 threads measured side by side (interleaved repetitions, medians) for the
 * per-person engine and the aggregated one, and peak memory at two trial counts (it should not
 * grow with trials). Call `benchRunner()` from `bench/run.ts`, or run this file on its own:
 * `node dist/bench/runner.js [--trials N] [--reps R]` (N is the per-person trial count; the
 * aggregated engine, ~100× faster, runs 20 N so that its runs also last well beyond a worker start).
 */
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { Design } from '../src/core/design.js';
import { runTrials } from '../src/runner/run-trials.js';
import { loadDesign } from '../src/scenario/load-design.js';
import { argument, isEntryPoint, median } from './measure.js';

/** 1- and 2-thread throughput of one engine, whole run on fresh workers (start-up included), medians. */
export interface ThreadScaling {
  readonly engine: 'person' | 'aggregate';
  readonly trials: number;
  readonly oneThreadTrialsPerSecond: number;
  readonly twoThreadsTrialsPerSecond: number;
  /** twoThreads / oneThread; the goal is ≥ 1.8 on two cores. */
  readonly speedUp: number;
  /**
   * Process CPU seconds per run (all threads), medians. On a busy shared machine wall-clock ratios
   * say little; 2 × one / two is what two otherwise idle cores would give if the work parallelises.
   */
  readonly oneThreadCpuSeconds: number;
  readonly twoThreadsCpuSeconds: number;
}

/** What `benchRunner` measured. */
export interface RunnerBench {
  /** Median ms for a bare worker thread (empty script) to answer a message. */
  readonly bareWorkerStartMilliseconds: number;
  /** Median ms for a runner worker to start and load the engine (from `runTrials`). */
  readonly engineWorkerStartMilliseconds: number;
  readonly scaling: readonly ThreadScaling[];
  /** Peak resident memory (MB) of a 2-thread per-person run at a small and a 10× larger trial count. */
  readonly peakMegabytes: readonly { readonly trials: number; readonly megabytes: number }[];
  readonly repetitions: number;
}

/** Measures the runner on the bench-ref scenario (REF of docs/benchmark.md). */
export async function benchRunner(options: { trials?: number; repetitions?: number } = {}): Promise<RunnerBench> {
  const trials = options.trials ?? 10_000;
  const repetitions = options.repetitions ?? 3;
  const person = (await loadDesign('bench-ref', ['simulation.engine=person'])).design;
  const aggregate = (await loadDesign('bench-ref', ['simulation.engine=aggregate'])).design;
  const bare: number[] = [];
  for (let i = 0; i < 5; i++) bare.push(await startBareWorker());
  const engineStarts: number[] = [];
  const scaling = [
    await measureScaling(person, 'person', trials),
    await measureScaling(aggregate, 'aggregate', 20 * trials),
  ];
  const peakMegabytes = [];
  for (const count of [Math.round(trials / 5), 2 * trials])
    peakMegabytes.push({ trials: count, megabytes: await peakRss(count) });
  return {
    bareWorkerStartMilliseconds: median(bare),
    engineWorkerStartMilliseconds: median(engineStarts),
    scaling,
    peakMegabytes,
    repetitions,
  };

  async function measureScaling(
    design: Design,
    engine: ThreadScaling['engine'],
    count: number,
  ): Promise<ThreadScaling> {
    const one: number[] = [];
    const two: number[] = [];
    const oneCpu: number[] = [];
    const twoCpu: number[] = [];
    // Interleaved, so both thread counts see the same share of whatever else the machine is doing.
    for (let rep = 0; rep < repetitions; rep++) {
      let cpuBefore = process.cpuUsage();
      // One fresh worker, not this thread: this thread's code is already warm from the earlier runs,
      // while a command-line run (and every worker) starts cold and pays the same start-up and warm-up.
      const single = await runTrials(design, { trials: count, threads: 1, inProcess: false, withNull: false });
      oneCpu.push(cpuSecondsSince(cpuBefore));
      one.push(single.tally.trials / single.seconds);
      cpuBefore = process.cpuUsage();
      const double = await runTrials(design, { trials: count, threads: 2, withNull: false });
      twoCpu.push(cpuSecondsSince(cpuBefore));
      two.push(double.tally.trials / double.seconds);
      if (double.workerStartMilliseconds !== null) engineStarts.push(double.workerStartMilliseconds);
    }
    const oneThread = median(one);
    const twoThreads = median(two);
    return {
      engine,
      trials: count,
      oneThreadTrialsPerSecond: Math.round(oneThread),
      twoThreadsTrialsPerSecond: Math.round(twoThreads),
      speedUp: twoThreads / oneThread,
      oneThreadCpuSeconds: median(oneCpu),
      twoThreadsCpuSeconds: median(twoCpu),
    };
  }

  async function peakRss(count: number): Promise<number> {
    let peak = process.memoryUsage.rss();
    await runTrials(person, {
      trials: count,
      threads: 2,
      withNull: true,
      onProgress: () => (peak = Math.max(peak, process.memoryUsage.rss())),
    });
    return Math.round(peak / 2 ** 20);
  }
}

function cpuSecondsSince(before: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
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

/** The report lines of a runner benchmark. */
export function formatRunnerBench(bench: RunnerBench): string {
  return [
    `runner: worker start ${bench.bareWorkerStartMilliseconds.toFixed(1)} ms bare, ${bench.engineWorkerStartMilliseconds.toFixed(1)} ms with the engine loaded (medians)`,
    ...bench.scaling.map(
      (s) =>
        `runner: REF ${s.engine} engine, ${s.trials} trials, median of ${bench.repetitions}: 1 thread ${s.oneThreadTrialsPerSecond} trials/s, ` +
        `2 threads ${s.twoThreadsTrialsPerSecond} trials/s (${s.speedUp.toFixed(2)}×, goal ≥ 1.8×); CPU ${s.oneThreadCpuSeconds.toFixed(2)} s vs ` +
        `${s.twoThreadsCpuSeconds.toFixed(2)} s, i.e. ≈ ${((2 * s.oneThreadCpuSeconds) / s.twoThreadsCpuSeconds).toFixed(2)}× on two idle cores`,
    ),
    `runner: peak memory ${bench.peakMegabytes.map((p) => `${p.megabytes} MB at ${p.trials} trials`).join(', ')}`,
  ].join('\n');
}

if (isEntryPoint(import.meta.url)) {
  const bench = await benchRunner({ trials: argument('trials', 10_000), repetitions: argument('reps', 3) });
  process.stdout.write(`${formatRunnerBench(bench)}\n`);
}
