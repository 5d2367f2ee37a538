/**
 * What each column of a cohort extract's header means (README "Fitting a scenario to records"):
 * an optional person id (`id` or `person_id`), a group column, per count outcome `OUTCOME_prior`
 * and `OUTCOME_followup`, optional `OUTCOME_prior_<months>m` (events in the last months of the
 * prior window, for eligibility rules), optional `exposure_prior_days` and
 * `exposure_followup_days`, and optional harm as `harm_followup_events` (each follow-up event's
 * severity, separated by ";") or `harm_followup_total` (each person's total).
 */
import { isScenarioId } from './scenario-id.js';
import type { ScenarioProblem } from './scenario-error.js';

/** How the user named the extract's columns and windows (the `fit` flags). */
export interface ExtractOptions {
  /** The group column; null: `group` if there is one, else everyone in one group. */
  readonly groupColumn: string | null;
  /** The count outcomes; null: every OUTCOME with an `OUTCOME_followup` column. */
  readonly outcomes: readonly string[] | null;
  readonly priorMonths: number | null;
  readonly followUpMonths: number;
  /** The count outcome whose events the harm severities belong to; null: the first outcome. */
  readonly harmFrom: string | null;
}

/** Column indices of everything the extract holds (−1: absent). */
export interface ExtractColumns {
  readonly id: number;
  readonly group: number;
  readonly outcomes: readonly string[];
  readonly prior: readonly number[] | null;
  readonly followUp: readonly number[];
  /** Per outcome: months → column of `OUTCOME_prior_<months>m`. */
  readonly recent: readonly ReadonlyMap<number, number>[];
  readonly priorDays: number;
  readonly followUpDays: number;
  readonly harmEvents: number;
  readonly harmTotal: number;
  readonly harmFrom: number;
  /** Columns that mean nothing to the fit. */
  readonly ignored: readonly string[];
  /** Number of columns in the header. */
  readonly width: number;
}

const FOLLOW_UP = '_followup';
const PRIOR = '_prior';
const RECENT = /^(.+)_prior_(\d+(?:\.\d+)?)m$/;
const KNOWN = [
  'id',
  'person_id',
  'exposure_prior_days',
  'exposure_followup_days',
  'harm_followup_events',
  'harm_followup_total',
];

/**
 * Reads the header: which column holds what, or every problem with it (a missing column, an
 * outcome name that is not an identifier, a repeated column).
 *
 * @example header "id,group,knife_prior,knife_followup" → outcomes [knife], prior [2], followUp [3]
 */
export function interpretHeader(
  header: readonly string[],
  columnAt: (index: number) => number,
  file: string,
  options: ExtractOptions,
): { columns: ExtractColumns } | { problems: ScenarioProblem[] } {
  const problems: ScenarioProblem[] = [];
  const problem = (index: number, message: string, hint: string, value = '') =>
    problems.push({
      file,
      line: 1,
      column: index < 0 ? 1 : columnAt(index),
      path: index < 0 ? '' : header[index],
      message,
      value,
      hint,
    });
  const at = (name: string) => header.indexOf(name);
  header.forEach((name, index) => {
    if (name === '') problem(index, 'has an empty column name', 'name every column in the first line');
    else if (header.indexOf(name) < index)
      problem(index, `repeats the column "${name}"`, 'keep one of the two columns');
  });
  const groupName = options.groupColumn ?? 'group';
  const group = at(groupName);
  if (options.groupColumn !== null && group < 0)
    problem(-1, `has no column "${groupName}" (named by --group)`, `the columns are: ${header.join(', ')}`);
  const outcomes =
    options.outcomes ??
    header
      .filter((name) => name.endsWith(FOLLOW_UP) && !KNOWN.includes(name))
      .map((name) => name.slice(0, -FOLLOW_UP.length));
  if (outcomes.length === 0)
    problem(
      -1,
      'has no count outcome columns',
      'add OUTCOME_followup columns (and OUTCOME_prior), e.g. knife_followup, or name them with --outcomes',
    );
  for (const outcome of outcomes) {
    const index = at(`${outcome}${FOLLOW_UP}`);
    if (!isScenarioId(outcome))
      problem(
        index,
        `names the outcome "${outcome}", which is not a scenario id`,
        'rename it: a letter, then letters, digits, "-" or "_" (at most 40)',
      );
    if (index < 0)
      problem(
        -1,
        `has no column "${outcome}${FOLLOW_UP}"`,
        `add it (events of ${outcome} in the follow-up window), or leave ${outcome} out of --outcomes`,
      );
  }
  const withPrior = outcomes.filter((outcome) => at(`${outcome}${PRIOR}`) >= 0);
  if (withPrior.length > 0 && withPrior.length < outcomes.length) {
    const missing = outcomes.filter((outcome) => !withPrior.includes(outcome));
    problem(
      -1,
      `has prior-window counts for ${withPrior.join(', ')} but not for ${missing.join(', ')}`,
      `add ${missing.map((o) => `${o}${PRIOR}`).join(', ')}, or drop every _prior column`,
    );
  }
  const hasPrior = withPrior.length > 0;
  if (hasPrior && options.priorMonths === null)
    problem(-1, 'has prior-window counts but no window length', 'give --prior-months, e.g. --prior-months 24');
  const recent = outcomes.map(() => new Map<number, number>());
  header.forEach((name, index) => {
    const match = RECENT.exec(name);
    const k = match === null ? -1 : outcomes.indexOf(match[1]);
    if (match !== null && k >= 0) recent[k].set(Number(match[2]), index);
  });
  const harmEvents = at('harm_followup_events');
  const harmTotal = at('harm_followup_total');
  if (harmEvents >= 0 && harmTotal >= 0)
    problem(
      harmTotal,
      'gives harm both per event and as totals',
      'keep harm_followup_events (better) or harm_followup_total',
    );
  const harmFromName = options.harmFrom ?? outcomes[0];
  const harmFrom = outcomes.indexOf(harmFromName);
  if (options.harmFrom !== null && harmFrom < 0)
    problem(
      -1,
      `has no count outcome "${options.harmFrom}" (named by --harm-from)`,
      `choose one of ${outcomes.join(', ')}`,
    );
  const used = new Set<number>([
    at('id'),
    at('person_id'),
    group,
    at('exposure_prior_days'),
    at('exposure_followup_days'),
    harmEvents,
    harmTotal,
  ]);
  outcomes.forEach((outcome, k) => {
    used.add(at(`${outcome}${FOLLOW_UP}`));
    used.add(at(`${outcome}${PRIOR}`));
    for (const index of recent[k].values()) used.add(index);
  });
  if (problems.length > 0) return { problems };
  return {
    columns: {
      id: at('id') >= 0 ? at('id') : at('person_id'),
      group,
      outcomes,
      prior: hasPrior ? outcomes.map((outcome) => at(`${outcome}${PRIOR}`)) : null,
      followUp: outcomes.map((outcome) => at(`${outcome}${FOLLOW_UP}`)),
      recent,
      priorDays: hasPrior ? at('exposure_prior_days') : -1,
      followUpDays: at('exposure_followup_days'),
      harmEvents,
      harmTotal,
      harmFrom,
      ignored: header.filter((_, index) => !used.has(index)),
      width: header.length,
    },
  };
}
