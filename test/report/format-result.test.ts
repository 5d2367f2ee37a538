import { describe, expect, it } from 'vitest';
import { formatResult } from '../../src/report/format-result.js';
import { sampleDesign } from './sample-design.js';
import { sampleSummary } from './sample-summary.js';

const options = { color: false, commandLine: 'trialsim run milton-keynes', design: sampleDesign };

describe('formatResult', () => {
  it('writes each format the flags can ask for', () => {
    expect(JSON.parse(formatResult(sampleSummary, 'json', options))).toEqual(sampleSummary);
    expect(formatResult(sampleSummary, 'csv', options).startsWith('scenario,command,seed,')).toBe(true);
    expect(formatResult(sampleSummary, 'markdown', options)).toContain('```sh\ntrialsim run milton-keynes\n```');
    expect(formatResult(sampleSummary, 'table', options)).toMatch(/^outcome\s+analysis/m);
  });

  it('passes the scenario’s α to the table, so invalid tests are marked', () => {
    const invalid = {
      ...sampleSummary,
      results: [
        {
          ...sampleSummary.results[1],
          typeIError: 0.08,
          typeIErrorCI: [0.07, 0.09] as const,
          typeIErrorAboveAlpha: true,
          typeIErrorTolerance: 'above' as const,
        },
      ],
    };
    expect(formatResult(invalid, 'table', options)).toContain('8.0%!');
    expect(formatResult(invalid, 'table', { ...options, design: null })).not.toContain('8.0%!');
  });
});
