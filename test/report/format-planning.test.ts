import { describe, expect, it } from 'vitest';
import { formatCsv } from '../../src/report/format-csv.js';
import { formatJson } from '../../src/report/format-json.js';
import { formatPlanning } from '../../src/report/format-planning.js';
import { formatResult } from '../../src/report/format-result.js';
import type { PowerCurve } from '../../src/report/power-curve.js';
import { sampleDesign } from './sample-design.js';
import { sampleSummary } from './sample-summary.js';

const curve: PowerCurve = {
  parameter: 'design.size.total',
  target: 0.8,
  points: [{ value: 165, outcome: 'all-primary', power: 0.59, powerCI: [0.52, 0.66] }],
};
const lines = ['Sample size for 80% power (knife significant): 165 people randomised.', '  1 value simulated.'];
const report = { document: sampleSummary, curve, lines, design: sampleDesign, atAnswer: true };
const options = { color: false, commandLine: 'trialsim sample-size milton-keynes' };

describe('formatPlanning', () => {
  it('prints the document as JSON and the search curve as CSV', () => {
    expect(formatPlanning(report, 'json', options)).toBe(formatJson(sampleSummary));
    expect(formatPlanning(report, 'csv', options)).toBe(formatCsv(curve));
  });

  it('prints the planning lines, what the run section shows, then the run table', () => {
    const table = formatResult(sampleSummary, 'table', { ...options, design: sampleDesign });
    expect(formatPlanning(report, 'table', options)).toBe(
      `${lines.join('\n')}\n\nThe design at the answer (45 treated, 120 control), simulated with the scenario's seed — \`trialsim run\` with the same --set gives the same table:\n\n${table}`,
    );
    expect(formatPlanning({ ...report, atAnswer: false }, 'table', options)).toContain(
      '\n\nNo answer to report on; the scenario as written (45 treated, 120 control):\n\n',
    );
  });

  it('puts the planning lines in a Markdown block above the run report', () => {
    const markdown = formatResult(sampleSummary, 'markdown', { ...options, design: sampleDesign });
    expect(formatPlanning(report, 'markdown', options)).toBe(
      `## Plan\n\n\`\`\`text\n${lines.join('\n')}\n\`\`\`\n\n${markdown}`,
    );
  });
});
