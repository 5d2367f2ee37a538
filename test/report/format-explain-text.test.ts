import { describe, expect, it } from 'vitest';
import { ESTIMATE_BINS } from '../../src/core/diagnosis/tally.js';
import type { ExplainData, ExplainPanel } from '../../src/report/explain-data.js';
import { formatExplainText } from '../../src/report/format-explain-text.js';

function panel(label: string, treated: number, from: number, to: number, significantTo: number): ExplainPanel {
  const estimateHistogram = new Array<number>(ESTIMATE_BINS.count + 2).fill(0);
  const significantHistogram = new Array<number>(ESTIMATE_BINS.count + 2).fill(0);
  for (let i = from; i <= to; i++) {
    estimateHistogram[i] = 10;
    if (i <= significantTo) significantHistogram[i] = 10;
  }
  return {
    label,
    treated,
    control: 120,
    estimateHistogram,
    significantHistogram,
    trueEffect: 0.62,
    power: 0.41,
    exaggeration: 1.6,
    typeS: 0.004,
    meanSignificantRatio: 0.47,
  };
}

// Bins 60–85 span ratios 0.35–1.28 (e^−1.05 to e^0.25); bin 81 holds ratio 1, bin 71 the truth 0.62.
const data: ExplainData = {
  outcome: 'knife',
  outcomeLabel: 'Knife offending',
  ratioName: 'rate ratio',
  panels: [panel('Pilot', 45, 60, 85, 66), panel('Planned', 200, 68, 74, 74)],
};

describe('formatExplainText', () => {
  const text = formatExplainText(data, { color: false });
  const lines = text.split('\n');

  it('heads each panel with its size, power, exaggeration and wrong-sign share', () => {
    // A heading longer than 80 columns wraps; compare with the line breaks taken out.
    expect(text.replace(/\s+/g, ' ')).toContain(
      'Pilot: 45 treated, 120 control · power 41% · exaggeration 1.60× (log scale) · wrong sign 0.4%',
    );
    expect(text).toContain('Planned: 200 treated, 120 control');
  });

  it("says why the pilot panel can differ from sample-size's closed-form pilot lines", () => {
    expect(text.replace(/\s+/g, ' ')).toContain(
      "These figures are simulated with the analysis itself. `sample-size`'s pilot lines give Gelman & Carlin's closed form for the same pilot",
    );
    const noPilot = formatExplainText(
      { ...data, panels: data.panels.map((p, i) => ({ ...p, label: i === 0 ? 'As written' : '4× larger' })) },
      { color: false },
    );
    expect(noPilot).not.toContain('closed form');
  });

  it('names the scale of exaggeration and the significance rule, and gives the plain reading', () => {
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Power, exaggeration and wrong sign count trials significant by the unadjusted p-value.');
    expect(flat).toContain('on the log-ratio scale, not the percentage reduction');
    expect(flat).toContain('docs/diagnosands-compared.md');
    expect(flat).toContain(
      'At this size a significant trial reports on average a 53% reduction when the truth is a 38% reduction (ratios 0.47 and 0.62).',
    );
  });

  it('draws each bin as columns: significant ones as █, the others as ░, on a shared axis', () => {
    const bottom = lines.filter((line) => line.startsWith('   0%┤'));
    expect(bottom).toHaveLength(2);
    // Axis bins 60–85: 26 bins, two cells each in the 74 columns after the gutter (⌊74 / 26⌋ = 2).
    // The pilot fills all: 7 significant bins then 19 not.
    expect(bottom[0].slice(6)).toBe(`${'█'.repeat(14)}${'░'.repeat(38)}`);
    // The planned panel fills bins 68–74 (cells 16–29), all significant; ┊ marks ratio 1: log 0 is
    // 1.05 / 1.30 of the way along 52 cells, cell ⌊42.0⌋ = 42.
    expect(bottom[1].slice(6)).toBe(`${' '.repeat(16)}${'█'.repeat(14)}${' '.repeat(12)}┊`);
  });

  it('marks the true effect under its column on each axis, with ratio labels', () => {
    const marks = lines.filter((line) => line.includes('↑ true effect 0.62'));
    expect(marks).toHaveLength(2);
    // log 0.62 = −0.478 is 0.572 / 1.30 of the way along 52 cells: cell ⌊22.9⌋ = 22.
    for (const mark of marks) expect(mark.indexOf('↑')).toBe(6 + 22);
    expect(lines.filter((line) => /^\s+0\.5\s+1$/.test(line))).toHaveLength(2);
  });

  it('writes no escape code without colour and fits 80 columns', () => {
    expect(text).not.toContain('\u001b');
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    expect(formatExplainText(data, { color: true })).toContain('\u001b[31m');
  });

  it('ends the truth label at its arrow when it would pass the right edge', () => {
    // A truth of 1.25 sits in the last bin, 0.223 of log above ratio 1, near the right edge.
    const right = { ...data, panels: [{ ...data.panels[0], trueEffect: 1.25 }] };
    const mark = formatExplainText(right, { color: false, width: 60 })
      .split('\n')
      .find((line) => line.includes('true effect 1.25'))!;
    expect(mark.trimEnd().endsWith('true effect 1.25 ↑')).toBe(true);
    expect([...mark].length).toBeLessThanOrEqual(60);
  });

  it('points at where significant results land on average: the mean ratio the plain reading states', () => {
    // 0.47, log −0.755: 0.295 / 1.30 of the way along 52 cells, cell ⌊11.8⌋ = 11.
    const marks = lines.filter((line) => /significant results average 0\.470?\b/.test(line));
    expect(marks).toHaveLength(2);
    for (const mark of marks) expect(mark.indexOf('↑')).toBe(6 + 11);
  });
});
