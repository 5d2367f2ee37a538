/**
 * Cross-field rules of a replication plan (docs/scenario-language.md, "Planning a replication"):
 * every `original` can be read as an estimate with a standard error (the core's
 * `readOriginalResult` says what is wrong, so the rule is written once), it sits on an outcome
 * whose effect the design prior can replace, and the `replication` block and the originals come
 * together.
 */
import { criterionKey } from '../core/analysis/replication/criterion-key.js';
import { readOriginalResult, type ReportedResult } from '../core/inquiry/original-result.js';
import type { PathProblem } from './path-problem.js';
import type { ScenarioInput } from './schema.js';

/** Every problem with the scenario's originals and replication block. */
export function checkReplication(scenario: ScenarioInput): PathProblem[] {
  const problems: PathProblem[] = [];
  const withOriginal = scenario.outcomes.flatMap((outcome, index) => (outcome.original === undefined ? [] : [index]));
  for (const index of withOriginal) {
    const outcome = scenario.outcomes[index];
    const original = outcome.original!;
    const at = ['outcomes', index, 'original'];
    const given = (['ci', 'se', 'p'] as const).filter((field) => original[field] !== undefined);
    if (given.length !== 1) {
      problems.push({
        path: at,
        message:
          given.length === 0
            ? 'must say how precise the estimate was: one of ci, se or p'
            : `gives ${given.join(' and ')}: give exactly one of ci, se or p`,
        hint: 'e.g. original: { estimate: 0.602, ci: [0.38, 0.95] }, or p: significant when the report says no more',
      });
    } else {
      const reading = readOriginalResult(original as ReportedResult);
      if (!reading.ok) {
        for (const problem of reading.problems) {
          problems.push({ path: [...at, problem.field], message: problem.message, hint: problem.hint });
        }
      }
    }
    if (outcome.kind === 'binary' && outcome.from !== undefined) {
      problems.push({
        path: at,
        message: `is on a binary derived from "${outcome.from}", whose effect comes from that count`,
        hint: `put the original on outcome "${outcome.from}", or give this binary its own prevalence`,
      });
    }
    if (scenario.replication === undefined) {
      problems.push({
        path: at,
        message: 'needs a replication block saying how the replication is planned',
        hint: 'add e.g. replication: { prior: conditional, success: [significance, sceptical] } at the top level',
      });
    } else if (outcome.effect !== undefined && typeof Object.values(outcome.effect)[0] === 'object') {
      problems.push({
        path: ['outcomes', index, 'effect'],
        message:
          'gives a distribution of effects, but the replication draws this outcome’s effect from its design prior',
        hint: 'give a single ratio (it is replaced by the prior’s draw), or remove the effect',
      });
    }
  }
  const replication = scenario.replication;
  if (replication !== undefined) {
    if (withOriginal.length === 0) {
      problems.push({
        path: ['replication'],
        message: 'plans a replication, but no outcome carries the original result it replicates',
        hint: 'add original: { estimate, ci | se | p } to the outcomes the original trial reported',
      });
    }
    const seen = new Set<string>();
    (replication.success ?? []).forEach((entry, position) => {
      const key = criterionKey(
        typeof entry === 'object' ? { criterion: 'sceptical', recalibration: entry.sceptical } : { criterion: entry },
      );
      if (seen.has(key)) {
        problems.push({
          path: ['replication', 'success', position],
          message: `repeats the criterion ${key}`,
          hint: 'list each criterion once',
        });
      }
      seen.add(key);
    });
  }
  return problems;
}
