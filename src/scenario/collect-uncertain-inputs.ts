/**
 * Finds the uncertain values of a validated scenario document (uncertain-value.ts) and describes
 * each as the Design carries it: its `--set` path, central value, plausible range and distribution.
 */
import type { UncertainInput } from '../core/design.js';
import { centralValue, isUncertainInput, Z_975, type UncertainInput as WrittenInput } from './uncertain-value.js';

/**
 * Every uncertain value of `document` (the parsed scenario after `--set`, already validated), in
 * document order. List entries with an id are named by it, so the paths read as the user would
 * write them and work with `--set`: `outcomes.knife.ratePerYear.youth`.
 *
 * Example: a document with `cohort: { propensity: { dispersion: { from: 0.8, to: 3, central: 1.5 } } }`
 * gives one input, `{ path: 'cohort.propensity.dispersion', central: 1.5, low: 0.8, high: 3, … }`.
 */
export function collectUncertainInputs(document: unknown): UncertainInput[] {
  const found: UncertainInput[] = [];
  const walk = (value: unknown, path: string) => {
    if (isUncertainInput(value)) {
      found.push(describeInput(value, path));
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, `${path}.${idOf(item) ?? String(index)}`));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) walk(inner, path === '' ? key : `${path}.${key}`);
    }
  };
  walk(document, '');
  return found;
}

function idOf(item: unknown): string | undefined {
  const id = typeof item === 'object' && item !== null ? (item as Record<string, unknown>).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

// Whole-number fields of the scenario language: their draws are rounded.
const INTEGER_PATH =
  /(^|\.)(size\.(total|treated|control)|count|caseload|looks|atLeast|clusters|steps|priorMonths|withinMonths)$/;

function describeInput(input: WrittenInput, path: string): UncertainInput {
  const central = centralValue(input);
  const integer = INTEGER_PATH.test(path);
  const effect = /\.effect\.(rateRatio|riskRatio|severityRatio)$/.test(path);
  if ('lognormal' in input) {
    const { median, spread } = input.lognormal;
    const sdLog = Math.log(spread);
    return {
      path,
      central,
      low: roundIf(integer, median * Math.exp(-Z_975 * sdLog)),
      high: roundIf(integer, median * Math.exp(Z_975 * sdLog)),
      distribution: { kind: 'lognormal', median, sdLog },
      integer,
      effect,
    };
  }
  return {
    path,
    central,
    low: input.from,
    high: input.to,
    distribution: { kind: 'uniform', from: input.from, to: input.to },
    integer,
    effect,
  };
}

function roundIf(integer: boolean, value: number): number {
  return integer ? Math.round(value) : value;
}
