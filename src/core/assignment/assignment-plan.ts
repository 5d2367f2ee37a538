import type { Blocks } from './blocks.js';
import type { RolloutAssignmentPlan } from './rollout.js';

/**
 * A design's randomisation, fixed once for its cohort layout (the same in every trial): the
 * scheme and what drawing from it needs.
 */
export type AssignmentPlan =
  | { readonly kind: 'simple'; readonly size: number; readonly probability: number }
  | { readonly kind: 'complete'; readonly size: number; readonly treated: number }
  | { readonly kind: 'stratified'; readonly blocks: Blocks; readonly treated: number }
  | { readonly kind: 'cluster'; readonly site: Uint16Array; readonly siteCount: number; readonly treatedSites: number }
  | RolloutAssignmentPlan;
