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
  const plan = compileSelection(design);
  const siteCV = design.plan.sites?.rateCV ?? 0;
  const siteRule = meanOneGammaRule(siteCV * siteCV, COARSE_GAMMA_RULE);
  const noiseRules: QuadratureRule[] =
    plan === null
      ? []
      : Array.from(plan.outcomeIndices, (k) =>
          meanOneGammaRule((design.outcomes[k] as CountOutcome).dispersion, COARSE_GAMMA_RULE),
        );
  // The propensity alone gets the fine rule; inside a tensor grid a medium one keeps the grid small.
  const otherDimensions = siteRule.nodes.length > 1 || noiseRules.some((rule) => rule.nodes.length > 1);
  const propensityRule = meanOneGammaRule(
    design.propensityDispersion,
    otherDimensions ? MEDIUM_GAMMA_RULE : FINE_GAMMA_RULE,
  );
  return design.groups.map((group) => integrateGroup(design, plan, group.id, propensityRule, siteRule, noiseRules));
}

// Grid nodes whose prior weight is below this carry nothing measurable and are skipped.
const NEGLIGIBLE_WEIGHT = 1e-16;

/** The tensor grid of multipliers: site outermost, then the noises, propensity fastest. */
interface Grid {
  readonly propensity: Float64Array;
  readonly site: Float64Array;
  /** Per selection outcome: its own noise at each node. */
  readonly noise: Float64Array[];
  /** Prior (unselected) weight of each node. */
  readonly prior: Float64Array;
  /** Nodes [siteStart[s], siteStart[s + 1]) share site node s. */
  readonly siteStart: Int32Array;
  readonly siteWeight: Float64Array;
}

function buildGrid(propensityRule: QuadratureRule, noiseRules: QuadratureRule[], siteRule: QuadratureRule): Grid {
  const rules = [propensityRule, ...noiseRules];
  const innerSize = rules.reduce((product, rule) => product * rule.nodes.length, 1);
  const size = innerSize * siteRule.nodes.length;
  const grid = {
    propensity: new Float64Array(size),
    site: new Float64Array(size),
    noise: noiseRules.map(() => new Float64Array(size)),
    prior: new Float64Array(size),
    siteStart: Int32Array.from({ length: siteRule.nodes.length + 1 }, (_, s) => s * innerSize),
    siteWeight: siteRule.weights,
  };
  for (let node = 0; node < size; node++) {
    const s = Math.floor(node / innerSize);
    // Decode the mixed-radix inner index: propensity fastest, then each noise.
    let rest = node % innerSize;
    let prior = siteRule.weights[s];
    for (let d = 0; d < rules.length; d++) {
      const digit = rest % rules[d].nodes.length;
      rest = Math.floor(rest / rules[d].nodes.length);
      prior *= rules[d].weights[digit];
      if (d === 0) grid.propensity[node] = rules[d].nodes[digit];
      else grid.noise[d - 1][node] = rules[d].nodes[digit];
    }
    grid.site[node] = siteRule.nodes[s];
    grid.prior[node] = prior;
  }
  return grid;
}

/**
 * At every grid node: the chance of passing the rules and, per selection outcome, E[prior-window
 * count × 1{selected}] (by the Poisson shift identity of `selectionProbability`).
 */
function selectGrid(
  grid: Grid,
  plan: SelectionPlan,
  rates: number[],
): { selected: Float64Array; priorTimesSelected: Float64Array[] } {
  const calculator = prepareSelectionProbability(plan);
  const size = grid.prior.length;
  const outcomes = plan.outcomeIndices.length;
  const segments = plan.segmentMonths.length;
  const selected = new Float64Array(size);
  const priorTimesSelected = Array.from({ length: outcomes }, () => new Float64Array(size));
  const cellMeans = new Float64Array(outcomes * segments);
  const signatureMeans = new Float64Array(calculator.signatureCount);
  const shifted = new Float64Array(calculator.signatureCount);
  for (let node = 0; node < size; node++) {
    if (grid.prior[node] < NEGLIGIBLE_WEIGHT) continue;
    signatureMeans.fill(0);
    for (let j = 0; j < outcomes; j++) {
      const perYear = rates[j] * grid.propensity[node] * grid.noise[j][node] * grid.site[node];
      for (let k = 0; k < segments; k++) {
        const cell = j * segments + k;
        cellMeans[cell] = (perYear * plan.segmentMonths[k]) / 12;
        if (calculator.cellSignature[cell] >= 0) signatureMeans[calculator.cellSignature[cell]] += cellMeans[cell];
      }
    }
    const chance = selectionProbability(calculator, signatureMeans, -1);
    selected[node] = chance;
    for (let sigma = 0; sigma < shifted.length; sigma++)
      shifted[sigma] = selectionProbability(calculator, signatureMeans, sigma);
    for (let j = 0; j < outcomes; j++) {
      let sum = 0;
      for (let k = 0; k < segments; k++) {
        const sigma = calculator.cellSignature[j * segments + k];
        sum += cellMeans[j * segments + k] * (sigma >= 0 ? shifted[sigma] : chance);
      }
      priorTimesSelected[j][node] = sum;
    }
  }
  return { selected, priorTimesSelected };
}

function integrateGroup(
  design: Design,
  plan: SelectionPlan | null,
  groupId: string,
  propensityRule: QuadratureRule,
  siteRule: QuadratureRule,
  noiseRules: QuadratureRule[],
): SelectedGroup {
  const grid = buildGrid(propensityRule, noiseRules, siteRule);
  const size = grid.prior.length;
  const rates =
    plan === null
      ? []
      : Array.from(plan.outcomeIndices, (k) => (design.outcomes[k] as CountOutcome).ratePerYear[groupId]);
  const { selected, priorTimesSelected } =
    plan === null
      ? { selected: new Float64Array(size).fill(1), priorTimesSelected: [] }
      : selectGrid(grid, plan, rates);
  // weight ∝ prior × chance, normalised within each site node: selection tilts propensity and
  // noise, but every site keeps its people, so the site multiplier keeps its prior weight.
  const weight = new Float64Array(size);
  let eligibleShare = 0;
  for (let s = 0; s + 1 < grid.siteStart.length; s++) {
    let siteSelected = 0;
    for (let n = grid.siteStart[s]; n < grid.siteStart[s + 1]; n++) siteSelected += grid.prior[n] * selected[n];
    eligibleShare += siteSelected;
    const scale = siteSelected > 0 ? grid.siteWeight[s] / siteSelected : 0;
    for (let n = grid.siteStart[s]; n < grid.siteStart[s + 1]; n++) {
      weight[n] = grid.prior[n] * selected[n] * scale;
      for (const values of priorTimesSelected) values[n] *= grid.prior[n] * scale;
    }
  }
  normaliseWeights(weight, priorTimesSelected);
  const noise: (Float64Array | null)[] = design.outcomes.map(() => null);
  const priorMean = new Float64Array(design.outcomes.length).fill(NaN);
  if (plan !== null) {
    plan.outcomeIndices.forEach((k, j) => {
      if (noiseRules[j].nodes.length > 1) noise[k] = grid.noise[j];
      priorMean[k] = priorTimesSelected[j].reduce((a, b) => a + b, 0);
    });
    // Outcomes outside the rules: independent Poisson on the same multipliers.
    design.outcomes.forEach((outcome, k) => {
      if (outcome.kind !== 'count' || !Number.isNaN(priorMean[k])) return;
      let sum = 0;
      for (let n = 0; n < size; n++) sum += weight[n] * grid.propensity[n] * grid.site[n];
      priorMean[k] = (outcome.ratePerYear[groupId] * sum * plan.priorMonths) / 12;
    });
  }
  return compact({
    eligibleShare: plan === null ? 1 : eligibleShare,
    propensity: grid.propensity,
    site: grid.site,
    noise,
    weight,
    priorMean,
  });
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
