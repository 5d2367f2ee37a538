import { afterEach, describe, expect, it, vi } from 'vitest';
import { planningViewFor } from '../../src/cli/planning-view-for.js';
import type { OutputMode } from '../../src/report/choose-output.js';

const heading = { title: 't', parameter: 'design.size.total', target: 0.8 };

function capturedStderr(): { text: () => string } {
  let text = '';
  vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: string) => {
    text += chunk;
    return true;
  }) as typeof process.stderr.write);
  return { text: () => text };
}

afterEach(() => vi.restoreAllMocks());

describe('planningViewFor', () => {
  it('writes notes as lines on stderr off a terminal, and shows no progress there', async () => {
    const stderr = capturedStderr();
    const mode: OutputMode = { format: 'json', dashboard: false, progress: 'lines', color: false };
    const view = await planningViewFor(mode)(heading);
    view.note('search: design.size.total=455 → 61.0% [54.1, 67.5] over 200 trials (400 in all)');
    expect(view.simulationStarted('design.size.total = 455')).toBeUndefined();
    view.addPoints([{ value: 455, outcome: 'reoffend', power: 0.61, powerCI: [0.54, 0.67] }]);
    await view.finish('done');
    expect(stderr.text()).toBe('search: design.size.total=455 → 61.0% [54.1, 67.5] over 200 trials (400 in all)\n');
  });

  it('writes nothing with --quiet', async () => {
    const stderr = capturedStderr();
    const mode: OutputMode = { format: 'table', dashboard: false, progress: 'none', color: false };
    const view = await planningViewFor(mode)(heading);
    view.note('search: …');
    await view.fail();
    expect(stderr.text()).toBe('');
  });
});
