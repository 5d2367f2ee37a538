import { describe, expect, it } from 'vitest';
import { ESCAPE_SEQUENCE } from '../../src/report/ansi-style.js';
import { formatTable, layoutDiagnosandTable } from '../../src/report/format-table.js';
import { sampleSummary } from './sample-summary.js';

/** The text with its line breaks and continuation indents undone, as one line. */
function oneLine(text: string): string {
  return text.replace(/\n\s*/g, ' ');
}

describe('formatTable', () => {
  it('writes no escape code when colour is off', () => {
    expect(formatTable(sampleSummary, { color: false })).not.toContain('\u001b');
  });

  it('styles the heading and warnings when colour is on, with the same text underneath', () => {
    const colored = formatTable(sampleSummary, { color: true });
    expect(colored).toContain('\u001b[1m');
    expect(colored.replace(ESCAPE_SEQUENCE, '')).toBe(formatTable(sampleSummary, { color: false }));
  });

  it('fits 100 columns', () => {
    for (const line of formatTable(sampleSummary, { color: false }).split('\n')) {
      expect(line.length).toBeLessThanOrEqual(100);
    }
  });

  it('has one row per outcome with power, its interval, and the other diagnosands', () => {
    const lines = formatTable(sampleSummary, { color: false }).split('\n');
    const knife = lines.find((line) => line.startsWith('knife *'))!;
    expect(knife).toContain('41.0% [39.6, 42.4]');
    expect(knife).toContain('5.2%');
    expect(knife).toContain('-0.012');
    expect(knife).toContain('94.8%');
    expect(knife).toContain('1.60×');
    const youth = lines.find((line) => line.startsWith('knife-youth'))!;
    expect(youth).toContain('9.5% [8.7, 10.4]');
    expect(youth).not.toContain('*');
  });

  it('says family-wise results and every warning', () => {
    const text = formatTable(sampleSummary, { color: false });
    expect(text).toContain('any primary significant 55.0%');
    expect(text).toContain('! knife: 3 trials could not be analysed');
    expect(text).toContain('! poisson-wald ignores overdispersion');
  });

  it('says when a run was interrupted', () => {
    expect(formatTable({ ...sampleSummary, complete: false }, { color: false })).toContain('Interrupted');
    expect(formatTable(sampleSummary, { color: false })).not.toContain('Interrupted');
  });

  it('marks type I error as not measured after --no-null', () => {
    const noNull = {
      ...sampleSummary,
      results: sampleSummary.results.map((r) => ({
        ...r,
        typeIError: null,
        typeIErrorCI: null,
        typeIErrorAboveAlpha: null,
      })),
    };
    expect(oneLine(formatTable(noNull, { color: false }))).toContain('type I: not measured (--no-null)');
  });

  it('opens with the verdict in plain words, by the Holm-adjusted power of the primary outcomes', () => {
    const lines = formatTable(sampleSummary, { color: false }).split('\n');
    expect(oneLine(lines.slice(3, lines.indexOf('', 3)).join('\n'))).toBe(
      'A trial of 45 treated and 120 control (165 people) would detect a true 54% reduction in crime as a ' +
        'suspect, "recorded" 79 times in 100 and a true 38% reduction in knife offending as a suspect 33 ' +
        'times in 100 (intention to treat, after the holm correction across the 2 primary outcomes); both ' +
        'together 30 times in 100. `trialsim sample-size` finds the size that reaches 80%.',
    );
  });

  it('shows the Holm-adjusted power of primary outcomes in a column named after the correction', () => {
    const lines = formatTable(sampleSummary, { color: false }).split('\n');
    const header = lines.find((line) => line.startsWith('outcome'))!;
    expect(header).toMatch(/power \[95% CI\] +holm +type I/);
    expect(lines.find((line) => line.startsWith('crime *'))).toMatch(/\[82\.1, 84\.2\] +79\.0% +4\.9%/);
    expect(lines.find((line) => line.startsWith('knife-youth'))).toMatch(/\[8\.7, 10\.4\] +5\.2%/);
    expect(oneLine(formatTable(sampleSummary, { color: false }))).toContain(
      'holm: share significant after the holm correction across the primary outcomes.',
    );
  });

  it('names the scale and significance rule of each figure, and where they are defined', () => {
    const legend = oneLine(formatTable(sampleSummary, { color: false }));
    expect(legend).toContain('power: share of trials significant by the unadjusted p-value');
    expect(legend).toContain('bias: mean error of the log ratio (log scale;');
    expect(legend).toContain(
      'exagg.: exaggeration (Gelman & Carlin), the mean of |log estimate| / |log true ratio| over significant trials: on the log-ratio scale, not the percentage reduction',
    );
    expect(legend).toContain('type S and exagg. count trials significant by the unadjusted p-value');
    expect(legend).toContain('docs/diagnosands-compared.md');
  });

  it('gives the plain reading of exaggeration for each primary outcome', () => {
    const text = oneLine(formatTable(sampleSummary, { color: false }));
    expect(text).toContain(
      'crime: a significant trial reports on average a 61% reduction when the truth is a 54% reduction (ratios 0.39 and 0.46).',
    );
    expect(text).toContain(
      'knife: a significant trial reports on average a 53% reduction when the truth is a 38% reduction (ratios 0.47 and 0.62); 0.4% of significant trials report an increase instead.',
    );
    expect(text).not.toContain('knife-youth: a significant');
  });

  it("states the selected cohort's rates when eligibility shaped it", () => {
    const cohort = [
      {
        group: 'youth',
        eligibleShare: 0.31,
        outcomes: [
          { outcome: 'crime', priorRatePerYear: 4.5, controlFollowUp: 3.2 },
          { outcome: 'knife', priorRatePerYear: 1.531, controlFollowUp: 1.234 },
          { outcome: 'knife-youth', priorRatePerYear: 1.531, controlFollowUp: 1.234 },
        ],
      },
    ];
    const text = oneLine(formatTable({ ...sampleSummary, cohort }, { color: false, width: 60 }));
    expect(text).toContain(
      'Selected cohort (exact, from the scenario; count outcomes per person-year, prior window → expected in control follow-up): youth, 31% of the population eligible: crime 4.50 → 3.20, knife 1.53 → 1.23',
    );
    const whole = [
      { ...cohort[0], eligibleShare: 1, outcomes: cohort[0].outcomes.map((o) => ({ ...o, priorRatePerYear: null })) },
    ];
    expect(formatTable({ ...sampleSummary, cohort: whole }, { color: false })).not.toContain('Selected cohort');
  });

  it.each([60, 80])('fits %i columns without breaking a number or an interval across lines', (width) => {
    const lines = formatTable(sampleSummary, { color: false, width, alpha: 0.05 }).split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
    for (const line of lines) {
      expect(line).not.toMatch(/\[[\d.]+,?$/); // an interval cut after its lower bound
      expect(line).not.toMatch(/^\s*,/);
    }
    const text = lines.join('\n');
    for (const interval of ['[82.1, 84.2]', '[39.6, 42.4]', '[8.7, 10.4]']) expect(text).toContain(interval);
    // Every diagnosand is still shown for every outcome (at 60 columns in two parts).
    for (const header of ['power [95% CI]', 'holm', 'type I', 'bias', 'coverage', 'type S', 'exagg.']) {
      expect(text).toContain(header);
    }
    expect(text.match(/^knife \*/gm)!.length).toBe(width === 60 ? 2 : 1);
  });
});

describe('layoutDiagnosandTable', () => {
  it('aligns every row to the same columns', () => {
    const { lines } = layoutDiagnosandTable(sampleSummary.results);
    const powerEnd = lines[0].indexOf('power [95% CI]') + 'power [95% CI]'.length;
    for (const line of lines.slice(1)) expect(line[powerEnd - 1]).toBe(']');
  });

  it('leaves out the failures column when nothing failed', () => {
    const none = sampleSummary.results.map((r) => ({ ...r, failures: 0 }));
    expect(layoutDiagnosandTable(none).lines[0]).not.toContain('failed');
    expect(layoutDiagnosandTable(sampleSummary.results).lines[0]).toContain('failed');
  });

  it('keeps the analysis column when it fits', () => {
    const layout = layoutDiagnosandTable(sampleSummary.results, 100);
    expect(layout.analysisDropped).toBe(false);
    expect(layout.lines[0]).toContain('analysis');
  });

  it('narrows to 80 columns by leaving out the analysis column, which the table then lists below', () => {
    const layout = layoutDiagnosandTable(sampleSummary.results, 80);
    expect(layout.analysisDropped).toBe(true);
    expect(layout.lines[0]).not.toContain('analysis');
    for (const line of layout.lines) expect(line.length).toBeLessThanOrEqual(80);
    // Nothing else was cut: every outcome id is whole.
    for (const r of sampleSummary.results)
      expect(layout.lines.some((line) => line.startsWith(`${r.outcome} `) || line === r.outcome)).toBe(true);
    const text = formatTable(sampleSummary, { color: false, width: 80 });
    expect(text).toContain('analysis: crime, knife: negative-binomial · knife-youth: mann-whitney');
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });
});

describe('formatTable with the scenario’s α', () => {
  // knife's type I error 5.2% has interval [4.6, 5.9]: inside the band [2.5%, 7.5%]. Make one that is not.
  const invalid = {
    ...sampleSummary,
    results: sampleSummary.results.map((r) =>
      r.outcome === 'knife'
        ? {
            ...r,
            typeIError: 0.12,
            typeIErrorCI: [0.11, 0.13] as const,
            typeIErrorAboveAlpha: true,
            typeIErrorTolerance: 'above' as const,
          }
        : r,
    ),
  };

  it('marks a type I error whose interval lies above the tolerance band, and explains the mark', () => {
    const text = formatTable(invalid, { color: false, alpha: 0.05 });
    const knife = text.split('\n').find((line) => line.startsWith('knife *'))!;
    expect(knife).toContain('12.0%!');
    expect(text.split('\n').find((line) => line.startsWith('crime *'))).not.toContain('!');
    expect(text.replace(/\s+/g, ' ')).toContain(
      '! type I above the tolerance band [2.5%, 7.5%] beyond Monte Carlo error: the test is not valid here.',
    );
  });

  it('notes a type I error above α but within tolerance without the alarm, and marks coverage outside its band', () => {
    const noted = {
      ...sampleSummary,
      results: sampleSummary.results.map((r) =>
        r.outcome === 'knife'
          ? { ...r, typeIError: 0.054, typeIErrorAboveAlpha: true, coverage: 0.84, coverageTolerance: 'below' as const }
          : r,
      ),
    };
    const text = formatTable(noted, { color: false, alpha: 0.05 });
    const knife = text.split('\n').find((line) => line.startsWith('knife *'))!;
    expect(knife).toContain('5.4%+');
    expect(knife).toContain('84.0%!');
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('+ above α = 0.05 beyond Monte Carlo error but within tolerance [2.5%, 7.5%].');
    expect(flat).toContain('! coverage below [92.5%, 97.5%] beyond Monte Carlo error');
    expect(flat).not.toContain('the test is not valid');
  });

  it('marks nothing without α or when every interval reaches α', () => {
    expect(
      formatTable(invalid, { color: false })
        .split('\n')
        .find((line) => line.startsWith('knife *')),
    ).not.toContain('!');
    expect(formatTable(sampleSummary, { color: false, alpha: 0.05 })).not.toContain('above α');
    expect(formatTable(sampleSummary, { color: false, alpha: 0.05 })).not.toContain('tolerance');
  });
});
