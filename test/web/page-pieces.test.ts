import { describe, expect, it } from 'vitest';
import { runTrials } from '../../src/runner/run-trials.js';
import { pValueBins } from '../../src/web/engine/charts.js';
import { builtInScenarios } from '../../src/web/engine/builtin-scenarios.js';
import { designFromText } from '../../src/web/engine/design-from-text.js';
import { curveValues } from '../../src/web/engine/planning.js';
import { summariseTally } from '../../src/web/engine/run-document.js';
import type { TrialSample } from '../../src/web/engine/trial-sample.js';
import {
  decodeState,
  encodeState,
  equivalentCommand,
  stateSets,
  type PageState,
} from '../../src/web/app/page-state.js';
import { verdictOf } from '../../src/web/app/verdict.js';

async function summaryOf(name: string, sets: string[]) {
  const scenario = builtInScenarios().find((s) => s.name === name)!;
  const compiled = designFromText(scenario.text, scenario.file, sets);
  if (!compiled.ok) throw new Error('invalid');
  const run = await runTrials(compiled.design, { threads: 1, withNull: true });
  return summariseTally(compiled.design, run.tally, {
    sha256: compiled.sha256,
    complete: true,
    seconds: 1,
    threads: 1,
  });
}

describe('the verdict', () => {
  it('calls the 200-person teaching trial too small, with its power and the winner’s curse', async () => {
    // teaching-two-arm at 400 trials, seed 1: power about 30% (exact z-test power 29%), well
    // under 50%; exaggeration about 1.8; its null run happens to stay within alpha's MC error.
    const summary = await summaryOf('teaching-two-arm', ['simulation.trials=400']);
    const verdict = verdictOf(summary);
    expect(summary.results[0].typeIErrorAboveAlpha).toBe(false);
    expect(verdict.level).toBe('poor');
    expect(verdict.headline).toMatch(/^Too small: .* \(power [23]\d%\)\.$/);
    expect(verdict.sentences.join(' ')).toMatch(/overstate the effect 1\.\d times/);
  });

  it('says first when the analysis is not valid (type I error above alpha beyond Monte Carlo error)', async () => {
    // teaching-two-arm at 2,000 trials, seed 1: the z test rejects 6.5% of null trials, flagged.
    const summary = await summaryOf('teaching-two-arm', ['simulation.trials=2000']);
    expect(summary.results[0].typeIErrorAboveAlpha).toBe(true);
    const verdict = verdictOf(summary);
    expect(verdict.level).toBe('poor');
    expect(verdict.headline).toMatch(/^Not trustworthy as planned/);
    expect(verdict.sentences.join(' ')).toMatch(/finds an effect in \d\.\d% of trials where there is none/);
  });

  it('calls it big enough at 800 per arm (exact z-test power there is 98%)', async () => {
    const verdict = verdictOf(
      await summaryOf('teaching-two-arm', ['simulation.trials=400', 'design.size={ treated: 800, control: 800 }']),
    );
    expect(verdict.level).toBe('good');
    expect(verdict.headline).toMatch(/^Big enough/);
  });

  it('judges several primary outcomes together, after the correction', async () => {
    const summary = await summaryOf('milton-keynes', ['simulation.trials=100']);
    const verdict = verdictOf(summary);
    expect(verdict.sentences.join(' ')).toContain(
      'All primary outcomes are significant together, after the holm correction',
    );
    expect(verdict.headline).toContain('all 2 primary outcomes');
  });
});

describe('the page’s address', () => {
  const state: PageState = {
    file: 'my study.yaml',
    text: 'name: x\n# ünïcode and quotes \' "\n',
    overrides: { people: 'design.size={ treated: 50, control: 50 }', engagement: 'design.engagement=0.6' },
    trials: 500,
    seed: 3,
    view: 'commissioning',
    outcome: 'knife',
  };

  it('round-trips the whole state', async () => {
    const encoded = await encodeState(state);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeState(encoded)).toEqual(state);
  });

  it('refuses what it did not write', async () => {
    expect(await decodeState('not-a-state')).toBeNull();
  });

  it('lists the overrides in a fixed order, then trials and seed, and names the equivalent command', () => {
    const sets = stateSets(state);
    expect(sets).toEqual([
      'design.engagement=0.6',
      'design.size={ treated: 50, control: 50 }',
      'simulation.trials=500',
      'simulation.seed=3',
    ]);
    expect(equivalentCommand('teaching-two-arm', ["a='b'"])).toBe(
      `trialsim run teaching-two-arm --set 'a='\\''b'\\''' --json`,
    );
  });
});

describe('the p-value histogram', () => {
  it('counts p-values in twenty bins split at alpha, leaving failed analyses out', () => {
    const sample = (pValue: number, failed = false): TrialSample => ({
      trial: 0,
      outcomes: [{ failed, logEstimate: 0, lower: 0, upper: 0, pValue, logTruth: 0 }],
    });
    const { bins, failed } = pValueBins(
      [sample(0.01), sample(0.03), sample(0.049), sample(0.05), sample(0.5), sample(1), sample(NaN, true)],
      0,
      0.05,
    );
    expect(failed).toBe(1);
    expect(bins[0]).toMatchObject({ from: 0, to: 0.05, significant: 3, notSignificant: 0 });
    expect(bins[1]).toMatchObject({ significant: 0, notSignificant: 1 });
    expect(bins[10].notSignificant).toBe(1);
    expect(bins[19].notSignificant).toBe(1);
    expect(bins.reduce((n, bin) => n + bin.significant + bin.notSignificant, 0)).toBe(6);
  });
});

describe('the power curve’s sizes', () => {
  it('spans a quarter to four times the total on a log scale', () => {
    expect(curveValues(200)).toEqual([50, 79, 126, 200, 317, 504, 800]);
    expect(curveValues(8)).toEqual([4, 5, 8, 13, 20, 32]);
  });
});
