import { describe, expect, it } from 'vitest';
import { ESCAPE_SEQUENCE } from '../../src/report/ansi-style.js';
import { formatTable, layoutDiagnosandTable } from '../../src/report/format-table.js';
import { sampleSummary } from './sample-summary.js';

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
    expect(formatTable(noNull, { color: false })).toContain('type I: not measured (--no-null)');
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
