import { describe, expect, it } from 'vitest';
import type { StepDiagnosis } from '../../src/core/diagnosis/diagnose-steps.js';
import type { RunSummary } from '../../src/core/diagnosis/run-summary.js';
import { formatCsv } from '../../src/report/format-csv.js';
import { formatMarkdown } from '../../src/report/format-markdown.js';
import { describeStepsReading, stepsMarkdownTable, stepsTextTable } from '../../src/report/format-steps.js';
import { formatTable } from '../../src/report/format-table.js';
import { parseCsv } from './parse-csv.js';
import { sampleSummary } from './sample-summary.js';

function step(e: number, meanEstimate: number, rmse: number, power: number): StepDiagnosis {
  return {
    exposurePeriods: e,
    fromMonth: 6 * e,
    toMonth: 6 * (e + 1),
    estimand: 0.888,
    meanEstimate,
    bias: Math.log(meanEstimate / 0.888),
    biasMcse: 0.01,
    rmse,
    estimateRange: [0.57, 1.36],
    coverage: 0.95,
    power,
    powerCI: [power - 0.01, power + 0.01],
    typeIError: 0.05,
    typeIErrorCI: [0.04, 0.06],
    treatedClusterPeriods: 12 - 3 * e,
    controlClusterPeriods: 30,
    failures: 0,
  };
}

const steps = [step(0, 0.882, 0.22, 0.105), step(1, 0.91, 0.3, 0.065), step(2, 0.93, 0.42, 0.06)];
const rollout: RunSummary = {
  ...sampleSummary,
  results: [{ ...sampleSummary.results[0], steps }, ...sampleSummary.results.slice(1)],
};

describe('per-step results of a rollout', () => {
  it('lay out as an aligned text table, one row per step', () => {
    const lines = stepsTextTable(steps);
    expect(lines).toHaveLength(4);
    expect(lines[0].split(/\s{2,}/)).toEqual([
      'step',
      'months',
      'treated / control',
      'estimate',
      'truth',
      '95% of trials',
      'bias',
      'coverage',
      'power',
      'type I',
    ]);
    expect(lines[1].split(/\s{2,}/)).toEqual([
      '0',
      '0–6',
      '12 / 30',
      '0.882',
      '0.888',
      '0.57–1.36',
      '-0.007',
      '95.0%',
      '10.5%',
      '5.0%',
    ]);
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
  });

  it('appear in the terminal table and the Markdown report only for outcomes that have them', () => {
    const table = formatTable(rollout, { color: false, width: 100 });
    expect(table).toContain('Per step on crime');
    expect(table).not.toContain('Per step on knife');
    expect(formatTable(sampleSummary, { color: false, width: 100 })).not.toContain('Per step');
    const markdown = formatMarkdown(rollout, { commandLine: 'trialsim run milton-keynes-rollout', design: null });
    expect(markdown).toContain('## Per-step results');
    expect(markdown).toContain(stepsMarkdownTable(steps)[2]);
  });

  it('become CSV rows of their own, marked by row = step, after the outcome rows', () => {
    const rows = parseCsv(formatCsv(rollout));
    const header = rows[0];
    const at = (row: string[], column: string) => row[header.indexOf(column)];
    expect(rows).toHaveLength(1 + sampleSummary.results.length + steps.length);
    const first = rows[1 + sampleSummary.results.length];
    expect(at(first, 'row')).toBe('step');
    expect(at(first, 'outcome')).toBe('crime');
    expect(Number(at(first, 'power'))).toBe(0.105);
    expect(Number(at(first, 'meanEstimateGeometric'))).toBe(0.882);
    expect(Number(at(first, 'treatedClusterPeriods'))).toBe(12);
    expect(Number(at(first, 'estimateRangeUpper'))).toBe(1.36);
    expect(at(first, 'adjustedPower')).toBe('');
  });

  it('read as one sentence on how much less precise the longest exposure is', () => {
    expect(describeStepsReading(steps)).toContain('Step 2 rests on 6 treated cluster-periods, step 0 on 12');
    expect(describeStepsReading(steps)).toContain('1.9× as wide');
  });
});
