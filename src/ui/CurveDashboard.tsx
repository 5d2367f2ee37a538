/**
 * The live view of `curve` and `sample-size` on a terminal: the power curve drawn in text as its
 * points arrive, with the target line, and a progress bar for the point being simulated. When
 * the search ends the final curve is written once with `<Static>` and the app exits.
 */
import { Box, Static, Text, useApp, useStdout } from 'ink';
import { useEffect } from 'react';
import { plotCurveText } from '../report/plot-curve-text.js';
import type { PowerCurve } from '../report/power-curve.js';
import type { RunProgress } from '../events/run-progress.js';
import { ProgressBar } from './ProgressBar.js';

/** Props of `CurveDashboard`: the search so far, replaced as points arrive. */
export interface CurveDashboardProps {
  readonly title: string;
  /** Points computed so far (and the target). */
  readonly curve: PowerCurve;
  /** What is being simulated now, e.g. `design.size.treated = 200`; null between points. */
  readonly current: string | null;
  readonly progress: RunProgress | null;
  /** A closing line once the search has finished (e.g. the sample size found); null while running. */
  readonly conclusion: string | null;
  readonly failure: string | null;
  readonly color: boolean;
}

/** Draws the curve dashboard and exits the ink app once a final state has rendered. */
export function CurveDashboard(props: CurveDashboardProps) {
  const { exit } = useApp();
  const { stdout } = useStdout();
  const settled = props.conclusion !== null || props.failure !== null;
  useEffect(() => {
    if (settled) exit();
  }, [settled, exit]);

  const columns = stdout?.columns && stdout.columns > 0 ? stdout.columns : 80;
  const plot = plotCurveText(props.curve, { width: Math.max(20, Math.min(72, columns - 20)), height: 12 }).join('\n');
  const finals = props.conclusion !== null ? [props.conclusion] : [];
  return (
    <>
      <Static items={finals}>
        {(conclusion) => (
          <Box key="final" flexDirection="column">
            <Text bold={props.color}>{props.title}</Text>
            <Text>{plot}</Text>
            <Text>{conclusion}</Text>
          </Box>
        )}
      </Static>
      {settled ? (
        props.failure !== null ? (
          <Text color={props.color ? 'red' : undefined}>{props.failure}</Text>
        ) : null
      ) : (
        <Box flexDirection="column">
          <Text bold={props.color}>{props.title}</Text>
          <Text>{plot}</Text>
          <Text> </Text>
          <Text>{props.current === null ? 'between points' : `simulating ${props.current}`}</Text>
          <ProgressBar progress={props.progress} lineWidth={columns} color={props.color} />
        </Box>
      )}
    </>
  );
}
