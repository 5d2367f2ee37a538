import { describe, expect, it } from 'vitest';
import { formatCsv, quoteCsvField } from '../../src/report/format-csv.js';
import type { PowerCurve } from '../../src/report/power-curve.js';
import { parseCsv } from './parse-csv.js';
import { sampleSummary } from './sample-summary.js';

describe('formatCsv', () => {
  it('writes a header and one row per outcome, every row as wide as the header', () => {
    const rows = parseCsv(formatCsv(sampleSummary));
    expect(rows).toHaveLength(1 + sampleSummary.results.length);
    for (const row of rows) expect(row).toHaveLength(rows[0].length);
    const column = (name: string) => rows[0].indexOf(name);
    expect(rows.slice(1).map((row) => row[column('outcome')])).toEqual(sampleSummary.results.map((r) => r.outcome));
    expect(Number(rows[2][column('power')])).toBe(sampleSummary.results[1].power);
    expect(Number(rows[2][column('powerCILower')])).toBe(sampleSummary.results[1].powerCI[0]);
    expect(Number(rows[2][column('powerCIUpper')])).toBe(sampleSummary.results[1].powerCI[1]);
    expect(rows[1][column('treated')]).toBe('45');
  });

  it('names the scale of each figure a reader could mistake in its header', () => {
    const [header, , knife] = parseCsv(formatCsv(sampleSummary));
    for (const name of ['biasLog', 'biasLogMcse', 'rmseLog', 'exaggerationLogRatio', 'meanEstimateGeometric']) {
      expect(header).toContain(name);
    }
    expect(header).not.toContain('exaggeration');
    expect(Number(knife[header.indexOf('exaggerationLogRatio')])).toBe(1.6);
    expect(Number(knife[header.indexOf('meanSignificantRatio')])).toBe(0.47);
  });

  it('quotes a label holding a comma and quotes so it reads back unchanged', () => {
    const rows = parseCsv(formatCsv(sampleSummary));
    expect(rows[1][rows[0].indexOf('label')]).toBe(sampleSummary.results[0].label);
  });

  it('writes null diagnosands as empty cells', () => {
    const rows = parseCsv(formatCsv(sampleSummary));
    const youth = rows.find((row) => row[rows[0].indexOf('outcome')] === 'knife-youth')!;
    expect(youth[rows[0].indexOf('typeS')]).toBe('');
    expect(youth[rows[0].indexOf('exaggerationLogRatio')]).toBe('');
    expect(youth[rows[0].indexOf('meanSignificantRatio')]).toBe('');
  });

  it('ends records with CRLF as RFC 4180 specifies', () => {
    const text = formatCsv(sampleSummary);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(sampleSummary.results.length + 2);
  });

  it('writes one row per point of a power curve', () => {
    const curve: PowerCurve = {
      parameter: 'design.size.treated',
      target: 0.8,
      points: [
        { value: 50, outcome: 'knife', power: 0.3, powerCI: [0.27, 0.33] },
        { value: 100, outcome: 'knife', power: 0.55, powerCI: [0.52, 0.58] },
        { value: 50, outcome: 'crime', power: 0.8, powerCI: [0.78, 0.82] },
      ],
    };
    const rows = parseCsv(formatCsv(curve));
    expect(rows[0]).toEqual(['parameter', 'value', 'outcome', 'power', 'powerCILower', 'powerCIUpper', 'target']);
    expect(rows.slice(1)).toEqual([
      ['design.size.treated', '50', 'knife', '0.3', '0.27', '0.33', '0.8'],
      ['design.size.treated', '100', 'knife', '0.55', '0.52', '0.58', '0.8'],
      ['design.size.treated', '50', 'crime', '0.8', '0.78', '0.82', '0.8'],
    ]);
  });
});

describe('quoteCsvField', () => {
  it('leaves plain text alone and quotes commas, quotes and line breaks', () => {
    expect(quoteCsvField('knife')).toBe('knife');
    expect(quoteCsvField('a, b')).toBe('"a, b"');
    expect(quoteCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(quoteCsvField('two\nlines')).toBe('"two\nlines"');
    expect(parseCsv(`${quoteCsvField('x,"y"\r\nz')}\r\n`)).toEqual([['x,"y"\r\nz']]);
  });
});
