/**
 * The speed table of docs/benchmark.md ("The speed table"), measured side by side: each row runs
 * a trialsim command (A) and its yardstick (B) as whole processes, alternated A B A B …, and
 * reports the medians of A's and B's times and the median of the paired ratios B/A (how many
 * times faster A is; a pair is run back to back, so the ratio survives a machine whose speed
 * drifts). Times are wall seconds and, where GNU time is at /usr/bin/time, CPU seconds (user +
 * system of the whole process tree the command waited for): on a shared machine the CPU ratio is
 * the steadier one.
 *
 * Yardsticks: the NumPy reference implementations (docs/benchmark.md, "The reference
 * implementations"), run from their own folder — `--refs DIR` or TRIALSIM_BENCH_REFS, else
 * `../shared/bench` beside the project; `node -e 0` for start-up; and for rows whose yardstick is
 * trialsim itself (`npm start`, the planning searches), another build given by `--baseline DIR` (a
 * checkout of an earlier commit with `npm run build` done), else the row shows A against its goal
 * in seconds.
 *
 * Usage: node dist/bench/side-by-side.js [--reps 5] [--rows aggregate,person,start,version,validate]
 *        [--rows all] (adds the planning searches: minutes each) [--refs DIR] [--baseline DIR]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isEntryPoint, median } from './measure.js';

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(here, here.includes('/dist/') ? '../..' : '..');
const GNU_TIME = '/usr/bin/time';

/** One command: what to run and in which folder. */
interface Command {
  readonly label: string;
  readonly argv: readonly string[];
  readonly cwd: string;
}

/** One row of the table: trialsim (A), its yardstick (B) or a goal in seconds, and the goal in words. */
interface Row {
  readonly id: string;
  readonly title: string;
  readonly trialsim: Command;
  readonly yardstick: Command | null;
  readonly goal: string;
  /** The goal as a time in seconds for A, where the goal is one (else null). */
  readonly goalSeconds: number | null;
}

/** A whole-process time: wall seconds, and CPU seconds where GNU time measured them (else NaN). */
interface Timing {
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** Runs a command once and times it; throws, naming the command, if it fails. */
function timeOnce(command: Command, scratch: string): Timing {
  const timeFile = join(scratch, 'time.txt');
  const useGnuTime = existsSync(GNU_TIME);
  const [program, ...args] = useGnuTime
    ? [GNU_TIME, '-f', '%U %S', '-o', timeFile, ...command.argv]
    : [...command.argv];
  const started = process.hrtime.bigint();
  const result = spawnSync(program, args, { cwd: command.cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) {
    throw new Error(
      `${command.label} failed (exit ${result.status}): ${command.argv.join(' ')}\n${String(result.stderr).slice(-400)}`,
    );
  }
  let cpuSeconds = Number.NaN;
  if (useGnuTime) {
    const [user, system] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
    cpuSeconds = user + system;
  }
  return { wallSeconds, cpuSeconds };
}

/** The rows, given where the references and the baseline build are (null where absent). */
function speedRows(refs: string | null, baseline: string | null): Row[] {
  const node = process.execPath;
  const trialsim = (root: string, label: string, ...args: string[]): Command => ({
    label,
    argv: [node, join(root, 'bin/trialsim'), ...args],
    cwd: root,
  });
  const ours = (...args: string[]): Command => trialsim(projectRoot, 'trialsim', ...args);
  const theirs = (...args: string[]): Command | null =>
    baseline === null ? null : trialsim(baseline, 'baseline trialsim', ...args);
  const numpy = (method: string, trials: number): Command | null =>
    refs === null
      ? null
      : {
          label: `NumPy ${method}`,
          argv: ['python3', 'ref_numpy.py', '--method', method, '--trials', String(trials), '--reps', '1'],
          cwd: refs,
        };
  const ref = ['run', 'bench-ref', '--no-null', '--json', '--threads', '2'];
  const scaleUp = ['sample-size', 'milton-keynes-scale-up', '--target', '0.8', '--json'];
  const partnerships = [
    'curve',
    'milton-keynes-scale-up',
    '--vary',
    'design.sites.count=10:60:10',
    '--set',
    'design.size.total=6000',
    '--json',
  ];
  return [
    {
      id: 'aggregate',
      title: 'REF, aggregated engine, 2,000,000 trials, 2 threads  vs  NumPy hist, 1 process',
      trialsim: ours(...ref, '--trials', '2000000'),
      yardstick: numpy('hist', 2_000_000),
      goal: '≥ 2× NumPy hist',
      goalSeconds: null,
    },
    {
      id: 'person',
      title: 'REF, per-person engine, 20,000 trials, 2 threads  vs  NumPy gp, 1 process',
      trialsim: ours(...ref, '--trials', '20000', '--set', 'simulation.engine=person'),
      yardstick: numpy('gp', 20_000),
      goal: '≥ 1.5× NumPy gp',
      goalSeconds: null,
    },
    {
      id: 'start',
      title: '`npm start` (milton-keynes, 2,000 trials + null run)  vs  the baseline build',
      trialsim: ours('run'),
      yardstick: theirs('run'),
      goal: '≥ 2× faster than before; ≤ 0.9 s',
      goalSeconds: 0.9,
    },
    {
      id: 'version',
      title: '`trialsim --version`  vs  `node -e 0`',
      trialsim: ours('--version'),
      yardstick: { label: 'node -e 0', argv: [node, '-e', '0'], cwd: projectRoot },
      goal: '≤ 2× node (ratio ≥ 0.5)',
      goalSeconds: null,
    },
    {
      id: 'validate',
      title: '`trialsim validate milton-keynes`  vs  `node -e 0`',
      trialsim: ours('validate', 'milton-keynes'),
      yardstick: { label: 'node -e 0', argv: [node, '-e', '0'], cwd: projectRoot },
      goal: '≤ 2× node (ratio ≥ 0.5)',
      goalSeconds: null,
    },
    {
      id: 'scale-up-sites',
      title: '`sample-size milton-keynes-scale-up --vary design.sites.count`  vs  the baseline build',
      trialsim: ours(...scaleUp, '--vary', 'design.sites.count'),
      yardstick: theirs(...scaleUp, '--vary', 'design.sites.count'),
      goal: '< 10 s',
      goalSeconds: 10,
    },
    {
      id: 'scale-up-years',
      title: '`sample-size milton-keynes-scale-up --vary recruitment.years`  vs  the baseline build',
      trialsim: ours(...scaleUp, '--vary', 'recruitment.years'),
      yardstick: theirs(...scaleUp, '--vary', 'recruitment.years'),
      goal: '< 10 s',
      goalSeconds: 10,
    },
    {
      id: 'partnerships',
      title: 'partnerships curve (`curve … --vary design.sites.count=10:60:10`)  vs  the baseline build',
      trialsim: ours(...partnerships),
      yardstick: theirs(...partnerships),
      goal: '< 10 s',
      goalSeconds: 10,
    },
  ];
}

function seconds(value: number): string {
  return Number.isNaN(value) ? '–' : `${value.toFixed(3)} s`;
}

function ratio(value: number): string {
  return Number.isNaN(value) ? '–' : `${value.toFixed(2)}×`;
}

/** Runs one row `reps` times alternated (after one unmeasured run of each) and prints its lines. */
function measureRow(row: Row, reps: number, scratch: string): void {
  process.stdout.write(`\n${row.title}\n`);
  const a: Timing[] = [];
  const b: Timing[] = [];
  timeOnce(row.trialsim, scratch);
  if (row.yardstick) timeOnce(row.yardstick, scratch);
  for (let rep = 0; rep < reps; rep++) {
    a.push(timeOnce(row.trialsim, scratch));
    if (row.yardstick) b.push(timeOnce(row.yardstick, scratch));
  }
  const show = (label: string, timings: readonly Timing[]): void => {
    const wall = median(timings.map((t) => t.wallSeconds));
    const cpu = median(timings.map((t) => t.cpuSeconds));
    process.stdout.write(
      `  ${label.padEnd(20)} wall ${seconds(wall).padStart(10)}   cpu ${seconds(cpu).padStart(10)}\n`,
    );
  };
  show(row.trialsim.label, a);
  if (row.yardstick) {
    show(row.yardstick.label, b);
    const wallRatio = median(a.map((t, i) => b[i].wallSeconds / t.wallSeconds));
    const cpuRatio = median(a.map((t, i) => b[i].cpuSeconds / t.cpuSeconds));
    process.stdout.write(
      `  ratio ${row.yardstick.label} / trialsim, median of ${reps} pairs: wall ${ratio(wallRatio)}, cpu ${ratio(cpuRatio)}   (goal ${row.goal})\n`,
    );
  } else {
    process.stdout.write(`  (no yardstick: give --refs or --baseline)   goal ${row.goal}\n`);
  }
  if (row.goalSeconds !== null) {
    const wall = median(a.map((t) => t.wallSeconds));
    process.stdout.write(
      `  trialsim / goal of ${row.goalSeconds} s: ${ratio(wall / row.goalSeconds)} (≤ 1× meets it)\n`,
    );
  }
}

/** Prints the speed table, one block per row of `rowIds` (`all` for every row). */
export function benchSideBySide(options: {
  reps: number;
  rowIds: readonly string[];
  refs: string | null;
  baseline: string | null;
}): void {
  const rows = speedRows(options.refs, options.baseline);
  const chosen = options.rowIds.includes('all') ? rows : rows.filter((row) => options.rowIds.includes(row.id));
  const scratch = mkdtempSync(join(tmpdir(), 'trialsim-bench-'));
  try {
    process.stdout.write(
      `trialsim speed table — whole processes, A and B alternated, medians of ${options.reps}` +
        `${existsSync(GNU_TIME) ? '' : ' (no /usr/bin/time: wall times only)'}\n`,
    );
    if (options.refs === null) {
      process.stdout.write(
        'note: the NumPy references were not found; give --refs DIR or TRIALSIM_BENCH_REFS (the folder holding ref_numpy.py)\n',
      );
    }
    for (const row of chosen) measureRow(row, options.reps, scratch);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The reference folder from --refs, TRIALSIM_BENCH_REFS or ../shared/bench; null when it has no ref_numpy.py. */
export function findReferences(): string | null {
  const folder = resolve(option('refs') ?? process.env.TRIALSIM_BENCH_REFS ?? join(projectRoot, '../shared/bench'));
  return existsSync(join(folder, 'ref_numpy.py')) ? folder : null;
}

/** The baseline build from --baseline (a folder with bin/trialsim and dist/), or null. */
export function findBaseline(): string | null {
  const folder = option('baseline');
  if (folder === undefined) return null;
  const root = resolve(folder);
  if (!existsSync(join(root, 'bin/trialsim')) || !existsSync(join(root, 'dist'))) {
    throw new Error(`--baseline ${folder}: no bin/trialsim and dist/ there (build that checkout with npm run build)`);
  }
  return root;
}

/** The fast rows, run by default (the planning rows take minutes each: ask with --rows all). */
export const DEFAULT_ROWS = ['aggregate', 'person', 'start', 'version', 'validate'];

if (isEntryPoint(import.meta.url)) {
  benchSideBySide({
    reps: Number(option('reps') ?? 5),
    rowIds: (option('rows') ?? DEFAULT_ROWS.join(',')).split(','),
    refs: findReferences(),
    baseline: findBaseline(),
  });
}
