/**
 * Each bad scenario fixture and the exact message it must produce: file:line:column, path, value
 * and fix for every problem, all at once. Adding a fixture without pinning its message fails.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadDesign } from '../../src/scenario/load-design.js';
import { ScenarioError } from '../../src/scenario/scenario-error.js';

const FOLDER = fileURLToPath(new URL('../fixtures/scenarios/bad/', import.meta.url));

const EXPECTED: Record<string, string[]> = {
  'alias-bomb.yaml': [
    'alias-bomb.yaml: repeats anchors (*name) more than 100 times in all',
    '  fix: write the values out instead of expanding anchors many times over',
    '1 problem found.',
  ],
  'bad-bygroup-key.yaml': [
    'bad-bygroup-key.yaml:8:32: outcomes[0].ratePerYear.adlut is not a group id',
    '  fix: did you mean "adult"?',
    'bad-bygroup-key.yaml:8:18: outcomes[0].ratePerYear must give a value for every group (missing: adult) (got {"youth":2.2,"adlut":1.8})',
    '  fix: add the missing groups, or give one number for everybody',
    '2 problems found.',
  ],
  'bad-effect-distribution.yaml': [
    'bad-effect-distribution.yaml:5:63: outcomes[0].effect.rateRatio.lognormal.spread must be a geometric standard deviation ≥ 1 (got 0.5)',
    '  fix: give the spread as a factor, e.g. 2 (1 = no spread); its log is the lognormal sdLog',
    '1 problem found.',
  ],
  'binary-two-sources.yaml': [
    'binary-two-sources.yaml:3:5: outcomes[1] has both prevalence and from (got {"id":"any","kind":"binary","from":"crime","prevalence":0.5})',
    '  fix: give its own prevalence (with effect.riskRatio), or from: a count outcome id (any event = count > 0)',
    '1 problem found.',
  ],
  'broken-yaml.yaml': [
    'broken-yaml.yaml:3:1: YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    '  fix: check the YAML near this line: indentation, brackets, quotes and colons',
    'broken-yaml.yaml:3:1: YAML: Flow map in block collection must be sufficiently indented and end with a }',
    '  fix: check the YAML near this line: indentation, brackets, quotes and colons',
    '2 problems found.',
  ],
  'circular-alias.yaml': [
    'circular-alias.yaml:3:13: design.size[0] refers back to itself (a cycle through the anchor at design.size)',
    '  fix: write the value out instead of referring to an anchor that contains it',
    '1 problem found.',
  ],
  'clustering-needs-sites.yaml': [
    'clustering-needs-sites.yaml:7:29: analysis.adjustForPrior needs cohort.selection (there is no prior window to adjust for) (got true)',
    '  fix: add cohort.selection, or set adjustForPrior: false',
    'clustering-needs-sites.yaml:6:18: design.randomisation is cluster, which needs design.sites (the clusters) (got "cluster")',
    '  fix: add sites: { count: 10, icc: 0.02 }',
    '2 problems found.',
  ],
  'cluster-summary-without-clusters.yaml': [
    'cluster-summary-without-clusters.yaml:2:59: outcomes[0].analysis compares randomised clusters (sites), so it needs randomisation: cluster (this is complete) (got "cluster-summary")',
    '  fix: set design.randomisation: cluster with design.sites, or choose a person-level analysis such as negative-binomial',
    '1 problem found.',
  ],
  'comments-only.yaml': [
    'comments-only.yaml: is empty',
    '  fix: start from `trialsim init FILE`, or see `trialsim scenarios`',
    '1 problem found.',
  ],
  'duplicate-key.yaml': [
    'duplicate-key.yaml:4:1: YAML: the key "design" appears twice in one mapping',
    '  fix: keep one of the repeated keys',
    '1 problem found.',
  ],
  'duplicate-outcome-id.yaml': [
    'duplicate-outcome-id.yaml:3:11: outcomes[1].id repeats the outcome id "crime" (got "crime")',
    '  fix: give each outcome its own id',
    '1 problem found.',
  ],
  'empty.yaml': [
    'empty.yaml: is empty',
    '  fix: start from `trialsim init FILE`, or see `trialsim scenarios`',
    '1 problem found.',
  ],
  'from-a-binary.yaml': [
    'from-a-binary.yaml:5:11: outcomes[1].from names a binary outcome, "reoffend"; it must name a count outcome (got "reoffend")',
    '  fix: add a count outcome to derive this one from',
    '1 problem found.',
  ],
  'icc-too-large.yaml': [
    'icc-too-large.yaml:9:37: design.caseworkers.icc is too large for the person-level dispersion 2 of "crime": icc × (1 + 2) must be below 1 (got 0.4)',
    '  fix: use an icc below 0.333 (realistic: 0.01–0.05)',
    '1 problem found.',
  ],
  'many-problems.yaml': [
    'many-problems.yaml:4:18: outcomes[0].ratePerYear must be a rate per person-year ≥ 0, or a map from group id to such a value (got "lots")',
    '  fix: give the control-arm events per person-year, e.g. 1.5 (realistic: 0.2–2.5, parameters.md)',
    'many-problems.yaml:5:26: outcomes[0].effect.rateRatio must be a ratio > 0 (1 = no effect) (got 0)',
    '  fix: give treated over control, e.g. 0.8 for a 20% reduction',
    'many-problems.yaml:7:19: design.followUpMonths must be a number of months > 0 (at most 240) (got -1)',
    '  fix: give months, e.g. 12',
    'many-problems.yaml:9:15: design.engagement must be a probability in [0, 1] (got 60)',
    '  fix: give a share such as 0.6 (not 60 or "60%")',
    'many-problems.yaml:10:20: analysis.alpha must be a significance level in (0, 0.5] (got 0.9)',
    '  fix: give e.g. 0.05',
    'many-problems.yaml:10:32: analysis.sides must be a number of sides: two | one (got "both")',
    '  fix: write one of two, one',
    'many-problems.yaml:11:23: simulation.trials must be a whole number of simulated trials from 1 to 100000000 (got 0)',
    '  fix: give e.g. 5000',
    '7 problems found.',
  ],
  'missing-design.yaml': [
    'missing-design.yaml:1:1: design is missing; it must be a mapping of keys (key: value)',
    '  fix: give its keys; `trialsim init FILE` writes an example with every part',
    '1 problem found.',
  ],
  'negative-rate.yaml': [
    'negative-rate.yaml:9:27: outcomes[1].ratePerYear.youth must be a rate per person-year ≥ 0 (got -2)',
    '  fix: give the control-arm events per person-year, e.g. 1.5 (realistic: 0.2–2.5, parameters.md)',
    '1 problem found.',
  ],
  'pilot-unknown-outcome.yaml': [
    'pilot-unknown-outcome.yaml:4:50: pilot.estimates.knfie is not an outcome id',
    '  fix: did you mean "knife"?',
    '1 problem found.',
  ],
  'probability-above-one.yaml': [
    'probability-above-one.yaml:2:47: outcomes[0].prevalence must be a probability in [0, 1] (got 1.5)',
    '  fix: give a share such as 0.6 (not 60 or "60%")',
    '1 problem found.',
  ],
  'proto-key.yaml': [
    'proto-key.yaml:2:49: uses the reserved key "constructor"',
    '  fix: remove this key: it is not part of the scenario language',
    'proto-key.yaml:4:1: uses the reserved key "__proto__"',
    '  fix: remove this key: it is not part of the scenario language',
    '2 problems found.',
  ],
  'reserved-id.yaml': [
    'reserved-id.yaml:2:19: cohort.groups[0].id must not be a name JavaScript objects already have (got "toString")',
    '  fix: choose another id',
    '1 problem found.',
  ],
  'selection-rules.yaml': [
    'selection-rules.yaml:5:22: cohort.selection.require[0].outcomes[0] names no count outcome "any" (got "any")',
    '  fix: known count outcomes: crime',
    'selection-rules.yaml:5:54: cohort.selection.require[0].withinMonths must be at most priorMonths (12) (got 24)',
    '  fix: shorten withinMonths or lengthen cohort.selection.priorMonths',
    '2 problems found.',
  ],
  'shares-not-summing.yaml': [
    'shares-not-summing.yaml:3:5: cohort.groups shares must add up to 1 (they add up to 1.1) (got [{"id":"youth","share":0.5},{"id":"adult","share":0.6}])',
    '  fix: make the shares of all groups sum to exactly 1, e.g. 0.44 and 0.56',
    '1 problem found.',
  ],
  'size-not-whole.yaml': [
    'size-not-whole.yaml:3:48: design.size.treated must be a whole number of people from 1 to 10000000 (got 45.5)',
    '  fix: give a positive whole number, e.g. 45',
    '1 problem found.',
  ],
  'size-wrong-form.yaml': [
    'size-wrong-form.yaml:3:37: design.size must be { treated, control }, { total, allocation } or { total, treated } (the rest control) (got {"treated":45,"control":"rest"})',
    '  fix: e.g. size: { treated: 45, control: 120 } or size: { total: 400, allocation: "1:1" }',
    '1 problem found.',
  ],
  'strata-site-without-sites.yaml': [
    'strata-site-without-sites.yaml:7:12: design.strata[0] needs design.sites (got "site")',
    '  fix: add sites: { count, icc } or stratify by group only',
    '1 problem found.',
  ],
  'top-level-list.yaml': [
    'top-level-list.yaml:1:1: must be a mapping of keys (name, cohort, outcomes, design, …) at the top level, not a list',
    '  fix: start the file with keys such as "name:" and "outcomes:"',
    '1 problem found.',
  ],
  'two-documents.yaml': [
    'two-documents.yaml:3:1: YAML: Source contains multiple documents; please use YAML.parseAllDocuments()',
    '  fix: a scenario is one document: remove the "---" line',
    '1 problem found.',
  ],
  'unknown-key.yaml': [
    'unknown-key.yaml:2:5: outcomes[0].ratePerYear is missing; it must be a rate per person-year ≥ 0, or a map from group id to such a value',
    '  fix: give the control-arm events per person-year, e.g. 1.5 (realistic: 0.2–2.5, parameters.md)',
    'unknown-key.yaml:4:5: outcomes[0].raetPerYear is not a known key',
    '  fix: did you mean "ratePerYear"?',
    '2 problems found.',
  ],
  'unknown-kind.yaml': [
    'unknown-kind.yaml:2:24: outcomes[0].kind must have kind: count | binary | harm (got "rate")',
    '  fix: add kind: count, kind: binary or kind: harm',
    '1 problem found.',
  ],
  'unknown-tag.yaml': [
    'unknown-tag.yaml:2:44: YAML: Unresolved tag: tag:yaml.org,2002:js/function',
    '  fix: remove the "!" tag: scenarios use plain values',
    '1 problem found.',
  ],
  'unknown-top-key.yaml': [
    'unknown-top-key.yaml:4:1: simulaton is not a known key',
    '  fix: did you mean "simulation"?',
    '1 problem found.',
  ],
  'within-unknown-group.yaml': [
    'within-unknown-group.yaml:4:57: outcomes[0].within names no group "yuoth" (got "yuoth")',
    '  fix: did you mean "youth"?',
    '1 problem found.',
  ],
  'wrong-analysis-for-kind.yaml': [
    'wrong-analysis-for-kind.yaml:5:15: outcomes[0].analysis must be an analysis for a count outcome: poisson-wald | quasi-poisson | negative-binomial | welch-t | mann-whitney | permutation | cluster-summary | cluster-robust | stepped-wedge-within | stepped-wedge-mixed | stepped-wedge-permutation (got "fisher-exact")',
    '  fix: write one of poisson-wald, quasi-poisson, negative-binomial, welch-t, mann-whitney, permutation, cluster-summary, cluster-robust, stepped-wedge-within, stepped-wedge-mixed, stepped-wedge-permutation',
    '1 problem found.',
  ],
};

async function messageOf(fixture: string): Promise<string> {
  const error = await loadDesign(`${FOLDER}${fixture}`).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ScenarioError);
  return (error as ScenarioError).message.split(FOLDER).join('');
}

describe('bad scenario fixtures', () => {
  test('every fixture in the folder has its message pinned here', () => {
    expect(readdirSync(FOLDER).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [fixture, lines] of Object.entries(EXPECTED)) {
    test(`${fixture} is refused with its pinned message`, async () => {
      expect((await messageOf(fixture)).split('\n')).toEqual(lines);
    });
  }

  test('every problem carries a file, a position or none, a message and a fix', async () => {
    for (const fixture of Object.keys(EXPECTED)) {
      const error = (await loadDesign(`${FOLDER}${fixture}`).catch((thrown: unknown) => thrown)) as ScenarioError;
      for (const problem of error.problems) {
        expect(problem.file.endsWith(fixture)).toBe(true);
        expect(problem.message.length).toBeGreaterThan(0);
        expect(problem.hint.length).toBeGreaterThan(0);
        expect(problem.line >= 0 && problem.column >= 0).toBe(true);
      }
    }
  });

  test('a __proto__ key pollutes no prototype', async () => {
    await loadDesign(`${FOLDER}proto-key.yaml`).catch(() => undefined);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
