import { describe, expect, it } from 'vitest';
import { trialsimInProcess as trialsim } from '../support/run-cli-in-process.js';

/** The long flags a command's --help lists. */
async function helpFlags(command: string): Promise<string[]> {
  const { code, stdout } = await trialsim([command, '--help']);
  expect(code).toBe(0);
  return [...stdout.matchAll(/^ {2}(?:-\w, )?(--[\w-]+)/gm)].map((match) => match[1]);
}

describe('a mistyped command suggests the command meant', () => {
  const cases: [string[], string][] = [
    [['sampel-size', 'milton-keynes'], 'sample-size'],
    [['rn'], 'run'],
    [['rn', 'teaching-two-arm', '--trials', '100000000'], 'run'],
    [['mdee', 'milton-keynes'], 'mde'],
    [['curv'], 'curve'],
    [['explian', 'milton-keynes'], 'explain'],
  ];
  for (const [args, meant] of cases)
    it(args.join(' '), async () => {
      const { code, stdout, stderr } = await trialsim(args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(
        `trialsim: unknown command "${args[0]}"\nhint: did you mean \`trialsim ${meant}\`? (\`trialsim --help\` lists the commands)\n`,
      );
    });

  it('still reads a scenario name or a file as the default command’s scenario', async () => {
    const { code, stderr } = await trialsim(['milton-keyness', '--quiet']);
    expect(code).toBe(2);
    // Not a near miss of a command: the scenario's own "did you mean".
    expect(stderr).toContain('milton-keyness: is neither a file nor a built-in scenario');
    expect(stderr).toContain('did you mean "milton-keynes"?');
  });
});

describe('--help offers only the flags that work', () => {
  it('lists --shard and --no-null for run only where they act', async () => {
    expect(await helpFlags('run')).toEqual(expect.arrayContaining(['--shard', '--no-null']));
    for (const command of ['sample-size', 'mde']) {
      const flags = await helpFlags(command);
      expect(flags, command).not.toContain('--shard');
      expect(flags, command).toContain('--no-null');
    }
    for (const command of ['curve', 'explain']) {
      const flags = await helpFlags(command);
      expect(flags, command).not.toContain('--shard');
      expect(flags, command).not.toContain('--no-null');
    }
  });

  it('curve --help lists exactly the flags curve reads', async () => {
    expect((await helpFlags('curve')).sort()).toEqual(
      [
        '--vary',
        '--svg',
        '--outcome',
        '--target',
        '--trials',
        '--seed',
        '--threads',
        '--set',
        '--json',
        '--csv',
        '--markdown',
        '--out',
        '--quiet',
        '--engine',
        '--help',
      ].sort(),
    );
  });

  it('refuses --shard on a planning command with what to do instead', async () => {
    const { code, stderr } = await trialsim(['mde', 'teaching-two-arm', '--shard', '1/2', '--quiet']);
    expect(code).toBe(2);
    expect(stderr).toContain('--shard is for `run`');
  });
});
