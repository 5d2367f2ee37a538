/**
 * Cross-field rules about outcomes: unique ids, `from:` naming a count outcome, binary outcomes
 * having exactly one source, by-group effects naming groups, and `within:` naming a group.
 */
import { checkGroupKeys, checkGroupName } from './cross-rules-groups.js';
import { suggestWord } from './did-you-mean.js';
import type { PathProblem } from './path-problem.js';
import type { OutcomeInput } from './schema.js';

/** Every problem tying an outcome to the groups and to the other outcomes. */
export function checkOutcomes(outcomes: readonly OutcomeInput[], groupIds: readonly string[]): PathProblem[] {
  const countIds = outcomes.filter((outcome) => outcome.kind === 'count').map((outcome) => outcome.id);
  return outcomes.flatMap((outcome, index) => {
    const at = ['outcomes', index] as const;
    const problems: PathProblem[] = [];
    if (outcomes.findIndex((other) => other.id === outcome.id) < index) {
      problems.push({
        path: [...at, 'id'],
        message: `repeats the outcome id "${outcome.id}"`,
        hint: 'give each outcome its own id',
      });
    }
    problems.push(...checkGroupName(outcome.within, [...at, 'within'], groupIds));
    problems.push(...checkGroupKeys(outcome.effect?.byGroup, [...at, 'effect', 'byGroup'], groupIds, false));
    if (outcome.kind === 'count')
      problems.push(...checkGroupKeys(outcome.ratePerYear, [...at, 'ratePerYear'], groupIds, true));
    if (outcome.kind === 'harm')
      problems.push(...checkFrom(outcome.from, outcome.id, [...at, 'from'], countIds, outcomes));
    if (outcome.kind === 'binary') problems.push(...checkBinary(outcome, at, countIds, outcomes, groupIds));
    return problems;
  });
}

function checkFrom(
  from: string,
  ownId: string,
  path: (string | number)[],
  countIds: readonly string[],
  outcomes: readonly OutcomeInput[],
): PathProblem[] {
  if (countIds.includes(from)) return [];
  const named = outcomes.find((outcome) => outcome.id === from);
  const what =
    from === ownId
      ? 'names this outcome itself'
      : named
        ? `names a ${named.kind} outcome, "${from}"`
        : `names no outcome "${from}"`;
  const hint =
    countIds.length === 0
      ? 'add a count outcome to derive this one from'
      : suggestWord(from, countIds, 'count outcomes');
  return [{ path, message: `${what}; it must name a count outcome`, hint }];
}

function checkBinary(
  outcome: Extract<OutcomeInput, { kind: 'binary' }>,
  at: readonly (string | number)[],
  countIds: readonly string[],
  outcomes: readonly OutcomeInput[],
  groupIds: readonly string[],
): PathProblem[] {
  const hasPrevalence = outcome.prevalence !== undefined;
  const hasFrom = outcome.from !== undefined;
  if (hasPrevalence === hasFrom) {
    return [
      {
        path: [...at],
        message: hasFrom ? 'has both prevalence and from' : 'needs either prevalence or from',
        hint: 'give its own prevalence (with effect.riskRatio), or from: a count outcome id (any event = count > 0)',
      },
    ];
  }
  if (outcome.from !== undefined) {
    const problems = checkFrom(outcome.from, outcome.id, [...at, 'from'], countIds, outcomes);
    if (outcome.effect !== undefined) {
      problems.push({
        path: [...at, 'effect'],
        message: 'cannot be given for a binary derived with from:',
        hint: 'remove it: the effect comes from the count outcome’s rateRatio',
      });
    }
    return problems;
  }
  return [
    ...checkGroupKeys(outcome.prevalence, [...at, 'prevalence'], groupIds, true),
    ...checkRiskBelowOne(outcome, at, groupIds),
  ];
}

/** prevalence × riskRatio is the treated prevalence: it cannot exceed 1. */
function checkRiskBelowOne(
  outcome: Extract<OutcomeInput, { kind: 'binary' }>,
  at: readonly (string | number)[],
  groupIds: readonly string[],
): PathProblem[] {
  const ratio = outcome.effect?.riskRatio;
  const overall = typeof ratio === 'number' ? ratio : ratio !== undefined && 'to' in ratio ? ratio.to : 1;
  const problems: PathProblem[] = [];
  for (const group of groupIds) {
    const prevalence = typeof outcome.prevalence === 'number' ? outcome.prevalence : outcome.prevalence?.[group];
    const groupRatio = outcome.effect?.byGroup?.[group]?.riskRatio ?? overall;
    if (prevalence !== undefined && prevalence * groupRatio > 1) {
      problems.push({
        path: [...at, 'effect', 'riskRatio'],
        message: `gives a treated prevalence above 1 in group "${group}" (${prevalence} × ${groupRatio})`,
        hint: 'lower the risk ratio so prevalence × riskRatio ≤ 1',
      });
    }
  }
  return problems;
}
