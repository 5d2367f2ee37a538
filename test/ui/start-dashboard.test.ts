import { describe, expect, it } from 'vitest';
import type { RunProgress } from '../../src/events/run-progress.js';
import { startDashboard } from '../../src/ui/start-dashboard.js';
import { sampleSummary } from '../report/sample-summary.js';
import { fakeTerminal } from './fake-terminal.js';

const progress: RunProgress = {
  trialsDone: 2500,
  trialsTotal: 5000,
  trialsPerSecond: 4100,
  etaSeconds: 0.6,
  elapsedSeconds: 0.6,
  outcomes: [{ outcome: 'knife', power: 0.41, powerCI: [0.39, 0.43], failures: 0, typeIError: 0.05 }],
};

describe('startDashboard', () => {
  it('draws progress, then the final table, and resolves once it has exited', async () => {
    const terminal = fakeTerminal();
    const dash = await startDashboard('milton-keynes', [{ id: 'knife', primary: true }], {
      color: false,
      stdout: terminal.stream,
    });
    dash.update(progress);
    dash.warn('only 5,000 trials');
    dash.finish(sampleSummary);
    await dash.waitUntilExit();
    const text = terminal.text();
    expect(text).toContain('milton-keynes');
    expect(text).toMatch(/knife \*\s+neg-binomial\s+0\.62\s+41\.0% \[39\.6, 42\.4\]/);
  });

  it('switches ink’s colour off (FORCE_COLOR=0) before loading it when colour is not allowed', async () => {
    const terminal = fakeTerminal();
    const dash = await startDashboard('t', [], { color: false, stdout: terminal.stream });
    expect(process.env.FORCE_COLOR).toBe('0');
    dash.fail('stopped');
    await dash.waitUntilExit();
    expect(terminal.text()).toContain('stopped');
  });

  it('ignores events after the final state', async () => {
    const terminal = fakeTerminal();
    const dash = await startDashboard('t', [{ id: 'knife', primary: false }], {
      color: false,
      stdout: terminal.stream,
    });
    dash.finish(sampleSummary);
    dash.update(progress);
    dash.fail('late');
    await dash.waitUntilExit();
    expect(terminal.text()).not.toContain('late');
  });
});
