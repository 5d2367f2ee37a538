import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/report/format-json.js';
import { sampleSummary } from './sample-summary.js';

describe('formatJson', () => {
  it('prints one document that parses back to the summary', () => {
    const text = formatJson(sampleSummary);
    expect(JSON.parse(text)).toEqual(sampleSummary);
    expect(text.endsWith('}\n')).toBe(true);
    expect(
      text
        .trim()
        .split('\n')
        .filter((line) => line.startsWith('{')).length,
    ).toBe(1);
  });

  it('orders the top-level keys as docs/json-output.md shows them, timing last', () => {
    const shuffled = Object.fromEntries(Object.entries(sampleSummary).reverse()) as typeof sampleSummary;
    const keys = Object.keys(JSON.parse(formatJson(shuffled)));
    expect(keys).toEqual([
      'tool',
      'command',
      'scenario',
      'seed',
      'trials',
      'complete',
      'design',
      'results',
      'familywise',
      'warnings',
      'timing',
    ]);
  });

  it('starts each result with the contract fields in §5 order', () => {
    const shuffled = {
      ...sampleSummary,
      results: sampleSummary.results.map((r) => Object.fromEntries(Object.entries(r).reverse())),
    } as unknown as typeof sampleSummary;
    const first = JSON.parse(formatJson(shuffled)).results[0];
    expect(Object.keys(first).slice(0, 15)).toEqual([
      'outcome',
      'analysis',
      'primary',
      'estimand',
      'power',
      'powerCI',
      'mcse',
      'typeIError',
      'bias',
      'rmse',
      'coverage',
      'typeS',
      'exaggeration',
      'meanEstimate',
      'failures',
    ]);
  });

  it('keeps the fields a planning command adds, before warnings and timing', () => {
    const sampleSize = {
      ...sampleSummary,
      command: 'sample-size',
      target: 0.8,
      parameter: 'design.size.treated',
      value: 210,
      valueCI: [195, 230],
      curve: [{ powerCI: [0.7, 0.74], power: 0.72, value: 180 }],
      somethingNew: 1,
    };
    const parsed = JSON.parse(formatJson(sampleSize));
    expect(parsed).toEqual(sampleSize);
    const keys = Object.keys(parsed);
    expect(keys.indexOf('target')).toBeGreaterThan(keys.indexOf('familywise'));
    expect(keys.at(-1)).toBe('timing');
    expect(Object.keys(parsed.curve[0])).toEqual(['value', 'power', 'powerCI']);
  });
});
