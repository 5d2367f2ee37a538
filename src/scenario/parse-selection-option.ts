/**
 * The `--select` option of `trialsim fit`: eligibility rules in the scenario's `selection.require`
 * syntax, as YAML on the command line — a list of rules, or a mapping with `require` (and
 * optionally `priorMonths`, which must then be the extract's prior window).
 */
import { parse } from 'yaml';
import type { Selection } from '../core/design.js';
import type { Extract } from './extract.js';
import { ScenarioError } from './scenario-error.js';

const EXAMPLE = "--select '[{ outcomes: [knife], atLeast: 1, withinMonths: 12 }]'";

/**
 * Parses and checks `--select` against the extract: known count outcomes, whole atLeast ≥ 1,
 * withinMonths inside the prior window, and a `OUTCOME_prior_<months>m` column for every shorter
 * window. Throws a ScenarioError (exit 2) saying what is wrong and how to write it.
 *
 * @example parseSelectionOption('[{ outcomes: [knife], atLeast: 1, withinMonths: 24 }]', extract)
 *   → { priorMonths: 24, require: [{ outcomes: ['knife'], atLeast: 1, withinMonths: 24 }] }
 */
export function parseSelectionOption(text: string, extract: Extract): Selection {
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    throw selectProblem(
      `--select is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
      `write e.g. ${EXAMPLE}`,
    );
  }
  const priorMonths = extract.priorMonths;
  if (priorMonths === null)
    throw selectProblem(
      '--select needs prior-window counts (OUTCOME_prior columns) in the extract',
      'add them, or leave out --select',
    );
  const mapping = isRecord(value) ? value : null;
  const rules = Array.isArray(value) ? value : mapping?.require;
  if (mapping !== null && mapping.priorMonths !== undefined && mapping.priorMonths !== priorMonths)
    throw selectProblem(
      `--select has priorMonths ${String(mapping.priorMonths)} but the extract's prior window is ${priorMonths} months`,
      'leave priorMonths out, or give --prior-months the same value',
    );
  if (!Array.isArray(rules) || rules.length === 0)
    throw selectProblem("--select must be a list of rules (the scenario's selection.require)", `write e.g. ${EXAMPLE}`);
  return { priorMonths, require: rules.map((rule, index) => checkRule(rule, index, extract, priorMonths)) };
}

function checkRule(rule: unknown, index: number, extract: Extract, priorMonths: number): Selection['require'][number] {
  const where = `--select rule ${index + 1}`;
  if (!isRecord(rule))
    throw selectProblem(`${where} must be a mapping { outcomes, atLeast, withinMonths }`, `write e.g. ${EXAMPLE}`);
  const unknown = Object.keys(rule).filter((key) => !['outcomes', 'atLeast', 'withinMonths'].includes(key));
  if (unknown.length > 0)
    throw selectProblem(
      `${where} has unknown keys: ${unknown.join(', ')}`,
      'a rule has outcomes, atLeast and withinMonths',
    );
  const { outcomes, atLeast, withinMonths } = rule;
  if (!Array.isArray(outcomes) || outcomes.length === 0 || !outcomes.every((id) => typeof id === 'string'))
    throw selectProblem(
      `${where}: outcomes must be a list of count outcome ids`,
      `write e.g. outcomes: [${extract.outcomes[0]}]`,
    );
  const unknownOutcomes = outcomes.filter((id) => !extract.outcomes.includes(id));
  if (unknownOutcomes.length > 0)
    throw selectProblem(
      `${where}: the extract has no count outcome ${unknownOutcomes.join(', ')}`,
      `its outcomes are ${extract.outcomes.join(', ')}`,
    );
  if (typeof atLeast !== 'number' || !Number.isInteger(atLeast) || atLeast < 1)
    throw selectProblem(
      `${where}: atLeast must be a whole number ≥ 1 (got ${JSON.stringify(atLeast)})`,
      'write e.g. atLeast: 1',
    );
  if (typeof withinMonths !== 'number' || !(withinMonths > 0) || withinMonths > priorMonths)
    throw selectProblem(
      `${where}: withinMonths must be a number of months from 0 to the prior window's ${priorMonths} (got ${JSON.stringify(withinMonths)})`,
      `write e.g. withinMonths: ${priorMonths}`,
    );
  if (withinMonths < priorMonths)
    for (const id of outcomes)
      if (extract.recentPriorCounts[id]?.[withinMonths] === undefined)
        throw selectProblem(
          `${where} counts ${id} in the last ${withinMonths} months, but the extract has no ${id}_prior_${withinMonths}m column`,
          `add that column, or use withinMonths: ${priorMonths} (the whole prior window)`,
        );
  return { outcomes: outcomes as string[], atLeast, withinMonths };
}

function selectProblem(message: string, hint: string): ScenarioError {
  return new ScenarioError([{ file: '--select', line: 0, column: 0, path: '', message, value: '', hint }]);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
