import { armSizes, type Design } from '../design.js';
import type { Cohort } from '../model/cohort.js';
import type { Rng } from '../rng/rng.js';
import { assignCluster, clusterAssignmentProbabilities, treatedSiteCount } from './cluster.js';
import { assignComplete, completeAssignmentProbabilities } from './complete.js';
import { assignSimple, simpleAssignmentProbabilities } from './simple.js';
import { formStrata, type StrataCells } from './strata.js';
import { assignStratified, stratifiedAssignmentProbabilities } from './stratified.js';

/**
 * A design's assignment mechanism applied to one cohort, ready to draw repeatedly (e.g. by the
 * permutation test's re-randomisations).
 */
export type AssignmentPlan =
  | { readonly kind: 'simple'; readonly size: number; readonly probability: number }
  | { readonly kind: 'complete'; readonly size: number; readonly treated: number }
  | { readonly kind: 'stratified'; readonly cells: StrataCells; readonly treated: number }
  | { readonly kind: 'cluster'; readonly site: Uint16Array; readonly siteCount: number; readonly treatedSites: number };

/**
 * Fixes what the design's randomisation needs for this cohort (strata and blocks, the treated
 * count, the treated sites), so that drawing an assignment is one pass over the people.
 *
 * @example MK (stratified by group, 45 of 165) → { kind: 'stratified', treated: 45, cells by group }
 */
export function planAssignment(design: Design, cohort: Cohort): AssignmentPlan {
  const size = design.plan.size;
  const { treated, total } = armSizes(size);
  // A ratio design states its share; a fixed one implies it.
  const share = size.kind === 'ratio' ? size.treatedShare : total > 0 ? treated / total : 0;
  switch (design.plan.randomisation) {
    case 'simple':
      return { kind: 'simple', size: cohort.size, probability: share };
    case 'complete':
      return { kind: 'complete', size: cohort.size, treated };
    case 'stratified':
      return { kind: 'stratified', cells: formStrata(design, cohort), treated };
    case 'cluster': {
      const siteCount = cohort.siteMultiplier.length;
      return { kind: 'cluster', site: cohort.site, siteCount, treatedSites: treatedSiteCount(siteCount, share) };
    }
  }
}

/**
 * Draws one assignment (1 = treated) by a plan's mechanism; see `assign` for the mechanisms.
 * Reference: randomizr (Coppock 2023).
 *
 * @example drawAssignment({ kind: 'complete', size: 4, treated: 2 }, rng) → e.g. [0, 1, 1, 0]
 */
export function drawAssignment(plan: AssignmentPlan, rng: Rng): Uint8Array {
  switch (plan.kind) {
    case 'simple':
      return assignSimple(plan.size, plan.probability, rng);
    case 'complete':
      return assignComplete(plan.size, plan.treated, rng);
    case 'stratified':
      return assignStratified(plan.cells, plan.treated, rng);
    case 'cluster':
      return assignCluster(plan.site, plan.siteCount, plan.treatedSites, rng);
  }
}

/**
 * Randomises the cohort by the design's mechanism: simple (each person treated with the treated
 * share), complete (exactly the declared treated count), stratified (complete within strata and
 * blocks, per-stratum counts as even as the share allows, exact total) or cluster (whole sites,
 * round(sites × share) of them). Treated share = the stated share of a ratio size, else
 * treated / total.
 * Reference: randomizr (Coppock 2023): simple_ra, complete_ra, block_ra, cluster_ra.
 *
 * @example MK, stratified by group: 20 youth and 25 adults treated of 73 + 92
 */
export function assign(design: Design, cohort: Cohort, rng: Rng): Uint8Array {
  return drawAssignment(planAssignment(design, cohort), rng);
}

/**
 * The exact probability that each person is treated under the design's mechanism — the twin of
 * `assign`, used to check it and for inverse-probability weighting.
 *
 * @example complete, 45 of 165 → 45/165 for everyone
 */
export function assignmentProbabilities(design: Design, cohort: Cohort): Float64Array {
  const plan = planAssignment(design, cohort);
  switch (plan.kind) {
    case 'simple':
      return simpleAssignmentProbabilities(plan.size, plan.probability);
    case 'complete':
      return completeAssignmentProbabilities(plan.size, plan.treated);
    case 'stratified':
      return stratifiedAssignmentProbabilities(plan.cells, plan.treated);
    case 'cluster':
      return clusterAssignmentProbabilities(plan.site.length, plan.siteCount, plan.treatedSites);
  }
}

/**
 * A re-randomiser for randomisation inference: each call redraws the whole cohort's assignment by
 * the design's own mechanism and returns it for the given people (`indices`, e.g. the observed
 * ones of one group; null = everyone, in order). Under the sharp null of no effect, with
 * attrition independent of assignment, these redraws are the assignment's true reference
 * distribution, arm sizes and strata included. The plan is built on first use, so unused
 * re-randomisers cost nothing. Each call returns a fresh array.
 * Reference: Fisher (1935); Gerber & Green, Field Experiments (2012), ch. 3.
 *
 * @example complete 45 of 165, indices null → each call: a new 45-of-165 assignment
 */
export function rerandomiser(design: Design, cohort: Cohort, indices: Int32Array | null): (rng: Rng) => Uint8Array {
  let plan: AssignmentPlan | null = null;
  return (rng: Rng): Uint8Array => {
    plan ??= planAssignment(design, cohort);
    const full = drawAssignment(plan, rng);
    if (indices === null) return full;
    const picked = new Uint8Array(indices.length);
    for (let j = 0; j < indices.length; j++) picked[j] = full[indices[j]];
    return picked;
  };
}
