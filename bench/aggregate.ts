/**
 * The exact aggregated engine on the REF workload (../shared/bench/README.md), measured side by
 * side in one run with the NumPy references: the histogram method (`--method hist`, single
 * process, the fast reference for an aggregated engine) and the per-person method (`--method gp`).
 * These machines are shared and noisy: only ratios measured together mean anything.
 *
 * `benchAggregate()` is called by `bench/run.ts`; `node dist/bench/aggregate.js [--trials N --reps R
 * --skip-numpy]` runs it alone. Goals (issue 7): 2 threads ≥ 300k trials/s, ≥ 50× NumPy
 * per-person, ≥ 2× NumPy hist.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { runTrials } from '../src/runner/run-trials.js';
import { loadDesign } from '../src/scenario/load-design.js';

const run = promisify(execFile);
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), process.argv[1]?.includes('/dist/') ? '../..' : '..');
const sharedBench = resolve(projectRoot, '../shared/bench');

/** One measured row: median trials per second over the repetitions. */
export interface AggregateMeasure {
  readonly label: string;
  readonly trialsPerSecond: number;
  readonly detail: string;
}

/** What `benchAggregate` measured, with the goal ratios (null where a reference could not run). */
export interface AggregateBench {
  readonly numpyHist: AggregateMeasure | null;
  readonly numpyPerson: AggregateMeasure | null;
  readonly oneThread: AggregateMeasure;
  readonly twoThreads: AggregateMeasure;
  readonly twoThreadsOverNumpyHist: number | null;
  readonly twoThreadsOverNumpyPerson: number | null;
}

export interface AggregateBenchOptions {
  /** Trials per trialsim repetition (default 1,000,000: worker start-up is then a small part); NumPy hist runs at most 200,000. */
  readonly trials?: number;
  /** Repetitions; the median is reported (default 3). */
  readonly reps?: number;
  /** Skip the Python references (e.g. where NumPy is missing). */
  readonly skipNumpy?: boolean;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function measureNumpy(label: string, method: string, trials: number, reps: number): Promise<AggregateMeasure | null> {
  if (!existsSync(sharedBench)) return null;
  try {
    const args = ['ref_numpy.py', '--method', method, '--trials', String(trials), '--reps', String(reps)];
    const { stdout } = await run('python3', args, { cwd: sharedBench, maxBuffer: 1 << 20 });
    const match = /median=([\d,.]+) trials\/s/.exec(stdout);
    if (!match) return null;
    const power = /power_qp=([\d.]+) power_bin=([\d.]+)/.exec(stdout);
    return { label, trialsPerSecond: Number(match[1].replace(/,/g, '')), detail: power ? `power ${power[1]} / ${power[2]}` : '' };
  } catch (error) {
    process.stderr.write(`bench: ${label} could not run (${(error as Error).message.split('\n')[0]})\n`);
    return null;
  }
}

/** REF on the aggregate engine through the real runner, whole process (workers started inside the timing). */
async function measureAggregate(label: string, trials: number, reps: number, threads: number): Promise<AggregateMeasure> {
  const { design } = await loadDesign('bench-ref', ['simulation.engine=aggregate']);
  const rates: number[] = [];
  let detail = '';
  const cpuRates: number[] = [];
  for (let rep = 0; rep < reps; rep++) {
    // CPU time of every thread of this process: what the run would take without other load.
    const cpuBefore = process.cpuUsage();
    const result = await runTrials(design, { trials, threads, withNull: false });
    const cpu = process.cpuUsage(cpuBefore);
    rates.push(result.tally.trials / result.seconds);
    cpuRates.push(result.tally.trials / ((cpu.user + cpu.system) / 1e6));
    const [counts, anyOffence] = result.tally.outcomes;
    detail = `power ${(counts.rejections / trials).toFixed(4)} / ${(anyOffence.rejections / trials).toFixed(4)}`;
  }
  detail += `; ${Math.round(median(cpuRates)).toLocaleString('en-GB')} trials per CPU-second`;
  return { label, trialsPerSecond: median(rates), detail };
}

function printRow(row: AggregateMeasure | null, baseline: AggregateMeasure | null): void {
  if (!row) return;
  const ratio = baseline ? `${(row.trialsPerSecond / baseline.trialsPerSecond).toFixed(2)}×` : '';
  process.stdout.write(`  ${row.label.padEnd(44)} ${Math.round(row.trialsPerSecond).toLocaleString('en-GB').padStart(10)} trials/s  ${ratio.padStart(8)}  ${row.detail}\n`);
}

/**
 * Measures REF on the aggregate engine (1 and 2 threads) beside NumPy hist and NumPy per-person,
 * prints a table with ratios to NumPy hist and the goal ratios, and returns the measures.
 */
export async function benchAggregate(options: AggregateBenchOptions = {}): Promise<AggregateBench> {
  const trials = options.trials ?? 1_000_000;
  const numpyTrials = Math.min(trials, 200_000);
  const reps = options.reps ?? 3;
  const numpyHist = options.skipNumpy ? null : await measureNumpy('NumPy histogram (hist), 1 process', 'hist', numpyTrials, reps);
  const numpyPerson = options.skipNumpy ? null : await measureNumpy('NumPy per-person (gp), 1 process', 'gp', Math.min(trials, 8000), reps);
  const oneThread = await measureAggregate('trialsim aggregate, 1 thread', trials, reps, 1);
  const twoThreads = await measureAggregate('trialsim aggregate, 2 threads', trials, reps, 2);
  process.stdout.write(`\nAggregate engine — REF, ${trials.toLocaleString('en-GB')} trials, median of ${reps} (ratio to NumPy hist)\n`);
  for (const row of [numpyHist, numpyPerson, oneThread, twoThreads]) printRow(row, numpyHist);
  const overHist = numpyHist ? twoThreads.trialsPerSecond / numpyHist.trialsPerSecond : null;
  const overPerson = numpyPerson ? twoThreads.trialsPerSecond / numpyPerson.trialsPerSecond : null;
  process.stdout.write(
    `  2 threads: ${Math.round(twoThreads.trialsPerSecond).toLocaleString('en-GB')} trials/s (goal ≥ 300,000); ` +
      `${overPerson === null ? '–' : overPerson.toFixed(1)}× NumPy per-person (goal ≥ 50×); ` +
      `${overHist === null ? '–' : overHist.toFixed(2)}× NumPy hist (goal ≥ 2×); ` +
      `2 threads / 1 thread ${(twoThreads.trialsPerSecond / oneThread.trialsPerSecond).toFixed(2)}×\n`,
  );
  return { numpyHist, numpyPerson, oneThread, twoThreads, twoThreadsOverNumpyHist: overHist, twoThreadsOverNumpyPerson: overPerson };
}

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchAggregate({ trials: argument('trials', 1_000_000), reps: argument('reps', 3), skipNumpy: process.argv.includes('--skip-numpy') });
}
