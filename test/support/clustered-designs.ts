/**
 * The designs on which the cluster-robust analysis is calibrated (test/core/validation and the
 * measurements in docs/clustered-analysis.md): `milton-keynes-scale-up` as written, and
 * `milton-keynes` as a partially clustered replication of 264 + 264 people (12 caseworkers of 22),
 * every outcome analysed by cluster-robust; each with its stated effects or with no average effect
 * (the clustered null: caseworkers and sites still differ).
 */
import type { Design } from '../../src/core/design.js';
import { loadDesign } from '../../src/scenario/load-design.js';

const MK_OUTCOMES = ['crime', 'knife', 'victim', 'violence', 'any-crime', 'harm', 'knife-u18', 'harm-u18'];
const MK_NO_EFFECT = [
  'outcomes.crime.effect={ rateRatio: 1 }',
  'outcomes.knife.effect={ rateRatio: 1 }',
  'outcomes.victim.effect={ rateRatio: 1 }',
  'outcomes.violence.effect={ rateRatio: 1 }',
  'outcomes.harm.effect={ severityRatio: 1 }',
  'outcomes.knife-u18.effect={ rateRatio: 1 }',
  'outcomes.harm-u18.effect={ severityRatio: 1 }',
];
const SCALE_UP_OUTCOMES = ['knife', 'crime', 'any-crime', 'harm'];
const SCALE_UP_NO_EFFECT = ['outcomes.knife.effect={ rateRatio: 1 }', 'outcomes.crime.effect={ rateRatio: 1 }'];

/** Which calibration design, and whether its effects are the scenario's or none. */
export type ClusteredDesignName = 'milton-keynes-12-caseworkers' | 'milton-keynes-scale-up';

/**
 * The named calibration design with every outcome analysed by cluster-robust, with its stated
 * effects or (`noEffect`) none on average, at `trials` trials.
 */
export async function clusteredDesign(
  name: ClusteredDesignName,
  noEffect: boolean,
  extra: string[] = [],
): Promise<Design> {
  const partially = name === 'milton-keynes-12-caseworkers';
  const outcomes = partially ? MK_OUTCOMES : SCALE_UP_OUTCOMES;
  const sets = [
    ...(partially ? ['design.size={ treated: 264, control: 264 }', 'analysis.adjustForPrior=false'] : []),
    ...outcomes.map((id) => `outcomes.${id}.analysis=cluster-robust`),
    ...(noEffect ? (partially ? MK_NO_EFFECT : SCALE_UP_NO_EFFECT) : []),
    ...extra,
  ];
  return (await loadDesign(partially ? 'milton-keynes' : 'milton-keynes-scale-up', sets)).design;
}
