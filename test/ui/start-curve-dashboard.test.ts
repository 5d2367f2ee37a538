import { describe, expect, it } from 'vitest';
import type { RunProgress } from '../../src/events/run-progress.js';
import { startCurveDashboard } from '../../src/ui/start-curve-dashboard.js';
import { fakeTerminal } from './fake-terminal.js';

const progress: RunProgress = {
  trialsDone: 2500,
  trialsTotal: 5000,
  trialsPerSecond: 4100,
  etaSeconds: 0.6,
  elapsedSeconds: 0.6,
  outcomes: [{ outcome: 'knife', power: 0.41, powerCI: [0.39, 0.43], failures: 0, typeIError: 0.05 }],
};

describe('startCurveDashboard', () => {
  it('draws points as they arrive and the conclusion at the end', async () => {
    const terminal = fakeTerminal();
    const dash = await startCurveDashboard('milton-keynes', 'design.size.treated', 0.8, {
      color: false,
      stdout: terminal.stream,
    });
    dash.startPoint('design.size.treated = 50');
    dash.update(progress);
    dash.addPoint({ value: 50, outcome: 'knife', power: 0.3, powerCI: [0.27, 0.33] });
    dash.addPoint({ value: 200, outcome: 'knife', power: 0.85, powerCI: [0.83, 0.87] });
    dash.finish('80% power for knife needs about 180 treated');
    await dash.waitUntilExit();
    const text = terminal.text();
    expect(text).toContain('target 80%');
    expect(text).toContain('● knife');
    expect(text).toContain('80% power for knife needs about 180 treated');
  });
});
