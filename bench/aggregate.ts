/**
 * The exact aggregated engine on the REF workload (docs/benchmark.md), measured side by
 * side in one run with the NumPy references: the histogram method (`--method hist`, single
 * process, the fast reference for an aggregated engine) and the per-person method (`--method gp`).
 * These machines are shared and noisy: only ratios measured together mean anything.
 *
 * `benchAggregate()` is called by `bench/run.ts`; `node dist/bench/aggregate.js [--trials N --reps R
 * --skip-numpy]` runs it alone. Goals (docs/benchmark.md, "Performance goals"): 2 threads ≥ 300k trials/s, ≥ 50× NumPy
 * per-person, ≥ 2× NumPy hist.
 */
import { argument, formatMeasureRow, isEntryPoint, measureEngine, measureNumpy, type Measure } from './measure.js';

/** What `benchAggregate` measured, with the goal ratios (null where a reference could not run). */
export interface AggregateBench {
  readonly numpyHist: Measure | null;
  readonly numpyPerson: Measure | null;
  readonly oneThread: Measure;
  readonly twoThreads: Measure;
  readonly twoThreadsOverNumpyHist: number | null;
  readonly twoThreadsOverNumpyPerson: number | null;
}

/** How much `benchAggregate` runs. */
export interface AggregateBenchOptions {
  /** Trials per trialsim repetition (default 1,000,000: worker start-up is then a small part); NumPy hist runs at most 200,000. */
  readonly trials?: number;
  /** Repetitions; the median is reported (default 3). */
  readonly reps?: number;
  /** Skip the Python references (e.g. where NumPy is missing). */
  readonly skipNumpy?: boolean;
}

/**
 * Measures REF on the aggregate engine (1 and 2 threads) beside NumPy hist and NumPy per-person,
 * prints a table with ratios to NumPy hist and the goal ratios, and returns the measures.
 */
export async function benchAggregate(options: AggregateBenchOptions = {}): Promise<AggregateBench> {
  const trials = options.trials ?? 1_000_000;
  const numpyTrials = Math.min(trials, 200_000);
  const reps = options.reps ?? 3;
  const numpyHist = options.skipNumpy
    ? null
    : await measureNumpy('NumPy histogram (hist), 1 process', 'hist', numpyTrials, reps);
  const numpyPerson = options.skipNumpy
    ? null
    : await measureNumpy('NumPy per-person (gp), 1 process', 'gp', Math.min(trials, 8000), reps);
  const oneThread = await measureEngine('trialsim aggregate, 1 thread', 'aggregate', {
    trials,
    reps,
    threads: 1,
    cpu: true,
  });
  const twoThreads = await measureEngine('trialsim aggregate, 2 threads', 'aggregate', {
    trials,
    reps,
    threads: 2,
    cpu: true,
  });
  process.stdout.write(
    `\nAggregate engine — REF, ${trials.toLocaleString('en-GB')} trials, median of ${reps} (ratio to NumPy hist)\n`,
  );
  for (const row of [numpyHist, numpyPerson, oneThread, twoThreads])
    if (row) process.stdout.write(formatMeasureRow(row, numpyHist));
  const overHist = numpyHist ? twoThreads.trialsPerSecond / numpyHist.trialsPerSecond : null;
  const overPerson = numpyPerson ? twoThreads.trialsPerSecond / numpyPerson.trialsPerSecond : null;
  process.stdout.write(
    `  2 threads: ${Math.round(twoThreads.trialsPerSecond).toLocaleString('en-GB')} trials/s (goal ≥ 300,000); ` +
      `${overPerson === null ? '–' : overPerson.toFixed(1)}× NumPy per-person (goal ≥ 50×); ` +
      `${overHist === null ? '–' : overHist.toFixed(2)}× NumPy hist (goal ≥ 2×); ` +
      `2 threads / 1 thread ${(twoThreads.trialsPerSecond / oneThread.trialsPerSecond).toFixed(2)}×\n`,
  );
  return {
    numpyHist,
    numpyPerson,
    oneThread,
    twoThreads,
    twoThreadsOverNumpyHist: overHist,
    twoThreadsOverNumpyPerson: overPerson,
  };
}

if (isEntryPoint(import.meta.url)) {
  await benchAggregate({
    trials: argument('trials', 1_000_000),
    reps: argument('reps', 3),
    skipNumpy: process.argv.includes('--skip-numpy'),
  });
}
