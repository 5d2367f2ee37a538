import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { PowerCurve } from '../../src/report/power-curve.js';
import { CurveDashboard, type CurveDashboardProps } from '../../src/ui/CurveDashboard.js';

const empty: PowerCurve = { parameter: 'design.size.treated', target: 0.8, points: [] };
const base: CurveDashboardProps = {
  title: 'milton-keynes: treated needed for 80% power',
  curve: empty,
  current: null,
  progress: null,
  conclusion: null,
  failure: null,
  color: false,
};

describe('CurveDashboard', () => {
  it('draws the target line before any point and each point as it arrives', () => {
    const app = render(<CurveDashboard {...base} current="design.size.treated = 50" />);
    expect(app.frames.join('\n')).toContain('target 80%');
    expect(app.frames.join('\n')).toContain('simulating design.size.treated = 50');
    const one: PowerCurve = { ...empty, points: [{ value: 50, outcome: 'knife', power: 0.3, powerCI: [0.27, 0.33] }] };
    app.rerender(<CurveDashboard {...base} curve={one} />);
    const two: PowerCurve = {
      ...one,
      points: [...one.points, { value: 200, outcome: 'knife', power: 0.85, powerCI: [0.83, 0.87] }],
    };
    app.rerender(<CurveDashboard {...base} curve={two} />);
    const last = app.frames.filter((frame) => frame.includes('●')).at(-1)!;
    expect(last.match(/●/g)).toHaveLength(3); // two points and the legend
    expect(last).toContain('● knife');
    expect(last).toContain('design.size.treated');
    app.unmount();
  });

  it('keeps the final curve and the conclusion on screen', () => {
    const curve: PowerCurve = {
      ...empty,
      points: [{ value: 50, outcome: 'knife', power: 0.3, powerCI: [0.27, 0.33] }],
    };
    const app = render(<CurveDashboard {...base} curve={curve} />);
    app.rerender(<CurveDashboard {...base} curve={curve} conclusion="80% power for knife needs about 210 treated" />);
    const text = app.frames.join('\n');
    expect(text).toContain('80% power for knife needs about 210 treated');
    expect(app.frames.filter((frame) => frame.includes('needs about')).at(-1)).not.toContain('simulating');
    app.unmount();
  });
});
