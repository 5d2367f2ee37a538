import { describe, expect, it } from 'vitest';
import { formatCurveReport } from '../../src/report/format-curve-report.js';
import { formatCurveTable } from '../../src/report/format-curve-table.js';
import { formatJson } from '../../src/report/format-json.js';
import type { PowerCurve } from '../../src/report/power-curve.js';
import { sampleSummary } from './sample-summary.js';

const curve: PowerCurve = {
  parameter: 'design.size.total',
  points: [
    { value: 200, outcome: 'reoffend', power: 0.31, powerCI: [0.29, 0.33] },
    { value: 400, outcome: 'reoffend', power: 0.52, powerCI: [0.5, 0.54] },
  ],
};
const report = { document: sampleSummary, curve, title: 'teaching-two-arm — power by design.size.total' };
const options = { color: false, commandLine: 'trialsim curve teaching-two-arm --vary design.size.total=200,400' };

describe('formatCurveReport', () => {
  it('prints the document as JSON and the points as CSV', () => {
    expect(formatCurveReport(report, 'json', options)).toBe(formatJson(report.document));
    expect(formatCurveReport(report, 'csv', options).split('\r\n')[1]).toBe(
      'design.size.total,200,reoffend,0.31,0.29,0.33,',
    );
  });

  it('wraps the table report in a Markdown block with the command that reproduces it', () => {
    const table = formatCurveTable(curve, { color: false, title: report.title, plotWidth: 60 });
    expect(formatCurveReport(report, 'markdown', options)).toBe(
      `# ${report.title}\n\n\`\`\`text\n${table}\`\`\`\n\nReproduce: \`${options.commandLine}\`\n`,
    );
  });

  it('ends the table with the conclusion, and below a dashboard gives the table of points alone', () => {
    const interrupted = formatCurveReport({ ...report, conclusion: 'Interrupted.' }, 'table', options);
    expect(interrupted.startsWith(`${report.title}\n\n`)).toBe(true);
    expect(interrupted.endsWith('\nInterrupted.\n')).toBe(true);
    const below = formatCurveReport(report, 'table', { ...options, belowDashboard: true });
    expect(below.split('\n')[0].trim().split(/\s+/)).toEqual(['value', 'reoffend']);
    expect(below).not.toContain(report.title);
  });
});
