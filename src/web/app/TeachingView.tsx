/**
 * The teaching view: sliders for the key inputs that re-run the simulation as they move, power
 * filling in live with its narrowing interval, the dance of the intervals, the histogram of
 * estimates split by significance (the winner's curse), the p-value histogram and the power
 * curve over the number of people.
 */
import { useEffect, useState } from 'react';
import {
  dispersionOverride,
  effectOverride,
  engagementOverride,
  estimateHistogramSvg,
  formatRatio,
  peopleOverride,
  powerCurveSvg,
  pValueHistogramSvg,
  type Design,
  type Knobs,
  type PowerCurve,
} from '../engine/index.js';
import { DanceOfIntervals } from './DanceOfIntervals.js';
import { PowerGauge } from './PowerGauge.js';
import { ResultsTable } from './ResultsTable.js';
import { Slider } from './Slider.js';
import { SvgChart } from './SvgChart.js';
import type { PlanView, RunView } from './use-simulation.js';

/** Treated people the slider offers: round numbers, closer together where power changes fastest. */
export const PEOPLE_STEPS = [
  10, 15, 20, 25, 30, 40, 45, 50, 60, 75, 100, 125, 150, 200, 250, 300, 400, 500, 600, 750, 1000, 1250, 1500, 2000,
  2500, 3000, 4000, 5000,
];
const DANCE_ROWS = 20;

const RATIO_NAMES = { count: 'rate ratio', binary: 'risk ratio', harm: 'harm ratio' } as const;

export function TeachingView(props: {
  design: Design;
  knobs: Knobs;
  outcomeIndex: number;
  run: RunView | null;
  curve: PlanView<PowerCurve> | null;
  setOverride: (key: string, set: string | null) => void;
  drawCurve: (outcomeId: string, target: number) => void;
  onSvg: (name: string, svg: string) => void;
}) {
  const { design, knobs, run, outcomeIndex: k } = props;
  const outcome = design.outcomes[k];
  const [danceFrom, setDanceFrom] = useState(0);
  const peopleIndex = nearestIndex(PEOPLE_STEPS, knobs.treated);
  const control = Math.max(1, Math.round(knobs.treated * knobs.controlPerTreated));
  const summary = run?.summary ?? null;
  const result = summary?.results[k] ?? null;
  const progress = run?.progress ?? null;
  const liveOutcome = progress?.outcomes[k];
  const alpha = design.analysis.alpha;

  // A new run starts the dance at its first trials again.
  useEffect(() => setDanceFrom(0), [run?.sha256]);
  // Once the run is done, draw the power curve for the outcome shown.
  useEffect(() => {
    if (run?.status === 'done' && props.curve === null) props.drawCurve(outcome.id, 0.8);
  }, [run?.status, props.curve, outcome.id]);

  const samples = run?.samples ?? [];
  const danceStart = samples.length > 0 ? danceFrom % Math.max(1, samples.length) : 0;
  const dance = samples.slice(danceStart, danceStart + DANCE_ROWS);
  // The histograms are drawn when a run ends: drawing takes the page's thread for a moment, and
  // while trials stream in the web workers should have the machine (the power and the dance,
  // cheap to draw, fill in live).
  const running = run?.status === 'running';
  const trialsKey = running ? 'running' : `${run?.sha256 ?? ''}:${run?.status ?? ''}:${run?.tally?.trials ?? 0}`;

  return (
    <div className="teaching">
      <section className="card power-card" aria-labelledby="power-heading">
        <h2 id="power-heading">Power: how often the trial finds the effect</h2>
        {liveOutcome && progress ? (
          <PowerGauge
            label={`${outcome.label} (${outcome.analysis})`}
            power={liveOutcome.power}
            interval={liveOutcome.powerCI}
            trialsDone={progress.trialsDone}
            trialsTotal={progress.trialsTotal}
            target={0.8}
          />
        ) : (
          <p className="muted">Starting…</p>
        )}
        {result && (
          <p className="explain">
            True effect {formatRatio(result.estimand)} for everyone offered support (engagement dilutes it).
            {result.exaggeration !== null &&
              ` Significant results overstate it ${result.exaggeration.toFixed(2)}× on average.`}
            {result.typeIError !== null &&
              ` With no effect, ${(result.typeIError * 100).toFixed(1)}% of trials are significant${
                result.typeIErrorAboveAlpha
                  ? `: more than α = ${alpha} beyond Monte Carlo error, so this test is not valid here.`
                  : '.'
              }`}
          </p>
        )}
      </section>

      <section className="card controls" aria-labelledby="controls-heading">
        <h2 id="controls-heading">Change one thing at a time</h2>
        <Slider
          label="People per arm"
          testId="slider-people"
          value={peopleIndex}
          min={0}
          max={PEOPLE_STEPS.length - 1}
          step={1}
          display={`${knobs.treated.toLocaleString('en-GB')} treated, ${control.toLocaleString('en-GB')} control`}
          onChange={(index) => props.setOverride('people', peopleOverride(knobs, PEOPLE_STEPS[index]))}
          note={
            knobs.controlPerTreated !== 1 ? 'The control arm keeps the scenario’s ratio to the treated arm.' : undefined
          }
        />
        {knobs.effect && (
          <Slider
            label={`True effect (${knobs.effect.key === 'rateRatio' ? 'rate' : 'risk'} ratio, ${knobs.effect.outcomeLabel})`}
            testId="slider-effect"
            value={knobs.effect.value}
            min={0.3}
            max={1.3}
            step={0.01}
            display={`${formatRatio(knobs.effect.value)} (${describeChange(knobs.effect.value)})`}
            onChange={(value) =>
              props.setOverride(`effect:${knobs.effect!.outcomeIndex}`, effectOverride(knobs.effect!, value))
            }
            note={
              knobs.effect.byGroup
                ? 'The scenario sets this effect by group; the slider sets one effect for every group.'
                : 'For engaged treated people; 1 is no effect.'
            }
          />
        )}
        <Slider
          label="Dispersion α (Var = μ + αμ²)"
          testId="slider-dispersion"
          value={knobs.dispersion ?? 0}
          min={0}
          max={5}
          step={0.1}
          disabled={knobs.dispersion === null}
          display={knobs.dispersion === null ? 'no counts here' : knobs.dispersion.toFixed(1)}
          onChange={(value) => props.setOverride('dispersion', dispersionOverride(value))}
          note={
            knobs.dispersion === null
              ? 'This scenario has no count outcome for offending to vary between people.'
              : 'How unevenly offending is spread between people (negative-binomial α = 1/θ of R’s glm.nb; 0 is Poisson).'
          }
        />
        <Slider
          label="Engagement"
          testId="slider-engagement"
          value={Math.round(knobs.engagement * 100) / 100}
          min={0.05}
          max={1}
          step={0.05}
          display={`${Math.round(knobs.engagement * 100)}% take up the support`}
          onChange={(value) => props.setOverride('engagement', engagementOverride(value))}
        />
        <button type="button" className="secondary" onClick={() => props.setOverride('*', null)}>
          Back to the scenario’s values
        </button>
      </section>

      <section className="card dance-card" aria-labelledby="dance-heading">
        <div className="card-head">
          <h2 id="dance-heading">The dance of the intervals</h2>
          <button
            type="button"
            onClick={() => setDanceFrom(danceStart + DANCE_ROWS)}
            disabled={samples.length <= DANCE_ROWS}
            data-testid="redraw"
          >
            Draw 20 more trials
          </button>
        </div>
        <DanceOfIntervals samples={dance} outcomeIndex={k} alpha={alpha} ratioName={RATIO_NAMES[outcome.kind]} />
      </section>

      <section className={`card hist-card${running ? ' stale' : ''}`} aria-labelledby="hist-heading">
        <h2 id="hist-heading">Estimates of the effect, significant ones in colour</h2>
        <SvgChart
          label={`Histogram of the estimated ${RATIO_NAMES[outcome.kind]} over the simulated trials, significant results highlighted, the true effect marked`}
          drawKey={trialsKey + k}
          draw={
            !running && run?.summary && run.tally && run.tally.trials > 0
              ? () => estimateHistogramSvg(run.design, run.summary!, run.tally!, k)
              : null
          }
          onSvg={(svg) => props.onSvg('estimates', svg)}
        />
        <p className="note">
          The red dashed line is where significant results land on average: when power is low, a “significant” trial
          overstates the effect (the winner’s curse).
        </p>
      </section>

      <section className={`card pvalue-card${running ? ' stale' : ''}`} aria-labelledby="p-heading">
        <h2 id="p-heading">p-values of the simulated trials</h2>
        <SvgChart
          label="Histogram of p-values over the simulated trials, the significant ones highlighted"
          drawKey={trialsKey + k}
          draw={
            !running && samples.length > 0
              ? () => pValueHistogramSvg(samples, k, alpha, `p-values of ${outcome.label}`)
              : null
          }
          onSvg={(svg) => props.onSvg('p-values', svg)}
        />
        <p className="note">With no effect, p-values are spread evenly; a real effect piles them up near 0.</p>
      </section>

      <section
        className={`card curve-card${props.curve === null || props.curve.status === 'running' ? ' stale' : ''}`}
        aria-labelledby="curve-heading"
      >
        <div className="card-head">
          <h2 id="curve-heading">Power as the trial grows</h2>
          <button type="button" onClick={() => props.drawCurve(outcome.id, 0.8)} disabled={run?.status === 'running'}>
            Redraw
          </button>
        </div>
        {props.curve?.status === 'running' && <p className="muted">Simulating seven sizes…</p>}
        {props.curve?.error && <p className="error">{props.curve.error}</p>}
        <SvgChart
          label="Power against the number of people randomised, with 95% Monte Carlo bands and the 80% target"
          drawKey={`${props.curve?.status}:${props.curve?.result?.points.length ?? 0}`}
          draw={
            props.curve?.result
              ? () =>
                  powerCurveSvg(props.curve!.result!, {
                    title: `Power by people randomised (${outcome.id})`,
                    subtitle: `${design.name} · 300 simulated trials per point`,
                    parameterLabel: 'people randomised',
                    marker: { value: knobs.treated + control, label: 'now' },
                  })
              : null
          }
          onSvg={(svg) => props.onSvg('power-curve', svg)}
        />
      </section>

      {summary && (
        <section className="card wide table-card" aria-labelledby="table-heading">
          <h2 id="table-heading">Every outcome</h2>
          <ResultsTable summary={summary} alpha={alpha} />
        </section>
      )}
    </div>
  );
}

function nearestIndex(values: readonly number[], target: number): number {
  let best = 0;
  values.forEach((value, i) => {
    if (Math.abs(Math.log(value / target)) < Math.abs(Math.log(values[best] / target))) best = i;
  });
  return best;
}

function describeChange(ratio: number): string {
  if (Math.abs(ratio - 1) < 1e-9) return 'no effect';
  const percent = Math.round(Math.abs(1 - ratio) * 100);
  return ratio < 1 ? `${percent}% fewer` : `${percent}% more`;
}
