/**
 * The live view of a run on a terminal: the scenario title, a progress bar (trials, rate, time
 * left), one row per outcome with its running power and narrowing interval, warnings as they
 * appear; when the run ends, the final table is written once with `<Static>` (so it stays on
 * screen and in the scrollback) and the live part goes away.
 */
import { Box, Static, Text, useApp, useStdout } from 'ink';
import { useEffect } from 'react';
import type { TrialCost } from '../report/trial-cost.js';
import type { RunSummary } from '../core/diagnosis/run-summary.js';
import { formatPercent, formatRatio } from '../report/format-numbers.js';
import { formatTable } from '../report/format-table.js';
import type { RunProgress } from '../events/run-progress.js';
import { deriveLiveWarnings } from './live-warnings.js';
import { OutcomeRow } from './OutcomeRow.js';
import { ProgressBar } from './ProgressBar.js';

/** An outcome as the dashboard lists it before any result is in. */
export interface DashboardOutcome {
  readonly id: string;
  readonly primary: boolean;
}

/** Props of `Dashboard`: the state of the run, replaced as events arrive. */
export interface DashboardProps {
  readonly title: string;
  readonly outcomes: readonly DashboardOutcome[];
  readonly progress: RunProgress | null;
  /** Warnings from outside the progress events (e.g. from the scenario). */
  readonly warnings: readonly string[];
  /** The final result; once set, the table is printed and the app exits. */
  readonly summary: RunSummary | null;
  /** The design's costs, printed with the final table when the scenario has them. */
  readonly cost?: TrialCost | null;
  /** A message when the run failed; once set, it is shown and the app exits. */
  readonly failure: string | null;
  readonly color: boolean;
  /** Significance level, for the live type I error warning. */
  readonly alpha?: number;
}

/** Draws the dashboard and exits the ink app once a final state (result or failure) has rendered. */
export function Dashboard(props: DashboardProps) {
  const { exit } = useApp();
  const { stdout } = useStdout();
  const settled = props.summary !== null || props.failure !== null;
  useEffect(() => {
    // Exit in an effect: it runs after the final state has been rendered, so the last frame stays.
    if (settled) exit();
  }, [settled, exit]);

  const columns = stdout?.columns && stdout.columns > 0 ? stdout.columns : 100;
  const finals = props.summary ? [props.summary] : [];
  const names = props.outcomes.map((o) => `${o.id}${o.primary ? ' *' : ''}`);
  const nameWidth = Math.min(18, Math.max(7, ...names.map((n) => n.length)));
  // Bars shrink on narrow terminals so no line wraps: a row is the name, 2 + 20 cells of power,
  // the bar in 4 cells of frame, then up to 30 cells of type I error and failures.
  const barWidth = Math.max(8, Math.min(30, columns - nameWidth - 57));
  const warnings = [...props.warnings, ...(props.progress ? deriveLiveWarnings(props.progress, props.alpha) : [])];

  return (
    <>
      <Static items={finals}>
        {(summary) => (
          <Text key="final">
            {formatTable(summary, {
              color: props.color,
              cost: props.cost ?? null,
              width: Math.min(100, columns),
              ...(props.alpha === undefined ? {} : { alpha: props.alpha }),
            }).trimEnd()}
          </Text>
        )}
      </Static>
      {settled ? (
        props.failure !== null ? (
          <Text color={props.color ? 'red' : undefined}>{props.failure}</Text>
        ) : null
      ) : (
        <Box flexDirection="column">
          <Text bold={props.color}>{props.title}</Text>
          <ProgressBar progress={props.progress} lineWidth={columns} color={props.color} />
          <Text> </Text>
          {props.outcomes.map((outcome, i) => (
            <OutcomeRow
              key={outcome.id}
              name={names[i]}
              nameWidth={nameWidth}
              progress={props.progress?.outcomes.find((o) => o.outcome === outcome.id) ?? null}
              barWidth={barWidth}
              color={props.color}
            />
          ))}
          {props.progress?.looks ? (
            <Text>
              {`interim looks, stopping so far: ${props.progress.looks
                .map(
                  (look) =>
                    `${look.look}: efficacy ${formatPercent(look.stopEfficacy)}, futility ${formatPercent(look.stopFutility)}`,
                )
                .join(' · ')}`}
            </Text>
          ) : null}
          {props.progress?.steps && props.progress.steps.length > 0 ? (
            <Text>
              {`${props.progress.steps[0].outcome} by months since crossover, estimate (power) so far: ${props.progress.steps
                .map(
                  (step) =>
                    `${step.fromMonth}–${step.toMonth} ${formatRatio(step.meanEstimate)} (${formatPercent(step.power, 0)})`,
                )
                .join(' · ')}`}
            </Text>
          ) : null}
          {warnings.map((warning) => (
            <Text key={warning} color={props.color ? 'yellow' : undefined}>{`! ${warning}`}</Text>
          ))}
        </Box>
      )}
    </>
  );
}
