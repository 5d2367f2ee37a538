/** Power so far with its 95% Monte Carlo interval, as a number and a bar whose band narrows as trials come in. */
import { formatPercent } from '../engine/index.js';

export function PowerGauge(props: {
  label: string;
  power: number;
  interval: readonly [number, number];
  trialsDone: number;
  trialsTotal: number;
  target?: number;
}) {
  const { power, interval } = props;
  return (
    <div className="gauge" aria-live="polite" data-testid="power-gauge">
      <div className="gauge-label">{props.label}</div>
      <div className="gauge-number" data-testid="power-value">
        {formatPercent(power)}
      </div>
      <div className="gauge-interval">
        95% Monte Carlo interval {formatPercent(interval[0])} – {formatPercent(interval[1])}
      </div>
      <svg viewBox="0 0 400 36" className="gauge-bar" aria-hidden="true">
        <rect x={0} y={10} width={400} height={16} fill="#eee" rx={3} />
        <rect
          x={interval[0] * 400}
          y={10}
          width={Math.max(1, (interval[1] - interval[0]) * 400)}
          height={16}
          fill="#92c5de"
        />
        <rect x={power * 400 - 1.5} y={6} width={3} height={24} fill="#2166ac" />
        {props.target !== undefined && (
          <line x1={props.target * 400} x2={props.target * 400} y1={2} y2={34} stroke="#333" strokeDasharray="3 2" />
        )}
      </svg>
      <div className="gauge-trials">
        {props.trialsDone.toLocaleString('en-GB')} of {props.trialsTotal.toLocaleString('en-GB')} trials
        {props.target !== undefined ? ` · dashed line: ${formatPercent(props.target, 0)}` : ''}
      </div>
    </div>
  );
}
