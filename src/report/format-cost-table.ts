/**
 * The human-readable output of `sample-size --minimise cost`: the cheapest design with its power's
 * Monte Carlo interval, the runners-up within the noise, then the frontier — one line per value of
 * A with the smallest B reaching the target, its interval, its power and its cost — and the rule
 * that says what "within the noise" means.
 */
import { WITHIN_THE_NOISE, type CostFrontier, type CostFrontierPoint } from './cost-frontier.js';
import { formatCount, formatMoney, formatPercent, formatPercentWithInterval } from './format-numbers.js';
import { wrapText } from './wrap-text.js';

/** What to print around the frontier. */
export interface CostTableOptions {
  /** First line, e.g. the scenario name and the two parameters. */
  readonly title?: string;
  /** Last line, e.g. the answer in one sentence. */
  readonly conclusion?: string;
  /** Warnings of the searches, one line each. */
  readonly warnings?: readonly string[];
}

/**
 * A parameter value as the reports print it: whole numbers with thousands separators, others with
 * up to four significant digits.
 *
 * Example: 1200 → "1,200"; 0.8437 → "0.8437"; 2.5 → "2.5".
 */
export function formatValue(value: number): string {
  return Number.isInteger(value) ? formatCount(value) : String(Number(value.toPrecision(4)));
}

/**
 * Formats `frontier` as text. The cheapest row is marked `◀ cheapest`, the runners-up `≈`.
 *
 * Example: a row `   40     120 [110, 131]  80.4% [78.5, 82.2]  £2,341,000 [£2,200,000, £2,500,000]`.
 */
export function formatCostTable(frontier: CostFrontier, options: CostTableOptions = {}): string {
  const lines: string[] = [];
  if (options.title) lines.push(options.title, '');
  const best = frontier.cheapest;
  const target = formatPercent(frontier.target, 0);
  if (best) {
    lines.push(
      `Cheapest design reaching ${target} ${frontier.measure} (${frontier.targetDescription}): ` +
        `${frontier.rowParameter} = ${formatValue(best.row)}, ${frontier.columnParameter} = ${formatValue(best.column!)}`,
      `  delivery ${formatMoney(best.cost!)} (${formatMoney(best.costCI![0])} to ${formatMoney(best.costCI![1])} over the ` +
        `value's 95% Monte Carlo interval [${formatValue(best.columnCI![0])}, ${formatValue(best.columnCI![1])}]); ` +
        `${frontier.measure} there ${formatPercentWithInterval(best.power!, best.powerCI!)}`,
    );
    if (frontier.runnersUp.length === 0) lines.push('  No other design is within the noise of it.');
    else {
      lines.push('  Within the noise (cannot be told apart from it by cost):');
      for (const point of frontier.runnersUp)
        lines.push(
          `    ${frontier.rowParameter} = ${formatValue(point.row)}, ${frontier.columnParameter} = ${formatValue(point.column!)}: ` +
            `${formatMoney(point.cost!)} (${formatMoney(point.costCI![0])} to ${formatMoney(point.costCI![1])})`,
        );
    }
  } else {
    lines.push(`No design tried reaches ${target} ${frontier.measure} (${frontier.targetDescription}).`);
  }
  lines.push(
    '',
    `Frontier: for each ${frontier.rowParameter}, the smallest ${frontier.columnParameter} reaching ${target}:`,
    '',
  );
  const header = [frontier.rowParameter, frontier.columnParameter, '[95% MC]', frontier.measure, 'delivery cost', ''];
  const body = frontier.frontier.map((point) => rowCells(point, frontier));
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  lines.push(line(header), ...body.map(line), '');
  lines.push(
    ...wrapText(
      `Cost is the delivery cost the reports print (whole caseworkers for the treated arm plus the cost per ` +
        `person). Every design uses the scenario's seed and the same trial indices (common random numbers). ` +
        `"Within the noise": ${WITHIN_THE_NOISE}. A row is skipped when even its smallest ` +
        `${frontier.columnParameter} costs more than that, and searched only up to where it does.`,
      100,
    ),
  );
  if (options.warnings && options.warnings.length > 0) {
    lines.push('', 'Warnings');
    for (const warning of options.warnings) lines.push(...wrapText(`! ${warning}`, 100, '  '));
  }
  if (options.conclusion) lines.push('', options.conclusion);
  return `${lines.join('\n')}\n`;
}

// One frontier line: A, the smallest B (or why there is none), its interval, power and cost.
function rowCells(point: CostFrontierPoint, frontier: CostFrontier): string[] {
  const mark =
    point === frontier.cheapest ? '◀ cheapest' : frontier.runnersUp.includes(point) ? '≈ within the noise' : '';
  const row = formatValue(point.row);
  switch (point.status) {
    case 'found':
      return [
        row,
        formatValue(point.column!),
        `[${formatValue(point.columnCI![0])}, ${formatValue(point.columnCI![1])}]`,
        formatPercentWithInterval(point.power!, point.powerCI!),
        `${formatMoney(point.cost!)} [${formatMoney(point.costCI![0])}, ${formatMoney(point.costCI![1])}]`,
        mark,
      ];
    case 'not-reached':
      return [
        row,
        'not reached',
        '',
        point.plateau ? `${formatPercent(point.plateau.power)} at ${formatValue(point.plateau.column)}` : '',
        `at least ${formatMoney(point.lowestCost)}`,
        '',
      ];
    case 'dearer':
      return [
        row,
        'not within cost',
        '',
        point.plateau ? `${formatPercent(point.plateau.power)} at ${formatValue(point.plateau.column)}` : '',
        `over ${formatMoney(frontier.cheapest?.costCI?.[1] ?? point.lowestCost)}`,
        'dearer than the cheapest could be',
      ];
    case 'skipped':
      return [
        row,
        'skipped',
        '',
        '',
        `at least ${formatMoney(point.lowestCost)}`,
        'costs more than the cheapest could',
      ];
    case 'interrupted':
      return [row, 'interrupted', '', '', `at least ${formatMoney(point.lowestCost)}`, ''];
  }
}
