/**
 * Cross-field rules of a stepped-wedge rollout (`design.rollout`): its clusters are its sites, its
 * people are counted as distinct people spread as evenly as possible over its cluster-periods, each person-period
 * is followed for one period, and its outcomes are counts or harm analysed by a stepped-wedge
 * analysis. See docs/scenario-language.md (rollout).
 */
import { checkIcc } from './cross-rules-clustering.js';
import { ROLLOUT_ANALYSES } from './schema-outcomes.js';
import type { PathProblem } from './path-problem.js';
import type { ScenarioInput } from './schema.js';

const ROLLOUT: readonly string[] = ROLLOUT_ANALYSES;

/** Every rollout problem of a scenario that passed the schema (and stepped-wedge analyses without a rollout). */
export function checkRollout(scenario: ScenarioInput): PathProblem[] {
  const design = scenario.design;
  const rollout = design.rollout;
  if (rollout === undefined) {
    return scenario.outcomes.flatMap((outcome, index) =>
      outcome.analysis !== undefined && ROLLOUT.includes(outcome.analysis)
        ? [
            {
              path: ['outcomes', index, 'analysis'],
              message: `analyses a stepped-wedge rollout, so it needs design.rollout`,
              hint: 'add design.rollout: { clusters, steps, periodMonths, sampling }, or choose another analysis',
            },
          ]
        : [],
    );
  }
  const problems: PathProblem[] = [];
  const at = (key: string): (string | number)[] => ['design', key];
  const periods = rollout.steps + 1;
  if (design.sites !== undefined)
    problems.push({
      path: at('sites'),
      message: "is not used with a rollout: the rollout's clusters are its sites",
      hint: 'remove design.sites and give the between-cluster variation as rollout.icc',
    });
  if (design.randomisation !== undefined && design.randomisation !== 'cluster')
    problems.push({
      path: at('randomisation'),
      message: `is ${design.randomisation}, but a rollout randomises whole clusters to crossover steps`,
      hint: 'remove randomisation (a rollout sets it)',
    });
  if (design.caseworkers !== undefined)
    problems.push({
      path: at('caseworkers'),
      message: 'are not simulated in a rollout (caseloads would change as clusters cross over)',
      hint: 'remove caseworkers; rollout.clusterAutocorrelation below 1 lets delivery vary by cluster and period',
    });
  if (rollout.steps > rollout.clusters)
    problems.push({
      path: ['design', 'rollout', 'steps'],
      message: `is more than the ${rollout.clusters} clusters, so some steps would have no cluster crossing`,
      hint: `use at most ${rollout.clusters} steps`,
    });
  const perPerson = rollout.sampling === 'closed-cohort' ? periods * rollout.periodMonths : rollout.periodMonths;
  if (design.followUpMonths !== perPerson)
    problems.push({
      path: at('followUpMonths'),
      message:
        rollout.sampling === 'closed-cohort'
          ? `must be the ${periods} periods × ${rollout.periodMonths} months a closed cohort is followed (${perPerson})`
          : `must be one period (${rollout.periodMonths} months): cross-sectional people are followed for the period they are sampled in`,
      hint: `set followUpMonths: ${perPerson}`,
    });
  problems.push(...checkRolloutSize(scenario, periods));
  if (rollout.icc !== undefined && rollout.icc > 0)
    problems.push(...checkIcc(rollout.icc, ['design', 'rollout', 'icc'], scenario));
  if (scenario.analysis?.adjustForPrior === true)
    problems.push({
      path: ['analysis', 'adjustForPrior'],
      message: 'is not used by the stepped-wedge analyses (they compare cluster-periods, not people)',
      hint: 'remove adjustForPrior',
    });
  scenario.outcomes.forEach((outcome, index) => {
    if (outcome.kind === 'binary')
      problems.push({
        path: ['outcomes', index, 'kind'],
        message:
          'is binary, which a rollout does not simulate yet (a secular trend on the rate changes a risk ratio, so the estimand would drift by period)',
        hint: 'use a count outcome (or harm built on one) in a rollout',
      });
    else if (outcome.analysis !== undefined && !ROLLOUT.includes(outcome.analysis))
      problems.push({
        path: ['outcomes', index, 'analysis'],
        message: `is ${outcome.analysis}, which ignores the periods and clusters of a rollout (time would confound the effect)`,
        hint: `choose one of ${ROLLOUT_ANALYSES.join(', ')} (or leave it out for stepped-wedge-within)`,
      });
  });
  return problems;
}

/** A rollout's `size.total` counts distinct people, spread as evenly as possible over every cluster-period. */
function checkRolloutSize(scenario: ScenarioInput, periods: number): PathProblem[] {
  const { size, rollout } = scenario.design;
  if (rollout === undefined) return [];
  if (!('total' in size) || 'treated' in size || 'allocation' in size)
    return [
      {
        path: ['design', 'size'],
        message: 'must be { total } in a rollout: every cluster is treated in turn, so there are no fixed arms',
        hint: 'give size: { total: N }, the distinct people',
      },
    ];
  const least = rollout.sampling === 'closed-cohort' ? rollout.clusters : rollout.clusters * periods;
  if (size.total >= least) return [];
  const what =
    rollout.sampling === 'closed-cohort'
      ? `one person per cluster (${rollout.clusters} clusters)`
      : `one person per cluster-period (${rollout.clusters} clusters × ${periods} periods, new people each period)`;
  return [
    {
      path: ['design', 'size', 'total'],
      message: `must be at least ${least}, ${what}`,
      hint: `use ${least} or more`,
    },
  ];
}
