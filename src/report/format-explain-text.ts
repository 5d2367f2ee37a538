/**
 * The `explain` teaching view for the terminal: for each size (pilot, planned), a text histogram
 * of the estimated ratio over simulated trials on one shared log axis — significant results as
 * `█`, the others as `░` — with lines at the true effect (`│`) and at no effect (`┊`), arrows
 * under the axis at the truth and at the average significant result, and the power,
 * exaggeration and wrong-sign share in each panel's heading.
 */
import { applyStyle } from './ansi-style.js';
import { explainBars, sharedBinRange } from './explain-bars.js';
import type { ExplainData, ExplainPanel } from './explain-data.js';
import { describeChange } from './describe-change.js';
import { DIAGNOSANDS_DOC } from './diagnosand-scales.js';
import { formatPercent, formatRatio } from './format-numbers.js';
import { wrapText } from './wrap-text.js';

/** How to draw the text view. */
export interface ExplainTextOptions {
  readonly color: boolean;
  /** Widest line in columns (default 80). */
  readonly width?: number;
  /** Rows of each histogram (default 8). */
  readonly height?: number;
}

const GUTTER = 6;
const AXIS_RATIOS = [0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 3, 5, 10, 20];

function panelHeading(panel: ExplainPanel): string {
  const parts = [`power ${formatPercent(panel.power, 0)}`];
  if (panel.exaggeration !== null) parts.push(`exaggeration ${panel.exaggeration.toFixed(2)}× (log scale)`);
  if (panel.typeS !== null && panel.typeS > 0) parts.push(`wrong sign ${formatPercent(panel.typeS)}`);
  return `${panel.label}: ${panel.treated} treated, ${panel.control} control · ${parts.join(' · ')}`;
}

/**
 * The plain reading of a panel's exaggeration: "At this size a significant trial reports on average
 * a 53% reduction when the truth is a 38% reduction." Null when no significant result found the
 * true direction, or there is no effect.
 */
function plainReading(panel: ExplainPanel): string | null {
  if (panel.meanSignificantRatio === null || panel.trueEffect === 1) return null;
  return `At this size a significant trial reports on average ${describeChange(panel.meanSignificantRatio)} when the truth is ${describeChange(panel.trueEffect)} (ratios ${formatRatio(panel.meanSignificantRatio)} and ${formatRatio(panel.trueEffect)}).`;
}

/**
 * Formats the teaching view as text lines joined by newlines (ending with one).
 *
 * Example: for a pilot (45 treated) and a planned size (200 treated) of the knife outcome, the
 * text holds `Pilot: 45 treated, 120 control · power 41% · exaggeration 1.60×`,
 * a histogram wider than the planned one below it, and under each axis `true effect 0.62`.
 */
export function formatExplainText(data: ExplainData, options: ExplainTextOptions): string {
  const width = options.width ?? 80;
  const plotWidth = width - GUTTER;
  const height = options.height ?? 8;
  const range = sharedBinRange(data.panels);
  const bins = range[1] - range[0] + 1;
  const binsPerBar = Math.max(1, Math.ceil(bins / plotWidth));
  // A narrow range is drawn with up to three cells per bin, so the shape stays readable.
  const cellsPerBar = binsPerBar === 1 ? Math.max(1, Math.min(3, Math.floor(plotWidth / bins))) : 1;
  const out: string[] = [
    applyStyle(`${data.outcomeLabel}: what one trial could show`, 'bold', options.color),
    ...wrapText(
      `The estimated ${data.ratioName} of each simulated trial: █ significant  ░ not significant  │ true effect  ┊ no effect`,
      width,
    ).map((line) => line.replace('█', applyStyle('█', 'red', options.color))),
    ...wrapText(
      `Power, exaggeration and wrong sign count trials significant by the unadjusted p-value. Exaggeration (Gelman & Carlin) is the mean of |log estimate| / |log true ratio| over significant results: how many times a significant result overstates the true effect on the log-ratio scale, not the percentage reduction (the plain reading is under each picture; definitions: ${DIAGNOSANDS_DOC}).`,
      width,
    ),
  ];
  for (const panel of data.panels) {
    const { bars, total, outside } = explainBars(panel, range, binsPerBar);
    const logLow = Math.log(bars[0].ratioLow);
    const logHigh = Math.log(bars[bars.length - 1].ratioHigh);
    const plotCells = bars.length * cellsPerBar;
    const columnOf = (ratio: number) =>
      Math.min(plotCells - 1, Math.max(0, Math.floor(((Math.log(ratio) - logLow) / (logHigh - logLow)) * plotCells)));
    const maxShare = Math.max(...bars.map((bar) => bar.count)) / Math.max(1, total);
    const truthColumn = columnOf(panel.trueEffect);
    const noneColumn = columnOf(1);
    out.push('', ...wrapText(panelHeading(panel), width, '  ').map((line) => applyStyle(line, 'bold', options.color)));
    for (let row = 0; row < height; row++) {
      const level = height - row; // rows filled from the bottom: level 1 is the lowest
      const cells = Array.from({ length: plotCells }, (_, column) => {
        const bar = bars[Math.floor(column / cellsPerBar)];
        const rows = (count: number) => (total > 0 && maxShare > 0 ? (count / total / maxShare) * height : 0);
        const all = rows(bar.count);
        const significant = rows(bar.significant);
        // A tail bar too short for a full row still shows on the bottom row, so no estimate hides.
        const filled = level <= Math.round(all) || (level === 1 && bar.count > 0);
        if (filled) {
          const isSignificant =
            level <= Math.round(significant) ||
            (level === 1 && bar.significant > 0 && Math.round(significant) === 0 && bar.significant * 2 >= bar.count);
          return isSignificant ? applyStyle('█', 'red', options.color) : '░';
        }
        if (column === truthColumn) return applyStyle('│', 'cyan', options.color);
        if (column === noneColumn) return '┊';
        return ' ';
      });
      const label = row === 0 ? formatPercent(maxShare, 0) : row === height - 1 ? '0%' : '';
      out.push(`${label.padStart(GUTTER - 1)}┤${cells.join('')}`.trimEnd());
    }
    out.push(`${' '.repeat(GUTTER - 1)}└${'─'.repeat(plotCells)}`);
    const axis = new Array<string>(GUTTER + plotCells + 12).fill(' ');
    let lastEnd = 0;
    for (const ratio of AXIS_RATIOS) {
      if (ratio < bars[0].ratioLow || ratio > bars[bars.length - 1].ratioHigh) continue;
      const text = String(ratio);
      const start = GUTTER + columnOf(ratio) - Math.floor(text.length / 2);
      if (start <= lastEnd) continue;
      for (let i = 0; i < text.length; i++) axis[start + i] = text[i];
      lastEnd = start + text.length;
    }
    out.push(axis.join('').trimEnd());
    // A label reads from its arrow to the right, or ends at it when it would pass the edge.
    const pointAt = (column: number, words: string, style: 'cyan' | 'red') => {
      const fitsRight = GUTTER + column + words.length + 2 <= width;
      const label = fitsRight ? `↑ ${words}` : `${words} ↑`;
      const start = fitsRight ? GUTTER + column : Math.max(0, GUTTER + column - words.length - 1);
      return `${' '.repeat(start)}${applyStyle(label, style, options.color)}`;
    };
    out.push(pointAt(truthColumn, `true effect ${formatRatio(panel.trueEffect)}`, 'cyan'));
    // The winner's curse: where significant results in the true direction land on average, the
    // same mean ratio the plain reading below states (one number for one idea).
    const average = panel.trueEffect !== 1 ? panel.meanSignificantRatio : null;
    if (average !== null && average > 0) {
      out.push(pointAt(columnOf(average), `significant results average ${formatRatio(average)}`, 'red'));
    }
    if (outside > 0) out.push(`${' '.repeat(GUTTER)}(${outside} estimates beyond the axis)`);
    const reading = plainReading(panel);
    if (reading) out.push(...wrapText(reading, width, '  '));
  }
  if (data.panels.some((panel) => panel.label === 'Pilot')) {
    out.push(
      '',
      ...wrapText(
        "These figures are simulated with the analysis itself. `sample-size`'s pilot lines give Gelman & Carlin's closed form for the same pilot, which treats the log estimate as normal; with a pilot's small counts it is not, so type S and exaggeration can differ between the two.",
        width,
      ),
    );
  }
  return `${out.join('\n')}\n`;
}
