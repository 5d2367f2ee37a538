/** Every outcome's diagnosands, as the command line's table shows them, with what each column means. */
import { formatPercent, formatPercentWithInterval, formatRatio, type RunSummary } from '../engine/index.js';

const ANALYSIS_SHORT: Record<string, string> = {
  'negative-binomial': 'neg-binomial',
  'two-proportion-z': 'two-prop-z',
};

export function ResultsTable(props: { summary: RunSummary; alpha: number }) {
  const { summary } = props;
  return (
    <div className="table-wrap">
      <table className="results">
        <caption>
          {summary.trials.toLocaleString('en-GB')} simulated trials · seed {summary.seed} · {summary.design.treated}{' '}
          treated, {summary.design.control} control
        </caption>
        <thead>
          <tr>
            <th scope="col">outcome</th>
            <th scope="col">analysis</th>
            <th scope="col" title="true intention-to-treat ratio">
              effect
            </th>
            <th scope="col" title="share of trials significant, with its 95% Monte Carlo interval">
              power [95% CI]
            </th>
            <th scope="col" title="share significant when there is no effect">
              type I
            </th>
            <th scope="col" title="mean error of the log ratio">
              bias
            </th>
            <th scope="col" title="intervals that hold the truth">
              coverage
            </th>
            <th scope="col" title="significant with the wrong sign">
              type S
            </th>
            <th scope="col" title="how many times a significant result overstates the effect">
              exagg.
            </th>
            <th scope="col" title="trials in which the analysis could not be computed">
              failed
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.results.map((result) => (
            <tr key={result.outcome}>
              <th scope="row">
                {result.outcome}
                {result.primary ? ' *' : ''}
              </th>
              <td>{ANALYSIS_SHORT[result.analysis] ?? result.analysis}</td>
              <td>{formatRatio(result.estimand)}</td>
              <td>{formatPercentWithInterval(result.power, result.powerCI)}</td>
              <td className={result.typeIErrorAboveAlpha ? 'flag' : undefined}>
                {result.typeIError === null ? '–' : formatPercent(result.typeIError)}
                {result.typeIErrorAboveAlpha ? ' !' : ''}
              </td>
              <td>{(result.bias >= 0 ? '+' : '') + result.bias.toFixed(3)}</td>
              <td>{formatPercent(result.coverage)}</td>
              <td>{result.typeS === null ? '–' : formatPercent(result.typeS)}</td>
              <td>{result.exaggeration === null ? '–' : `${result.exaggeration.toFixed(2)}×`}</td>
              <td>{result.failures}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="note">
        * primary. ! type I error above α = {props.alpha} beyond Monte Carlo error: the test is not valid here.
      </p>
    </div>
  );
}
