import type { CountOutcome, Design } from '../design.js';
import { COARSE_GAMMA_RULE, FINE_GAMMA_RULE, MEDIUM_GAMMA_RULE, meanOneGammaRule } from './gamma-quadrature.js';
import type { QuadratureRule } from './gauss-legendre.js';
import { compileSelection, type SelectionPlan } from './selection-plan.js';
import { prepareSelectionProbability, selectionProbability } from './selection-probability.js';

/**
 * The distribution of a selected person's multipliers in one group, as weighted nodes: each node
 * is a propensity, a site multiplier and the own noise of every selection outcome, with a weight;
 * Σ weight × f(node) is E[f | selected] for any f of these multipliers.
 */
export interface SelectedGroup {
  /** Share of the group's population that passes every rule (1 without selection). */
  readonly eligibleShare: number;
  readonly propensity: Float64Array;
  readonly site: Float64Array;
  /** Per design outcome: its own noise at each node, or null where it is independent of selection. */
  readonly noise: readonly (Float64Array | null)[];
  readonly weight: Float64Array;
  /**
   * Per design outcome: E[prior-window count | selected] over `priorMonths` (count outcomes with
   * selection only; NaN otherwise).
   */
  readonly priorMean: Float64Array;
}

/**
 * Integrates over the selected population of each group: who passes the eligibility rules on the
 * simulated prior window, and what their multipliers are.
 *
 * Formula in words: a person's multipliers (propensity X, own noise Nⱼ of each selection outcome,
 * site multiplier S) have gamma prior weights π; the chance w of passing the rules given them is
 * exact (`selectionProbability`). Because every site keeps its fixed number of people whatever
 * its multiplier, selection tilts X and N within a site but not S:
 * weight(x, n, s) = π(s) · π(x, n) · w(x, n, s) / Σ_{x', n'} π(x', n') · w(x', n', s).
 * The eligible share is Σ π·w. Integration is by tensor-product gamma quadrature
 * (`meanOneGammaRule`): fine for X, coarse for N and S.
 * Reference: Maltz et al. (1980), Evaluation Review 4(2), on selection and regression to the mean.
 *
 * @example without selection, dispersion 1.5 and no sites: eligibleShare 1 and Σ weight × propensity = 1
 */
export function integrateSelectedPopulation(design: Design): SelectedGroup[] {
  let groups = cache.get(design);
  if (groups === undefined) {
    groups = integrateGroups(design);
    cache.set(design, groups);
  }
  return groups;
}

// The integration is the costly part of preparing a design; model and inquiry both need it.
const cache = new WeakMap<Design, SelectedGroup[]>();

// Grid nodes whose prior weight is below this carry nothing measurable and are skipped.
const NEGLIGIBLE_WEIGHT = 1e-16;

function integrateGroups(design: Design): SelectedGroup[] {
  const plan = compileSelection(design);
  const siteCV = design.design.sites?.rateCV ?? 0;
  const siteRule = meanOneGammaRule(siteCV * siteCV, COARSE_GAMMA_RULE);
  const noiseRules: QuadratureRule[] = plan === null ? [] : Array.from(plan.outcomeIndices, (k) =>
    meanOneGammaRule((design.outcomes[k] as CountOutcome).dispersion, COARSE_GAMMA_RULE),
  );
  // The propensity alone gets the fine rule; inside a tensor grid a medium one keeps the grid small.
  const otherDimensions = siteRule.nodes.length > 1 || noiseRules.some((rule) => rule.nodes.length > 1);
  const propensityRule = meanOneGammaRule(design.propensityDispersion, otherDimensions ? MEDIUM_GAMMA_RULE : FINE_GAMMA_RULE);
  return design.groups.map((group) => integrateGroup(design, plan, group.id, propensityRule, siteRule, noiseRules));
}

function integrateGroup(
  design: Design,
  plan: SelectionPlan | null,
  groupId: string,
  propensityRule: QuadratureRule,
  siteRule: QuadratureRule,
  noiseRules: QuadratureRule[],
): SelectedGroup {
  const outcomeCount = design.outcomes.length;
  const priorMean = new Float64Array(outcomeCount).fill(NaN);
  const selectionOutcomes = plan === null ? 0 : plan.outcomeIndices.length;
  // Enumerate the tensor grid of (propensity, noises) once; the site loop wraps it.
  let innerSize = propensityRule.nodes.length;
  for (const rule of noiseRules) innerSize *= rule.nodes.length;
  const size = innerSize * siteRule.nodes.length;
  const propensity = new Float64Array(size);
  const site = new Float64Array(size);
  const noiseValues = noiseRules.map(() => new Float64Array(size));
  const weight = new Float64Array(size);
  const priorTimesSelected = plan === null ? [] : Array.from(plan.outcomeIndices, () => new Float64Array(size));

  const calculator = plan === null ? null : prepareSelectionProbability(plan);
  const rates = plan === null ? [] : Array.from(plan.outcomeIndices, (k) => (design.outcomes[k] as CountOutcome).ratePerYear[groupId]);
  const segments = plan === null ? 0 : plan.segmentMonths.length;
  const cellMeans = new Float64Array(selectionOutcomes * segments);
  const signatureMeans = new Float64Array(calculator?.signatureCount ?? 0);
  const shifted = new Float64Array(calculator?.signatureCount ?? 0);
  const digits = new Int32Array(noiseRules.length + 1);

  let eligibleShare = 0;
  let node = 0;
  for (let si = 0; si < siteRule.nodes.length; si++) {
    const s = siteRule.nodes[si];
    const siteStart = node;
    let siteSelected = 0;
    for (let inner = 0; inner < innerSize; inner++, node++) {
      // Decode the mixed-radix inner index: propensity fastest, then each noise.
      let rest = inner;
      digits[0] = rest % propensityRule.nodes.length;
      rest = Math.floor(rest / propensityRule.nodes.length);
      let prior = propensityRule.weights[digits[0]];
      for (let j = 0; j < noiseRules.length; j++) {
        digits[j + 1] = rest % noiseRules[j].nodes.length;
        rest = Math.floor(rest / noiseRules[j].nodes.length);
        prior *= noiseRules[j].weights[digits[j + 1]];
        noiseValues[j][node] = noiseRules[j].nodes[digits[j + 1]];
      }
      const x = propensityRule.nodes[digits[0]];
      propensity[node] = x;
      site[node] = s;
      let selected = 1;
      if (prior * siteRule.weights[si] < NEGLIGIBLE_WEIGHT) {
        selected = 0;
      } else if (plan !== null && calculator !== null) {
        signatureMeans.fill(0);
        for (let j = 0; j < selectionOutcomes; j++) {
          const perYear = rates[j] * x * noiseValues[j][node] * s;
          for (let k = 0; k < segments; k++) {
            const mean = (perYear * plan.segmentMonths[k]) / 12;
            cellMeans[j * segments + k] = mean;
            const sigma = calculator.cellSignature[j * segments + k];
            if (sigma >= 0) signatureMeans[sigma] += mean;
          }
        }
        selected = selectionProbability(calculator, signatureMeans, -1);
        for (let sigma = 0; sigma < shifted.length; sigma++) shifted[sigma] = selectionProbability(calculator, signatureMeans, sigma);
        for (let j = 0; j < selectionOutcomes; j++) {
          let sum = 0;
          for (let k = 0; k < segments; k++) {
            const sigma = calculator.cellSignature[j * segments + k];
            sum += cellMeans[j * segments + k] * (sigma >= 0 ? shifted[sigma] : selected);
          }
          priorTimesSelected[j][node] = prior * sum;
        }
      }
      weight[node] = prior * selected;
      siteSelected += prior * selected;
    }
    eligibleShare += siteRule.weights[si] * siteSelected;
    // Untilt the site: each site node keeps its prior weight among the selected.
    const scale = siteSelected > 0 ? siteRule.weights[si] / siteSelected : 0;
    for (let n = siteStart; n < node; n++) {
      weight[n] *= scale;
      for (const values of priorTimesSelected) values[n] *= scale;
    }
  }
  normaliseWeights(weight, priorTimesSelected);
  const noise: (Float64Array | null)[] = new Array(outcomeCount).fill(null);
  if (plan !== null) {
    plan.outcomeIndices.forEach((k, j) => {
      if (noiseRules[j].nodes.length > 1) noise[k] = noiseValues[j];
      let sum = 0;
      for (let n = 0; n < size; n++) sum += priorTimesSelected[j][n];
      priorMean[k] = sum;
    });
    // Outcomes outside the rules: independent Poisson on the same multipliers.
    design.outcomes.forEach((outcome, k) => {
      if (outcome.kind !== 'count' || !Number.isNaN(priorMean[k])) return;
      let sum = 0;
      for (let n = 0; n < size; n++) sum += weight[n] * propensity[n] * site[n];
      priorMean[k] = (outcome.ratePerYear[groupId] * sum * plan.priorMonths) / 12;
    });
  }
  return compact({ eligibleShare: plan === null ? 1 : eligibleShare, propensity, site, noise, weight, priorMean });
}

// Drops nodes of zero weight (skipped or unselectable), which only cost time downstream.
function compact(group: SelectedGroup): SelectedGroup {
  const keep: number[] = [];
  group.weight.forEach((w, n) => w > 0 && keep.push(n));
  if (keep.length === group.weight.length) return group;
  const take = (values: Float64Array) => Float64Array.from(keep, (n) => values[n]);
  return {
    ...group,
    propensity: take(group.propensity),
    site: take(group.site),
    noise: group.noise.map((values) => (values === null ? null : take(values))),
    weight: take(group.weight),
  };
}

// Sites whose selection probability underflowed drop out; the survivors' weights sum to 1.
function normaliseWeights(weight: Float64Array, companions: Float64Array[]): void {
  let total = 0;
  for (let n = 0; n < weight.length; n++) total += weight[n];
  if (!(total > 0)) throw new RangeError('no one in this group can pass the selection rules');
  if (Math.abs(total - 1) < 1e-15) return;
  for (let n = 0; n < weight.length; n++) weight[n] /= total;
  for (const values of companions) for (let n = 0; n < values.length; n++) values[n] /= total;
}
