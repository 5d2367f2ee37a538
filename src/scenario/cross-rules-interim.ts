/**
 * Cross-field rules about interim looks (a group-sequential design): the looks must pass the
 * boundary computation's assumptions (`checkLooks`), and the monitored outcome — the first primary
 * one — must be one whose look-by-look data the simulation can cut (docs/sequential-and-stepped-wedge.md).
 */
import { checkLooks } from '../core/analysis/group-sequential/check-looks.js';
import { DEFAULTS } from './defaults.js';
import type { PathProblem } from './path-problem.js';
import type { ScenarioInput } from './schema.js';

const LOOKS = ['design', 'interim', 'looks'] as const;

/** Every problem with a scenario's `design.interim`, each at its path; none when there is no `interim`. */
export function checkInterim(scenario: ScenarioInput): PathProblem[] {
  const interim = scenario.design.interim;
  if (interim === undefined) return [];
  const problems: PathProblem[] = checkLooks(interim.looks).map((problem) => ({
    path: problem.look === null ? LOOKS : [...LOOKS, problem.look],
    message: problem.message,
    hint: 'give looks as information fractions that increase, at least 0.01 apart, ending at 1, e.g. [0.5, 0.75, 1]',
  }));
  const alpha = scenario.analysis?.alpha ?? DEFAULTS.alpha;
  if (!(alpha > 0 && alpha < 0.5)) {
    problems.push({
      path: ['analysis', 'alpha'],
      message: `is ${alpha}: group-sequential boundaries need α in (0, 0.5)`,
      hint: 'e.g. alpha: 0.05',
    });
  }
  if ((scenario.design.randomisation ?? DEFAULTS.randomisation) === 'cluster') {
    problems.push({
      path: ['design', 'interim'],
      message: 'interim looks are simulated for person-level randomisation only (not randomisation: cluster)',
      hint: 'use complete, simple or stratified randomisation, or leave out design.interim',
    });
  }
  const anyPrimary = scenario.outcomes.some((outcome) => outcome.primary === true);
  const index = anyPrimary ? scenario.outcomes.findIndex((outcome) => outcome.primary === true) : 0;
  const outcome = scenario.outcomes[index];
  if (outcome === undefined) return problems;
  if (outcome.kind === 'harm') {
    problems.push({
      path: ['outcomes', index, 'kind'],
      message:
        'the monitored outcome (the first primary one) of a design with interim looks must be a count or a binary outcome',
      hint: 'make a count or binary outcome the first primary one',
    });
    return problems;
  }
  const analysis = outcome.analysis ?? DEFAULTS.analysis[outcome.kind];
  if (analysis === 'permutation' || analysis === 'cluster-summary' || analysis === 'cluster-robust') {
    problems.push({
      path: ['outcomes', index, 'analysis'],
      message: `${analysis} is not offered at interim looks (the monitored outcome is the first primary one)`,
      hint: 'choose a person-level analysis such as negative-binomial, quasi-poisson or two-proportion-z',
    });
  }
  return problems;
}
