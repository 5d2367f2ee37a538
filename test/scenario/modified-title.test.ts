import { describe, expect, it } from 'vitest';
import { loadDesign } from '../../src/scenario/load-design.js';
import { modifiedTitle } from '../../src/scenario/modified-title.js';

describe('a title after --set', () => {
  it('names the overrides that change the trial, and only those', () => {
    expect(modifiedTitle('the 45-person trial as run', ['simulation.trials=500', 'simulation.seed=3'])).toBe(
      'the 45-person trial as run',
    );
    expect(
      modifiedTitle('the 45-person trial as run', [
        'design.size={ treated: 79, control: 211 }',
        'simulation.trials=500',
      ]),
    ).toBe('the 45-person trial as run — as modified by --set design.size={ treated: 79, control: 211 }');
    expect(modifiedTitle('old', ['title=a new title', 'design.size.treated=79'])).toBe('old');
  });

  it('reaches the compiled design, so every report prints it', async () => {
    const asRun = await loadDesign('milton-keynes', ['simulation.trials=100']);
    expect(asRun.design.title).toBe('Focused deterrence in Milton Keynes — the 45-person trial as run');
    const modified = await loadDesign('milton-keynes', ['design.size={ treated: 79, control: 211 }']);
    expect(modified.design.title).toBe(
      'Focused deterrence in Milton Keynes — the 45-person trial as run — as modified by --set design.size={ treated: 79, control: 211 }',
    );
  });
});
