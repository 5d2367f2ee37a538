// The curve dashboard as a person meets it: `curve` and `sample-size` run by the real executable
// in a real terminal (tmux), the points appearing under the target line, the answer left on
// screen, and Ctrl-C stopping the search with the partial result and exit code 130.
// Needs tmux and the built dist/ (the pretest build makes it); skipped without tmux.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/run-cli.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const bin = join(projectRoot, 'bin/trialsim');

const sessions: string[] = [];
afterEach(() => {
  for (const name of sessions.splice(0)) spawnSync('tmux', ['kill-session', '-t', name]);
});

/**
 * Starts `command` in a detached 120 × 100 tmux session, with CI unset so the dashboard runs: tall
 * enough that the curve stays on screen above the whole planning report (verdict, search, table
 * and its notes).
 */
function startTerminal(command: string): string {
  const name = `trialsim-curve-test-${process.pid}-${sessions.length}`;
  sessions.push(name);
  execFileSync('tmux', [
    'new-session',
    '-d',
    '-s',
    name,
    '-x',
    '120',
    '-y',
    '100',
    `unset CI; unset NO_COLOR; cd ${projectRoot}; ${command}; echo "EXIT=$?"; sleep 30`,
  ]);
  return name;
}

function screen(name: string): string {
  return execFileSync('tmux', ['capture-pane', '-p', '-t', name], { encoding: 'utf8' });
}

/** Waits for `pattern` on screen, returning every distinct screen seen on the way. */
async function waitFor(name: string, pattern: RegExp, seconds = 12): Promise<{ last: string; seen: string[] }> {
  const seen: string[] = [];
  for (let waited = 0; waited < seconds * 20; waited++) {
    const text = screen(name);
    if (seen[seen.length - 1] !== text) seen.push(text);
    if (pattern.test(text)) return { last: text, seen };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${pattern} on screen:\n${screen(name)}`);
}

/** Plotted points (● markers) inside the plot area: rows starting with an axis `┤`. */
function plottedPoints(text: string): number {
  return (
    text
      .split('\n')
      .filter((line) => line.includes('┤'))
      .join('')
      .split('●').length - 1
  );
}

describe.skipIf(!hasTmux)('the curve dashboard in a terminal', () => {
  it('draws the points of `curve` as they arrive under the target line, then leaves the curve, the answer and the table', async () => {
    const name = startTerminal(
      `node ${bin} curve teaching-two-arm --vary design.size.total=100:600:100 --trials 40000 --target 0.8 --threads 1`,
    );
    const { last, seen } = await waitFor(name, /EXIT=\d+/);
    const live = seen.filter((text) => /simulating design\.size\.total = \d+/.test(text));
    expect(live.length).toBeGreaterThan(0);
    for (const text of live) expect(text).toMatch(/┈+ target 80%/);
    // Points arrive one value at a time (40,000 trials each, so that frames between them are seen):
    // some live frame shows fewer than all six.
    expect(Math.min(...live.map(plottedPoints))).toBeLessThan(6);
    expect(last).toContain('EXIT=0');
    expect(last).toMatch(/┈+ target 80%/);
    expect(plottedPoints(last)).toBe(6);
    expect(last).toMatch(/80% power \(design\.size\.total, people randomised\): reoffend/);
    // The table of points follows the dashboard once, without a second plot.
    expect(last).toMatch(/value\s+reoffend/);
    expect(last.match(/ 600 +\d+\.\d% \[\d+\.\d, \d+\.\d\]/g)).toHaveLength(1);
    expect(last.match(/target 80%/g)).toHaveLength(1);
    expect(last).not.toMatch(/curve: design\.size\.total=/);
  });

  it('stops `curve` on Ctrl-C with the values simulated so far and exit code 130', async () => {
    const name = startTerminal(
      `node ${bin} curve teaching-two-arm --vary design.size.total=100:600:100 --trials 50000000 --target 0.8 --threads 1`,
    );
    const { last: live } = await waitFor(
      name,
      /simulating design\.size\.total = 100\n.*[1-9][\d,]* \/ 50,000,000 trials/,
    );
    expect(live).toMatch(/┈+ target 80%/);
    execFileSync('tmux', ['send-keys', '-t', name, 'C-c']);
    const { last } = await waitFor(name, /EXIT=\d+/);
    expect(last).toContain('EXIT=130');
    expect(last).toContain('Interrupted: only the values simulated so far are shown.');
    expect(last).toMatch(/^ +100 +\d+\.\d% \[/m);
  });

  it('ends `sample-size` with the answer in one line under the curve, and the full report below', async () => {
    const name = startTerminal(
      `node ${bin} sample-size teaching-two-arm --target 0.8 --precision 0.03 --trials 500 --threads 1`,
    );
    const { last, seen } = await waitFor(name, /EXIT=\d+/);
    expect(seen.some((text) => /simulating design\.size\.total = \d+/.test(text))).toBe(true);
    expect(last).toContain('EXIT=0');
    expect(last).toMatch(/┈+ target 80%/);
    const answer =
      /80% power \(reoffend significant\) needs about ([\d,]+) people randomised \[([\d,]+), ([\d,]+)\]/.exec(last);
    expect(answer).not.toBeNull();
    // The one-line answer and the report's own sentence name the same value.
    expect(last).toContain(`Sample size for 80% power (reoffend significant): ${answer![1]} people randomised`);
    expect(last).toMatch(/power \[95% CI\]/);
  });

  it('stops `sample-size` on Ctrl-C during the report run, keeping the answer, with exit code 130', async () => {
    const name = startTerminal(
      `node ${bin} sample-size teaching-two-arm --target 0.8 --precision 0.03 --trials 50000000 --threads 1`,
    );
    await waitFor(
      name,
      /simulating the report run: 50000000 trials at the answer[^\n]*\n.*[\d,]+ \/ 50,000,000 trials/,
    );
    execFileSync('tmux', ['send-keys', '-t', name, 'C-c']);
    const { last } = await waitFor(name, /EXIT=\d+/);
    expect(last).toContain('EXIT=130');
    // The dashboard's closing line says it was interrupted; the answer is stated once, by the report below.
    expect(last).toContain('Interrupted: the partial results are below.');
    expect(last.match(/Sample size for 80% power \(reoffend significant\): [\d,]+ people randomised/g)).toHaveLength(1);
    // The dashboard's one-line answer is not repeated (the report's verdict says "a trial needs about…").
    expect(last).not.toMatch(/power \(reoffend significant\) needs about [\d,]+ people randomised/);
  });

  it('stops `mde` on Ctrl-C during the search with the partial conclusion once and no table of 0 trials', async () => {
    const name = startTerminal(`node ${bin} mde teaching-two-arm --target 0.8 --trials 50000000 --threads 1`);
    // The first simulated value on the plot: the search is under way.
    await waitFor(name, /┤[^\n]*●/, 60);
    execFileSync('tmux', ['send-keys', '-t', name, 'C-c']);
    const { last } = await waitFor(name, /EXIT=\d+/, 60);
    expect(last).toContain('EXIT=130');
    expect(last).toContain('Interrupted: the partial results are below.');
    // Before: the same "Minimum detectable effect …" sentence twice, then a table of "0 trials".
    expect(last.match(/Minimum detectable effect for 80% power/g)).toHaveLength(1);
    expect(last).not.toMatch(/ 0 trials|\(0 trials\)/);
  }, 90_000);

  it('ends `mde` with the weakest effect in one line under its curve', async () => {
    const name = startTerminal(
      `node ${bin} mde teaching-two-arm --target 0.8 --precision 0.03 --trials 500 --threads 1`,
    );
    const { last } = await waitFor(name, /EXIT=\d+/);
    expect(last).toContain('EXIT=0');
    expect(last).toMatch(/┈+ target 80%/);
    const answer = /80% power \(reoffend significant\) from a risk ratio of about (0\.\d+) \[(0\.\d+), (0\.\d+)\]/.exec(
      last,
    );
    expect(answer).not.toBeNull();
    const [mde, low, high] = answer!.slice(1).map(Number);
    expect(low).toBeLessThanOrEqual(mde);
    expect(mde).toBeLessThanOrEqual(high);
  });
});
