/**
 * A text progress bar with trials done of total, the rate and the time left:
 * `██████░░░░░░  1,200 / 5,000 trials  24%  ·  4,100 trials/s  ·  ETA 1s`.
 */
import { Box, Text } from 'ink';
import type { RunProgress } from '../runner/progress.js';
import { formatCount, formatDuration } from '../report/format-numbers.js';

/** Props of `ProgressBar`. */
export interface ProgressBarProps {
  readonly progress: RunProgress | null;
  /** Width of the bar itself in cells. */
  readonly width?: number;
  readonly color: boolean;
}

/** Draws the bar: `width` cells, filled in proportion to trials done; "starting…" before the first event. */
export function ProgressBar({ progress, width = 30, color }: ProgressBarProps) {
  if (progress === null) return <Text dimColor={color}>starting…</Text>;
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
      <Text>{`  ${facts.join('  ')}${[rate, eta].filter(Boolean).map((part) => `  ·  ${part}`).join('')}`}</Text>
    </Box>
  );
}
