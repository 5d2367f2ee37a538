// The dashboard as a person meets it: the real executable in a real terminal (tmux), a run
// started, progress seen, Ctrl-C pressed, the partial result shown and exit code 130.
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

/** Starts `command` in a detached 110 × 50 tmux session, with CI unset so the dashboard runs. */
function startTerminal(command: string, env: Record<string, string> = {}): string {
  const name = `trialsim-test-${process.pid}-${sessions.length}`;
  sessions.push(name);
  const exports = Object.entries(env)
    .map(([key, value]) => `export ${key}=${value}; `)
    .join('');
  execFileSync('tmux', [
    'new-session',
    '-d',
    '-s',
    name,
    '-x',
    '110',
    '-y',
    '50',
    `unset CI; ${exports}cd ${projectRoot}; ${command}; echo "EXIT=$?"; sleep 30`,
  ]);
  return name;
}

/** The screen's text; with `escapes`, the colour and style codes too. */
function screen(name: string, escapes = false): string {
  return execFileSync('tmux', ['capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', name], { encoding: 'utf8' });
}

async function waitFor(name: string, pattern: RegExp, seconds = 20): Promise<string> {
  for (let waited = 0; waited < seconds * 10; waited++) {
    const text = screen(name);
    if (pattern.test(text)) return text;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${pattern} on screen:\n${screen(name)}`);
}

describe.skipIf(!hasTmux)('the dashboard in a terminal', () => {
  it('shows live progress, and on Ctrl-C the partial result and exit code 130', async () => {
    const name = startTerminal(`node ${bin} run teaching-two-arm --trials 1000000 --threads 1`);
    const live = await waitFor(name, /trials\/s/);
    expect(live).toMatch(/[\d,]+ \/ 1,000,000 trials/);
    expect(live).toMatch(/\d+\.\d% \[\d+\.\d, \d+\.\d\]\s+▕/);
    execFileSync('tmux', ['send-keys', '-t', name, 'C-c']);
    const after = await waitFor(name, /EXIT=\d+/);
    expect(after).toContain('EXIT=130');
    expect(after).toMatch(/Interrupted: results from the [\d,]+ trials completed so far/);
    expect(after).toMatch(/power \[95% CI\]/);
  });

  it('draws in colour on a terminal, and with no colour code under NO_COLOR', async () => {
    const colored = startTerminal(`node ${bin} run teaching-two-arm --trials 200 --threads 1`);
    const plain = startTerminal(`node ${bin} run teaching-two-arm --trials 200 --threads 1`, { NO_COLOR: '1' });
    await Promise.all([waitFor(colored, /EXIT=\d+/), waitFor(plain, /EXIT=\d+/)]);
    // SGR codes for colour (30–37, 90–97) or bold.
    const style = new RegExp(`${String.fromCharCode(27)}\\[(?:[0-9;]*;)?(?:3[0-7]|9[0-7]|1)m`);
    expect(screen(colored, true)).toMatch(style);
    expect(screen(plain, true)).not.toMatch(style);
    expect(screen(plain)).toContain('EXIT=0');
  });
});
