/**
 * The interim looks of a group-sequential design in words and tables, one source for the terminal
 * table, the Markdown report and the CSV: per look the boundaries and the share of trials stopping
 * there, and overall power, type I error, the expected people and duration, and the estimate at
 * stopping. Field meanings: docs/json-output.md ("sequential").
 */
import type { SequentialDiagnosis } from '../core/diagnosis/sequential-diagnosis.js';
import { formatCount, formatPercent, formatPercentWithInterval, formatSigned } from './format-numbers.js';

/** One look's cells, in the order of `LOOK_HEADERS`. */
function lookCells(s: SequentialDiagnosis): string[][] {
  return s.looks.map((look) => [
    String(look.look),
    look.informationFraction.toFixed(2),
    formatCount(look.people),
    look.month === null ? '—' : formatMonths(look.month),
    look.efficacyZ.toFixed(3),
    look.futilityZ === null ? '—' : look.futilityZ.toFixed(3),
    formatPercent(look.stopEfficacy),
    formatPercent(look.stopFutility),
    look.nullStopEfficacyIgnoringFutility === null ? '—' : formatPercent(look.nullStopEfficacyIgnoringFutility, 2),
    look.nullStopFutility === null ? '—' : formatPercent(look.nullStopFutility),
    look.exaggeration === null ? '—' : `${look.exaggeration.toFixed(2)}×`,
  ]);
}

/** Short headers, so the table fits 100 columns; the legend under it says what they mean. */
const LOOK_HEADERS = [
  'look',
  'info',
  'people',
  'month',
  'efficacy z',
  'futility z',
  'stop: eff.',
  'fut.',
  'null: eff.',
  'fut.',
  'exagg.',
] as const;

/** What the text table's columns mean. */
export const SEQUENTIAL_LEGEND =
  'info: information fraction. people: followed up by the look. stop: share of trials stopping there for ' +
  'efficacy or futility (obeyed). null: the same with no effect (efficacy with futility ignored). ' +
  'exagg.: how many times trials stopping there for efficacy overstate the effect.';

/** What the design is, in one sentence. */
export function describeSequentialDesign(s: SequentialDiagnosis): string {
  const futility =
    s.futility === null
      ? 'no futility boundary'
      : `non-binding futility boundary by ${s.futility.spending} (β = ${s.futility.beta})`;
  return (
    `Interim looks on ${s.outcome} (${s.analysis}, ${s.sides === 'two' ? 'two' : 'one'}-sided): ${s.looks.length} looks at ` +
    `${s.looks.map((look) => look.informationFraction).join(', ')} of ${formatCount(s.maximumPeople)} people; ` +
    `efficacy boundary by ${s.boundaries}; ${futility}.`
  );
}

/** The overall results, in sentences. */
export function describeSequentialResults(s: SequentialDiagnosis): string[] {
  const lines = [
    `Power (stopping for benefit or harm at any look, futility obeyed): ${formatPercentWithInterval(s.power, s.powerCI)}` +
      (s.futility === null ? '.' : `; futility ignored: ${formatPercent(s.powerIgnoringFutility)}.`),
  ];
  if (s.typeIError !== null && s.typeIErrorCI !== null) {
    lines.push(
      `Type I error with no effect (futility ignored, as non-binding boundaries promise): ${formatPercentWithInterval(s.typeIError, s.typeIErrorCI, 2)}` +
        (s.futility === null || s.typeIErrorFutilityObeyed === null
          ? '.'
          : `; futility obeyed: ${formatPercent(s.typeIErrorFutilityObeyed, 2)}.`),
    );
  }
  const nullPeople =
    s.expectedPeopleUnderNull === null ? '' : ` (with no effect: ${formatCount(s.expectedPeopleUnderNull)})`;
  lines.push(
    `Expected people followed up at stopping: ${formatCount(s.expectedPeople)} ± ${formatCount(s.expectedPeopleMcse)} of ${formatCount(s.maximumPeople)}${nullPeople}.`,
  );
  if (s.expectedMonths !== null) {
    const nullMonths =
      s.expectedMonthsUnderNull === null ? '' : ` (with no effect: ${formatMonths(s.expectedMonthsUnderNull)})`;
    lines.push(
      `Expected duration: ${formatMonths(s.expectedMonths)} months of at most ${formatMonths(s.followUpMonths + (s.recruitmentMonths ?? 0))}${nullMonths}; ` +
        `expected people recruited by then: ${formatCount(s.expectedRecruited ?? Number.NaN)}.`,
    );
  }
  lines.push(
    `Estimate at stopping: bias ${formatSigned(s.bias)} (log ratio, ± ${s.biasMcse.toFixed(3)})` +
      (s.exaggeration === null
        ? '.'
        : `; trials stopped for efficacy overstate the effect ${s.exaggeration.toFixed(2)}× on average (the winner's curse of stopping early).`),
  );
  return lines;
}

/**
 * The looks as an aligned text table (header first), for the terminal.
 *
 * @example 3 looks → 4 lines, the first `look  info  people  month  efficacy z …`
 */
export function sequentialTextTable(s: SequentialDiagnosis): string[] {
  const rows = [[...LOOK_HEADERS], ...lookCells(s)];
  const widths = LOOK_HEADERS.map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  return rows.map((row) =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '),
  );
}

/**
 * The looks as a Markdown table.
 *
 * @example 3 looks → 5 lines: header, alignment row, one row per look
 */
export function sequentialMarkdownTable(s: SequentialDiagnosis): string[] {
  const headers = [
    'Look',
    'Information',
    'People followed up',
    'Month',
    'Efficacy z',
    'Futility z',
    'Stop for efficacy',
    'Stop for futility',
    'Stop for efficacy, no effect',
    'Stop for futility, no effect',
    'Exaggeration at stopping',
  ];
  return [
    `| ${headers.join(' | ')} |`,
    `|${' ---: |'.repeat(headers.length)}`,
    ...lookCells(s).map((cells) => `| ${cells.join(' | ')} |`),
  ];
}

function formatMonths(months: number): string {
  return Number.isInteger(months) ? String(months) : months.toFixed(1);
}
