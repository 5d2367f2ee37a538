import type { AnalysisResult } from './analysis-result.js';
import type { AnalysisName, AnalysisPlan } from '../design.js';
import type { Rng } from '../rng/rng.js';
import { testClusterSummary } from './cluster-summary.js';
import { testFisherExact } from './fisher-exact.js';
import { testMannWhitney, testMannWhitneyOnValues } from './mann-whitney.js';
import { testNegativeBinomial } from './negative-binomial.js';
import { testNegativeBinomialWithPrior } from './negative-binomial-with-prior.js';
import { summariseArms, type ArmSummaries, type OutcomeData } from './outcome-data.js';
import { testByPermutation } from './permutation.js';
import { testPoissonWald } from './poisson-wald.js';
import { testQuasiPoisson } from './quasi-poisson.js';
import { testRiskRatio } from './risk-ratio.js';
import { testTwoProportions } from './two-proportion-z.js';
import { testWelchT } from './welch-t.js';

/** The analyses that read the counts-of-counts; the others get summaries without them. */
const USES_HISTOGRAM: ReadonlySet<AnalysisName> = new Set<AnalysisName>(['negative-binomial', 'mann-whitney']);

/**
 * Runs the named analysis on one outcome's data in one trial. The data are first reduced to
 * sufficient statistics ({@link summariseArms}); only the analyses that need people go back to
 * the person arrays: the prior-adjusted negative binomial (when `plan.adjustForPrior` and
 * `data.prior` is present), Mann–Whitney on non-integer values, the permutation test (the
 * only one that uses `rng`) and the cluster-level summary (which needs each person's cluster).
 * Never throws for data that cannot be analysed: that is a failed result with its reason.
 *
 * @example analyse('poisson-wald', { values: [0,1,2 | 3,4,5], treated: [1,1,1,0,0,0], … },
 *   plan, rng) → logEstimate log(3/12) = −1.3863, SE √(1/3 + 1/12) = 0.6455, p = 0.0317
 */
export function analyse(name: AnalysisName, data: OutcomeData, plan: AnalysisPlan, rng: Rng): AnalysisResult {
  const summaries = summariseArms(data, USES_HISTOGRAM.has(name));
  switch (name) {
    case 'permutation':
      return testByPermutation(data, summaries, plan, rng);
    case 'cluster-summary':
      return testClusterSummary(data, plan);
    case 'negative-binomial':
      if (plan.adjustForPrior && data.prior !== null) {
        return testNegativeBinomialWithPrior(data, data.prior, summaries, plan);
      }
      return testNegativeBinomial(summaries, plan);
    case 'mann-whitney':
      return testMannWhitney(summaries, plan) ?? testMannWhitneyOnValues(data, summaries, plan);
    default:
      return analyseSummaries(name, summaries, plan) as AnalysisResult;
  }
}

/**
 * The same analysis from each arm's sufficient statistics alone, for the aggregated engine, or
 * null when the analysis needs people: the permutation test, the cluster-level summary (which
 * needs each person's cluster), and Mann–Whitney without counts-of-counts (continuous values).
 * Summaries carry no covariate, so `negative-binomial` here is the unadjusted model: it equals
 * {@link analyse} when `data.prior` is null or `plan.adjustForPrior` is false — an engine holding
 * prior counts with adjustment requested must call `analyse`. Otherwise the result is identical to `analyse` on any data with these summaries.
 *
 * @example analyseSummaries('poisson-wald', { treated: { n: 45, sum: 30, … },
 *   control: { n: 120, sum: 150, … } }, plan) → logEstimate −0.6286, SE 0.2, p = 0.00167
 */
export function analyseSummaries(
  name: AnalysisName,
  summaries: ArmSummaries,
  plan: AnalysisPlan,
): AnalysisResult | null {
  switch (name) {
    case 'two-proportion-z':
      return testTwoProportions(summaries, plan);
    case 'fisher-exact':
      return testFisherExact(summaries, plan);
    case 'risk-ratio':
      return testRiskRatio(summaries, plan);
    case 'poisson-wald':
      return testPoissonWald(summaries, plan);
    case 'quasi-poisson':
      return testQuasiPoisson(summaries, plan);
    case 'negative-binomial':
      return testNegativeBinomial(summaries, plan);
    case 'welch-t':
      return testWelchT(summaries, plan);
    case 'mann-whitney':
      return testMannWhitney(summaries, plan);
    case 'permutation':
    case 'cluster-summary':
      return null;
  }
}
