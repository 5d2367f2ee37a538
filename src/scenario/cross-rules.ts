/**
 * Rules that tie scenario fields together. Each rule family declares the parts of the scenario it
 * reads, so it can run in the same pass as the field checks whenever those parts are valid: a file
 * whose shares add up to 1.1 and which has a negative rate gets both problems at once. Each rule
 * says which path is wrong and how to fix it; all problems are returned together.
 */
import { checkClustering } from './cross-rules-clustering.js';
import { checkGroupKeys, checkGroups } from './cross-rules-groups.js';
import { checkInterim } from './cross-rules-interim.js';
import { checkOutcomes } from './cross-rules-outcomes.js';
import { checkReplication } from './cross-rules-replication.js';
import { checkRollout } from './cross-rules-rollout.js';
import { DEFAULTS } from './defaults.js';
import { suggestWord } from './did-you-mean.js';
import { checkDispersionInput } from './dispersion-parameter.js';
import type { DataPath, PathProblem } from './path-problem.js';
import type { ScenarioInput } from './schema.js';

/** A family of cross-field rules and the parts of the scenario (paths) it reads. */
interface CrossRule {
  readonly reads: readonly DataPath[];
  readonly check: (scenario: ScenarioInput) => PathProblem[];
}

const GROUPS: DataPath = ['cohort', 'groups'];

const CROSS_RULES: readonly CrossRule[] = [
  { reads: [GROUPS], check: (scenario) => checkGroups(groupsOf(scenario)) },
  { reads: [['outcomes'], GROUPS], check: (scenario) => checkOutcomes(scenario.outcomes, groupIdsOf(scenario)) },
  {
    reads: [['cohort', 'propensity']],
    check: (scenario) => checkDispersionInput(scenario.cohort?.propensity, ['cohort', 'propensity'], true),
  },
  { reads: [['outcomes']], check: checkOutcomeDispersions },
  { reads: [['cohort', 'selection'], ['analysis'], ['outcomes']], check: checkSelection },
  { reads: [['design'], GROUPS], check: (scenario) => checkDesign(scenario, groupIdsOf(scenario)) },
  { reads: [['design'], ['outcomes'], ['cohort', 'propensity']], check: checkClustering },
  { reads: [['pilot'], ['outcomes']], check: checkPilot },
  { reads: [['design'], ['outcomes'], ['analysis']], check: checkInterim },
  { reads: [['replication'], ['outcomes']], check: checkReplication },
  { reads: [['design'], ['outcomes'], ['analysis'], ['cohort', 'propensity']], check: checkRollout },
];

/**
 * Every cross-field problem of a scenario. With no `fieldProblems` the scenario passed the schema
 * and every rule runs; otherwise `scenario` is the raw data and only the rules none of whose inputs
 * has a field problem run (their inputs are then typed as the schema says).
 *
 * @example shares adding to 1.1 and a negative outcomes[0].ratePerYear → the group rule still
 *   reports the shares (it reads only cohort.groups); the outcome rules wait for the rate's fix
 */
export function checkCrossRules(scenario: ScenarioInput, fieldProblems: readonly PathProblem[] = []): PathProblem[] {
  const runnable = CROSS_RULES.filter((rule) =>
    rule.reads.every((read) => fieldProblems.every((problem) => !overlaps(problem.path, read))),
  );
  return runnable.flatMap((rule) => rule.check(scenario));
}

/** True when one path lies at or under the other (a problem there spoils what is read there). */
function overlaps(a: DataPath, b: DataPath): boolean {
  const shorter = Math.min(a.length, b.length);
  for (let i = 0; i < shorter; i++) if (a[i] !== b[i]) return false;
  return true;
}

function groupsOf(scenario: ScenarioInput): readonly { id: string; share: number }[] {
  return scenario.cohort?.groups ?? [DEFAULTS.group];
}

function groupIdsOf(scenario: ScenarioInput): string[] {
  return groupsOf(scenario).map((group) => group.id);
}

/** A count outcome's own dispersion given both as α and θ. */
function checkOutcomeDispersions(scenario: ScenarioInput): PathProblem[] {
  return scenario.outcomes.flatMap((outcome, index) =>
    outcome.kind === 'count' ? checkDispersionInput(outcome, ['outcomes', index], false) : [],
  );
}

function checkSelection(scenario: ScenarioInput): PathProblem[] {
  const selection = scenario.cohort?.selection;
  const problems: PathProblem[] = [];
  if (scenario.analysis?.adjustForPrior === true && selection === undefined) {
    problems.push({
      path: ['analysis', 'adjustForPrior'],
      message: 'needs cohort.selection (there is no prior window to adjust for)',
      hint: 'add cohort.selection, or set adjustForPrior: false',
    });
  }
  if (selection === undefined) return problems;
  const countIds = scenario.outcomes.filter((outcome) => outcome.kind === 'count').map((outcome) => outcome.id);
  selection.require.forEach((rule, index) => {
    const at = ['cohort', 'selection', 'require', index];
    rule.outcomes.forEach((id, position) => {
      if (!countIds.includes(id))
        problems.push({
          path: [...at, 'outcomes', position],
          message: `names no count outcome "${id}"`,
          hint: suggestWord(id, countIds, 'count outcomes'),
        });
    });
    if (rule.withinMonths > selection.priorMonths) {
      problems.push({
        path: [...at, 'withinMonths'],
        message: `must be at most priorMonths (${selection.priorMonths})`,
        hint: 'shorten withinMonths or lengthen cohort.selection.priorMonths',
      });
    }
  });
  return problems;
}

function checkDesign(scenario: ScenarioInput, groupIds: readonly string[]): PathProblem[] {
  const design = scenario.design;
  const randomisation = design.randomisation ?? DEFAULTS.randomisation;
  const problems: PathProblem[] = [...checkGroupKeys(design.engagement, ['design', 'engagement'], groupIds, true)];
  if ('total' in design.size && 'treated' in design.size && design.size.treated >= design.size.total) {
    problems.push({
      path: ['design', 'size', 'treated'],
      message: `must be below total (${design.size.total}) so some people are controls`,
      hint: 'lower treated or raise total',
    });
  }
  if (design.strata !== undefined && randomisation !== 'stratified') {
    problems.push({
      path: ['design', 'strata'],
      message: `is used only with randomisation: stratified (this is ${randomisation})`,
      hint: 'remove strata, or set randomisation: stratified',
    });
  }
  if ((design.blockSize ?? 0) > 0 && randomisation !== 'stratified') {
    problems.push({
      path: ['design', 'blockSize'],
      message: 'is used only with randomisation: stratified',
      hint: 'remove blockSize, or set randomisation: stratified',
    });
  }
  design.strata?.forEach((stratum, index) => {
    if (design.strata?.indexOf(stratum) !== index)
      problems.push({
        path: ['design', 'strata', index],
        message: `repeats "${stratum}"`,
        hint: 'list each attribute once',
      });
    if (stratum === 'site' && design.sites === undefined)
      problems.push({
        path: ['design', 'strata', index],
        message: 'needs design.sites',
        hint: 'add sites: { count, icc } or stratify by group only',
      });
  });
  if (randomisation === 'cluster' && design.sites === undefined) {
    problems.push({
      path: ['design', 'randomisation'],
      message: 'is cluster, which needs design.sites (the clusters)',
      hint: 'add sites: { count: 10, icc: 0.02 }',
    });
  }
  return problems;
}

function checkPilot(scenario: ScenarioInput): PathProblem[] {
  const ids = scenario.outcomes.map((outcome) => outcome.id);
  return Object.keys(scenario.pilot?.estimates ?? {})
    .filter((id) => !ids.includes(id))
    .map((id) => ({
      path: ['pilot', 'estimates', id],
      message: 'is not an outcome id',
      hint: suggestWord(id, ids, 'outcomes'),
      atKey: true,
    }));
}
