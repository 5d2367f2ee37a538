/**
 * The commissioning view: a plain-language verdict on the design, the sample size for a chosen
 * power, what the trial costs and prevents (caseworkers, delivery cost, offences and harm
 * prevented), and the assumptions behind it all, listed and editable.
 */
import { useState } from 'react';
import {
  armSizes,
  commissionerFigures,
  formatCount,
  formatPercent,
  formatPercentWithInterval,
  type Design,
  type PageSampleSize,
  type RunSummary,
} from '../engine/index.js';
import { Assumptions } from './Assumptions.js';
import { ResultsTable } from './ResultsTable.js';
import type { PlanView, RunView } from './use-simulation.js';
import { verdictOf } from './verdict.js';

const money = (pounds: number) => `£${formatCount(pounds)}`;

export function CommissioningView(props: {
  design: Design;
  baseDesign: Design;
  run: RunView | null;
  sampleSize: PlanView<PageSampleSize> | null;
  overrides: Readonly<Record<string, string>>;
  setOverride: (key: string, set: string | null) => void;
  findSampleSize: (target: number, outcome: string | undefined) => void;
  stop: () => void;
}) {
  const { design, run } = props;
  const summary = run?.summary ?? null;
  const [target, setTarget] = useState(0.8);
  const [outcome, setOutcome] = useState('');
  const primaries = design.outcomes.filter((o) => o.primary);
  return (
    <div className="commissioning">
      <section className="card verdict-card wide" aria-labelledby="verdict-heading" aria-live="polite">
        <h2 id="verdict-heading">Verdict</h2>
        {summary && run?.status !== 'running' ? (
          <Verdict summary={summary} />
        ) : (
          <p className="muted">
            Simulating {design.simulation.trials.toLocaleString('en-GB')} trials…{' '}
            {run?.progress ? `${run.progress.trialsDone.toLocaleString('en-GB')} done` : ''}
          </p>
        )}
      </section>

      <section className="card money-card" aria-labelledby="money-heading">
        <h2 id="money-heading">Cost and what it prevents</h2>
        {summary ? <Figures design={design} summary={summary} /> : <p className="muted">After the run.</p>}
      </section>

      <section className="card size-card" aria-labelledby="size-heading">
        <h2 id="size-heading">How many people for the power you want?</h2>
        <div className="row">
          <label htmlFor="target">Power wanted</label>
          <select id="target" value={target} onChange={(event) => setTarget(Number(event.target.value))}>
            {[0.7, 0.8, 0.9, 0.95].map((value) => (
              <option key={value} value={value}>
                {formatPercent(value, 0)}
              </option>
            ))}
          </select>
          <label htmlFor="size-outcome">for</label>
          <select id="size-outcome" value={outcome} onChange={(event) => setOutcome(event.target.value)}>
            <option value="">
              {primaries.length > 1
                ? 'all primary outcomes together'
                : `the primary outcome (${primaries[0]?.id ?? design.outcomes[0].id})`}
            </option>
            {design.outcomes.map((o) => (
              <option key={o.id} value={o.id}>
                {o.id} alone
              </option>
            ))}
          </select>
        </div>
        <div className="row">
          <button
            type="button"
            onClick={() => props.findSampleSize(target, outcome === '' ? undefined : outcome)}
            disabled={props.sampleSize?.status === 'running'}
            data-testid="find-size"
          >
            Find the sample size
          </button>
          {props.sampleSize?.status === 'running' && (
            <button type="button" className="secondary" onClick={props.stop}>
              Stop
            </button>
          )}
        </div>
        <SampleSize
          plan={props.sampleSize}
          summary={summary}
          onApply={(treated, control) =>
            props.setOverride('people', `design.size={ treated: ${treated}, control: ${control} }`)
          }
        />
      </section>

      <Assumptions
        design={design}
        baseDesign={props.baseDesign}
        overrides={props.overrides}
        setOverride={props.setOverride}
      />

      {summary && (
        <section className="card wide table-card" aria-labelledby="c-table-heading">
          <h2 id="c-table-heading">The diagnostics behind the verdict</h2>
          <ResultsTable summary={summary} alpha={design.analysis.alpha} />
        </section>
      )}
    </div>
  );
}

function Verdict(props: { summary: RunSummary }) {
  const verdict = verdictOf(props.summary);
  return (
    <div className={`verdict ${verdict.level}`} data-testid="verdict">
      <p className="headline">
        <span className="badge">{verdict.level === 'good' ? '✓' : verdict.level === 'caution' ? '!' : '✗'}</span>
        {verdict.headline}
      </p>
      {verdict.sentences.map((sentence, i) => (
        <p key={i}>{sentence}</p>
      ))}
    </div>
  );
}

function Figures(props: { design: Design; summary: RunSummary }) {
  const figures = commissionerFigures(props.design, props.summary);
  if (!figures)
    return (
      <p className="muted">
        This scenario has no <code>costs</code> block. Fill in the costs under “Assumptions” to see caseworkers, cost
        and offences prevented.
      </p>
    );
  const { outputs } = figures;
  return (
    <div>
      <dl className="figures">
        <div>
          <dt>Caseworkers</dt>
          <dd>{formatCount(outputs.caseworkers)}</dd>
        </div>
        <div>
          <dt>Delivery cost</dt>
          <dd>{money(outputs.deliveryCost)}</dd>
        </div>
        <div>
          <dt>Per person supported</dt>
          <dd>{money(outputs.costPerPersonTreated)}</dd>
        </div>
        <div>
          <dt>Recruitment</dt>
          <dd>{outputs.recruitmentYears.toFixed(1)} years</dd>
        </div>
      </dl>
      <table className="averted">
        <thead>
          <tr>
            <th scope="col">outcome</th>
            <th scope="col">prevented per 100 people a year</th>
            <th scope="col">cost per one prevented</th>
          </tr>
        </thead>
        <tbody>
          {outputs.outcomes.map((o) => (
            <tr key={o.outcome}>
              <th scope="row">{o.label}</th>
              <td>{o.avertedPer100PersonYears.toFixed(1)}</td>
              <td>{o.costPerAverted === null ? 'prevents none' : money(o.costPerAverted)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <details>
        <summary>As the command line writes it</summary>
        <pre>{figures.lines.join('\n')}</pre>
      </details>
    </div>
  );
}

function SampleSize(props: {
  plan: PlanView<PageSampleSize> | null;
  summary: RunSummary | null;
  onApply: (treated: number, control: number) => void;
}) {
  const { plan } = props;
  if (!plan) return null;
  if (plan.error) return <p className="error">{plan.error}</p>;
  if (!plan.result)
    return (
      <ul className="search-points" aria-live="polite">
        {plan.points.map((point, i) => (
          <li key={i}>
            {formatCount(point.value)} people: power {formatPercentWithInterval(point.power, point.powerCI)} (
            {point.trials} trials)
          </li>
        ))}
        {plan.status === 'running' && <li className="muted">searching…</li>}
      </ul>
    );
  const answer = plan.result.design;
  const sizes = answer ? armSizes(answer.plan.size) : null;
  const figures = answer && props.summary ? commissionerFigures(answer, props.summary) : null;
  return (
    <div data-testid="size-answer">
      <p className="answer">{plan.result.lines[0]}</p>
      {sizes && (
        <p>
          That is {formatCount(sizes.treated)} treated and {formatCount(sizes.control)} control
          {figures
            ? `: ${formatCount(figures.outputs.caseworkers)} caseworkers, ${money(figures.outputs.deliveryCost)} to deliver, ${figures.outputs.recruitmentYears.toFixed(1)} years to recruit.`
            : '.'}{' '}
          <button type="button" className="link" onClick={() => props.onApply(sizes.treated, sizes.control)}>
            Use this size
          </button>
        </p>
      )}
      <details>
        <summary>The search, as the command line reports it</summary>
        <pre>{plan.result.lines.join('\n')}</pre>
      </details>
    </div>
  );
}
