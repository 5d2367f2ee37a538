/**
 * The analysis step: one dispatcher over one input type (`AnalysisInput`), whichever form
 * simulated the trial. A new analysis is a file beside these, an entry in `NEEDS` and a case below.
 */
import type { AnalysisName, AnalysisPlan } from '../design.js';
import type { Rng } from '../rng/rng.js';
import type { AnalysisInput } from './analysis-input.js';
import { failedResult, type AnalysisResult } from './analysis-result.js';
import { testClusterRobust } from './cluster-robust.js';
import { testClusterSummary } from './cluster-summary.js';
import { testFisherExact } from './fisher-exact.js';
import { testMannWhitney, testMannWhitneyOnValues } from './mann-whitney.js';
import { testNegativeBinomial } from './negative-binomial.js';
import { testNegativeBinomialWithPrior } from './negative-binomial-with-prior.js';
import { testByPermutation } from './permutation.js';
import { testPoissonWald } from './poisson-wald.js';
import { testQuasiPoisson } from './quasi-poisson.js';
import { testRiskRatio } from './risk-ratio.js';
import { testSteppedWedgeMixed } from './stepped-wedge-mixed.js';
import { testSteppedWedgePermutation } from './stepped-wedge-permutation.js';
import { testSteppedWedgeWithin } from './stepped-wedge-within.js';
import { testTwoProportions } from './two-proportion-z.js';
import { testWelchT } from './welch-t.js';

/** What an analysis reads beyond the arms' sums: the forms build only these. */
export interface AnalysisNeeds {
  /** The counts-of-counts of integer outcomes (in the summaries). */
  readonly histogram: boolean;
  /** The analysed people: the prior covariate, or continuous values to rank. */
  readonly people: boolean;
  /** The values by randomisation cluster. */
  readonly clusters: boolean;
  /** Redraws of the assignment. */
  readonly rerandomiser: boolean;
  /** Each treated person's caseworker (or, under cluster randomisation, everyone's site). */
  readonly caseworkers: boolean;
}

const SUMS_ONLY: AnalysisNeeds = {
  histogram: false,
  people: false,
  clusters: false,
  rerandomiser: false,
  caseworkers: false,
};
const NEEDS: Readonly<Record<AnalysisName, AnalysisNeeds>> = {
  'two-proportion-z': SUMS_ONLY,
  'fisher-exact': SUMS_ONLY,
  'risk-ratio': SUMS_ONLY,
  'poisson-wald': SUMS_ONLY,
  'quasi-poisson': SUMS_ONLY,
  'welch-t': SUMS_ONLY,
  'negative-binomial': { ...SUMS_ONLY, histogram: true, people: true },
  'mann-whitney': { ...SUMS_ONLY, histogram: true, people: true },
  permutation: { ...SUMS_ONLY, rerandomiser: true },
  'cluster-summary': { ...SUMS_ONLY, clusters: true },
  'cluster-robust': { ...SUMS_ONLY, caseworkers: true },
  // A rollout's form always lists its cluster-periods (with the crossover redraw) for every outcome.
  'stepped-wedge-within': SUMS_ONLY,
  'stepped-wedge-mixed': SUMS_ONLY,
  'stepped-wedge-permutation': SUMS_ONLY,
};

/**
 * What the named analysis reads beyond the arms' sums (so a form builds nothing it does not use).
 *
 * @example analysisNeeds('quasi-poisson') → nothing more; analysisNeeds('permutation').rerandomiser → true
 */
export function analysisNeeds(name: AnalysisName): AnalysisNeeds {
  return NEEDS[name];
}

/**
 * Runs the named analysis on one outcome's input in one trial. Most analyses read the arms'
 * sufficient statistics alone; the prior-adjusted negative binomial reads the people's prior
 * counts (when `plan.adjustForPrior` and the people carry them), Mann–Whitney reads the people's
 * values when there are no counts-of-counts (continuous values), the permutation test redraws the
 * assignment (the only one that uses `rng`, the trial's analysis stream) and the cluster-level
 * summary reads the values by cluster, and the cluster-robust analysis (CR2, Satterthwaite degrees
 * of freedom) reads the arms by caseworker. Never throws for data that cannot be analysed: that is a
 * failed result with its reason.
 *
 * @example analyse('poisson-wald', { summaries: treated { n 45, sum 30 }, control { n 120, sum 150 }, … },
 *   plan, null) → logEstimate −0.6286, SE 0.2, p = 0.00167
 */
export function analyse(name: AnalysisName, input: AnalysisInput, plan: AnalysisPlan, rng: Rng | null): AnalysisResult {
  const { summaries, people } = input;
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
    case 'welch-t':
      return testWelchT(summaries, plan);
    case 'negative-binomial':
      if (plan.adjustForPrior && people !== null && people.prior !== null) {
        return testNegativeBinomialWithPrior(people, people.prior, summaries, plan);
      }
      return testNegativeBinomial(summaries, plan);
    case 'mann-whitney':
      return testMannWhitney(summaries, plan) ?? testMannWhitneyOnValues(valuesToRank(people), summaries, plan);
    case 'permutation':
      if (input.rerandomiser !== null && rng === null) throw new Error('a permutation test needs the analysis stream');
      return testByPermutation(summaries, input.rerandomiser, plan, rng!);
    case 'cluster-summary':
      return testClusterSummary(input.clusters, plan);
    case 'cluster-robust':
      return testClusterRobustInput(input, plan);
    case 'stepped-wedge-within':
      return testSteppedWedgeWithin(input.clusterPeriods ?? null, plan);
    case 'stepped-wedge-mixed':
      return testSteppedWedgeMixed(input.clusterPeriods ?? null, plan);
    case 'stepped-wedge-permutation':
      if (rng === null) throw new Error('a permutation test needs the analysis stream');
      return testSteppedWedgePermutation(input.clusterPeriods ?? null, plan, rng);
  }
}

// The person form clusters every person it analyses; a form that gives no clusters has a bug.
function testClusterRobustInput(input: AnalysisInput, plan: AnalysisPlan): AnalysisResult {
  const clustered = input.caseworkerClusters;
  if (clustered === null) throw new Error('cluster-robust needs the arms by caseworker (the person form gives them)');
  if (clustered.arms === null) return failedResult('a caseworker or site has people in both arms');
  return testClusterRobust(clustered.arms, plan, { workingDispersion: clustered.workingDispersion, correction: 'CR2' });
}

// Continuous values come without counts-of-counts; a form that gives neither has a bug.
function valuesToRank(people: AnalysisInput['people']): NonNullable<AnalysisInput['people']> {
  if (people === null) throw new Error('mann-whitney on continuous values needs the analysed people');
  return people;
}
