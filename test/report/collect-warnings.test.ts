import { describe, expect, it } from 'vitest';
import { collectWarnings } from '../../src/report/collect-warnings.js';
import { sampleSummary } from './sample-summary.js';

describe('collectWarnings', () => {
  it('lists run-wide warnings first, then each outcome’s with its id, once each', () => {
    const summary = {
      ...sampleSummary,
      warnings: ['only 1000 trials'],
      results: [
        { ...sampleSummary.results[0], warnings: ['a', 'a'] },
        { ...sampleSummary.results[1], warnings: ['3 trials failed'] },
      ],
    };
    expect(collectWarnings(summary)).toEqual(['only 1000 trials', 'crime: a', 'knife: 3 trials failed']);
  });
});
