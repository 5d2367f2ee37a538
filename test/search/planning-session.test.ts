// The planning session on the real runner in this thread (it loads the compiled engine from dist/,
// which the pretest build makes): what it tells its view, the report run it makes, and that the
// view is closed exactly once, as finished or as failed.
import { describe, expect, test } from 'vitest';
import type { RunProgress } from '../../src/events/run-progress.js';
import { designWith, loadDesign } from '../../src/scenario/load-design.js';
import { openPlanningSession } from '../../src/search/planning-session.js';
import type { PlanningHeading, PlanningView } from '../../src/search/planning-view.js';
import { withSeed } from '../../src/search/search-seed.js';

/** A view that records what it is told, in order. */
function recordingView() {
  const calls: string[] = [];
  const progress: RunProgress[] = [];
  const view: PlanningView = {
    simulationStarted: (label) => {
      calls.push(`start ${label}`);
      return (event) => progress.push(event);
    },
    note: (line) => calls.push(`note ${line}`),
    addPoints: (points) => calls.push(`points ${points.map((p) => p.value).join(',')}`),
    finish: async (conclusion) => void calls.push(`finish ${conclusion}`),
    fail: async () => void calls.push('fail'),
  };
  return { view, calls, progress };
}

async function sessionOn(view: PlanningView, headings: PlanningHeading[] = []) {
  const scenario = await loadDesign('teaching-two-arm', ['simulation.trials=40', 'simulation.seed=9']);
  const session = openPlanningSession({
    scenario,
    runner: { threads: 1 },
    withNull: true,
    signal: new AbortController().signal,
    openView: async (heading) => {
      headings.push(heading);
      return view;
    },
  });
  return { scenario, session };
}

describe('openPlanningSession', () => {
  test('tells nothing before its view is opened, then names each run by its design and shows its progress', async () => {
    const { view, calls, progress } = recordingView();
    const headings: PlanningHeading[] = [];
    const { scenario, session } = await sessionOn(view, headings);
    try {
      session.note('lost: no view yet');
      await session.openView({
        title: 'teaching-two-arm — people randomised',
        parameter: 'design.size.total',
        target: 0.8,
      });
      expect(headings).toEqual([
        { title: 'teaching-two-arm — people randomised', parameter: 'design.size.total', target: 0.8 },
      ]);
      const design = session.designAt(['design.size={ treated: 50, control: 50 }'], 'design.size.total = 100');
      expect(design).toEqual(designWith(scenario, ['design.size={ treated: 50, control: 50 }']).design);
      const first = await session.searchRange(design, 0, 20);
      // A search reseeds each point with a shallow copy; the label follows the design's plan.
      const more = await session.searchRange(withSeed(design, 5), 20, 30);
      await session.searchRange(withSeed(scenario.design, 5), 0, 10);
      session.addPoints([{ value: 100, outcome: 'reoffend', power: 0.2, powerCI: [0.1, 0.3] }]);
      expect([first.tally.trials, more.tally.trials]).toEqual([20, 10]);
      expect(first.tally.nullRun).toBeNull(); // search runs skip the null run
      expect(calls).toEqual([
        'start design.size.total = 100',
        'start design.size.total = 100 (trials 21–30)',
        'start the next point of the search',
        'points 100',
      ]);
      expect(progress.at(-1)!.trialsDone).toBe(10);
    } finally {
      await session.close();
    }
  });

  test('reports at the answer with the scenario’s trials and the null run, under the loaded scenario’s fingerprint', async () => {
    const { view, calls } = recordingView();
    const { scenario, session } = await sessionOn(view);
    try {
      await session.openView({ title: 't', parameter: 'ratio', target: 0.8 });
      const summary = await session.reportRun(
        session.designAt(['design.size={ treated: 30, control: 30 }'], 'x'),
        'mde',
      );
      expect(summary.command).toBe('mde');
      expect(summary.trials).toBe(40);
      expect(summary.seed).toBe(9);
      expect(summary.design).toEqual({ treated: 30, control: 30, total: 60 });
      expect(summary.scenario.sha256).toBe(scenario.sha256);
      expect(summary.results[0].typeIError).not.toBeNull();
      expect(calls).toEqual([
        'note report: 40 trials at the answer with the paired null run',
        'start the report run: 40 trials at the answer with the paired null run',
      ]);
      const extras = await session.extras(scenario.design, summary, 1.5);
      expect(extras).toEqual({ commissioner: null, pilot: null, searchSeconds: 1.5 }); // no costs, no pilot
    } finally {
      await session.close();
    }
  });

  test('closes a finished view once, and fails a view left open', async () => {
    const finished = recordingView();
    const one = await sessionOn(finished.view);
    await one.session.openView({ title: 't', parameter: 'p', target: undefined });
    await one.session.finish('80% power needs about 770 people randomised');
    await one.session.close();
    expect(finished.calls).toEqual(['finish 80% power needs about 770 people randomised']);

    const abandoned = recordingView();
    const two = await sessionOn(abandoned.view);
    await two.session.openView({ title: 't', parameter: 'p', target: undefined });
    await two.session.close();
    expect(abandoned.calls).toEqual(['fail']);
  });
});
