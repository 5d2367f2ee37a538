import type { SelectionRule } from '../core/design.js';
import { shareEstimate } from './clopper-pearson.js';
import type { Estimate } from './estimate.js';
import type { Extract } from '../scenario/extract.js';

/** Who in the extract passes the eligibility rules. */
export interface EligibleShare {
  /** 1 for each person who passes every rule. */
  readonly eligible: Uint8Array;
  readonly overall: Estimate;
  readonly count: number;
  /** Per group of the extract. */
  readonly byGroup: readonly Estimate[];
  readonly countByGroup: Float64Array;
}

/**
 * Applies eligibility rules (the scenario's `selection.require`) to the extract's prior window:
 * a person is eligible when, for every rule, their events of the rule's outcomes in its last
 * `withinMonths` months add up to at least `atLeast`. A rule over the whole prior window uses
 * `OUTCOME_prior`; a shorter one uses `OUTCOME_prior_<months>m` (the reader has checked the columns
 * exist). The share eligible, overall and per group, comes with its exact 95% interval.
 * Reference: docs/scenario-language.md, "cohort.selection"; Clopper & Pearson (1934) for the intervals.
 *
 * @example rule { outcomes: [knife], atLeast: 1, withinMonths: 12 } on people with 0, 2 and 1
 *   knife offences in the last 12 months → eligible [0, 1, 1], share 2/3
 */
export function applySelection(extract: Extract, rules: readonly SelectionRule[]): EligibleShare {
  const eligible = new Uint8Array(extract.people).fill(1);
  for (const rule of rules) {
    const columns = rule.outcomes.map((id) => windowCounts(extract, id, rule.withinMonths));
    for (let i = 0; i < extract.people; i++) {
      if (eligible[i] === 0) continue;
      let events = 0;
      for (const column of columns) events += column[i];
      if (events < rule.atLeast) eligible[i] = 0;
    }
  }
  const countByGroup = new Float64Array(extract.groups.length);
  const peopleByGroup = new Float64Array(extract.groups.length);
  for (let i = 0; i < extract.people; i++) {
    peopleByGroup[extract.group[i]]++;
    countByGroup[extract.group[i]] += eligible[i];
  }
  const count = countByGroup.reduce((sum, value) => sum + value, 0);
  return {
    eligible,
    overall: shareEstimate(count, extract.people),
    count,
    byGroup: Array.from(countByGroup, (value, g) => shareEstimate(value, peopleByGroup[g])),
    countByGroup,
  };
}

function windowCounts(extract: Extract, outcome: string, months: number): Float64Array {
  const k = extract.outcomes.indexOf(outcome);
  if (months === extract.priorMonths && extract.priorCounts !== null && k >= 0) return extract.priorCounts[k];
  const recent = extract.recentPriorCounts[outcome]?.[months];
  if (recent === undefined)
    throw new RangeError(
      `applySelection: no counts of ${outcome} in the last ${months} months (the reader checks this)`,
    );
  return recent;
}
