import { describe, expect, it } from 'vitest';
import { modifiedTitle } from '../../src/report/modified-title.js';
import { trialsimInProcess as trialsim } from '../support/run-cli-in-process.js';

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

  it('is what the table and Markdown print after --set; the JSON keeps the file’s title', async () => {
    const set = ['--set', 'design.size={ treated: 79, control: 211 }'];
    const common = ['run', 'milton-keynes', '--trials', '100', '--threads', '1', '--quiet', ...set];
    const modified =
      'Focused deterrence in Milton Keynes — the 45-person trial as run — as modified by --set design.size={ treated: 79, control: 211 }';
    const table = await trialsim(common);
    // The table wraps its title to the width (100 columns off a terminal), continuing indented.
    const [first, second] = table.stdout.split('\n');
    expect(`${first} ${second.trim()}`).toBe(`milton-keynes — ${modified}`);
    const markdown = await trialsim([...common, '--markdown']);
    expect(markdown.stdout.split('\n')[0]).toBe(`# milton-keynes — ${modified}`);
    const json = await trialsim([...common, '--json']);
    expect(JSON.parse(json.stdout).scenario.title).toBe(
      'Focused deterrence in Milton Keynes — the 45-person trial as run',
    );
    // --trials alone leaves the trial as the title describes it.
    const asRun = await trialsim(['run', 'milton-keynes', '--trials', '100', '--threads', '1', '--quiet']);
    expect(asRun.stdout.split('\n')[0]).toBe(
      'milton-keynes — Focused deterrence in Milton Keynes — the 45-person trial as run',
    );
  }, 60_000);
});
