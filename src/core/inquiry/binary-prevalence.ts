/**
 * What the inquiry keeps to compute a binary outcome's prevalence in one group, for any ratio:
 * the distribution of the person's control event rate b over the selected cohort, as weighted
 * nodes (b = rate over follow-up × propensity × site × own noise for a binary `from` a count;
 * b = hazard × propensity × site for an own-prevalence binary).
 */
export interface BinaryGroupNodes {
  readonly rate: Float64Array;
  readonly weight: Float64Array;
}

/** How the effect and the caseworker multiplier C act on a binary outcome's event probability. */
export interface BinaryMechanism {
  /** true: own prevalence, P = min(1, r·(1 − e^(−bC))); false: from a count, P = 1 − e^(−b·r·C). */
  readonly ownPrevalence: boolean;
  /** Variance of the gamma (mean 1) caseworker multiplier of treated people (0 for none). */
  readonly caseworkerVariance: number;
  /** Quadrature rule over C, for the one case without a closed form (own prevalence, r > 1). */
  readonly caseworkerNodes: Float64Array;
  readonly caseworkerWeights: Float64Array;
}

/**
 * The expected prevalence of a binary outcome in one group and arm.
 *
 * Formula in words: average the person's event probability over the nodes. Controls:
 * 1 − e^(−b). Treated people share a caseworker multiplier C ~ Gamma(mean 1, variance v), whose
 * Laplace transform gives E_C[e^(−bC)] = (1 + b·v)^(−1/v); so a binary from a count with ratio
 * r has P = 1 − (1 + b·r·v)^(−1/v), and an own-prevalence binary has
 * P = r·(1 − (1 + b·v)^(−1/v)) when r ≤ 1 (no cap can bind), and otherwise the capped
 * E_C[min(1, r(1 − e^(−bC)))] by quadrature over C.
 * Reference: gamma Laplace transform (Hougaard 2000, §7.2).
 *
 * @example one node b = 1, control: 1 − e^(−1) = 0.6321205588285577
 */
export function expectedPrevalence(
  nodes: BinaryGroupNodes,
  mechanism: BinaryMechanism,
  treated: boolean,
  ratio: number,
): number {
  const { rate, weight } = nodes;
  const v = treated ? mechanism.caseworkerVariance : 0;
  let sum = 0;
  if (!mechanism.ownPrevalence) {
    const r = treated ? ratio : 1;
    for (let i = 0; i < rate.length; i++) sum += weight[i] * survival(rate[i] * r, v);
    return 1 - sum;
  }
  const r = treated ? ratio : 1;
  if (r <= 1) {
    for (let i = 0; i < rate.length; i++) sum += weight[i] * (1 - survival(rate[i], v));
    return r * sum;
  }
  if (!(v > 0)) {
    for (let i = 0; i < rate.length; i++) sum += weight[i] * Math.min(1, -r * Math.expm1(-rate[i]));
    return sum;
  }
  const { caseworkerNodes, caseworkerWeights } = mechanism;
  for (let i = 0; i < rate.length; i++) {
    let inner = 0;
    for (let c = 0; c < caseworkerNodes.length; c++)
      inner += caseworkerWeights[c] * Math.min(1, -r * Math.expm1(-rate[i] * caseworkerNodes[c]));
    sum += weight[i] * inner;
  }
  return sum;
}

// E[e^(−bC)] for C gamma with mean 1 and variance v (C = 1 when v = 0).
function survival(b: number, v: number): number {
  return v > 0 ? Math.exp(-Math.log1p(b * v) / v) : Math.exp(-b);
}
