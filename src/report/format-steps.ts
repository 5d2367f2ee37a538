/**
 * A rollout's per-step results in words and tables, one source for the terminal table, the
 * Markdown report and the CSV: per exposure time (periods since a cluster crossed
 * over) the cluster-periods it rests on, the mean estimate against the truth, the 95% range of
 * single trials' estimates, bias, coverage and the power of the step contrast. Field meanings:
 * docs/json-output.md (`results[].steps`).
 */
import type { StepDiagnosis } from '../core/diagnosis/diagnose-steps.js';
import type { OutcomeDiagnosis } from '../core/diagnosis/run-summary.js';
import { formatPercent, formatRatio, formatSigned } from './format-numbers.js';

/** The outcomes of a run that have per-step results, in the run's order. */
export function outcomesWithSteps(results: readonly OutcomeDiagnosis[]): OutcomeDiagnosis[] {
  return results.filter((r) => r.steps !== undefined && r.steps.length > 0);
}

/** Months since crossover a step covers, e.g. "0–6". */
export function stepMonths(step: StepDiagnosis): string {
  return `${step.fromMonth}–${step.toMonth}`;
}

/** One step's cells, in the order of `STEP_HEADERS`. */
function stepCells(step: StepDiagnosis): string[] {
  return [
    String(step.exposurePeriods),
    stepMonths(step),
    `${formatCells(step.treatedClusterPeriods)} / ${formatCells(step.controlClusterPeriods)}`,
    formatRatio(step.meanEstimate),
    formatRatio(step.estimand),
    `${formatRatio(step.estimateRange[0])}–${formatRatio(step.estimateRange[1])}`,
    formatSigned(step.bias),
    formatPercent(step.coverage),
    formatPercent(step.power),
    step.typeIError === null ? '—' : formatPercent(step.typeIError),
  ];
}

/** Short headers, so the table fits 100 columns; the legend under it says what they mean. */
const STEP_HEADERS = [
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
] as const;

/** What the text table's columns mean. */
export const STEPS_LEGEND =
  'step: periods since a cluster crossed over (0 = its first treated period); months: since crossover. ' +
  'treated / control: cluster-periods at that exposure and not yet treated. estimate: mean (geometric) ' +
  'of the step effect from cluster and period fixed effects with one effect per step; 95% of trials: ' +
  'where single rollouts put it. power and type I: its own t test, with the effect and with none.';

/**
 * An outcome's steps as an aligned text table (header first), for the terminal.
 *
 * @example 4 steps → 5 lines, the first `step  months  treated / control  estimate  truth …`
 */
export function stepsTextTable(steps: readonly StepDiagnosis[]): string[] {
  const rows = [[...STEP_HEADERS], ...steps.map(stepCells)];
  const widths = STEP_HEADERS.map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  return rows.map((row) =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '),
  );
}

/**
 * An outcome's steps as a Markdown table.
 *
 * @example 4 steps → 6 lines: header, alignment row, one row per step
 */
export function stepsMarkdownTable(steps: readonly StepDiagnosis[]): string[] {
  const headers = [
    'Step',
    'Months since crossover',
    'Treated / control cluster-periods',
    'Mean estimate',
    'True effect',
    '95% of trials between',
    'Bias (log)',
    'Coverage',
    'Power',
    'Type I error',
  ];
  return [
    `| ${headers.join(' | ')} |`,
    `|${' ---: |'.repeat(headers.length)}`,
    ...steps.map((step) => `| ${stepCells(step).join(' | ')} |`),
  ];
}

/**
 * What the per-step results say, in one sentence: how much less precise the longest exposure is
 * than the first, and why.
 *
 * @example → "Step 3 rests on 3 treated cluster-periods, step 0 on 12: its estimates spread 2.5× as wide
 *   (RMSE 0.563 against 0.221 on the log scale), so one rollout says little about whether the effect
 *   grows or fades with time since crossover."
 */
export function describeStepsReading(steps: readonly StepDiagnosis[]): string {
  if (steps.length < 2) return '';
  const first = steps[0];
  const last = steps[steps.length - 1];
  return (
    `Step ${last.exposurePeriods} rests on ${formatCells(last.treatedClusterPeriods)} treated cluster-periods, ` +
    `step 0 on ${formatCells(first.treatedClusterPeriods)}: its estimates spread ${(last.rmse / first.rmse).toFixed(1)}× as ` +
    `wide (RMSE ${last.rmse.toFixed(3)} against ${first.rmse.toFixed(3)} on the log scale), so one rollout says little ` +
    'about whether the effect grows or fades with time since crossover.'
  );
}

function formatCells(count: number): string {
  if (!Number.isFinite(count)) return '—';
  return Number.isInteger(count) ? String(count) : count.toFixed(1);
}
