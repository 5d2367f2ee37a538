/**
 * Cross-field rules about clustering: caseworker and site ICCs must be reachable by a gamma rate
 * multiplier (ICC·(1 + dispersion) < 1, dispersion as in icc-reference.ts), sites give exactly one
 * of icc and rateCV, an ICC needs an outcome with events to refer to, and the cluster-level
 * summary analysis needs clusters (randomisation: cluster).
 */
import { iccDispersion, iccOutcome } from './icc-reference.js';
import type { PathProblem } from './path-problem.js';
import { DEFAULTS } from './defaults.js';
import type { ScenarioInput } from './schema.js';

/** Every clustering problem of a scenario that passed the schema. */
export function checkClustering(scenario: ScenarioInput): PathProblem[] {
  const { caseworkers, sites } = scenario.design;
  const problems: PathProblem[] = [];
  if (sites !== undefined && (sites.icc === undefined) === (sites.rateCV === undefined)) {
    problems.push({
      path: ['design', 'sites'],
      message: 'must give exactly one of icc and rateCV',
      hint: 'e.g. sites: { count: 10, icc: 0.02 } or sites: { count: 10, rateCV: 0.2 }',
    });
  }
  const iccs: [number | undefined, (string | number)[]][] = [
    [caseworkers?.icc, ['design', 'caseworkers', 'icc']],
    [sites?.icc, ['design', 'sites', 'icc']],
  ];
  for (const [icc, path] of iccs) if (icc !== undefined && icc > 0) problems.push(...checkIcc(icc, path, scenario));
  problems.push(...checkClusterAnalyses(scenario));
  if (sites !== undefined) problems.push(...checkSitesHavePeople(sites.count, scenario.design.size));
  return problems;
}

/**
 * More sites than people cannot be meant: people are spread over sites round-robin, so a site
 * averaging fewer than one person is an empty site (2,000 partnerships for 600 people would leave
 * 1,400 of them with nobody). Fewer than SITE_PEOPLE_WARNING people per site is allowed but
 * questioned in the report (src/report/design-warnings.ts).
 */
function checkSitesHavePeople(count: number, size: ScenarioInput['design']['size']): PathProblem[] {
  const total = 'total' in size ? size.total : size.treated + size.control;
  if (count <= total) return [];
  return [
    {
      path: ['design', 'sites', 'count'],
      message: `is ${count} sites for ${total} people: a site would average ${(total / count).toFixed(2)} people, so ${count - total} sites would be empty`,
      hint: `give at most ${total} sites (the number of local partnerships that recruit), or more people in design.size`,
    },
  ];
}

/**
 * `cluster-summary` compares the means of randomised clusters, so it has nothing to compare unless
 * whole sites are randomised; person-level randomisation has its own person-level analyses.
 */
function checkClusterAnalyses(scenario: ScenarioInput): PathProblem[] {
  const randomisation = scenario.design.randomisation ?? DEFAULTS.randomisation;
  if (randomisation === 'cluster') return [];
  return scenario.outcomes.flatMap((outcome, index) =>
    outcome.analysis === 'cluster-summary'
      ? [
          {
            path: ['outcomes', index, 'analysis'],
            message: `compares randomised clusters (sites), so it needs randomisation: cluster (this is ${randomisation})`,
            hint: 'set design.randomisation: cluster with design.sites, or choose a person-level analysis such as negative-binomial',
          },
        ]
      : [],
  );
}

/** An ICC that a gamma rate multiplier cannot reach, or that refers to an outcome with no events. */
export function checkIcc(icc: number, path: (string | number)[], scenario: ScenarioInput): PathProblem[] {
  const outcome = iccOutcome(scenario.outcomes);
  if (outcome === undefined) return [];
  const rates = typeof outcome.ratePerYear === 'number' ? [outcome.ratePerYear] : Object.values(outcome.ratePerYear);
  if (rates.every((rate) => rate === 0)) {
    return [
      {
        path,
        message: `refers to outcome "${outcome.id}", which has no events (rate 0)`,
        hint: 'give that outcome a rate above 0, or set the icc to 0',
      },
    ];
  }
  const dispersion = iccDispersion(scenario);
  if (icc * (1 + dispersion) < 1) return [];
  const shown = Number(dispersion.toPrecision(4));
  return [
    {
      path,
      message: `is too large for the person-level dispersion ${shown} of "${outcome.id}": icc × (1 + ${shown}) must be below 1`,
      hint: `use an icc below ${Number((1 / (1 + dispersion)).toPrecision(3))} (realistic: 0.01–0.05)`,
    },
  ];
}
