/**
 * `npm run bench`: the REF workload (docs/benchmark.md) measured side by side, in one run,
 * for trialsim and the reference implementations (docs/benchmark.md, "The reference implementations"), reported as ratios (these
 * machines are shared and noisy: only ratios measured together mean anything).
 *
 * Usage: npm run bench [-- --reps 5 --rows all --refs DIR --baseline DIR] [--details [--trials N]]
 * First the speed table (bench/side-by-side.ts): every row of docs/benchmark.md's table as whole
 * processes, trialsim and its yardstick alternated, medians of --reps (default 5), as ratios. With
 * --details, then the in-process sections: the per-person engine (1 and 2 threads) beside NumPy's
 * per-person method; the exact aggregated engine beside NumPy's histogram method
 * (bench/aggregate.ts); the milton-keynes sample-size search (bench/planning.ts).
 */
import { benchAggregate } from './aggregate.js';
import { argument, formatMeasureRow, measureEngine, measureNumpy, type Measure } from './measure.js';
import { benchPlanning, formatPlanningBench } from './planning.js';
import { benchSideBySide, DEFAULT_ROWS, findBaseline, findReferences } from './side-by-side.js';

function printTable(title: string, rows: readonly (Measure | null)[], baseline: Measure | null): void {
  process.stdout.write(`\n${title}\n`);
  for (const row of rows) if (row) process.stdout.write(formatMeasureRow(row, baseline));
}

async function main(): Promise<void> {
  const rowsAt = process.argv.indexOf('--rows');
  benchSideBySide({
    reps: argument('reps', 5),
    rowIds: (rowsAt >= 0 ? process.argv[rowsAt + 1] : DEFAULT_ROWS.join(',')).split(','),
    refs: findReferences(),
    baseline: findBaseline(),
  });
  if (!process.argv.includes('--details')) return;
  const trials = argument('trials', 10_000);
  const reps = argument('reps', 3);
  const skipNumpy = process.argv.includes('--skip-numpy');
  process.stdout.write(
    `trialsim benchmark — REF workload (2 × 1,000 people, NB counts, quasi-Poisson + two-proportion z), ${trials} trials, median of ${reps}\n`,
  );

  const numpyPerson = skipNumpy
    ? null
    : await measureNumpy('NumPy per-person (gp), 1 process', 'gp', Math.min(trials, 4000), reps);
  // Both on workers, same trials: the scaling ratio then compares like with like (a worker's start
  // and warm-up in each), as a command-line run pays them too.
  const onePerson = await measureEngine('trialsim per-person, 1 worker thread', 'person', {
    trials,
    reps,
    threads: 1,
    onWorkers: true,
  });
  const twoPerson = await measureEngine('trialsim per-person, 2 worker threads', 'person', {
    trials,
    reps,
    threads: 2,
  });
  printTable('Per-person engine (ratio to NumPy per-person)', [numpyPerson, onePerson, twoPerson], numpyPerson);
  process.stdout.write(
    `  2 threads / 1 thread: ${(twoPerson.trialsPerSecond / onePerson.trialsPerSecond).toFixed(2)}× (goal ≥ 1.8×); `,
  );
  process.stdout.write(
    `2 threads / NumPy per-person: ${numpyPerson ? (twoPerson.trialsPerSecond / numpyPerson.trialsPerSecond).toFixed(2) : '–'}× (goal ≥ 1.5×)\n`,
  );

  await benchAggregate({ trials: 100 * trials, reps, skipNumpy });

  process.stdout.write('\nPlanning\n');
  process.stdout.write(`  ${formatPlanningBench(await benchPlanning(2))}\n`);
  process.stdout.write(
    '\nMore: node dist/bench/runner.js (worker start-up, memory at 10^3–10^6 trials), node dist/bench/distributions.js (ns per draw).\n',
  );
}

await main();
