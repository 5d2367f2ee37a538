import { estimateClusterRobustLogRatio } from './cluster-robust-log-ratio.js';

/** How one arm's people are clustered: how many are their own cluster, and the sizes of the shared clusters. */
export interface ArmClusterLayout {
  readonly singletons: number;
  readonly clusterSizes: readonly number[];
}

/**
 * The Satterthwaite degrees of freedom the CR2 cluster-robust test will have on a design, known
 * before any data: those {@link estimateClusterRobustLogRatio} reports when the two arms have the
 * same mean (the null), which depend only on the cluster sizes — with equal means the working
 * variance φ(μ)/μ² is common to both arms and cancels. Trials with an effect, attrition or a
 * negative-binomial working model scatter a little around it.
 *
 * Formula in words: ν = (1/N1 + 1/N0)² / (Q1/N1⁴ + Q0/N0⁴), with per arm
 * Q = Σ n_g² + (Σ b_g)² − Σ b_g², b_g = n_g²/(N − n_g), over its clusters (singletons have n_g = 1).
 * Reference: Bell & McCaffrey (2002) Survey Methodology 28:169–181; Pustejovsky & Tipton (2018)
 * J. Bus. Econ. Stat. 36:672–683; the derivation is in `docs/clustered-analysis.md`.
 *
 * @example 45 treated dealt to 3 caseworkers of 15, 120 singleton controls → 3.7723 (the Milton
 *   Keynes layout); 264 treated in 12 caseloads of 22, 264 controls → 42.234; 3 equal caseloads
 *   against a very large control arm → 2 (G − 1); 5 + 5 equal randomised sites → 8
 */
export function plannedClusterRobustDegreesOfFreedom(treated: ArmClusterLayout, control: ArmClusterLayout): number {
  return estimateClusterRobustLogRatio({ treated: meanOneArm(treated), control: meanOneArm(control) }, 0)
    .degreesOfFreedomCR2;
}

/** The arm with every value 1: its totals equal its sizes. */
function meanOneArm(layout: ArmClusterLayout) {
  const clusterSizes = Float64Array.from(layout.clusterSizes);
  const people = layout.singletons + clusterSizes.reduce((sum, size) => sum + size, 0);
  return {
    people,
    total: people,
    singletons: layout.singletons,
    singletonTotal: layout.singletons,
    singletonSumSquares: layout.singletons,
    clusterSizes,
    clusterTotals: clusterSizes,
  };
}
