/**
 * The golden cases: command lines whose JSON output (without timing) is kept in this folder and
 * must not change unless a commit says why. They cover `run` on every built-in scenario on each
 * engine that can simulate it, the planning commands, `explain`, `retro` and a sharded run merged,
 * all at small trial counts so the whole set runs in seconds.
 */
export interface GoldenCase {
  /** File name (without `.json`) in test/golden/. */
  readonly name: string;
  /** Arguments after `trialsim`; every case asks for `--json`. */
  readonly args: readonly string[];
}

const quietJson = ['--json', '--quiet'];

export const GOLDEN_CASES: readonly GoldenCase[] = [
  { name: 'run-milton-keynes', args: ['run', 'milton-keynes', '--trials', '200', ...quietJson] },
  { name: 'run-milton-keynes-scale-up-auto', args: ['run', 'milton-keynes-scale-up', '--trials', '200', ...quietJson] },
  {
    name: 'run-milton-keynes-scale-up-person',
    args: ['run', 'milton-keynes-scale-up', '--trials', '100', '--engine', 'person', ...quietJson],
  },
  {
    name: 'run-milton-keynes-replication',
    args: ['run', 'milton-keynes-replication', '--trials', '100', ...quietJson],
  },
  { name: 'run-teaching-two-arm-auto', args: ['run', 'teaching-two-arm', '--trials', '500', ...quietJson] },
  {
    name: 'run-teaching-two-arm-person',
    args: ['run', 'teaching-two-arm', '--trials', '300', '--engine', 'person', '--threads', '1', ...quietJson],
  },
  { name: 'run-milton-keynes-rollout', args: ['run', 'milton-keynes-rollout', '--trials', '100', ...quietJson] },
  { name: 'run-bench-ref-auto', args: ['run', 'bench-ref', '--trials', '500', ...quietJson] },
  { name: 'run-bench-ref-person', args: ['run', 'bench-ref', '--trials', '100', '--engine', 'person', ...quietJson] },
  {
    name: 'run-milton-keynes-set',
    args: [
      'run',
      'milton-keynes',
      '--trials',
      '150',
      '--seed',
      '7',
      '--set',
      'design.size={ treated: 79, control: 211 }',
      '--threads',
      '1',
      ...quietJson,
    ],
  },
  {
    name: 'sample-size-teaching-two-arm',
    args: ['sample-size', 'teaching-two-arm', '--target', '0.8', '--trials', '200', ...quietJson],
  },
  {
    name: 'sample-size-milton-keynes',
    args: ['sample-size', 'milton-keynes', '--target', '0.8', '--trials', '200', ...quietJson],
  },
  {
    name: 'mde-teaching-two-arm',
    args: ['mde', 'teaching-two-arm', '--target', '0.8', '--trials', '200', ...quietJson],
  },
  {
    name: 'curve-milton-keynes',
    args: ['curve', 'milton-keynes', '--vary', 'design.size.treated=45:135:45', '--trials', '100', ...quietJson],
  },
  {
    name: 'explain-milton-keynes-knife',
    args: ['explain', 'milton-keynes', '--outcome', 'knife', '--trials', '200', ...quietJson],
  },
  { name: 'retro', args: ['retro', '--effect', '0.5', '--se', '0.3', '--json'] },
  {
    name: 'run-milton-keynes-sequential',
    args: ['run', 'milton-keynes-sequential', '--trials', '100', ...quietJson],
  },
];

/** A run split into shards and merged: the merged document is kept as its own golden file. */
export const GOLDEN_MERGE = {
  name: 'merge-bench-ref-shards',
  shardArgs: (shard: string): string[] => ['run', 'bench-ref', '--trials', '300', '--shard', shard, ...quietJson],
  shards: ['1/3', '2/3', '3/3'],
} as const;
