/**
 * Where the closed forms of replication success (src/search/analytic/replication-success.ts,
 * normal estimates with a known SE) and the simulation disagree on a scenario, and by how much:
 * per outcome with an original and per criterion, the simulated probability of success with its
 * Wilson interval beside the closed form at the replication's effective relative size
 * c = σ_o²·mean(1/σ̂_r²) (σ̂_r the analysis's own estimated SEs over the simulated trials). Also
 * the spread of σ̂_r and the share of failed analyses. Run after `npm run build`:
 * node dist/bench/replication-closed-forms.js [scenario] [trials]   (default milton-keynes-replication, 2000)
 */
import { criterionKey } from '../src/core/analysis/replication/criterion-key.js';
import { wilsonInterval } from '../src/core/diagnosis/wilson-interval.js';
import { prepareDesign } from '../src/core/prepare-design.js';
import { simulateTrial } from '../src/core/trial.js';
import { loadDesign } from '../src/scenario/load-design.js';
import { replicationSuccessProbability } from '../src/search/analytic/replication-success.js';

async function main(): Promise<void> {
  const scenario = process.argv[2] ?? 'milton-keynes-replication';
  const trials = Number(process.argv[3] ?? 2000);
  const { design } = await loadDesign(scenario);
  const prepared = prepareDesign(design);
  const replication = prepared.replication;
  const plan = design.replication;
  if (replication === null || plan === undefined) throw new Error(`${scenario} plans no replication`);
  const outcomes = replication.outcomes;
  const successes = outcomes.map(() => plan.success.map(() => 0));
  const inverseVariance = outcomes.map(() => 0);
  const standardErrors: number[][] = outcomes.map(() => []);
  const failures = outcomes.map(() => 0);
  for (let trial = 0; trial < trials; trial++) {
    const record = simulateTrial(prepared, trial, false);
    outcomes.forEach((r, i) => {
      const result = record.results[r.outcome];
      if (result.failed || !(result.standardError > 0)) {
        failures[i] += 1;
        return;
      }
      inverseVariance[i] += 1 / (result.standardError * result.standardError);
      standardErrors[i].push(result.standardError);
      replication.judges[r.outcome]!.forEach((judge, j) => {
        if (judge.succeeds(result.logEstimate, result.standardError)) successes[i][j] += 1;
      });
    });
  }
  console.log(`${scenario}: ${trials} trials, prior ${plan.prior}, τ ${plan.heterogeneity}, level ${plan.level}`);
  outcomes.forEach((r, i) => {
    const id = design.outcomes[r.outcome].id;
    const estimated = trials - failures[i];
    const sigmaO = r.original.standardError;
    const c = (sigmaO * sigmaO * inverseVariance[i]) / estimated;
    const sorted = [...standardErrors[i]].sort((a, b) => a - b);
    const quantile = (q: number) => sorted[Math.floor(q * (sorted.length - 1))];
    console.log(
      `\n${id}: original z ${(r.original.logEstimate / sigmaO).toFixed(3)}, σ_o ${sigmaO.toFixed(3)}; ` +
        `σ̂_r median ${quantile(0.5).toFixed(3)} [10%–90%: ${quantile(0.1).toFixed(3)}–${quantile(0.9).toFixed(3)}], ` +
        `effective c ${c.toFixed(3)}; failed analyses ${failures[i]}`,
    );
    plan.success.forEach((entry, j) => {
      const [lower, upper] = wilsonInterval(successes[i][j], trials);
      const closed = replicationSuccessProbability(
        entry.criterion,
        {
          zOriginal: r.original.logEstimate / sigmaO,
          varianceRatio: c,
          prior: plan.prior,
          relativeHeterogeneity: (plan.heterogeneity * plan.heterogeneity) / (sigmaO * sigmaO),
          level: plan.level,
        },
        { recalibration: entry.recalibration ?? 'golden', heterogeneity: plan.heterogeneity },
      );
      const simulated = successes[i][j] / trials;
      console.log(
        `  ${criterionKey(entry).padEnd(22)} simulated ${(100 * simulated).toFixed(1).padStart(5)}% [${(100 * lower).toFixed(1)}, ${(100 * upper).toFixed(1)}]` +
          `  closed form ${(100 * closed).toFixed(1).padStart(5)}%  difference ${(100 * (simulated - closed)).toFixed(1).padStart(5)} points`,
      );
    });
  });
}

await main();
