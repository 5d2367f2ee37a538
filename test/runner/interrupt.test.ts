// Ctrl-C end to end: the built command line, interrupted once trials have finished, must stop its
// workers, print the finished trials' result marked incomplete, and exit 130 — on workers and in
// one thread alike, with nothing but progress lines on stderr.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '../..');

/** Runs a long simulation, sends SIGINT once a progress line shows finished trials, and collects the outcome. */
function interruptRun(
  threads: number,
  extraArgs: readonly string[] = [],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const args = [
      join(root, 'bin/trialsim'),
      'run',
      'teaching-two-arm',
      '--trials',
      '5000000',
      '--threads',
      String(threads),
      '--json',
      ...extraArgs,
    ];
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, CI: 'true' } });
    let stdout = '';
    let stderr = '';
    let interrupted = false;
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (!interrupted && /[1-9][\d,]*\/5,000,000 trials/.test(stderr)) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('interrupting a run', () => {
  test.each([2, 1])('with %i thread(s) prints the finished trials marked incomplete and exits 130', async (threads) => {
    const { code, stdout, stderr } = await interruptRun(threads);
    expect(code, stderr).toBe(130);
    const document = JSON.parse(stdout) as {
      complete: boolean;
      trials: number;
      results: { power: number }[];
      timing: { threads: number };
    };
    expect(document.complete).toBe(false);
    expect(document.trials).toBeGreaterThan(0);
    expect(document.trials).toBeLessThan(5_000_000);
    expect(document.results[0].power).toBeGreaterThan(0);
    expect(document.timing.threads).toBe(threads);
    // Only progress lines: no deprecation warning (DEP0132) or other stray output.
    for (const line of stderr.split('\n').filter((text) => text.trim() !== ''))
      expect(line).toMatch(/^trialsim: [\d,]+\/5,000,000 trials/);
  });

  test('keeps every finished trial in the --trials-out file, and says how many', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'trialsim-interrupt-'));
    const file = join(folder, 'trials.csv');
    const { code, stdout, stderr } = await interruptRun(2, ['--trials-out', file]);
    expect(code, stderr).toBe(130);
    const document = JSON.parse(stdout) as { complete: boolean; trials: number };
    expect(document.complete).toBe(false);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    // The header, then each finished trial's one outcome in the effect and the null run.
    expect(lines.length - 1).toBe(document.trials * 2);
    expect(stderr).toContain(
      `(the run was interrupted: ${document.trials.toLocaleString('en-GB')} of 5,000,000 trials)`,
    );
    expect(readdirSync(folder)).toEqual(['trials.csv']);
  });
});
