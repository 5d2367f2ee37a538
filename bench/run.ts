/**
 * `npm run bench`: the REF workload (../shared/bench/README.md) measured side by side, in one run,
 * for trialsim and the reference implementations in ../shared/bench/, reported as ratios (these
 * machines are shared and noisy: only ratios measured together mean anything).
 *
 * Usage: npm run bench [-- --trials N --reps R --skip-numpy]
 * Sections: the per-person engine (1 and 2 threads) beside NumPy's per-person method; the exact
 * aggregated engine beside NumPy's histogram method (bench/aggregate.ts); the milton-keynes
 * sample-size search (bench/planning.ts).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadDesign } from '../src/scenario/load-design.js';
import { runTrials } from '../src/runner/run-trials.js';
import { benchAggregate } from './aggregate.js';
import { benchPlanning, formatPlanningBench } from './planning.js';

const run = promisify(execFile);
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const sharedBench = resolve(projectRoot, '../shared/bench');

interface Measure {
  readonly label: string;
  readonly trialsPerSecond: number;
  readonly detail: string;
}

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Runs one reference script from its own folder and reads its SUMMARY median. */
async function measureReference(label: string, command: string, args: string[]): Promise<Measure | null> {
  if (!existsSync(sharedBench)) return null;
  try {
    const { stdout } = await run(command, args, { cwd: sharedBench, maxBuffer: 1 << 20 });
    const match = /median=([\d,.]+) trials\/s/.exec(stdout);
    if (!match) return null;
    const power = /power_qp=([\d.]+) power_bin=([\d.]+)/.exec(stdout);
    return { label, trialsPerSecond: Number(match[1].replace(/,/g, '')), detail: power ? `power ${power[1]} / ${power[2]}` : '' };
  } catch (error) {
    process.stderr.write(`bench: ${label} could not run (${(error as Error).message.split('\n')[0]})\n`);
    return null;
  }
}

/** trialsim on the bench-ref scenario, whole process (workers started inside the timing), median of reps. */
async function measureTrialsim(label: string, trials: number, reps: number, threads: number): Promise<Measure> {
  const { design } = await loadDesign('bench-ref', ['simulation.engine=person']);
  const rates: number[] = [];
  let detail = '';
  for (let rep = 0; rep < reps; rep++) {
    const result = await runTrials(design, { trials, threads, withNull: false });
    rates.push(result.tally.trials / result.seconds);
    const [counts, anyOffence] = result.tally.outcomes;
    detail = `power ${(counts.rejections / trials).toFixed(4)} / ${(anyOffence.rejections / trials).toFixed(4)}`;
  }
  return { label, trialsPerSecond: median(rates), detail };
}

function printTable(title: string, rows: readonly (Measure | null)[], baseline: Measure | null): void {
  process.stdout.write(`\n${title}\n`);
  for (const row of rows) {
    if (!row) continue;
    const ratio = baseline ? `${(row.trialsPerSecond / baseline.trialsPerSecond).toFixed(2)}×` : '';
    process.stdout.write(`  ${row.label.padEnd(44)} ${Math.round(row.trialsPerSecond).toLocaleString('en-GB').padStart(10)} trials/s  ${ratio.padStart(8)}  ${row.detail}\n`);
  }
}

async function main(): Promise<void> {
  const trials = argument('trials', 10_000);
  const reps = argument('reps', 3);
  const skipNumpy = process.argv.includes('--skip-numpy');
  process.stdout.write(`trialsim benchmark — REF workload (2 × 1,000 people, NB counts, quasi-Poisson + two-proportion z), ${trials} trials, median of ${reps}\n`);

  const numpyPerson = skipNumpy ? null : await measureReference('NumPy per-person (gp), 1 process', 'python3', ['ref_numpy.py', '--method', 'gp', '--trials', String(Math.min(trials, 4000)), '--reps', String(reps)]);
  const onePerson = await measureTrialsim('trialsim per-person, 1 thread', Math.min(trials, 4000), reps, 1);
  const twoPerson = await measureTrialsim('trialsim per-person, 2 threads', trials, reps, 2);
  printTable('Per-person engine (ratio to NumPy per-person)', [numpyPerson, onePerson, twoPerson], numpyPerson);
  process.stdout.write(`  2 threads / 1 thread: ${(twoPerson.trialsPerSecond / onePerson.trialsPerSecond).toFixed(2)}× (goal ≥ 1.8×); `);
  process.stdout.write(`2 threads / NumPy per-person: ${numpyPerson ? (twoPerson.trialsPerSecond / numpyPerson.trialsPerSecond).toFixed(2) : '–'}× (goal ≥ 1.5×)\n`);

  await benchAggregate({ trials: 100 * trials, reps, skipNumpy });

  process.stdout.write('\nPlanning\n');
  process.stdout.write(`  ${formatPlanningBench(await benchPlanning(2))}\n`);
  process.stdout.write('\nMore: node dist/bench/runner.js (worker start-up, memory at 10^3–10^6 trials), node dist/bench/distributions.js (ns per draw).\n');
}

await main();
