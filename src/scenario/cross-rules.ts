/**
 * Rules that tie scenario fields together, checked once every field is valid on its own. Each rule
 * says which path is wrong and how to fix it; all problems are returned together.
 */
import { checkClustering } from './cross-rules-clustering.js';
import { checkGroupKeys, checkGroups } from './cross-rules-groups.js';
import { checkOutcomes } from './cross-rules-outcomes.js';
import { DEFAULTS } from './defaults.js';
import { suggestWord } from './did-you-mean.js';
import type { PathProblem } from './path-problem.js';
import type { ScenarioInput } from './schema.js';

/** Every cross-field problem of a scenario that passed the schema. */
export function checkCrossRules(scenario: ScenarioInput): PathProblem[] {
  const groups = scenario.cohort?.groups ?? [DEFAULTS.group];
  const groupIds = groups.map((group) => group.id);
  return [
    ...checkGroups(groups),
    ...checkOutcomes(scenario.outcomes, groupIds),
    ...checkSelection(scenario),
    ...checkDesign(scenario, groupIds),
    ...checkClustering(scenario),
    ...checkPilot(scenario),
  ];
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
