/**
 * One outcome's running power while a run goes: the power so far with its interval, and a small
 * bar on which the interval shows as a shaded stretch that narrows as trials accumulate:
 * `knife *   41.2% [39.8, 42.6]  ▕███████████▓▓░░░░░░░░░░░░░░░▏  type I 5.1%`.
 */
import { Box, Text } from 'ink';
import type { OutcomeProgress } from '../events/run-progress.js';
import { formatCount, formatPercent, formatPercentWithInterval } from '../report/format-numbers.js';

/** Props of `OutcomeRow`. */
export interface OutcomeRowProps {
  /** Outcome id, with ` *` appended for a primary outcome by the caller if wanted. */
  readonly name: string;
  readonly nameWidth: number;
  readonly progress: OutcomeProgress | null;
  /** Cells of the interval bar. */
  readonly barWidth?: number;
  readonly color: boolean;
}

/**
 * Splits a bar of `width` cells into the part below the interval, the interval, and the rest
 * (each at least one cell for a non-empty interval, so a narrow interval stays visible).
 *
 * Example: `intervalCells([0.398, 0.426], 30)` → `[12, 1, 17]`.
 */
export function intervalCells(interval: readonly [number, number], width: number): [number, number, number] {
  const below = Math.min(width, Math.max(0, Math.round(interval[0] * width)));
  const upTo = Math.min(width, Math.max(below + (interval[1] > interval[0] ? 1 : 0), Math.round(interval[1] * width)));
  return [below, upTo - below, width - upTo];
}

/** Draws one outcome's row; a dash while no trial has finished. */
export function OutcomeRow({ name, nameWidth, progress, barWidth = 30, color }: OutcomeRowProps) {
  const label = name.length > nameWidth ? `${name.slice(0, nameWidth - 1)}…` : name.padEnd(nameWidth);
  if (progress === null) {
    return <Text>{`${label}  —`}</Text>;
  }
  const [below, inside, above] = intervalCells(progress.powerCI, barWidth);
  const power = formatPercentWithInterval(progress.power, progress.powerCI).padStart(20);
  const extra = progress.typeIError === null ? '' : `  type I ${formatPercent(progress.typeIError)}`;
  return (
    <Box>
      <Text bold={color}>{label}</Text>
      <Text>{`  ${power}  ▕`}</Text>
      <Text color={color ? 'cyan' : undefined}>{'█'.repeat(below)}</Text>
      <Text color={color ? 'cyan' : undefined} dimColor={color}>
        {'▓'.repeat(inside)}
      </Text>
      <Text dimColor={color}>{'░'.repeat(above)}</Text>
      <Text>{`▏${extra}`}</Text>
      {progress.failures > 0 ? (
        <Text color={color ? 'yellow' : undefined}>{`  ${formatCount(progress.failures)} failed`}</Text>
      ) : null}
    </Box>
  );
}
