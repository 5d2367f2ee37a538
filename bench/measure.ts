/**
 * What the benchmarks share: reading `--name N` arguments, medians of repetitions, the NumPy
 * reference runs (docs/benchmark.md, "The reference implementations"), trialsim runs of the REF workload through the real runner,
 * and one table row format. Benchmarks run from dist/ (`npm run bench` builds first).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { runTrials } from '../src/runner/run-trials.js';
import { loadDesign } from '../src/scenario/load-design.js';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
// Compiled, this file is dist/bench/measure.js; the project root is two folders up (one from source).
const projectRoot = resolve(here, here.includes('/dist/') ? '../..' : '..');
// The reference implementations' folder: TRIALSIM_BENCH_REFS, else ../shared/bench beside the project.
const sharedBench = resolve(process.env.TRIALSIM_BENCH_REFS ?? resolve(projectRoot, '../shared/bench'));

/** One measured row: median trials per second over the repetitions, and what else to show. */
export interface Measure {
  readonly label: string;
  readonly trialsPerSecond: number;
  readonly detail: string;
}

/** The number after `--name` on the command line, or `fallback` when the flag is absent. */
export function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

/** Whether the module at `moduleUrl` (its `import.meta.url`) is the script node was started with. */
export function isEntryPoint(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && moduleUrl === pathToFileURL(process.argv[1]).href;
}

/** The median (mean of the two middle values for an even count; NaN for none), e.g. median([3, 1, 2, 10]) = 2.5. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Runs `python3 ref_numpy.py --method METHOD` from the reference folder (docs/benchmark.md) and reads its SUMMARY median;
 * null (with a note on stderr) where the reference is missing or fails.
 */
export async function measureNumpy(
  label: string,
  method: string,
  trials: number,
  reps: number,
): Promise<Measure | null> {
  if (!existsSync(sharedBench)) return null;
  try {
    const args = ['ref_numpy.py', '--method', method, '--trials', String(trials), '--reps', String(reps)];
    const { stdout } = await run('python3', args, { cwd: sharedBench, maxBuffer: 1 << 20 });
    const match = /median=([\d,.]+) trials\/s/.exec(stdout);
    if (!match) return null;
    const power = /power_qp=([\d.]+) power_bin=([\d.]+)/.exec(stdout);
    return {
      label,
      trialsPerSecond: Number(match[1].replace(/,/g, '')),
      detail: power ? `power ${power[1]} / ${power[2]}` : '',
    };
  } catch (error) {
    process.stderr.write(`bench: ${label} could not run (${(error as Error).message.split('\n')[0]})\n`);
    return null;
  }
}

/**
 * REF (the bench-ref scenario) on one engine through the real runner, whole process (workers
 * started inside the timing), median trials/s of `reps` runs; the detail gives both outcomes'
 * power and, with `cpu`, the median trials per CPU-second of all threads (what the run would
 * reach without other load on the machine).
 */
export async function measureEngine(
  label: string,
  engine: 'person' | 'aggregate',
  options: { trials: number; reps: number; threads: number; cpu?: boolean; onWorkers?: boolean },
): Promise<Measure> {
  const { trials, reps, threads } = options;
  const { design } = await loadDesign('bench-ref', [`simulation.engine=${engine}`]);
  const rates: number[] = [];
  const cpuRates: number[] = [];
  let detail = '';
  for (let rep = 0; rep < reps; rep++) {
    const cpuBefore = process.cpuUsage();
    const result = await runTrials(design, {
      trials,
      threads,
      withNull: false,
      ...(options.onWorkers ? { inProcess: false } : {}),
    });
    const cpu = process.cpuUsage(cpuBefore);
    rates.push(result.tally.trials / result.seconds);
    cpuRates.push(result.tally.trials / ((cpu.user + cpu.system) / 1e6));
    const [counts, anyOffence] = result.tally.outcomes;
    detail = `power ${(counts.rejections / trials).toFixed(4)} / ${(anyOffence.rejections / trials).toFixed(4)}`;
  }
  if (options.cpu) detail += `; ${Math.round(median(cpuRates)).toLocaleString('en-GB')} trials per CPU-second`;
  return { label, trialsPerSecond: median(rates), detail };
}

/** One table line: label, trials/s, the ratio to `baseline` (blank without one) and the detail. */
export function formatMeasureRow(row: Measure, baseline: Measure | null): string {
  const ratio = baseline ? `${(row.trialsPerSecond / baseline.trialsPerSecond).toFixed(2)}×` : '';
  return `  ${row.label.padEnd(44)} ${Math.round(row.trialsPerSecond).toLocaleString('en-GB').padStart(10)} trials/s  ${ratio.padStart(8)}  ${row.detail}\n`;
}
