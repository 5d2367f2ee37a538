/**
 * The assignment step: one dispatcher over the randomisation schemes (one file each, every file
 * holding the scheme's person form, cell form and exact probabilities side by side). A new scheme
 * is a file beside these and one entry in each switch below.
 */
import { armSizes, type Design } from '../design.js';
import type { CellLayout } from '../model/cell-layout.js';
import type { ModelConstants } from '../model/model-constants.js';
import type { Rng } from '../rng/rng.js';
import type { AssignmentPlan } from './assignment-plan.js';
import { formBlocks } from './blocks.js';
import { assignCluster, clusterAssignmentProbabilities, drawClusterCounts, treatedSiteCount } from './cluster.js';
import { assignComplete, completeAssignmentProbabilities, spreadOverUnit } from './complete.js';
import { assignSimple, drawSimpleCounts, simpleAssignmentProbabilities } from './simple.js';
import { assignStratified, drawStratifiedCounts, stratifiedAssignmentProbabilities } from './stratified.js';
import { planRollout } from './rollout.js';
import { treatedShare } from './treated-share.js';

const ROLLOUT_PER_ROW =
  "a rollout's arms are drawn per person-period (drawCrossover, assignRolloutRows in assignment/rollout.ts)";

export type { AssignmentPlan } from './assignment-plan.js';

/**
 * Fixes what the design's randomisation needs (strata and blocks, the treated count, the treated
 * share, the number of treated sites), from the cohort layout every trial shares (`model.shared`).
 * Randomisation: simple (each person treated with the treated share), complete (exactly the
 * declared treated count), stratified (complete within strata and blocks, per-stratum counts as
 * even as the share allows, exact total) or cluster (whole sites, round(sites × share) of them);
 * the treated share is `treatedShare`.
 * Reference: randomizr (Coppock 2023): simple_ra, complete_ra, block_ra, cluster_ra.
 *
 * @example MK (stratified by group, 45 of 165) → { kind: 'stratified', treated: 45, blocks by group }
 * @throws RangeError for cluster randomisation with fewer than 2 sites
 */
export function planAssignment(design: Design, model: ModelConstants): AssignmentPlan {
  const size = design.plan.size;
  const { treated } = armSizes(size);
  const { group, site } = model.shared;
  const rollout = design.plan.rollout;
  if (rollout) return planRollout(rollout.clusters, rollout.steps);
  switch (design.plan.randomisation) {
    case 'simple':
      return { kind: 'simple', size: model.total, probability: treatedShare(size) };
    case 'complete':
      return { kind: 'complete', size: model.total, treated };
    case 'stratified':
      return { kind: 'stratified', blocks: formBlocks(design.plan, group, site, model.siteCount), treated };
    case 'cluster':
      return {
        kind: 'cluster',
        site,
        siteCount: model.siteCount,
        treatedSites: treatedSiteCount(model.siteCount, treatedShare(size)),
      };
  }
}

/**
 * Person form: draws one assignment of the cohort (1 = treated) by the plan's scheme.
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
      return assignStratified(plan.blocks, plan.treated, rng);
    case 'cluster':
      return assignCluster(plan.site, plan.siteCount, plan.treatedSites, rng);
    case 'rollout':
      throw new Error(ROLLOUT_PER_ROW);
  }
}

/**
 * Cell form: draws how many people of each population cell the plan's scheme treats, with
 * exactly the law of the person form summed over each cell, and writes them to `treated` (one
 * entry per cell). The cell layout's randomisation units are what the scheme randomises within:
 * the whole cohort (simple, complete), each block (stratified), each site (cluster).
 *
 * Formula in words: simple, Binomial(n, share) per cell of n; complete, the cells' counts are
 * multivariate hypergeometric (T draws from the cell sizes); stratified, the block walk, then
 * multivariate hypergeometric over each block's cells; cluster, whole sites.
 * Reference: randomizr (Coppock 2023); Johnson, Kotz & Balakrishnan (1997), ch. 39.
 *
 * @example complete, 45 treated of cells [73, 92] → e.g. [20, 25]: always summing to 45
 */
export function drawTreatedCounts(plan: AssignmentPlan, layout: CellLayout, rng: Rng, treated: Float64Array): void {
  switch (plan.kind) {
    case 'simple':
      drawSimpleCounts(rng, layout.cellSize, plan.probability, treated);
      return;
    case 'complete':
      spreadOverUnit(layout, 0, plan.treated, rng, treated);
      return;
    case 'stratified':
      drawStratifiedCounts(plan.blocks, layout, plan.treated, rng, treated);
      return;
    case 'cluster':
      drawClusterCounts(layout, plan.treatedSites, rng, treated);
      return;
    case 'rollout':
      throw new Error(`${ROLLOUT_PER_ROW}; rollouts have no cell form`);
  }
}

/**
 * The exact probability that each person is treated under the plan's scheme — the twin of
 * `drawAssignment`, used to check it and for inverse-probability weighting.
 *
 * @example complete, 45 of 165 → 45/165 for everyone
 */
export function assignmentProbabilities(plan: AssignmentPlan): Float64Array {
  switch (plan.kind) {
    case 'simple':
      return simpleAssignmentProbabilities(plan.size, plan.probability);
    case 'complete':
      return completeAssignmentProbabilities(plan.size, plan.treated);
    case 'stratified':
      return stratifiedAssignmentProbabilities(plan.blocks, plan.treated);
    case 'cluster':
      return clusterAssignmentProbabilities(plan.site.length, plan.siteCount, plan.treatedSites);
    case 'rollout':
      throw new Error(`${ROLLOUT_PER_ROW}; its per-period probabilities are rolloutTreatedProbabilities`);
  }
}
