/**
 * A text progress bar with trials done of total, the rate and the time left:
 * `██████░░░░░░  1,200 / 5,000 trials  24%  ·  4,100 trials/s  ·  ETA 1s`.
 */
import { Box, Text } from 'ink';
import type { RunProgress } from '../events/run-progress.js';
import { formatCount, formatDuration } from '../report/format-numbers.js';

/** Props of `ProgressBar`. */
export interface ProgressBarProps {
  readonly progress: RunProgress | null;
  /** Cells the whole line may take (the terminal's width); the bar gets what the text leaves, 5–30 cells. */
  readonly lineWidth?: number;
  readonly color: boolean;
}

/**
 * Cells for the bar on a line `lineWidth` wide: what is left after the longest text this run can
 * show (trials done = total, a six-digit rate, an ETA in minutes), so the bar keeps one length
 * for the whole run, between 5 and 30 cells.
 *
 * Example: `progressBarWidth(3000, 80)` → 15 (the text takes up to 65 cells).
 */
export function progressBarWidth(trialsTotal: number, lineWidth: number): number {
  const total = formatCount(trialsTotal);
  const longest = `  ${total} / ${total} trials  100%  ·  999,999 trials/s  ·  ETA 59m 59s`;
  return Math.max(5, Math.min(30, lineWidth - longest.length));
}

/** Draws the bar, filled in proportion to trials done; "starting…" before the first event. */
export function ProgressBar({ progress, lineWidth = 100, color }: ProgressBarProps) {
  if (progress === null) return <Text dimColor={color}>starting…</Text>;
  const width = progressBarWidth(progress.trialsTotal, lineWidth);
  const share = progress.trialsTotal > 0 ? Math.min(1, progress.trialsDone / progress.trialsTotal) : 0;
  const filled = Math.round(share * width);
  const facts = [
    `${formatCount(progress.trialsDone)} / ${formatCount(progress.trialsTotal)} trials`,
    `${Math.floor(share * 100)}%`,
  ];
  const rate = progress.trialsPerSecond > 0 ? `${formatCount(progress.trialsPerSecond)} trials/s` : '';
  const eta = progress.etaSeconds !== null ? `ETA ${formatDuration(progress.etaSeconds)}` : '';
  return (
    <Box>
      <Text color={color ? 'green' : undefined}>{'█'.repeat(filled)}</Text>
      <Text dimColor={color}>{'░'.repeat(width - filled)}</Text>
      <Text>{`  ${facts.join('  ')}${[rate, eta]
        .filter(Boolean)
        .map((part) => `  ·  ${part}`)
        .join('')}`}</Text>
    </Box>
  );
}
