/**
 * The "dance of the intervals" (Cumming 2014, Psychological Science 25:7): twenty simulated
 * trials of the same design, one per row, each with its estimate and 95% interval, against the
 * true effect and "no effect". Significant trials are drawn filled and solid, the rest hollow and
 * thin, so the difference does not rest on colour alone; intervals that miss the truth say so.
 * Simple SVG marks on a log-ratio axis.
 */
import { formatRatio, type TrialSample } from '../engine/index.js';

const WIDTH = 620;
const ROW = 19;
const LEFT = 78;
const RIGHT = 20;
const TOP = 26;
const BOTTOM = 40;
const SIGNIFICANT = '#b2182b';
const NOT_SIGNIFICANT = '#6b6b6b';
const TRUTH = '#2166ac';

/** Ticks of a ratio axis: the usual round ratios inside the range. */
const RATIO_TICKS = [0.1, 0.2, 0.3, 0.5, 0.7, 1, 1.5, 2, 3, 5, 10];

export function DanceOfIntervals(props: {
  samples: readonly TrialSample[];
  outcomeIndex: number;
  alpha: number;
  ratioName: string;
}) {
  const { samples, outcomeIndex: k, alpha } = props;
  if (samples.length === 0) return <p className="muted">The first trials are on their way…</p>;
  const rows = samples.map((sample) => ({ trial: sample.trial, ...sample.outcomes[k] }));
  const truth = rows[0].logTruth;
  const finite = rows.filter((row) => !row.failed && Number.isFinite(row.lower) && Number.isFinite(row.upper));
  const spread = finite.flatMap((row) => [row.lower, row.upper]);
  let low = Math.min(truth, 0, ...spread.map((v) => Math.max(v, truth - 3)));
  let high = Math.max(truth, 0, ...spread.map((v) => Math.min(v, truth + 3)));
  const pad = (high - low) * 0.05 || 0.1;
  low -= pad;
  high += pad;
  const x = (logRatio: number) =>
    LEFT + ((Math.min(high, Math.max(low, logRatio)) - low) / (high - low)) * (WIDTH - LEFT - RIGHT);
  const height = TOP + rows.length * ROW + BOTTOM;
  const ticks = RATIO_TICKS.filter((ratio) => Math.log(ratio) >= low && Math.log(ratio) <= high);
  const significantCount = rows.filter((row) => !row.failed && row.pValue < alpha).length;
  const missCount = finite.filter((row) => truth < row.lower || truth > row.upper).length;
  return (
    <figure className="dance">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={`${rows.length} simulated trials: ${significantCount} significant, ${missCount} intervals miss the true effect`}
      >
        <line x1={x(truth)} x2={x(truth)} y1={TOP - 8} y2={height - BOTTOM + 4} stroke={TRUTH} strokeWidth={2} />
        <text x={x(truth)} y={TOP - 12} fill={TRUTH} fontSize={12} textAnchor="middle" fontWeight="bold">
          true effect {formatRatio(Math.exp(truth))}
        </text>
        <line
          x1={x(0)}
          x2={x(0)}
          y1={TOP - 8}
          y2={height - BOTTOM + 4}
          stroke="#777"
          strokeDasharray="4 3"
          strokeWidth={1}
        />
        {Math.abs(x(0) - x(truth)) > 60 && (
          <text x={x(0)} y={TOP - 12} fill="#555" fontSize={12} textAnchor="middle">
            no effect
          </text>
        )}
        {rows.map((row, i) => {
          const y = TOP + i * ROW + ROW / 2;
          const label = (
            <text x={LEFT - 8} y={y + 4} fontSize={11} textAnchor="end" fill="#444">
              trial {row.trial + 1}
            </text>
          );
          if (row.failed || !Number.isFinite(row.logEstimate))
            return (
              <g key={row.trial}>
                {label}
                <text x={LEFT + 4} y={y + 4} fontSize={11} fill="#444">
                  could not be analysed ({row.failed ? 'e.g. no events in an arm' : 'no estimate'})
                </text>
              </g>
            );
          const significant = row.pValue < alpha;
          const colour = significant ? SIGNIFICANT : NOT_SIGNIFICANT;
          const misses = truth < row.lower || truth > row.upper;
          return (
            <g key={row.trial}>
              {label}
              <title>
                {`trial ${row.trial + 1}: estimate ${formatRatio(Math.exp(row.logEstimate))}, 95% interval ${formatRatio(Math.exp(row.lower))}–${formatRatio(Math.exp(row.upper))}, p = ${row.pValue.toPrecision(2)}${significant ? ' (significant)' : ''}${misses ? '; misses the true effect' : ''}`}
              </title>
              <line
                x1={x(row.lower)}
                x2={x(row.upper)}
                y1={y}
                y2={y}
                stroke={colour}
                strokeWidth={significant ? 3 : 1.5}
              />
              <circle
                cx={x(row.logEstimate)}
                cy={y}
                r={5}
                fill={significant ? colour : 'white'}
                stroke={colour}
                strokeWidth={2}
              />
              {misses && (
                <text x={WIDTH - RIGHT + 4} y={y + 4} fontSize={12} fill="#111" textAnchor="start">
                  ✗
                </text>
              )}
            </g>
          );
        })}
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={height - BOTTOM + 6} y2={height - BOTTOM + 6} stroke="#999" />
        {ticks.map((ratio) => (
          <g key={ratio}>
            <line
              x1={x(Math.log(ratio))}
              x2={x(Math.log(ratio))}
              y1={height - BOTTOM + 6}
              y2={height - BOTTOM + 11}
              stroke="#999"
            />
            <text x={x(Math.log(ratio))} y={height - BOTTOM + 24} fontSize={11} textAnchor="middle" fill="#444">
              {ratio}
            </text>
          </g>
        ))}
        <text x={(LEFT + WIDTH - RIGHT) / 2} y={height - 4} fontSize={12} textAnchor="middle" fill="#333">
          estimated {props.ratioName} with its {Math.round((1 - alpha) * 100)}% interval (log scale)
        </text>
      </svg>
      <figcaption>
        {significantCount} of {rows.length} significant (filled, thick) · {missCount} interval
        {missCount === 1 ? '' : 's'} miss the true effect (✗) · trials {rows[0].trial + 1}–
        {rows[rows.length - 1].trial + 1} of the run
      </figcaption>
    </figure>
  );
}
