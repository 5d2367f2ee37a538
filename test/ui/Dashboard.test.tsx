import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { RunProgress } from '../../src/events/run-progress.js';
import { Dashboard, type DashboardProps } from '../../src/ui/Dashboard.js';
import { sampleSummary } from '../report/sample-summary.js';

const outcomes = [
  { id: 'crime', primary: true },
  { id: 'knife', primary: true },
];

function progressAt(done: number, knifeInterval: [number, number], extra: Partial<RunProgress> = {}): RunProgress {
  return {
    trialsDone: done,
    trialsTotal: 5000,
    trialsPerSecond: 4100,
    etaSeconds: (5000 - done) / 4100,
    elapsedSeconds: done / 4100,
    outcomes: [
      { outcome: 'crime', power: 0.83, powerCI: [0.8, 0.86], failures: 0, typeIError: 0.05 },
      { outcome: 'knife', power: 0.41, powerCI: knifeInterval, failures: 0, typeIError: 0.049 },
    ],
    ...extra,
  };
}

const base: DashboardProps = {
  title: 'milton-keynes',
  outcomes,
  progress: null,
  warnings: [],
  summary: null,
  failure: null,
  color: false,
};

/** All text drawn so far: with CI set ink keeps only some frames, so look through every one. */
const everything = (frames: string[]) => frames.join('\n');

describe('Dashboard', () => {
  it('shows a group-sequential design’s stopping so far at each look', () => {
    const looks = [
      { look: 1, stopEfficacy: 0.169, stopFutility: 0.074 },
      { look: 2, stopEfficacy: 0.376, stopFutility: 0.084 },
    ];
    const app = render(<Dashboard {...base} progress={progressAt(1200, [0.36, 0.46], { looks })} />);
    expect(everything(app.frames)).toContain(
      'interim looks, stopping so far: 1: efficacy 16.9%, futility 7.4% · 2: efficacy 37.6%, futility 8.4%',
    );
    app.unmount();
  });

  it('shows a rollout’s per-step estimate and power so far on one compact line', () => {
    const steps = [
      { outcome: 'knife', fromMonth: 0, toMonth: 6, meanEstimate: 0.882, power: 0.105 },
      { outcome: 'knife', fromMonth: 6, toMonth: 12, meanEstimate: 0.91, power: 0.065 },
    ];
    const app = render(<Dashboard {...base} progress={progressAt(1200, [0.36, 0.46], { steps })} />);
    expect(everything(app.frames)).toContain(
      'knife by months since crossover, estimate (power) so far: 0–6 0.882 (11%) · 6–12 0.91 (7%)',
    );
    app.unmount();
  });

  it('shows the title, then trials done of total, the rate and the time left', () => {
    const app = render(<Dashboard {...base} />);
    app.rerender(<Dashboard {...base} progress={progressAt(1200, [0.36, 0.46])} />);
    const text = everything(app.frames);
    expect(text).toContain('milton-keynes');
    expect(text).toContain('1,200 / 5,000 trials');
    expect(text).toContain('24%');
    expect(text).toContain('4,100 trials/s');
    expect(text).toContain('ETA 1s');
    app.unmount();
  });

  it('shows each outcome’s running power with its interval, updated as trials come in', () => {
    const app = render(<Dashboard {...base} progress={progressAt(500, [0.33, 0.49])} />);
    app.rerender(<Dashboard {...base} progress={progressAt(4000, [0.39, 0.43])} />);
    const text = everything(app.frames);
    expect(text).toMatch(/knife \*\s+41\.0% \[33\.0, 49\.0\]/);
    expect(text).toMatch(/knife \*\s+41\.0% \[39\.0, 43\.0\]/);
    expect(text).toMatch(/crime \*\s+83\.0% \[80\.0, 86\.0\]/);
    app.unmount();
  });

  it('draws the interval as a shaded stretch that narrows', () => {
    const app = render(<Dashboard {...base} progress={progressAt(500, [0.2, 0.6])} />);
    const wide = (everything(app.frames).match(/knife.*?▕[█]*(▓+)/) ?? [])[1];
    app.rerender(<Dashboard {...base} progress={progressAt(4000, [0.39, 0.43])} />);
    const narrow = ([...app.frames]
      .reverse()
      .join('\n')
      .match(/knife.*?▕[█]*(▓+)/) ?? [])[1];
    expect(wide.length).toBe(12); // 0.4 of a 30-cell bar
    expect(narrow.length).toBeLessThan(wide.length);
    app.unmount();
  });

  it('shows warnings as they appear: given ones, failures, and a type I error above α', () => {
    const failing = progressAt(2000, [0.38, 0.44]);
    const withProblems: RunProgress = {
      ...failing,
      outcomes: [failing.outcomes[0], { ...failing.outcomes[1], failures: 3, typeIError: 0.12 }],
    };
    const app = render(
      <Dashboard {...base} warnings={['poisson-wald ignores overdispersion']} progress={withProblems} />,
    );
    const text = everything(app.frames);
    expect(text).toContain('! poisson-wald ignores overdispersion');
    expect(text).toContain('! knife: 3 trials so far could not be analysed');
    expect(text).toContain('! knife: type I error 12.0% so far, above α = 5%');
    expect(text).not.toContain('! crime');
    app.unmount();
  });

  it('prints the final table once the result arrives, without escape codes when colour is off', () => {
    const app = render(<Dashboard {...base} progress={progressAt(5000, [0.4, 0.42])} />);
    app.rerender(<Dashboard {...base} progress={progressAt(5000, [0.4, 0.42])} summary={sampleSummary} />);
    const text = everything(app.frames);
    expect(text).toMatch(/knife \*\s+neg-binomial\s+0\.62\s+41\.0% \[39\.6, 42\.4\]/);
    expect(text).toContain('Family-wise (holm correction)');
    expect(text).not.toContain('\u001b[');
    app.unmount();
  });

  it('shows a failure message instead of the live view when the run fails', () => {
    const app = render(<Dashboard {...base} progress={progressAt(100, [0.2, 0.6])} />);
    app.rerender(<Dashboard {...base} progress={progressAt(100, [0.2, 0.6])} failure="The run stopped." />);
    // With CI set ink's last frame after exit is empty: find the frame that shows the failure.
    const failed = app.frames.filter((frame) => frame.includes('The run stopped.'));
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[failed.length - 1]).not.toContain('trials/s');
    app.unmount();
  });
});
