import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ESCAPE_SEQUENCE } from '../../src/report/ansi-style.js';
import type { RunProgress } from '../../src/runner/progress.js';
import { startCurveDashboard, startDashboard } from '../../src/ui/start-dashboard.js';
import { sampleSummary } from '../report/sample-summary.js';

/** A terminal-like stream that keeps everything written to it. */
function fakeTerminal(): { stream: NodeJS.WriteStream; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  Object.assign(stream, { columns: 100, rows: 40, isTTY: true });
  return { stream, text: () => chunks.join('').replace(ESCAPE_SEQUENCE, '') };
}

const progress: RunProgress = {
  trialsDone: 2500, trialsTotal: 5000, trialsPerSecond: 4100, etaSeconds: 0.6, elapsedSeconds: 0.6,
  outcomes: [{ outcome: 'knife', power: 0.41, powerCI: [0.39, 0.43], failures: 0, typeIError: 0.05 }],
};

describe('startDashboard', () => {
  it('draws progress, then the final table, and resolves once it has exited', async () => {
    const terminal = fakeTerminal();
    const dash = await startDashboard('milton-keynes', [{ id: 'knife', primary: true }], { color: false, stdout: terminal.stream });
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
    const dash = await startDashboard('t', [{ id: 'knife', primary: false }], { color: false, stdout: terminal.stream });
    dash.finish(sampleSummary);
    dash.update(progress);
    dash.fail('late');
    await dash.waitUntilExit();
    expect(terminal.text()).not.toContain('late');
  });
});

describe('startCurveDashboard', () => {
  it('draws points as they arrive and the conclusion at the end', async () => {
    const terminal = fakeTerminal();
    const dash = await startCurveDashboard('milton-keynes', 'design.size.treated', 0.8, { color: false, stdout: terminal.stream });
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
