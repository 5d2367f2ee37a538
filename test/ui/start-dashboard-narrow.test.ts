// The live dashboard on a narrow terminal. ink draws live frames only outside CI (it reads CI
// once, when first imported), so this file clears CI before the adapter loads ink.
import { describe, expect, it } from 'vitest';
import type { RunProgress } from '../../src/events/run-progress.js';
import { startDashboard } from '../../src/ui/start-dashboard.js';
import { fakeTerminal } from './fake-terminal.js';

delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;

const progress: RunProgress = {
  trialsDone: 123456,
  trialsTotal: 1000000,
  trialsPerSecond: 12345,
  etaSeconds: 3700,
  elapsedSeconds: 10,
  outcomes: [],
};

describe('startDashboard on a narrow terminal', () => {
  it('fits an 80-column terminal without wrapping', async () => {
    const terminal = fakeTerminal(80);
    const outcomes = ['crime', 'knife', 'knife-under-18'].map((id) => ({ id, primary: id !== 'knife-under-18' }));
    const dash = await startDashboard('milton-keynes', outcomes, { color: false, stdout: terminal.stream });
    const wide: RunProgress = {
      ...progress,
      outcomes: outcomes.map((o) => ({
        outcome: o.id,
        power: 0.999,
        powerCI: [0.998, 1],
        failures: 1234,
        typeIError: 0.123,
      })),
    };
    dash.update(wide);
    dash.fail('stopped');
    await dash.waitUntilExit();
    const lines = terminal.text().split('\n');
    // ink wraps what does not fit, so check that each row kept its parts on one line.
    expect(
      lines.some((line) => /░\s+123,456 \/ 1,000,000 trials\s+12%\s+·\s+12,345 trials\/s\s+·\s+ETA 1h 01m$/.test(line)),
    ).toBe(true);
    for (const outcome of outcomes) {
      const name = `${outcome.id}${outcome.primary ? ' *' : ''}`;
      expect(lines.some((line) => line.startsWith(name) && /▏\s+type I 12\.3%\s+1,234 failed$/.test(line))).toBe(true);
    }
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
  });
});
