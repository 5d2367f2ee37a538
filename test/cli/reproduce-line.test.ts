// The Markdown report's reproducibility aids, checked the way a reader would check them: the
// "Reproduce" line pasted into a shell, and the file hash against one computed here.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectRoot, trialsim } from '../support/run-cli.js';

const run = promisify(execFile);
const bin = join(projectRoot, 'bin/trialsim');

/** Runs `line` (a command line starting `trialsim`) through `sh -c`, with `trialsim` the built bin. */
async function throughShell(line: string): Promise<string> {
  const script = `trialsim() { "${process.execPath}" "${bin}" "$@"; }\n${line}`;
  const { stdout } = await run('sh', ['-c', script], {
    cwd: projectRoot,
    env: { ...process.env, CI: 'true' },
    maxBuffer: 1 << 24,
  });
  return stdout;
}

/** The command in the Markdown report's fenced `sh` block. */
function reproduceLine(markdown: string): string {
  const match = /## Reproduce\n[\s\S]*?```sh\n(.+)\n```/.exec(markdown);
  expect(match, 'a Reproduce section with a fenced sh block').not.toBeNull();
  return match![1];
}

/** A JSON document without its timing, the one field that differs between identical runs. */
function withoutTiming(text: string): unknown {
  const document = JSON.parse(text) as Record<string, unknown>;
  delete document.timing;
  return document;
}

describe('the Markdown report’s Reproduce line', () => {
  // Arguments with braces, spaces, a single quote and a $: each would break an unquoted line.
  const args = [
    'run',
    'teaching-two-arm',
    '--trials',
    '300',
    '--threads',
    '1',
    '--set',
    'design.size={ treated: 79, control: 211 }',
    '--set',
    "title=it's 79/211 at $HOME",
    '--quiet',
  ];

  it('runs when pasted into a POSIX shell and gives the same report and the same results JSON', async () => {
    const first = await trialsim([...args, '--markdown']);
    expect(first.code, first.stderr).toBe(0);
    const line = reproduceLine(first.stdout);
    expect(line).toBe(
      "trialsim run teaching-two-arm --trials 300 --threads 1 --set 'design.size={ treated: 79, control: 211 }' " +
        "--set 'title=it'\\''s 79/211 at $HOME' --quiet --markdown",
    );
    const again = await throughShell(line);
    const dropRunTime = (text: string) => text.replace(/^Run time: .*$/m, '');
    expect(dropRunTime(again)).toBe(dropRunTime(first.stdout));
    // The same line as JSON: the results document matches the one the original arguments give.
    const json = await trialsim([...args, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const jsonAgain = await throughShell(line.replace(/ --markdown$/, ' --json'));
    expect(withoutTiming(jsonAgain)).toEqual(withoutTiming(json.stdout));
    expect((withoutTiming(json.stdout) as { design: unknown }).design).toEqual({
      treated: 79,
      control: 211,
      total: 290,
    });
  }, 120_000);

  it('names the file’s own SHA-256, equal to a hash of the file’s bytes, apart from the design hash', async () => {
    const { code, stdout } = await trialsim(['run', 'teaching-two-arm', '--trials', '100', '--quiet', '--markdown']);
    expect(code).toBe(0);
    const fileHash = createHash('sha256')
      .update(readFileSync(join(projectRoot, 'scenarios/teaching-two-arm.yaml')))
      .digest('hex');
    expect(stdout).toContain(
      `Scenario file SHA-256 \`${fileHash}\` (of the file as on disk, as \`sha256sum\` prints it)`,
    );
    const design = /Design SHA-256 `([0-9a-f]{64})` \(of the compiled design/.exec(stdout);
    expect(design).not.toBeNull();
    expect(design![1]).not.toBe(fileHash);
    // More trials change the design hash, never the file's.
    const more = await trialsim(['run', 'teaching-two-arm', '--trials', '120', '--quiet', '--markdown']);
    expect(more.stdout).toContain(`Scenario file SHA-256 \`${fileHash}\``);
    expect(more.stdout).not.toContain(design![1]);
  }, 60_000);
});
